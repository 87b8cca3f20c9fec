import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, daysBetween, shiftMonths } from '../shared/dates.ts';
import type { Calendar } from '../shared/schemas/stay.ts';
import { MAX_NIGHTS } from '../shared/schemas/common.ts';
import { compactMoney, firstDayOfWeek } from './calendar-format.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbDatesChangeEvent, DbViewChangeEvent } from './events.ts';
import { addMonths, monthStart, monthWeeks } from './month.ts';
import { styles } from './db-date-picker.styles.ts';
import { theme } from './theme.styles.ts';

type Day = Calendar['days'][number];

// How far ahead the guest may page: the property publishes a year of closures and prices.
const MONTHS_AHEAD = 13;

/**
 * A range calendar: the first click picks check-in, the second check-out. Closed and
 * sold-out nights cannot start a stay or lie inside one, though a stay may end on them
 * (SPEC 2.6: the checkout day itself may be closed). SPEC 2.22: a night no rate takes arrivals
 * on cannot start a stay, a date no rate lets a stay end on cannot end one, and a check-out
 * closer than the arrival's shortest stay cannot be picked. Keyboard follows the WAI-ARIA date
 * picker grid: arrows, Home/End, Page Up/Down (with Shift: a year).
 *
 * @fires db-dates-change - A full range was chosen; `value` is `{checkIn, checkOut}`.
 * @fires db-view-change - The visible months changed; `value` is `{from, to}` (to exclusive).
 * @csspart calendar - The whole calendar.
 * @csspart day - Each day button.
 */
@defineElement('db-date-picker')
export class DbDatePicker extends DbElement {
  static override styles = [theme, styles];

  /** The chosen check-in date (YYYY-MM-DD). */
  @property({ attribute: 'check-in' }) checkIn?: string;

  /** The chosen check-out date (YYYY-MM-DD). */
  @property({ attribute: 'check-out' }) checkOut?: string;

  /** The earliest check-in: today at the property. */
  @property() min = '';

  /** Dates the property is closed, known before the calendar arrives. */
  @property({ attribute: false }) closedDates: readonly string[] = [];

  /** Per-night closures, sold-out nights, prices and restrictions from the calendar endpoint. */
  @property({ attribute: false }) days: readonly Day[] = [];

  /** The first visible month. */
  @state() private month = '';

  /** How many months fit side by side. */
  @state() private columns = 1;

  /** A check-in picked while the check-out is still to come. */
  @state() private draftIn?: string;

  /** The day that holds the grid's single tab stop. */
  @state() private focusDate = '';

