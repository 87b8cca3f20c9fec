import { ContextConsumer } from '@lit/context';
import { initialState, Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, daysBetween } from '../shared/dates.ts';
import type { Availability, PublicProperty } from '../shared/schemas/stay.ts';
import { choiceKey, offeredSelection } from './booking-request.ts';
import { apiContext } from './context.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DEPOSIT_PARTS } from './parts.ts';
import { errorState, errorStateStyles } from './error-state.ts';
import { DbContinueEvent, DbRetryEvent, type DbViewChangeEvent, type PartyValue, type StayValue } from './events.ts';
import { styles } from './db-rates-step.styles.ts';
import { bannerStyles } from './banner.styles.ts';
import { theme } from './theme.styles.ts';
import { loadPanel } from './steps.ts';
import './db-rate-list.ts';

/**
 * The rates step: the dates and guests bar with its calendar and guests panel, the rates for
 * the stay, and a footer with the rooms chosen so far. Until the stay is known it is a skeleton
 * of itself.
 *
 * @fires db-dates-change - From the calendar or the next-available offer; `value` is `{checkIn, checkOut}`.
 * @fires db-guests-change - From the guests panel; `value` is `{adults, children}`.
 * @fires db-quantity-change - From a rate card; `value` is `{id, quantity}`.
 * @fires db-retry - The guest asked for the rates again after they failed to load.
 * @fires db-continue - The guest is done choosing rooms.
 * @csspart search - The dates and guests bar.
 * @csspart primary-button - Continue.
 * @csspart room - Each room type (forwarded from db-rate-list, as are the three below).
 * @csspart rate-card - Each rate.
 * @csspart price - Each rate's total for the stay.
 * @csspart deposit-badge - Each deposit message; also `deposit-badge-{type}`.
 */
@defineElement('db-rates-step')
export class DbRatesStep extends DbElement {
  static override styles = [theme, bannerStyles, errorStateStyles, styles];

  /**
   * The property: today there (the calendar's first day), the dates it is closed (known before the
   * calendar arrives), how it shows prices and whether it asks children's ages.
   */
  @property({ attribute: false }) venue?: PublicProperty;

  /** The stay shown: the one asked for, or the next available one the answer moved to. */
  @property({ attribute: false }) stay?: StayValue;

  @property({ attribute: false }) party: PartyValue = { adults: 2, children: 0 };

  /** Rooms chosen per rate id. */
  @property({ attribute: false }) selection: Record<string, number> = {};

  @property({ attribute: false }) availability?: Availability;

  /** True while the rates for the stay are on their way. */
  @property({ type: Boolean }) loading = false;

  /** Why the rates failed to load, if they did. */
  @property({ attribute: false }) error?: unknown;

  /** Why the guest is back here, such as a room taken meanwhile. */
  @property() notice = '';

  @state() private panel?: 'dates' | 'guests';

  /** The months the calendar shows, whose prices and closures it needs. */
  @state() private calendarView?: { from: string; to: string };

