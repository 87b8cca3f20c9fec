import { Task } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { addDays, todayIn } from '../../shared/dates.ts';
import type { Closures } from '../../shared/schemas/property.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import type { NightRestriction } from '../../shared/schemas/restrictions.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import { defineElement } from '../define.ts';
import { stepStyles } from '../step.styles.ts';
import { theme } from '../theme.styles.ts';
import { DAYS, datesBetween, datesFrom, isClosed, unitsLeft } from './calendar-grid.ts';
import type { NightPrices, OwnerApi } from './owner-api.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { ownerStyles } from './owner.styles.ts';
import { SaveController } from './save-controller.ts';
import { styles } from './db-owner-calendar.styles.ts';
import { taskError } from './task-error.ts';

interface Grid {
  dates: string[];
  roomTypes: RoomType[];
  rates: Rate[];
  /** By `priceKey(rate, roomTypeId)`: a plan has prices per room type. */
  prices: Map<string, NightPrices>;
  restrictions: Map<string, NightRestriction[]>;
  closures: Closures;
  bookings: Booking[];
}

// Sunday first, as the API numbers weekdays (0 = Sunday); 2023-01-01 was a Sunday.
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];
const A_SUNDAY = '2023-01-01';
/** The room types a rate covers (SPEC 2.21): several for a plan. */
const covers = (rate: Rate) => rate.roomTypes?.map((entry) => entry.roomTypeId) ?? [rate.roomTypeId];
const priceKey = (rateId: string, roomTypeId: string) => `${rateId} ${roomTypeId}`;
/** A plan's prices are read and written per room type; a rate of one room type needs none named. */
const roomTypeOf = (rate: Rate, roomTypeId: string) => (covers(rate).length > 1 ? roomTypeId : undefined);

/** The rate choice that applies an action to every rate, one request per rate. */
const ALL_RATES = '';
/** A minimum stay the console offers: a month covers what guesthouses ask for; the API allows more. */
const MAX_MIN_STAY = 30;

/**
 * The calendar (SPEC 2.23): room types × the next 14 dates with units left, each rate's price and
 * closed dates; below it, a date range and weekdays to set a rate's price for, or to close or open.
 */
@defineElement('db-owner-calendar')
export class DbOwnerCalendar extends LitElement {
  static override styles = [theme, stepStyles, ownerStyles, styles];

  @property({ attribute: false }) api!: OwnerApi;
  @property({ attribute: false }) i18n!: OwnerI18n;
  /** The property's time zone: the grid starts on its today. */
  @property() timezone = 'UTC';

  #save = new SaveController(this);

