import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ratePath } from './owner-routes.ts';
import { ownerStyles } from './owner.styles.ts';
import { depositWords, derivedWords, policyWords } from './rate-words.ts';
import { taskError } from './task-error.ts';

/**
 * The property's rates (SPEC 2.23), grouped by the first room type each covers, so a plan across
 * several shows once with all of them (SPEC 2.21): each with its nightly prices or the rate it
 * derives from, deposit and policy, linking to its form.
 */
@defineElement('db-owner-rates')
export class DbOwnerRates extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  #task = new Task(this, {
    task: ([api], { signal }) => Promise.all([api.roomTypes(signal), api.rates(signal)]),
    args: () => [this.api] as const,
  });

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('ratesHeading')}</h1>
      <p class="lead"><a class="primary" href=${ratePath(undefined)}>${t.t('newRate')}</a></p>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: ([roomTypes, rates]) => {
          const roomTypeName = (id: string) => {
            const roomType = roomTypes.find((r) => r.id === id);
            return roomType ? t.text(roomType.name) : id;
          };
          return roomTypes.map((roomType) => {
            const own = rates.filter((rate) => rate.roomTypeId === roomType.id);
            return html`<section class="card" aria-labelledby="rt-${roomType.id}">
              <h2 id="rt-${roomType.id}">${t.text(roomType.name)}</h2>
              ${
                own.length
                  ? html`<ul class="rows">
                    ${own.map(
                      (rate) =>
                        html`<li>
                          <a class="row" href=${ratePath(rate.id)}>
                            <span
                              ><strong>${t.text(rate.name)}</strong>${
                                (rate.roomTypes?.length ?? 1) > 1
                                  ? html`<br /><span class="covers">${rate.roomTypes!.map((entry) => `${roomTypeName(entry.roomTypeId)}${rate.derivedFrom ? '' : ` ${t.money(entry.nightlyPrice)}`}`).join(' · ')}</span>`
                                  : nothing
                              }<br /><span class="muted">${depositWords(t, rate.deposit)} · ${policyWords(t, rate)}</span></span
                            >
                            <span class="money"
                              >${rate.derivedFrom ? derivedWords(t, rate.derivedFrom, rates) : (rate.roomTypes?.length ?? 1) > 1 ? nothing : t.t('perNight', { amount: t.money(rate.nightlyPrice) })}</span
                            >
                          </a>
                        </li>`,
                    )}
                  </ul>`
                  : html`<p class="muted">${t.t('noRates')}</p>`
              }
            </section>`;
          });
        },
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-rates': DbOwnerRates;
  }
}