  #api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  /** The open panel's code: a chunk, fetched by the time most guests open it (steps.ts). */
  #panelTask = new Task(this, {
    task: ([panel]) => (panel ? loadPanel(panel) : initialState),
    args: () => [this.panel] as const,
  });

  #calendarTask = new Task(this, {
    task: ([api, view], { signal }) => (api && view ? api.calendar(view.from, addDays(view.to, -1), signal) : initialState),
    args: () => [this.#api.value, this.panel === 'dates' ? this.calendarView : undefined] as const,
  });

  override render() {
    const { i18n, stay, party, venue } = this;
    if (!stay) {
      return html`<div class="search-skeleton"><span class="skeleton"></span><span class="skeleton"></span></div>
        <db-rate-list loading></db-rate-list>`;
    }
    const answer = this.availability;
    const chosen = offeredSelection(answer, this.selection);
    const rooms = [...chosen.values()].reduce((a, b) => a + b, 0);
    const base = venue?.priceDisplay === 'base';
    // SPEC 2.11: a paused property shows its rates but takes no bookings.
    const paused = venue?.status === 'paused';
    const estimate = answer?.roomTypes.reduce((sum, t) => t.rates.reduce((s, r) => s + (base ? r.roomTotal : r.total) * (chosen.get(choiceKey(t, r)) ?? 0), sum), 0) ?? 0;
    return html`<div class="search" part="search">
        <button type="button" class="field ${this.panel === 'dates' ? 'open' : ''}" id="dates-toggle" aria-expanded=${this.panel === 'dates'} aria-controls="panel"
          @click=${() => void this.#toggle('dates')}>
          <span class="field-label">${i18n.t('dates')}</span>
          <span class="field-value">${i18n.range(stay.checkIn, stay.checkOut)} <span class="muted">· ${i18n.count('nights', daysBetween(stay.checkIn, stay.checkOut))}</span></span>
        </button>
        <button type="button" class="field ${this.panel === 'guests' ? 'open' : ''}" id="guests-toggle" aria-expanded=${this.panel === 'guests'} aria-controls="panel"
          @click=${() => void this.#toggle('guests')}>
          <span class="field-label">${i18n.t('guests')}</span>
          <span class="field-value">${i18n.party(party.adults, party.children)}</span>
        </button>
      </div>
      ${this.panel ? this.#renderPanel(stay) : nothing}
      ${this.notice ? html`<p class="banner notice" role="alert">${this.notice}</p>` : nothing}
      ${paused ? html`<p class="banner notice" role="status" part="paused">${i18n.t('bookingsPaused')}</p>` : nothing}
      ${
        this.error === undefined
          ? html`<db-rate-list exportparts=${`room, rate-card, price, ${DEPOSIT_PARTS}`} .availability=${answer} .selection=${this.selection} .adults=${party.adults}
            ?loading=${this.loading} ?base=${base} @db-dates-change=${this.#onDates}></db-rate-list><db-promo .answer=${answer?.promo}></db-promo>`
          : errorState(i18n, this.error, () => this.dispatchEvent(new DbRetryEvent()))
      }
      ${
        rooms > 0 && !paused
          ? html`<div class="footer">
            <p class="footer-text"><span>${i18n.t('selected', { rooms: i18n.count('rooms', rooms) })}</span><strong>${i18n.money(estimate)}</strong></p>
            <button type="button" class="primary" part="primary-button" @click=${() => this.dispatchEvent(new DbContinueEvent())}>${i18n.t('continue')}</button>
          </div>`
          : nothing
      }`;
  }

  #renderPanel(stay: StayValue) {
    const dates = this.panel === 'dates';
    return html`<div class="panel" id="panel" @keydown=${this.#onPanelKeydown}>
      ${this.#panelTask.render({
        pending: () => html`<span class="skeleton ${dates ? 'calendar-skeleton' : 'guests-skeleton'}" aria-busy="true"></span>`,
        error: (error) => errorState(this.i18n, error, () => void this.#panelTask.run()),
        complete: () =>
          dates
            ? html`<db-date-picker .min=${this.venue?.today} .checkIn=${stay.checkIn} .checkOut=${stay.checkOut} .closedDates=${this.venue?.closedDates}
                .days=${this.#calendarTask.value?.days ?? []} @db-dates-change=${this.#onDates}
                @db-view-change=${(e: DbViewChangeEvent) => (this.calendarView = e.value)}></db-date-picker>`
            : html`<db-guests .adults=${this.party.adults} .childCount=${this.party.children} .ages=${this.party.childAges} ?asks=${this.venue?.asksChildAges}></db-guests>`,
      })}
      <div class="panel-actions"><button type="button" class="secondary" @click=${() => this.#closePanel()}>${this.i18n.t('done')}</button></div>
    </div>`;
  }

  async #toggle(panel: 'dates' | 'guests') {
    this.panel = this.panel === panel ? undefined : panel;
    if (this.panel !== 'dates') return;
    await this.updateComplete;
    await this.#panelTask.taskComplete.catch(() => undefined);
    await this.updateComplete;
    void this.renderRoot.querySelector('db-date-picker')?.focus();
  }

  async #closePanel() {
    const toggle = this.panel === 'dates' ? '#dates-toggle' : '#guests-toggle';
    this.panel = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(toggle)?.focus();
  }

  #onPanelKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      void this.#closePanel();
    }
  };

  /** A stay was chosen: the calendar has done its job. The event goes on up to <direct-book>. */
  #onDates = () => {
    if (this.panel === 'dates') void this.#closePanel();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'db-rates-step': DbRatesStep;
  }
}