  #dayInfo = new Map<string, Day>();
  #closed = new Set<string>();
  #moveFocus = false;
  // Deferred a frame: changing the layout inside the callback would re-trigger it in the same frame.
  #resizeObserver = new ResizeObserver(([entry]) => {
    const columns = (entry?.contentRect.width ?? 0) >= 560 ? 2 : 1;
    if (columns !== this.columns) requestAnimationFrame(() => (this.columns = columns));
  });

  override connectedCallback() {
    super.connectedCallback();
    this.#resizeObserver.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resizeObserver.disconnect();
  }

  /** Puts keyboard focus on the selected (or first bookable) day, once rendered; callers may await that. */
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- a caller that ignores the promise still gets the focus
  override async focus() {
    await this.updateComplete;
    this.#dayButton(this.focusDate)?.focus();
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('days')) this.#dayInfo = new Map(this.days.map((d) => [d.date, d]));
    if (changed.has('closedDates')) this.#closed = new Set(this.closedDates);
    if (!this.focusDate || changed.has('checkIn')) this.focusDate = this.checkIn ?? this.min;
    if (!this.month && this.focusDate) this.month = monthStart(this.focusDate);
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('month') || changed.has('columns')) {
      this.dispatchEvent(new DbViewChangeEvent({ from: this.month, to: addMonths(this.month, this.columns) }));
    }
    if (this.#moveFocus) {
      this.#moveFocus = false;
      this.#dayButton(this.focusDate)?.focus();
    }
  }

  override render() {
    const { i18n } = this;
    const first = monthStart(this.min);
    const months = Array.from({ length: this.columns }, (_, i) => addMonths(this.month, i));
    return html`<div class="calendar" part="calendar">
      <div class="nav">
        <button type="button" class="nav-button" aria-label=${i18n.t('previousMonth')} ?disabled=${this.month <= first}
          @click=${() => this.#page(-1)}>${chevron('left')}</button>
        <p class="hint" aria-live="polite">${i18n.t(this.draftIn ? 'chooseCheckOut' : 'chooseCheckIn')}${this.#draftMinStay ? html`<span class="visually-hidden">, ${this.#draftMinStay}</span>` : nothing}</p>
        <button type="button" class="nav-button" aria-label=${i18n.t('nextMonth')} ?disabled=${addMonths(this.month, this.columns) > addMonths(first, MONTHS_AHEAD)}
          @click=${() => this.#page(1)}>${chevron('right')}</button>
      </div>
      <div class="months">${months.map((m) => this.#renderMonth(m))}</div>
      <p class="legend">
        <span class="key key-closed">${i18n.t('closed')}</span>
        <span class="key key-sold-out">${i18n.t('soldOut')}</span>
        <span class="visually-hidden">${i18n.t('calendarKeys')}</span>
      </p>
    </div>`;
  }

  #renderMonth(month: string) {
    const { i18n } = this;
    const titleId = `title-${month}`;
    const firstDay = firstDayOfWeek(i18n);
    // 2023-01-01 was a Sunday: day n of that week names weekday n-1.
    const weekdays = Array.from({ length: 7 }, (_, i) => `2023-01-0${((firstDay + i) % 7) + 1}`);
    return html`<div class="month">
      <h3 class="month-title" id=${titleId}>${i18n.date(month, { month: 'long', year: 'numeric' })}</h3>
      <table role="grid" aria-labelledby=${titleId} @keydown=${this.#onKeydown}>
        <thead>
          <tr>${weekdays.map((d) => html`<th scope="col" class=${d === '2023-01-01' ? 'sunday' : ''} abbr=${i18n.date(d, { weekday: 'long' })}>${i18n.date(d, { weekday: 'narrow' })}</th>`)}</tr>
        </thead>
        <tbody>
          ${monthWeeks(month, firstDay).map((week) => html`<tr>${week.map((day) => (day ? this.#renderDay(day) : html`<td></td>`))}</tr>`)}
        </tbody>
      </table>
    </div>`;
  }

  #renderDay(date: string) {
    const { i18n } = this;
    const info = this.#dayInfo.get(date);
    const closed = this.#closed.has(date) || info?.closed === true;
    const soldOut = !closed && info?.soldOut === true;
    const selectable = this.#canCheckIn(date) || (!!this.draftIn && this.#canCheckOut(date));
    const start = this.draftIn ?? this.checkIn;
    const end = this.draftIn ? undefined : this.checkOut;
    const isStart = date === start;
    const isEnd = date === end;
    const inRange = !!start && !!end && date > start && date < end;
    // What the day cannot be now: a check-in while one is being chosen, a check-out for the chosen arrival (it may still start a new stay).
    const restricted = (this.draftIn ? date > this.draftIn && info?.noDeparture && i18n.t('noDeparture') : info?.noArrival && i18n.t('noArrival')) || '';
    const minStay = date === this.draftIn ? this.#draftMinStay : '';
    const status = [
      isStart ? i18n.t('checkInDay') : '',
      isEnd ? i18n.t('checkOutDay') : '',
      minStay,
      closed ? i18n.t('closed') : soldOut ? i18n.t('soldOut') : restricted || (!selectable ? i18n.t('unavailable') : ''),
    ].filter(Boolean);
    const label = [i18n.longDate(date), ...status].join(', ');
    const price = !this.draftIn && selectable && info?.fromPrice != null ? compactMoney(i18n, info.fromPrice) : '';
    const classes = [
      'day',
      closed ? 'closed' : '',
      soldOut ? 'sold-out' : '',
      restricted ? 'restricted' : '',
      isStart ? 'start' : '',
      isEnd ? 'end' : '',
      inRange ? 'in-range' : '',
      date === this.min ? 'today' : '',
      // Calendars in Korea and Indonesia print Sundays and public holidays in red (issue 15).
      info?.holiday || new Date(`${date}T00:00:00Z`).getUTCDay() === 0 ? 'sunday' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`<td aria-selected=${isStart || isEnd || inRange} class=${inRange ? 'band' : isStart && end ? 'band band-start' : isEnd ? 'band band-end' : ''}>
      <button type="button" part="day" class=${classes} data-date=${date} tabindex=${date === this.focusDate ? 0 : -1}
        aria-disabled=${!selectable} @click=${() => this.#choose(date)}>
        <span class="num" aria-hidden="true">${Number(date.slice(8))}</span>
        <span class="visually-hidden">${label}</span>
        ${price ? html`<span class="price" aria-hidden="true">${price}</span>` : nothing}
        ${minStay ? html`<span class="price min-stay" aria-hidden="true">${minStay}</span>` : nothing}
      </button>
    </td>`;
  }

  #blocked(date: string): boolean {
    const info = this.#dayInfo.get(date);
    return this.#closed.has(date) || info?.closed === true || info?.soldOut === true;
  }

  #canCheckIn(date: string): boolean {
    return date >= this.min && !this.#blocked(date) && !this.#dayInfo.get(date)?.noArrival;
  }

  /** "min. 2 nights" for the chosen arrival, when every rate open that night needs more than one. */
  get #draftMinStay(): string {
    const minNights = this.draftIn && this.#dayInfo.get(this.draftIn)?.minNights;
    return minNights ? this.i18n.count('minStay', minNights) : '';
  }

  /** Check-out is free on a blocked day, but no blocked night may fall inside the stay. */
  #canCheckOut(date: string): boolean {
    const from = this.draftIn!;
    const nights = daysBetween(from, date);
    if (nights < (this.#dayInfo.get(from)?.minNights ?? 1) || nights > MAX_NIGHTS || this.#dayInfo.get(date)?.noDeparture) return false;
    for (let night = addDays(from, 1); night < date; night = addDays(night, 1)) {
      if (this.#blocked(night)) return false;
    }
    return true;
  }

  /** While a check-in waits for its check-out, a day that cannot end the stay starts a new one. */
  #choose(date: string) {
    this.focusDate = date;
    const checkIn = this.draftIn;
    if (checkIn && this.#canCheckOut(date)) {
      this.draftIn = undefined;
      this.dispatchEvent(new DbDatesChangeEvent({ checkIn, checkOut: date }));
    } else if (this.#canCheckIn(date)) {
      this.draftIn = date;
    }
  }

  #page(delta: number) {
    this.month = addMonths(this.month, delta);
    this.focusDate = clamp(shiftMonths(this.focusDate, delta), this.min, this.#lastDay);
  }

  get #lastDay(): string {
    return addDays(addMonths(monthStart(this.min), MONTHS_AHEAD + 1), -1);
  }

  #onKeydown = (event: KeyboardEvent) => {
    const from = this.focusDate;
    const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() - firstDayOfWeek(this.i18n) + 7) % 7;
    const moves: Record<string, () => string> = {
      ArrowLeft: () => addDays(from, -1),
      ArrowRight: () => addDays(from, 1),
      ArrowUp: () => addDays(from, -7),
      ArrowDown: () => addDays(from, 7),
      Home: () => addDays(from, -weekday),
      End: () => addDays(from, 6 - weekday),
      PageUp: () => shiftMonths(from, event.shiftKey ? -12 : -1),
      PageDown: () => shiftMonths(from, event.shiftKey ? 12 : 1),
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const target = clamp(move(), monthStart(this.min), this.#lastDay);
    const lastVisible = addMonths(this.month, this.columns);
    if (target < this.month) this.month = monthStart(target);
    else if (target >= lastVisible) this.month = addMonths(monthStart(target), 1 - this.columns);
    this.focusDate = target;
    this.#moveFocus = true;
  };

  #dayButton(date: string): HTMLButtonElement | null | undefined {
    return this.renderRoot.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`);
  }
}

function clamp(date: string, min: string, max: string): string {
  return date < min ? min : date > max ? max : date;
}

function chevron(direction: 'left' | 'right') {
  const d = direction === 'left' ? 'M10 3 5 8l5 5' : 'M6 3l5 5-5 5';
  return html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path d=${d} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

declare global {
  interface HTMLElementTagNameMap {
    'db-date-picker': DbDatePicker;
  }
}
