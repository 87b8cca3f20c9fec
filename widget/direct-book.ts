import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, daysBetween, isCalendarDate } from '../shared/dates.ts';
import type { Booking, BookingCreated, BookingRequest, Guest, PublicProperty, QuoteRequest } from '../shared/schemas/stay.ts';
import { Api, ApiError, isNetworkError, uuid } from './api.ts';
import { offeredSelection, roomRequests } from './booking-request.ts';
import { defineElement } from './define.ts';
import { DEPOSIT_PARTS } from './deposit-badge.ts';
import {
  DirectbookBookedEvent,
  DirectbookStepEvent,
  type DbChangeEvent,
  type PartyValue,
  type Step,
  type StayValue,
} from './events.ts';
import { I18n, resolveLocale } from './i18n.ts';
import type { MessageKey } from './locales/en.ts';
import { styles } from './direct-book.styles.ts';
import { theme } from './theme.styles.ts';
import './db-confirmation.ts';
import './db-date-picker.ts';
import './db-extras.ts';
import './db-guest-form.ts';
import './db-guests.ts';
import './db-hold-timer.ts';
import './db-payment-manual.ts';
import './db-payment-stripe.ts';
import './db-rate-list.ts';
import './db-summary.ts';

const PROGRESS: { step: Step; label: MessageKey }[] = [
  { step: 'stay', label: 'stepStay' },
  { step: 'review', label: 'stepReview' },
  { step: 'details', label: 'stepDetails' },
  { step: 'payment', label: 'stepPayment' },
];
const MAX_GUESTS = 16;

type Panel = 'dates' | 'guests' | undefined;

/**
 * The directbook booking widget: dates and guests, rates, extras and summary, guest details,
 * payment, confirmation. Paste `<script type="module" src="https://HOST/widget.js">` and
 * `<direct-book property="PID"></direct-book>` into any page.
 *
 * @fires directbook:booked - A booking was confirmed; `detail` is `{reference, total, depositDue, currency}` (minor units).
 * @fires directbook:step - The guest moved to another step; `detail` is `{step}`: stay, review, details, payment, confirmation or expired.
 * @slot payment - Created by the widget itself for Stripe's Payment Element, which cannot live in a shadow root. Leave it alone.
 * @csspart widget - The widget's card.
 * @csspart heading - Each step's heading.
 * @csspart progress - The step indicator.
 * @csspart search - The dates and guests bar.
 * @csspart primary-button - The main button of each step.
 * @csspart room - Each room type on the rates step.
 * @csspart rate-card - Each rate.
 * @csspart price - Each rate's total for the stay.
 * @csspart deposit-badge - Each deposit message; also `deposit-badge-{none|full|first_night|fixed|percentage}`.
 * @csspart summary - The price summary.
 * @csspart due-now - The amount due now in the summary.
 * @csspart card-frame - The card iframe (manual payment).
 * @csspart reference - The booking reference on the confirmation.
 * @cssprop [--db-accent=#0b6e5f] - Buttons, selection and links.
 * @cssprop [--db-accent-text=#ffffff] - Text on the accent colour.
 * @cssprop [--db-radius=14px] - Corner radius of cards; buttons and fields use a share of it.
 * @cssprop [--db-font=system-ui] - Font family.
 * @cssprop [--db-surface=#ffffff] - Card background.
 * @cssprop [--db-surface-muted=#f5f4f0] - Summary, skeletons and quiet backgrounds.
 * @cssprop [--db-text=#1d1d1f] - Text colour.
 * @cssprop [--db-text-muted=#62626a] - Secondary text.
 * @cssprop [--db-border=#e3e1dc] - Borders and dividers.
 * @cssprop [--db-danger=#b42318] - Errors, scarcity and urgency.
 * @cssprop [--db-focus=#1a56db] - Keyboard focus ring.
 * @cssprop --db-deposit-{type}-bg - Background of a deposit badge (type: none, full, first-night, fixed, percentage).
 * @cssprop --db-deposit-{type}-text - Text of a deposit badge.
 */
@defineElement('direct-book')
export class DirectBook extends LitElement {
  static override styles = [theme, styles];

  /** The property's id. */
  @property({ reflect: true }) property = '';

