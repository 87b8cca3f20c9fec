import { ContextProvider } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { addDays, isCalendarDate } from '../shared/dates.ts';
import type { Booking, BookingCreated, BookingRequest, Guest, PublicProperty, QuoteRequest } from '../shared/schemas/stay.ts';
import { beginCheckout, booked, selectItem, track, viewItemList } from './analytics.ts';
import { Api, ApiError, uuid } from './api.ts';
import { offeredSelection, roomRequests } from './booking-request.ts';
import { apiContext, i18nContext } from './context.ts';
import { MAX_GUESTS } from './db-guests.ts';
import { defineElement } from './define.ts';
import { DEPOSIT_PARTS, SUMMARY_PARTS } from './parts.ts';
import { errorState, errorStateStyles } from './error-state.ts';
import {
  DirectbookBookedEvent,
  DirectbookStepEvent,
  type DbDatesChangeEvent,
  type DbGuestInputEvent,
  type DbGuestsChangeEvent,
  type DbGuestSubmitEvent,
  type DbPaidEvent,
  type DbQuantityChangeEvent,
  type PartyValue,
  type Step,
  type StayValue,
} from './events.ts';
import { hasCatalog, I18n, loadCatalog, resolveLocale } from './i18n.ts';
import type { MessageKey } from './locales/en.ts';
import { styles } from './direct-book.styles.ts';
import { stepStyles } from './step.styles.ts';
import { theme } from './theme.styles.ts';
import { loadStep, prefetchLaterSteps } from './steps.ts';
import './db-rates-step.ts';

const PROGRESS: { step: Step; label: MessageKey }[] = [
  { step: 'stay', label: 'stepStay' },
  { step: 'review', label: 'stepReview' },
  { step: 'details', label: 'stepDetails' },
  { step: 'payment', label: 'stepPayment' },
];
const HEADINGS: Record<Step, MessageKey> = {
  stay: 'headingStay',
  review: 'headingReview',
  details: 'headingDetails',
  payment: 'headingPayment',
  confirmation: 'headingConfirmation',
  expired: 'headingExpired',
};
const BACK: Partial<Record<Step, Step>> = { review: 'stay', details: 'review', payment: 'details' };

