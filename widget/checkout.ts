// The way from the rooms chosen to a confirmed booking: extras and the quote, the guest's details,
// the hold, the payment and how it ends. A chunk like the steps it drives (steps.ts), so widget.js
// holds the rates step only (SPEC 4: first paint); <direct-book> keeps the flow's place and header.
import { initialState, Task } from '@lit/task';
import { type CSSResult, html, type ReactiveControllerHost } from 'lit';
import type { Availability, Booking, BookingCreated, BookingRequest, Guest, PublicProperty, QuoteRequest } from '../shared/schemas/stay.ts';
import { track } from './track.ts';
import { type Api, ApiError } from './api.ts';
import { uuid } from './uuid.ts';
import { DirectbookBookedEvent, type DbQuantityChangeEvent, type PartyValue, type Step } from './events.ts';
import { offeredSelection } from './booking-request.ts';
import { roomRequests } from './room-requests.ts';
import type { DbGuestInputEvent, DbGuestSubmitEvent, DbPaidEvent } from './later-events.ts';
import { SUMMARY_PARTS } from './parts.ts';
import { type DbPayNowChangeEvent, type PayNow, withPayNow } from './pay-now.ts';
import { backButton, stepHeadStyles, stepIcon } from './step-head.ts';
import type { I18n } from './i18n.ts';

/** What <direct-book> lends the checkout: its element, its client, and its say over the flow. */
export interface CheckoutHost {
  element: ReactiveControllerHost & HTMLElement;
  api(): Api | undefined;
  /** The rates the guest chose from. */
  availability(): Availability | undefined;
  step(): Step;
  /** What the guest chose on the rates step; the request is made here, so widget.js need not hold it. */
  choices(): { venue?: PublicProperty | undefined; selection: Record<string, number>; party: PartyValue; locale: string; promo?: string | undefined };
  go(step: Step): void;
  /** Adds `styles` to the element's own, for the parts of its header the checkout renders. */
  adopt(styles: CSSResult): void;
  /** Back to the rates with fresh availability: a room was taken meanwhile (with a notice), or the hold ran out. */
  backToRates(soldOut: boolean): void;
}

export class Checkout {
  #extras: Record<string, number> = {};
  /** SPEC 2.15: what the guest chose to pay now, where every rate booked lets them pay in full. */
  #payNow: PayNow = 'deposit';
  #guest: Partial<Guest> = {};
  /** The booking just created, and with it the hold. */
  #created?: BookingCreated;
  #confirmed?: Booking;
  #submitting = false;
  /** Why the last attempt to book failed, for the details step to explain. */
  #failure?: unknown;
  #idempotency?: { body: string; key: string };
  #paymentMount?: HTMLElement;

  #quoteTask: Task<readonly [Api | undefined, string | undefined], Awaited<ReturnType<Api['quote']>>>;

  constructor(private readonly host: CheckoutHost) {
    host.adopt(stepHeadStyles);
    this.#quoteTask = new Task(host.element, {
      task: ([client, body], { signal }) => (client && body ? client.quote(JSON.parse(body) as QuoteRequest, signal) : initialState),
      // Compared as JSON so an unchanged request is not sent again.
      args: () => {
        const step = host.step();
        return [host.api(), step === 'review' || step === 'details' ? JSON.stringify(this.#stayRequest()) : undefined] as const;
      },
    });
  }

  /** <direct-book>'s header for `step`: the confirmation's tick above the progress (step-head.ts). */
  icon(step: Step) {
    return stepIcon(step);
  }

  /** <direct-book>'s header for `step`: the way back before the heading (step-head.ts). */
  back(step: Step, i18n: I18n) {
    return backButton(step, i18n, (to) => this.host.go(to));
  }

