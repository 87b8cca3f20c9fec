import { Task } from '@lit/task';
import { html, LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { EXTRA_PER } from '../../shared/schemas/extra.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';

/** The property's extras (SPEC 2.23, 3): what guests can add to a stay, what each costs and per what; add and remove. */
@defineElement('db-owner-extras')
export class DbOwnerExtras extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;

  #save = new SaveController(this);

  #task = new Task(this, {
    task: ([api], { signal }) => api.extras(signal),
    args: () => [this.api] as const,
  });

  /** One action, then the screen read again (SaveController.act). */
  #act = (action: () => Promise<string>) => this.#save.act(action, () => this.#task.run());

  #add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const price = this.i18n.toMinor(value('price'));
    if (price === undefined) return this.#save.refuse(this.i18n.t('invalidAmount'));
    const name = value('name').trim();
    void this.#act(async () => {
      await this.api.addExtra({ name, price, per: value('per') as (typeof EXTRA_PER)[number] });
      form.reset();
      return this.i18n.t('extraAdded', { name });
    });
  }

  override render() {
    const t = this.i18n;
    return html`<h1 tabindex="-1">${t.t('extrasHeading')}</h1>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (extras) =>
          html`<section class="card" aria-label=${t.t('extrasHeading')}>
            ${
              extras.length
                ? html`<ul class="rows">
                  ${extras.map(
                    (extra) =>
                      html`<li class="row">
                        <span><strong>${t.text(extra.name)}</strong><br /><span class="muted">${t.money(extra.price)} ${t.t(`per_${extra.per}`)}</span></span>
                        <button
                          type="button"
                          class="secondary"
                          ?disabled=${this.#save.busy}
                          @click=${() => void this.#act(async () => (await this.api.deleteExtra(extra.id), t.t('extraRemoved', { name: t.text(extra.name) })))}
                        >
                          <span aria-hidden="true">×</span><span class="visually-hidden">${t.t('removeExtra', { name: t.text(extra.name) })}</span>
                        </button>
                      </li>`,
                  )}
                </ul>`
                : html`<p class="muted">${t.t('noExtras')}</p>`
            }
          </section>`,
      })}
      <section class="card" aria-labelledby="add-heading">
        <h2 id="add-heading">${t.t('addExtra')}</h2>
        <form class="form" @submit=${this.#add}>
          <label class="field">${t.t('extraName')}<input name="name" required maxlength="200" autocomplete="off" /></label>
          <div class="inline">
            <label class="field">${t.t('extraPrice')}<input name="price" inputmode="decimal" required autocomplete="off" /></label>
            <label class="field"
              >${t.t('extraPer')}
              <select name="per">
                ${EXTRA_PER.map((per) => html`<option value=${per}>${t.t(`per_${per}`)}</option>`)}
              </select>
            </label>
          </div>
          ${this.#save.feedback(t)}
          <button type="submit" class="primary" ?disabled=${this.#save.busy}>${t.t('addExtra')}</button>
        </form>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-extras': DbOwnerExtras;
  }
}