/**
 * The directbook booking widget: dates and guests, rates, extras and summary, guest details,
 * payment, confirmation. Paste `<script type="module" src="https://HOST/widget.js">` and
 * `<direct-book property="PID"></direct-book>` into any page.
 *
 * It keeps the flow: which step, the guest's choices and the hold, so that back and forth
 * keeps them. Each step is an element of its own; the guest's language and the API client
 * reach every element through @lit/context (context.ts). Only the rates step comes with
 * widget.js; the others load while the guest reads the rates (steps.ts).
 *
 * Where the page has a Google Tag Manager `window.dataLayer`, it also pushes the GA4 e-commerce
 * events view_item_list, select_item, begin_checkout, add_payment_info and purchase (analytics.ts).
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
  static override styles = [theme, stepStyles, errorStateStyles, styles];

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

  @state() private step: Step = 'stay';
  /** The stay asked for; the stay shown is the availability answer's (it may be the next available). */
  @state() private stay?: StayValue;
  @state() private party: PartyValue = { adults: 2, children: 0 };
  @state() private selection: Record<string, number> = {};
  @state() private extras: Record<string, number> = {};
  @state() private guest: Partial<Guest> = {};
  /** The booking just created, and with it the hold. */
  @state() private created?: BookingCreated;
  @state() private confirmed?: Booking;
  @state() private notice = '';
  @state() private offline = !navigator.onLine;
  @state() private submitting = false;
  /** Why the last attempt to book failed, for the details step to explain. */
  @state() private bookingFailure?: unknown;
  /** Bumped to ask for availability again after the world changed (sold out, hold expired). */
  @state() private refresh = 0;

  // Every element below reads these (context.ts); a new value reaches each of them at once.
  #i18n = new ContextProvider(this, { context: i18nContext, initialValue: new I18n('en', 'USD') });
  #api = new ContextProvider(this, { context: apiContext });
  /** True while the stay is our default rather than the guest's, so an empty answer may move on. */
  #defaultStay = false;
  #idempotency?: { body: string; key: string };
  #focusHeading = false;
  #paymentMount?: HTMLElement;

  #propertyTask = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return initialState;
      // The page's language is known now, so its strings travel beside the property, not after it.
      const [property] = await Promise.all([client.property(signal), loadCatalog(this.#locale(undefined))]);
      await loadCatalog(this.#locale(property));
      return property;
    },
    args: () => [this.#api.value] as const,
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
    args: () => [this.#api.value, this.stay, this.party.adults, this.party.children, this.#i18n.value.locale, this.refresh] as const,
    onComplete: (answer) => {
      // Only an answer the guest sees counts as an impression.
      if (this.step === 'stay') track('view_item_list', () => viewItemList(answer));
      prefetchLaterSteps();
    },
  });

  /** The current step's code: a guest quicker than the prefetch waits for it here. */
  #stepCodeTask = new Task(this, {
    task: ([step]) => loadStep(step),
    args: () => [this.step] as const,
  });

  #quoteTask = new Task(this, {
    task: ([client, body], { signal }) => (client && body ? client.quote(JSON.parse(body) as QuoteRequest, signal) : initialState),
    // Compared as JSON so an unchanged request is not sent again.
    args: () => [this.#api.value, this.step === 'review' || this.step === 'details' ? JSON.stringify(this.#quoteRequest()) : undefined] as const,
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
      this.#api.setValue(this.property ? new Api(this.api ?? new URL(import.meta.url).origin, this.property) : undefined);
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
    const i18n = this.#i18n.value;
    return html`<div class="widget" part="widget" role="region" aria-label=${i18n.t('widgetLabel', { name: this.#propertyTask.value?.name ?? '' })}>
      ${this.offline ? html`<p class="banner offline" role="status">${i18n.t('offline')}</p>` : nothing}
      ${this.#propertyTask.render({
        pending: () => html`<div class="loading" aria-busy="true">
          <span class="visually-hidden" role="status">${i18n.t('loading')}</span>
          <div class="progress-skeleton"><span class="skeleton"></span></div>
          <span class="skeleton heading-skeleton"></span>
          <db-rates-step></db-rates-step>
        </div>`,
        error: (error) => errorState(i18n, error, () => void this.#propertyTask.run()),
        complete: (property) =>
          html`${this.#renderHeader()}${this.#stepCodeTask.render({
            pending: () => html`<div class="loading" aria-busy="true">
            <span class="visually-hidden" role="status">${i18n.t('loading')}</span>
            <span class="skeleton step-skeleton"></span>
          </div>`,
            error: (error) => errorState(i18n, error, () => void this.#stepCodeTask.run()),
            complete: () => this.#renderStep(property),
          })}`,
      })}
    </div>`;
  }

  #renderHeader() {
    const i18n = this.#i18n.value;
    const current = PROGRESS.findIndex((p) => p.step === this.step);
    const back = BACK[this.step];
    return html`${
      this.step === 'confirmation'
        ? html`<div class="success-icon" aria-hidden="true">
            <svg viewBox="0 0 24 24"><path d="m6 12.5 4 4 8-9" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round"/></svg>
          </div>`
        : nothing
    }
      ${
        current >= 0
          ? html`<ol class="progress" part="progress" aria-label=${i18n.t('progressLabel')}>
            ${PROGRESS.map(
              (p, index) => html`<li class=${index < current ? 'done' : index === current ? 'current' : ''} aria-current=${index === current ? 'step' : 'false'}>
                <span class="label">${i18n.t(p.label)}</span>
              </li>`,
            )}
          </ol>`
          : nothing
      }
      <div class="step-head">
        ${
          back
            ? html`<button type="button" class="back" @click=${() => this.#go(back)}>
              <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/></svg>${i18n.t('back')}
            </button>`
            : nothing
        }
        <h2 part="heading" tabindex="-1">${i18n.t(HEADINGS[this.step])}</h2>
      </div>`;
  }

  #renderStep(property: PublicProperty) {
    const quoteTask = this.#quoteTask;
    switch (this.step) {
      case 'stay': {
        const availabilityTask = this.#availabilityTask;
        return html`<db-rates-step exportparts=${`search, primary-button, room, rate-card, price, ${DEPOSIT_PARTS}`} today=${property.today} .closedDates=${property.closedDates}
          .stay=${this.#shownStay()} .party=${this.party} .selection=${this.selection} .availability=${availabilityTask.value} ?loading=${availabilityTask.status === TaskStatus.PENDING}
          .error=${availabilityTask.status === TaskStatus.ERROR ? availabilityTask.error : undefined} notice=${this.notice}
          @db-dates-change=${this.#onDates} @db-guests-change=${this.#onGuests} @db-quantity-change=${this.#onRoomQuantity}
          @db-retry=${() => availabilityTask.run()} @db-continue=${this.#onRatesContinue}></db-rates-step>`;
      }
      case 'review':
        return html`<db-review-step exportparts=${`primary-button, ${SUMMARY_PARTS}`} .extras=${property.extras} .chosen=${this.extras} payment-mode=${property.paymentMode}
          .quote=${quoteTask.value} .quoteStatus=${quoteTask.status} .quoteError=${quoteTask.error}
          @db-quantity-change=${this.#onExtraQuantity} @db-retry=${() => quoteTask.run()} @db-continue=${() => this.#go('details')}></db-review-step>`;
      case 'details':
        return html`<db-details-step exportparts=${SUMMARY_PARTS} .guest=${this.guest} ?busy=${this.submitting} .failure=${this.bookingFailure}
          .quote=${quoteTask.value} .quoteStatus=${quoteTask.status} payment-mode=${property.paymentMode}
          @db-guest-input=${(e: DbGuestInputEvent) => (this.guest = e.value)} @db-guest-submit=${(e: DbGuestSubmitEvent) => this.#book(e.value)}></db-details-step>`;
      case 'payment':
        return html`<db-payment-step exportparts=${`primary-button, card-frame, ${SUMMARY_PARTS}`} .created=${this.created} .mount=${this.#paymentMount}
          @db-paid=${this.#onPaid} @db-expired=${this.#onExpired}><slot name="payment" slot="payment"></slot></db-payment-step>`;
      case 'confirmation':
        return html`<db-confirmation exportparts=${`reference, ${SUMMARY_PARTS}`} .booking=${this.confirmed} property-name=${property.name}></db-confirmation>`;
      case 'expired':
        return html`<db-expired-step exportparts="primary-button" hold-minutes=${property.holdMinutes} @db-continue=${this.#startAgain}></db-expired-step>`;
    }
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

  #locale(property: PublicProperty | undefined) {
    return resolveLocale(this.locale, document.documentElement.lang, property?.locale);
  }

  #updateI18n(property: PublicProperty | undefined) {
    const current = this.#i18n.value;
    const locale = this.#locale(property);
    if (!hasCatalog(locale)) {
      // A language asked for later (the locale attribute changed): the current one stays until its
      // strings arrive, and stays for good if they cannot be fetched.
      loadCatalog(locale).then(
        () => this.#updateI18n(property),
        () => undefined,
      );
      return;
    }
    const currency = property?.currency ?? current.currency;
    if (locale === current.locale && currency === current.currency) return;
    this.#i18n.setValue(new I18n(locale, currency));
    this.requestUpdate();
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
      locale: this.#i18n.value.locale,
    };
  }

  #go(step: Step) {
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

  #onDates = (event: DbDatesChangeEvent) => {
    this.#defaultStay = false;
    this.notice = '';
    this.stay = event.value;
  };

  #onGuests = (event: DbGuestsChangeEvent) => {
    // Keep showing the dates on screen (perhaps the next available ones) for the new party.
    const shown = this.#shownStay();
    if (shown && (shown.checkIn !== this.stay?.checkIn || shown.checkOut !== this.stay?.checkOut)) this.stay = shown;
    this.party = event.value;
  };

  #onRoomQuantity = (event: DbQuantityChangeEvent) => {
    const { id, quantity } = event.value;
    const answer = this.#availabilityTask.value;
    if (answer && quantity > 0 && !this.selection[id]) track('select_item', () => selectItem(answer, id));
    this.notice = '';
    this.selection = { ...this.selection, [id]: quantity };
  };

  #onRatesContinue = () => {
    const answer = this.#availabilityTask.value;
    if (answer) track('begin_checkout', () => beginCheckout(answer, offeredSelection(answer, this.selection)));
    this.#go('review');
  };

  #onExtraQuantity = (event: DbQuantityChangeEvent) => {
    this.extras = { ...this.extras, [event.value.id]: event.value.quantity };
  };

  async #book(guest: Guest) {
    const client = this.#api.value;
    const quote = this.#quoteRequest();
    if (!quote || !client || this.submitting) return;
    this.guest = guest;
    const body: BookingRequest = { ...quote, guest };
    const json = JSON.stringify(body);
    // SPEC 2.7: one key per checkout attempt; resending the same attempt reuses it.
    if (this.#idempotency?.body !== json) this.#idempotency = { body: json, key: uuid() };
    this.submitting = true;
    this.bookingFailure = undefined;
    try {
      const created = (this.created = await client.createBooking(body, this.#idempotency.key));
      this.#go('payment');
      track('add_payment_info', () => booked(created.booking));
    } catch (error) {
      this.#bookingFailed(error);
    } finally {
      this.submitting = false;
    }
  }

  #bookingFailed(error: unknown) {
    if (error instanceof ApiError && error.status === 409) {
      // A room was taken meanwhile: back to the rates, choices kept, with fresh availability.
      this.notice = this.#i18n.value.t('soldOutNotice');
      this.refresh++;
      this.#go('stay');
    } else {
      this.bookingFailure = error;
    }
  }

  #onPaid = (event: DbPaidEvent) => {
    const booking = event.value;
    this.confirmed = booking;
    this.#idempotency = undefined;
    this.#go('confirmation');
    this.dispatchEvent(new DirectbookBookedEvent({ reference: booking.reference, total: booking.total, depositDue: booking.depositDue, currency: booking.currency }));
    track('purchase', () => booked(booking, true));
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