  /** The API's base URL; defaults to the origin widget.js was loaded from. */
  @property() api?: string;

  /** en, ko or id; defaults to the page's `<html lang>`, then the property's language. */
  @property() locale?: string;

  /** A check-in date (YYYY-MM-DD) to start with. */
  @property({ attribute: 'check-in' }) checkIn?: string;

  /** A check-out date (YYYY-MM-DD) to start with. */
  @property({ attribute: 'check-out' }) checkOut?: string;

  /** How many adults to start with. */
  @property({ type: Number }) adults?: number;

  // Both are handed down to the elements below as properties.
  @state() private client?: Api;
  @state() private i18n = new I18n('en', 'USD');

  @state() private step: Step = 'stay';
  /** The stay asked for; the stay shown is the availability answer's (it may be the next available). */
  @state() private stay?: StayValue;
  @state() private party: PartyValue = { adults: 2, children: 0 };
  @state() private selection: Record<string, number> = {};
  @state() private extras: Record<string, number> = {};
  @state() private guest: Partial<Guest> = {};
  @state() private created?: BookingCreated;
  @state() private confirmed?: Booking;
  @state() private notice = '';
  @state() private panel: Panel;
  @state() private calendarView?: { from: string; to: string };
  @state() private offline = !navigator.onLine;
  @state() private submitting = false;
  @state() private bookingError = '';
  @state() private fieldErrors: Partial<Record<keyof Guest, string>> = {};
  /** Bumped to ask for availability again after the world changed (sold out, hold expired). */
  @state() private refresh = 0;

  /** True while the stay is our default rather than the guest's, so an empty answer may move on. */
  #defaultStay = false;
  #idempotency?: { body: string; key: string };
  #focusHeading = false;
  #paymentMount?: HTMLElement;

