import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, todayIn } from '../../shared/dates.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import type { OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { editStyles } from './owner-edit.styles.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { taskError } from './task-error.ts';

// Sunday first, as the API numbers weekdays (0 = Sunday); 2023-01-01 was a Sunday.
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const A_SUNDAY = '2023-01-01';
const SHOWN_DAYS = 28;

/**
 * A rate's prices (SPEC 2.21): a price from a date, to a date or open-ended, on every night or on
 * some weekdays (`PUT …/prices`, merged by date), and the nights' effective prices read back with
 * where each comes from: the rate's default, a weekday pattern or a date.
 */
@defineElement('db-owner-rate-prices')
export class DbOwnerRatePrices extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, editStyles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  /** The rate whose prices these are. */
  @property({ attribute: false }) rate!: Rate;
  /** The room type of a rate across several (SPEC 2.21), whose prices the API keeps apart; with its name for the heading. */
  @property({ attribute: false }) roomType?: { id: string; name: string };

  /** The property's time zone: the table starts on its today. */
  @property() timezone = 'UTC';

  /** The first night of the read-back table, once the owner picks one. */
  @state() private chosenFrom?: string;

  get #from() {
    return this.chosenFrom ?? todayIn(this.timezone, new Date());
  }

  #save = new SaveController(this);

  #task = new Task(this, {
    task: ([api, rate, from, roomType], { signal }) => api.prices(rate.id, from, addDays(from, SHOWN_DAYS - 1), signal, roomType?.id),
    args: () => [this.api, this.rate, this.#from, this.roomType] as const,
  });

  #submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const weekdays = [...form.querySelectorAll<HTMLInputElement>('input[name=weekday]:checked')].map((input) => Number(input.value));
    const amount = this.i18n.toMinor(value('amount'));
    if (amount === undefined) return this.#save.reject({ 'prices.0.amount': this.i18n.t('invalidAmount') });
    const entry = {
      from: value('from'),
      amount,
      ...(value('to') ? { to: value('to') } : {}),
      ...(weekdays.length ? { weekdays } : {}),
      ...(this.roomType ? { roomTypeId: this.roomType.id } : {}),
    };
    void this.#save.run(async () => {
      await this.api.setPrices(this.rate.id, [entry]);
      this.chosenFrom = entry.from;
      await this.#task.run();
      return this.i18n.t('priceSaved', { rate: this.i18n.text(this.rate.name) });
    }, ['prices.0.from', 'prices.0.to', 'prices.0.weekdays', 'prices.0.amount']);
  }

  override render() {
    const t = this.i18n;
    const s = this.#save;
    const field = (path: string) => ({ invalid: s.invalid(path), describedBy: s.describedBy(path) });
    const from = field('prices.0.from');
    const to = field('prices.0.to');
    const amount = field('prices.0.amount');
    return html`<section class="card form" aria-labelledby="prices-heading">
      <h2 id="prices-heading">${t.t('ratePrices')}${this.roomType ? html` · ${this.roomType.name}` : nothing}</h2>
      <form class="form" @submit=${this.#submit}>
        <div class="inline">
          <label class="field">${t.t('from')}<input type="date" name="from" required .value=${this.#from} aria-invalid=${from.invalid} aria-describedby=${from.describedBy} />${s.errorFor('prices.0.from')}</label>
          <label class="field"
            >${t.t('toOptional')}<input type="date" name="to" aria-invalid=${to.invalid} aria-describedby=${to.describedBy} />${s.errorFor('prices.0.to')}</label
          >
        </div>
        <fieldset aria-describedby=${s.describedBy('prices.0.weekdays')}>
          <legend>${t.t('weekdays')}</legend>
          <div class="choices">
            ${WEEKDAYS.map((day) => html`<label><input type="checkbox" name="weekday" value=${day} />${t.date(addDays(A_SUNDAY, day), { weekday: 'short' })}</label>`)}
          </div>
          ${s.errorFor('prices.0.weekdays')}
        </fieldset>
        <label class="field short"
          >${t.t('price')}<input name="amount" inputmode="decimal" required autocomplete="off" aria-invalid=${amount.invalid} aria-describedby=${amount.describedBy} />${s.errorFor('prices.0.amount')}</label
        >
        ${s.feedback(t)}
        <div class="buttons"><button type="submit" class="primary" ?disabled=${s.busy}>${t.t('setPrice')}</button></div>
      </form>
      <h3 id="nights-heading">${t.t('nightsFrom', { date: t.date(this.#from, { day: 'numeric', month: 'long', year: 'numeric' }) })}</h3>
      <label class="field short"
        >${t.t('showFrom')}<input
          type="date"
          .value=${this.#from}
          @change=${(e: Event) => {
            const value = (e.target as HTMLInputElement).value;
            if (value) this.chosenFrom = value;
          }}
      /></label>
      ${this.#task.render({
        pending: () => html`<p class="muted" role="status">${t.t('loading')}</p>`,
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (nights) =>
          html`<div class="scroller" role="region" aria-labelledby="prices-heading nights-heading" tabindex="0">
            <table class="data nights">
              <thead>
                <tr>
                  <th scope="col">${t.t('night')}</th>
                  <th scope="col" class="money">${t.t('price')}</th>
                  <th scope="col">${t.t('priceSource')}</th>
                </tr>
              </thead>
              <tbody>
                ${nights.map(
                  (night) =>
                    html`<tr>
                      <th scope="row">${t.date(night.date, { weekday: 'short', day: 'numeric', month: 'short' })}</th>
                      <td class="money">${t.money(night.amount)}</td>
                      <td>${t.t(`source_${night.source}`)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`,
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-rate-prices': DbOwnerRatePrices;
  }
}