  #task = new Task(this, {
    task: async ([api, timezone], { signal }): Promise<Grid> => {
      const dates = datesFrom(todayIn(timezone, new Date()));
      const from = dates[0]!;
      const to = dates[DAYS - 1]!;
      const [roomTypes, rates, closures, bookings] = await Promise.all([api.roomTypes(signal), api.rates(signal), api.closures(signal), api.bookings({ from, to }, signal)]);
      const [prices, restrictions] = await Promise.all([
        Promise.all(rates.flatMap((rate) => covers(rate).map(async (id) => [priceKey(rate.id, id), await api.prices(rate.id, from, to, signal, roomTypeOf(rate, id))] as const))),
        Promise.all(rates.map(async (rate) => [rate.id, await api.restrictions(rate.id, from, to, signal)] as const)),
      ]);
      return { dates, roomTypes, rates, prices: new Map(prices), restrictions: new Map(restrictions), closures, bookings };
    },
    args: () => [this.api, this.timezone] as const,
  });

  /** One action, then the screen read again (SaveController.act). */
  #act = (action: () => Promise<string>) => this.#save.act(action, () => this.#task.run());

  /** The form's range and weekdays, or an error shown to the owner. */
  #selection(form: HTMLFormElement) {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    const weekdays = [...form.querySelectorAll<HTMLInputElement>('input[name=weekday]:checked')].map((input) => Number(input.value));
    // An option is a rate and one room type it covers, or "All rates".
    const [rateId = ALL_RATES, roomTypeId = ''] = value('rate').split(' ');
    return { from: value('from'), to: value('to'), weekdays, rateId, roomTypeId, amount: value('amount'), minStay: value('minStay') };
  }

  /** The chosen rate, or every eligible rate for "All rates"; `saved` confirms the change in the owner's words. */
  #chosenRates(grid: Grid, rateId: string, key: 'priceSaved' | 'minStaySaved', eligible: (rate: Rate) => boolean = () => true) {
    const t = this.i18n;
    if (rateId === ALL_RATES) return { rates: grid.rates.filter(eligible), saved: t.t(`${key}All`) };
    const rate = grid.rates.find((r) => r.id === rateId)!;
    return { rates: [rate], saved: t.t(key, { rate: t.text(rate.name) }) };
  }

  #setPrice(event: SubmitEvent, grid: Grid) {
    event.preventDefault();
    const { from, to, weekdays, rateId, roomTypeId, amount: text } = this.#selection(event.target as HTMLFormElement);
    if (to < from) return this.#save.refuse(this.i18n.t('toBeforeFrom'));
    const amount = this.i18n.toMinor(text);
    if (amount === undefined) return this.#save.refuse(this.i18n.t('invalidAmount'));
    // A derived rate has no prices of its own: it follows its parent's (SPEC 2.21).
    const { rates, saved } = this.#chosenRates(grid, rateId, 'priceSaved', (rate) => !rate.derivedFrom);
    void this.#act(async () => {
      for (const rate of rates) {
        // The chosen room type of a plan, or with "All rates" each room type it covers, in one request.
        const roomTypeIds = rateId === ALL_RATES ? covers(rate) : [roomTypeId];
        await this.api.setPrices(
          rate.id,
          roomTypeIds.map((id) => {
            const roomType = roomTypeOf(rate, id);
            return { from, to, amount, ...(weekdays.length ? { weekdays } : {}), ...(roomType ? { roomTypeId: roomType } : {}) };
          }),
        );
      }
      return saved;
    });
  }

  #setMinStay(form: HTMLFormElement, grid: Grid) {
    const { from, to, weekdays, rateId, minStay } = this.#selection(form);
    if (!from || !to) return void form.reportValidity();
    if (to < from) return this.#save.refuse(this.i18n.t('toBeforeFrom'));
    const minNights = Number(minStay);
    if (!Number.isInteger(minNights) || minNights < 1 || minNights > MAX_MIN_STAY) return this.#save.refuse(this.i18n.t('invalidMinStay', { max: MAX_MIN_STAY }));
    const { rates, saved } = this.#chosenRates(grid, rateId, 'minStaySaved');
    void this.#act(async () => {
      for (const rate of rates) await this.api.setRestrictions(rate.id, [{ from, to, minNights, ...(weekdays.length ? { weekdays } : {}) }]);
      return saved;
    });
  }

  #setClosed(form: HTMLFormElement, grid: Grid, closed: boolean) {
    if (!form.reportValidity()) return;
    const { from, to, weekdays } = this.#selection(form);
    if (to < from) return this.#save.refuse(this.i18n.t('toBeforeFrom'));
    const chosen = new Set(datesBetween(from, to, weekdays));
    const kept = grid.closures.dates.filter((date) => !chosen.has(date));
    const dates = closed ? [...kept, ...chosen].sort() : kept;
    void this.#act(async () => {
      await this.api.setClosures({ ...grid.closures, dates });
      return this.i18n.t('closuresSaved');
    });
  }

  override render() {
    const t = this.i18n;
    const grid = this.#task.value;
    return html`<h1 tabindex="-1">${t.t('calendarHeading')}</h1>
      ${this.#task.render({
        pending: () => (grid ? this.#renderGrid(grid) : html`<p class="muted" role="status">${t.t('loading')}</p>`),
        error: (error) => taskError(t, error, () => void this.#task.run()),
        complete: (value) => this.#renderGrid(value),
      })}`;
  }

  #renderGrid(grid: Grid) {
    const t = this.i18n;
    const now = new Date();
    return html`<div class="card grid-card">
        <div class="scroller" role="region" aria-labelledby="grid-caption" tabindex="0">
          <table>
            <caption id="grid-caption" class="visually-hidden">${t.t('calendarHeading')}</caption>
            <thead>
              <tr>
                <th scope="col"><span class="visually-hidden">${t.t('roomType')}</span></th>
                ${grid.dates.map((date) => {
                  const closed = isClosed(grid.closures, date);
                  return html`<th scope="col" class=${closed ? 'closed' : ''}>
                    <span class="weekday">${t.date(date, { weekday: 'short' })}</span><span class="day">${t.date(date, { day: 'numeric', month: 'short' })}</span>
                    ${closed ? html`<span class="closed-label">${t.t('closed')}</span>` : nothing}
                  </th>`;
                })}
              </tr>
            </thead>
            ${grid.roomTypes.map(
              (roomType) => html`<tbody>
                <tr class="units">
                  <th scope="row">${t.text(roomType.name)}</th>
                  ${grid.dates.map((date) => html`<td class=${isClosed(grid.closures, date) ? 'closed' : ''}>${t.t('unitsLeft', { count: unitsLeft(roomType, date, grid.bookings, now) })}</td>`)}
                </tr>
                ${grid.rates
                  .filter((rate) => covers(rate).includes(roomType.id))
                  .map(
                    (rate) => html`<tr class="rate">
                      <th scope="row">${t.text(rate.name)}</th>
                      ${grid.dates.map((date) => {
                        const night = grid.prices.get(priceKey(rate.id, roomType.id))?.find((p) => p.date === date);
                        const rule = grid.restrictions.get(rate.id)?.find((r) => r.date === date);
                        return html`<td class="money ${night && night.source !== 'default' ? 'set' : ''} ${isClosed(grid.closures, date) ? 'closed' : ''}">
                          ${night ? t.price(night.amount) : '—'}${rule ? restrictionMarks(t, rule) : nothing}
                        </td>`;
                      })}
                    </tr>`,
                  )}
              </tbody>`,
            )}
          </table>
        </div>
      </div>
      ${this.#renderEditor(grid)}`;
  }

  #renderEditor(grid: Grid) {
    const t = this.i18n;
    const [first] = grid.dates;
    return html`<section class="card" aria-labelledby="edit-heading">
      <h2 id="edit-heading">${t.t('editHeading')}</h2>
      <form class="form" @submit=${(e: SubmitEvent) => this.#setPrice(e, grid)}>
        <div class="inline">
          <label class="field">${t.t('from')}<input type="date" name="from" required .value=${first!} /></label>
          <label class="field">${t.t('to')}<input type="date" name="to" required .value=${addDays(first!, DAYS - 1)} /></label>
        </div>
        <fieldset>
          <legend>${t.t('weekdays')}</legend>
          <div class="choices">
            ${WEEKDAYS.map((day) => html`<label><input type="checkbox" name="weekday" value=${day} />${t.date(addDays(A_SUNDAY, day), { weekday: 'short' })}</label>`)}
          </div>
        </fieldset>
        <div class="inline">
          <label class="field"
            >${t.t('rate')}
            <select name="rate">
              ${[
                ...grid.roomTypes.flatMap((roomType) =>
                  grid.rates
                    .filter((r) => covers(r).includes(roomType.id))
                    .map((rate) => html`<option value=${priceKey(rate.id, roomType.id)}>${t.text(roomType.name)} · ${t.text(rate.name)}</option>`),
                ),
                // In the same list as the rates: a static option would be selected before the rates arrive.
                html`<option value=${ALL_RATES}>${t.t('allRates')}</option>`,
              ]}
            </select>
          </label>
        </div>
        <div class="inline action">
          <label class="field">${t.t('price')}<input name="amount" inputmode="decimal" autocomplete="off" /></label>
          <button type="submit" class="primary" ?disabled=${this.#save.busy}>${t.t('setPrice')}</button>
        </div>
        <div class="inline action">
          <label class="field">${t.t('minStay')}<input name="minStay" type="number" min="1" max=${MAX_MIN_STAY} step="1" inputmode="numeric" autocomplete="off" /></label>
          <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${(e: Event) => this.#setMinStay((e.target as HTMLElement).closest('form')!, grid)}>${t.t('setMinStay')}</button>
        </div>
        ${this.#save.feedback(t)}
        <div class="buttons">
          <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${(e: Event) => this.#setClosed((e.target as HTMLElement).closest('form')!, grid, true)}>${t.t('closeDates')}</button>
          <button type="button" class="secondary" ?disabled=${this.#save.busy} @click=${(e: Event) => this.#setClosed((e.target as HTMLElement).closest('form')!, grid, false)}>${t.t('openDates')}</button>
        </div>
      </form>
    </section>`;
  }
}

/** Under a night's price: "2+" for a minimum stay over one night, and whether guests cannot arrive that night. */
function restrictionMarks(t: OwnerI18n, rule: NightRestriction) {
  const minStay = rule.minNights !== null && rule.minNights > 1;
  if (!minStay && !rule.closedToArrival) return nothing;
  return html`${minStay ? html`<span class="min-stay"><span aria-hidden="true">${rule.minNights}+</span><span class="visually-hidden">${t.t('minNightsWords', { count: rule.minNights! })}</span></span>` : nothing}${
    rule.closedToArrival ? html`<span class="no-arrival">${t.t('noArrival')}</span>` : nothing
  }`;
}

declare global {
  interface HTMLElementTagNameMap {
    'db-owner-calendar': DbOwnerCalendar;
  }
}