  #propertyTask = new Task(this, {
    task: ([client], { signal }) => client?.property(signal) ?? initialState,
    args: () => [this.client] as const,
    onComplete: (property) => this.#start(property),
  });

  #availabilityTask = new Task(this, {
    task: async ([client, stay, adults, children, locale], { signal }) => {
      if (!client || !stay) return initialState;
      const query = { ...stay, adults, children, locale };
      const answer = await client.availability(query, signal);
      const offered = answer.roomTypes.some((t) => t.rates.some((r) => r.available));
      // SPEC 4: a visitor who gave no dates sees prices at once, so an empty default moves on.
      if (this.#defaultStay && !offered && answer.nextAvailable) {
        return client.availability({ ...query, ...answer.nextAvailable }, signal);
      }
      return answer;
    },
    args: () => [this.client, this.stay, this.party.adults, this.party.children, this.i18n.locale, this.refresh] as const,
  });

  #calendarTask = new Task(this, {
    task: ([client, view], { signal }) => (client && view ? client.calendar(view.from, view.to, signal) : initialState),
    args: () => [this.client, this.panel === 'dates' ? this.calendarView : undefined] as const,
  });

  #quoteTask = new Task(this, {
    task: ([client, body], { signal }) => (client && body ? client.quote(JSON.parse(body) as QuoteRequest, signal) : initialState),
    // Compared as JSON so an unchanged request is not sent again.
    args: () => [this.client, this.step === 'review' || this.step === 'details' ? JSON.stringify(this.#quoteRequest()) : undefined] as const,
  });

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('online', this.#onConnectivity);
    window.addEventListener('offline', this.#onConnectivity);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectivity);
    window.removeEventListener('offline', this.#onConnectivity);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('api') || changed.has('property')) {
      this.client = this.property ? new Api(this.api ?? new URL(import.meta.url).origin, this.property) : undefined;
    }
    // The loading state already speaks the page's language; the property's may refine it later.
    if (changed.has('locale') || !this.hasUpdated) this.#updateI18n(this.#propertyTask.value);
  }

  protected override updated() {
    if (this.#focusHeading) {
      this.#focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
    }
  }

  override render() {
    return html`<div class="widget" part="widget" role="region" aria-label=${this.i18n.t('widgetLabel', { name: this.#propertyTask.value?.name ?? '' })}>
      ${this.offline ? html`<p class="banner offline" role="status">${this.i18n.t('offline')}</p>` : nothing}
      ${this.#propertyTask.render({
        pending: () => this.#renderLoading(),
        error: (error) => this.#renderError(error, () => this.#propertyTask.run()),
        complete: (property) => this.#renderStep(property),
      })}
    </div>`;
  }

  #renderStep(property: PublicProperty) {
    switch (this.step) {
      case 'stay':
        return this.#renderStay(property);
      case 'review':
        return this.#renderReview(property);
      case 'details':
        return this.#renderDetails(property);
      case 'payment':
        return this.#renderPayment(property);
      case 'confirmation':
        return this.#renderConfirmation(property);
      case 'expired':
        return this.#renderExpired(property);
    }
  }

  #renderLoading() {
    return html`<div class="loading" aria-busy="true">
      <span class="visually-hidden" role="status">${this.i18n.t('loading')}</span>
      <div class="progress-skeleton"><span class="skeleton"></span></div>
      <span class="skeleton heading-skeleton"></span>
      <div class="search-skeleton"><span class="skeleton"></span><span class="skeleton"></span></div>
      <db-rate-list .i18n=${this.i18n} loading></db-rate-list>
    </div>`;
  }

  #renderHeader(key: MessageKey, back?: Step) {
    const i18n = this.i18n;
    const current = PROGRESS.findIndex((p) => p.step === this.step);
    return html`${current >= 0
        ? html`<ol class="progress" part="progress" aria-label=${i18n.t('progressLabel')}>
            ${PROGRESS.map(
              (p, index) => html`<li class=${index < current ? 'done' : index === current ? 'current' : ''} aria-current=${index === current ? 'step' : 'false'}>
                <span class="label">${i18n.t(p.label)}</span>
              </li>`,
            )}
          </ol>`
        : nothing}
      <div class="step-head">
        ${back
          ? html`<button type="button" class="back" @click=${() => this.#go(back)}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>${i18n.t('back')}
            </button>`
          : nothing}
        <h2 part="heading" tabindex="-1">${i18n.t(key)}</h2>
      </div>`;
  }

  #renderStay(property: PublicProperty) {
    const i18n = this.i18n;
    const answer = this.#availabilityTask.value;
    const loading = this.#availabilityTask.status === TaskStatus.PENDING;
    const shown = this.#shownStay();
    const chosen = offeredSelection(answer, this.selection);
    const rooms = [...chosen.values()].reduce((a, b) => a + b, 0);
    const estimate = answer?.roomTypes.flatMap((t) => t.rates).reduce((sum, r) => sum + r.roomTotal * (chosen.get(r.id) ?? 0), 0) ?? 0;
    return html`${this.#renderHeader('headingStay')}
      <div class="search" part="search">
        <button type="button" class="field ${this.panel === 'dates' ? 'open' : ''}" id="dates-toggle" aria-expanded=${this.panel === 'dates'} aria-controls="panel"
          @click=${() => this.#toggle('dates')}>
          <span class="field-label">${i18n.t('dates')}</span>
          <span class="field-value">${shown ? html`${i18n.range(shown.checkIn, shown.checkOut)} <span class="muted">· ${i18n.count('nights', daysBetween(shown.checkIn, shown.checkOut))}</span>` : '—'}</span>
        </button>
        <button type="button" class="field ${this.panel === 'guests' ? 'open' : ''}" id="guests-toggle" aria-expanded=${this.panel === 'guests'} aria-controls="panel"
          @click=${() => this.#toggle('guests')}>
          <span class="field-label">${i18n.t('guests')}</span>
          <span class="field-value">${i18n.party(this.party.adults, this.party.children)}</span>
        </button>
      </div>
      ${this.panel ? this.#renderPanel(property, shown) : nothing}
      ${this.notice ? html`<p class="banner notice" role="alert">${this.notice}</p>` : nothing}
      ${this.#availabilityTask.status === TaskStatus.ERROR
        ? this.#renderError(this.#availabilityTask.error, () => this.#availabilityTask.run())
        : html`<db-rate-list .i18n=${i18n} exportparts=${`room, rate-card, price, ${DEPOSIT_PARTS}`} .availability=${answer} .selection=${this.selection} .adults=${this.party.adults} ?loading=${loading}
            @db-quantity-change=${this.#onRoomQuantity} @db-dates-change=${this.#onDates}></db-rate-list>`}
      ${rooms > 0
        ? html`<div class="footer">
            <p class="footer-text"><span>${i18n.t('selected', { rooms: i18n.count('rooms', rooms) })}</span><strong>${i18n.money(estimate)}</strong></p>
            <button type="button" class="primary" part="primary-button" @click=${() => this.#go('review')}>${i18n.t('continue')}</button>
          </div>`
        : nothing}`;
  }

  #renderPanel(property: PublicProperty, shown: StayValue | undefined) {
    return html`<div class="panel" id="panel" @keydown=${this.#onPanelKeydown}>
      ${this.panel === 'dates'
        ? html`<db-date-picker .i18n=${this.i18n} .min=${property.today} .checkIn=${shown?.checkIn} .checkOut=${shown?.checkOut} .closedDates=${property.closedDates}
            .days=${this.#calendarTask.value?.days ?? []} @db-dates-change=${this.#onDates}
            @db-view-change=${(e: DbChangeEvent<{ from: string; to: string }>) => (this.calendarView = e.value)}></db-date-picker>`
        : html`<db-guests .i18n=${this.i18n} .adults=${this.party.adults} .childCount=${this.party.children} .max=${MAX_GUESTS}
            @db-guests-change=${this.#onGuests}></db-guests>`}
      <div class="panel-actions"><button type="button" class="secondary" @click=${() => this.#closePanel()}>${this.i18n.t('done')}</button></div>
    </div>`;
  }

  #renderReview(property: PublicProperty) {
    return html`${this.#renderHeader('headingReview', 'stay')}
      <div class="columns">
        <div class="main">
          <db-extras .i18n=${this.i18n} .extras=${property.extras} .value=${this.extras} @db-quantity-change=${this.#onExtraQuantity}></db-extras>
          ${property.extras.length ? nothing : this.#renderQuoteSummary(property)}
        </div>
        <aside>
          ${property.extras.length ? this.#renderQuoteSummary(property) : nothing}
          ${this.#quoteTask.status === TaskStatus.ERROR ? this.#renderError(this.#quoteTask.error, () => this.#quoteTask.run()) : nothing}
          <button type="button" class="primary wide" part="primary-button" ?disabled=${this.#quoteTask.status !== TaskStatus.COMPLETE}
            @click=${() => this.#go('details')}>${this.i18n.t('continue')}</button>
        </aside>
      </div>`;
  }

  #renderQuoteSummary(property: PublicProperty) {
    return html`<db-summary .i18n=${this.i18n} exportparts=${`summary, due-now, ${DEPOSIT_PARTS}`} .data=${this.#quoteTask.value} payment-mode=${property.paymentMode}
      ?loading=${this.#quoteTask.status === TaskStatus.PENDING}></db-summary>`;
  }

  #renderDetails(property: PublicProperty) {
    return html`${this.#renderHeader('headingDetails', 'review')}
      <div class="columns">
        <div class="main">
          ${this.bookingError ? html`<p class="banner error" role="alert">${this.bookingError}</p>` : nothing}
          <db-guest-form .i18n=${this.i18n} .value=${this.guest} ?busy=${this.submitting} .serverErrors=${this.fieldErrors}
            @db-guest-input=${(e: DbChangeEvent<Partial<Guest>>) => (this.guest = e.value)}
            @db-guest-submit=${(e: DbChangeEvent<Guest>) => this.#book(e.value)}></db-guest-form>
        </div>
        <aside>${this.#renderQuoteSummary(property)}</aside>
      </div>`;
  }

  #renderPayment(property: PublicProperty) {
    const created = this.created!;
    const { booking, payment, clientToken } = created;
    return html`${this.#renderHeader('headingPayment', 'details')}
      <db-hold-timer .i18n=${this.i18n} expires-at=${booking.expiresAt} @db-expired=${this.#onExpired}></db-hold-timer>
      <div class="columns">
        <div class="main">
          ${payment.provider === 'stripe'
            ? html`<db-payment-stripe .i18n=${this.i18n} .api=${this.client} exportparts="pay: primary-button" .payment=${payment} .booking=${booking} .clientToken=${clientToken} .mount=${this.#paymentMount}
                @db-paid=${this.#onPaid} @db-expired=${this.#onExpired}><slot name="payment" slot="payment"></slot></db-payment-stripe>`
            : html`<db-payment-manual .i18n=${this.i18n} .api=${this.client} exportparts="card-frame" .payment=${payment} .booking=${booking} .clientToken=${clientToken}
                @db-paid=${this.#onPaid}></db-payment-manual>`}
        </div>
        <aside><db-summary .i18n=${this.i18n} exportparts=${`summary, due-now, ${DEPOSIT_PARTS}`} .data=${booking} payment-mode=${property.paymentMode}></db-summary></aside>
      </div>`;
  }

  #renderConfirmation(property: PublicProperty) {
    return html`<div class="success-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24"><path d="m6 12.5 4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>
      </div>
      ${this.#renderHeader('headingConfirmation')}
      <db-confirmation .i18n=${this.i18n} exportparts=${`reference, summary, due-now, ${DEPOSIT_PARTS}`} .booking=${this.confirmed} property-name=${property.name}></db-confirmation>`;
  }

  #renderExpired(property: PublicProperty) {
    return html`${this.#renderHeader('headingExpired')}
      <p class="expired-text">${this.i18n.t('expiredText', { minutes: property.holdMinutes })}</p>
      <button type="button" class="primary" part="primary-button" @click=${this.#startAgain}>${this.i18n.t('startAgain')}</button>`;
  }

  #renderError(error: unknown, retry: () => void) {
    const notFound = error instanceof ApiError && error.status === 404;
    const key: MessageKey = isNetworkError(error) ? 'errorNetwork' : notFound ? 'errorNotFound' : 'errorGeneric';
    return html`<div class="error-state" role="alert">
      <p>${this.i18n.t(key)}</p>
      ${notFound ? nothing : html`<button type="button" class="secondary" @click=${retry}>${this.i18n.t('retry')}</button>`}
    </div>`;
  }

  /** The property arrived: set the language and the stay to show first. */
  #start(property: PublicProperty) {
    this.#updateI18n(property);
    const today = property.today;
    const checkIn = this.checkIn && isCalendarDate(this.checkIn) && this.checkIn >= today ? this.checkIn : undefined;
    const checkOut = checkIn && this.checkOut && isCalendarDate(this.checkOut) && this.checkOut > checkIn ? this.checkOut : undefined;
    this.#defaultStay = !checkIn;
    // SPEC 4: with no dates, the first night from tomorrow, one night.
    const from = checkIn ?? addDays(today, 1);
    this.stay = { checkIn: from, checkOut: checkOut ?? addDays(from, 1) };
    if (this.adults && this.adults >= 1) this.party = { ...this.party, adults: Math.min(Math.floor(this.adults), MAX_GUESTS) };
    this.dispatchEvent(new DirectbookStepEvent(this.step));
  }

  #updateI18n(property: PublicProperty | undefined) {
    const locale = resolveLocale(this.locale, document.documentElement.lang, property?.locale);
    const currency = property?.currency ?? this.i18n.currency;
    if (locale !== this.i18n.locale || currency !== this.i18n.currency) this.i18n = new I18n(locale, currency);
  }

  #shownStay(): StayValue | undefined {
    const answer = this.#availabilityTask.value;
    if (this.#availabilityTask.status === TaskStatus.COMPLETE && answer) return { checkIn: answer.checkIn, checkOut: answer.checkOut };
    return this.stay;
  }


  #quoteRequest(): QuoteRequest | undefined {
    const answer = this.#availabilityTask.value;
    const property = this.#propertyTask.value;
    if (!answer || !property) return undefined;
    const chosen = offeredSelection(answer, this.selection);
    if (!chosen.size) return undefined;
    return {
      checkIn: answer.checkIn,
      checkOut: answer.checkOut,
      rooms: roomRequests(chosen, this.party, this.extras, property.extras),
      locale: this.i18n.locale,
    };
  }

  #go(step: Step) {
    if (step === 'stay') this.panel = undefined;
    if (step !== 'payment') this.#dropPaymentMount();
    if (step === 'payment' && this.created?.payment.provider === 'stripe') this.#paymentMount = this.#createPaymentMount();
    this.step = step;
    this.#focusHeading = true;
    this.dispatchEvent(new DirectbookStepEvent(step));
  }

  /** Stripe's Payment Element must be in the light DOM; it is slotted through to the payment step. */
  #createPaymentMount(): HTMLElement {
    const mount = document.createElement('div');
    mount.slot = 'payment';
    // Inline style outranks hostile page rules such as `* { all: unset }`.
    mount.style.display = 'block';
    this.append(mount);
    return mount;
  }

  #dropPaymentMount() {
    this.#paymentMount?.remove();
    this.#paymentMount = undefined;
  }

  #toggle(panel: Panel) {
    this.panel = this.panel === panel ? undefined : panel;
    if (this.panel === 'dates') void this.updateComplete.then(() => this.renderRoot.querySelector('db-date-picker')?.focus());
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

  #onDates = (event: DbChangeEvent<StayValue>) => {
    this.#defaultStay = false;
    this.notice = '';
    this.stay = event.value;
    if (this.panel === 'dates') void this.#closePanel();
  };

  #onGuests = (event: DbChangeEvent<PartyValue>) => {
    // Keep showing the dates on screen (perhaps the next available ones) for the new party.
    const shown = this.#shownStay();
    if (shown && (shown.checkIn !== this.stay?.checkIn || shown.checkOut !== this.stay?.checkOut)) this.stay = shown;
    this.party = event.value;
  };

  #onRoomQuantity = (event: DbChangeEvent<{ id: string; quantity: number }>) => {
    this.notice = '';
    this.selection = { ...this.selection, [event.value.id]: event.value.quantity };
  };

  #onExtraQuantity = (event: DbChangeEvent<{ id: string; quantity: number }>) => {
    this.extras = { ...this.extras, [event.value.id]: event.value.quantity };
  };

  async #book(guest: Guest) {
    const quote = this.#quoteRequest();
    if (!quote || !this.client || this.submitting) return;
    this.guest = guest;
    const body: BookingRequest = { ...quote, guest };
    const json = JSON.stringify(body);
    // SPEC 2.7: one key per checkout attempt; resending the same attempt reuses it.
    if (this.#idempotency?.body !== json) this.#idempotency = { body: json, key: uuid() };
    this.submitting = true;
    this.bookingError = '';
    this.fieldErrors = {};
    try {
      this.created = await this.client.createBooking(body, this.#idempotency.key);
      this.#go('payment');
    } catch (error) {
      this.#bookingFailed(error);
    } finally {
      this.submitting = false;
    }
  }

  #bookingFailed(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      // A room was taken meanwhile: back to the rates, choices kept, with fresh availability.
      this.notice = this.i18n.t('soldOutNotice');
      this.refresh++;
      this.#go('stay');
      return;
    }
    if (error instanceof ApiError && error.status === 400) {
      const fields: Partial<Record<keyof Guest, string>> = {};
      for (const detail of error.details) {
        const match = /guest[./](firstName|lastName|email|phone)$/.exec(detail.path);
        if (match) fields[match[1] as keyof Guest] = detail.message;
      }
      this.fieldErrors = fields;
      if (Object.keys(fields).length) return;
    }
    this.bookingError = this.i18n.t(isNetworkError(error) ? 'errorNetwork' : 'errorGeneric');
  }

  #onPaid = (event: DbChangeEvent<Booking>) => {
    const booking = event.value;
    this.confirmed = booking;
    this.#idempotency = undefined;
    this.#go('confirmation');
    this.dispatchEvent(
      new DirectbookBookedEvent({ reference: booking.reference, total: booking.total, depositDue: booking.depositDue, currency: booking.currency }),
    );
  };

  #onExpired = () => {
    if (this.step === 'payment') this.#go('expired');
  };

  #startAgain = () => {
    this.created = undefined;
    this.#idempotency = undefined;
    this.refresh++;
    this.#go('stay');
  };

  #onConnectivity = () => {
    this.offline = !navigator.onLine;
    if (this.offline) return;
    if (this.#propertyTask.status === TaskStatus.ERROR) void this.#propertyTask.run();
    else if (this.#availabilityTask.status === TaskStatus.ERROR) void this.#availabilityTask.run();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'direct-book': DirectBook;
  }
}