  /** Called as the flow moves to `step`: Stripe's Payment Element needs a light-DOM home there. */
  entering(step: Step) {
    if (step !== 'payment') this.#dropPaymentMount();
    if (step === 'payment' && this.#created?.payment.provider === 'stripe') this.#paymentMount = this.#createPaymentMount();
  }

  render(step: Exclude<Step, 'stay'>, venue: PublicProperty) {
    const quoteTask = this.#quoteTask;
    const payNow = this.#payNowFor(venue);
    switch (step) {
      case 'review':
        return html`<db-review-step exportparts=${`primary-button, ${SUMMARY_PARTS}`} .extras=${venue.extras} .chosen=${this.#extras} payment-mode=${venue.paymentMode}
          .quote=${quoteTask.value} .quoteStatus=${quoteTask.status} .quoteError=${quoteTask.error} .payNow=${payNow}
          @db-quantity-change=${this.#onExtraQuantity} @db-pay-now-change=${(e: DbPayNowChangeEvent) => this.#update(() => (this.#payNow = e.value))}
          @db-retry=${() => quoteTask.run()} @db-continue=${() => this.host.go('details')}></db-review-step>`;
      case 'details':
        return html`<db-details-step exportparts=${SUMMARY_PARTS} .guest=${this.#guest} ?busy=${this.#submitting} .failure=${this.#failure}
          .quote=${withPayNow(quoteTask.value, payNow)} .quoteStatus=${quoteTask.status} payment-mode=${venue.paymentMode}
          @db-guest-input=${(e: DbGuestInputEvent) => this.#update(() => (this.#guest = e.value))} @db-guest-submit=${(e: DbGuestSubmitEvent) => this.#book(e.value, payNow)}
          @db-promo-change=${() => this.#update(() => (this.#failure = undefined))}></db-details-step>`;
      case 'payment':
        return html`<db-payment-step exportparts=${`primary-button, card-frame, ${SUMMARY_PARTS}`} .created=${this.#created} .mount=${this.#paymentMount}
          @db-paid=${this.#onPaid} @db-expired=${this.#onExpired}><slot name="payment" slot="payment"></slot></db-payment-step>`;
      case 'confirmation':
        return html`<db-confirmation exportparts=${`reference, ${SUMMARY_PARTS}`} .booking=${this.#confirmed} property-name=${venue.name}></db-confirmation>`;
      case 'expired':
        return html`<db-expired-step exportparts="primary-button" hold-minutes=${venue.holdMinutes} @db-continue=${this.#startAgain}></db-expired-step>`;
    }
  }

  /**
   * The guest's choice of what to pay now, or undefined where it is not theirs to make: in stripe
   * mode, when every rate booked offers paying in full (SPEC 2.15).
   */
  #payNowFor(venue: PublicProperty): PayNow | undefined {
    const rooms = this.#stayRequest()?.rooms;
    const rates = this.host.availability()?.roomTypes.flatMap((t) => t.rates) ?? [];
    const allowed = venue.paymentMode === 'stripe' && !!rooms?.every((room) => rates.find((r) => r.id === room.rateId)?.payInFullOption);
    return allowed ? this.#payNow : undefined;
  }

  /** The rooms chosen on the rates step, with the extras chosen here; undefined while none is chosen. */
  #stayRequest(): QuoteRequest | undefined {
    const answer = this.host.availability();
    const { venue, selection, party, locale, promo } = this.host.choices();
    const chosen = offeredSelection(answer, selection);
    if (!answer || !venue || !chosen.size) return undefined;
    return {
      checkIn: answer.checkIn,
      checkOut: answer.checkOut,
      rooms: roomRequests(chosen, party, this.#extras, venue.extras),
      locale,
      // Only a code the rates were priced with: one that does not apply would fail the booking.
      promoCode: promo && answer.promo?.applied ? answer.promo.code : undefined,
    };
  }

  #update(change: () => void) {
    change();
    this.host.element.requestUpdate();
  }

  #onExtraQuantity = (event: DbQuantityChangeEvent) => {
    this.#update(() => (this.#extras = { ...this.#extras, [event.value.id]: event.value.quantity }));
  };

  async #book(guest: Guest, payNow: PayNow | undefined) {
    const client = this.host.api();
    const quote = this.#stayRequest();
    if (!quote || !client || this.#submitting) return;
    const body: BookingRequest = { ...quote, guest, ...(payNow === 'full' && { payNow }) };
    const json = JSON.stringify(body);
    // SPEC 2.7: one key per checkout attempt; resending the same attempt reuses it.
    if (this.#idempotency?.body !== json) this.#idempotency = { body: json, key: uuid() };
    this.#update(() => {
      this.#guest = guest;
      this.#submitting = true;
      this.#failure = undefined;
    });
    try {
      const created = (this.#created = await client.createBooking(body, this.#idempotency.key));
      this.host.go('payment');
      track('add_payment_info', (a) => a.booked(created.booking));
    } catch (error) {
      // A room was taken meanwhile: back to the rates, choices kept, with fresh availability. A code
      // that stopped applying is the details step's to explain, and to go on without.
      if (error instanceof ApiError && error.status === 409 && error.code !== 'promo_not_applicable') this.host.backToRates(true);
      else this.#failure = error;
    } finally {
      this.#update(() => (this.#submitting = false));
    }
  }

  #onPaid = (event: DbPaidEvent) => {
    const booking = event.value;
    this.#confirmed = booking;
    this.#idempotency = undefined;
    this.host.go('confirmation');
    this.host.element.dispatchEvent(new DirectbookBookedEvent({ reference: booking.reference, total: booking.total, depositDue: booking.depositDue, currency: booking.currency }));
    track('purchase', (a) => a.booked(booking, true));
  };

  #onExpired = () => {
    if (this.host.step() === 'payment') this.host.go('expired');
  };

  #startAgain = () => {
    this.#created = undefined;
    this.#idempotency = undefined;
    this.host.backToRates(false);
  };

  /** Stripe's Payment Element must be in the light DOM; it is slotted through to the payment step. */
  #createPaymentMount(): HTMLElement {
    const mount = document.createElement('div');
    mount.slot = 'payment';
    // Inline style outranks hostile page rules such as `* { all: unset }`.
    mount.style.display = 'block';
    this.host.element.append(mount);
    return mount;
  }

  #dropPaymentMount() {
    this.#paymentMount?.remove();
    this.#paymentMount = undefined;
  }
}
