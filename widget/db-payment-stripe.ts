import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { ContextConsumer } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Booking, PaymentStep } from '../shared/schemas/stay.ts';
import { ApiError, isNetworkError } from './api.ts';
import { apiContext } from './context.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbExpiredEvent, DbPaidEvent } from './events.ts';
import { GUEST_FACING, mountPaymentElement } from './payment-element.ts';
import { styles } from './db-payment-stripe.styles.ts';
import { theme } from './theme.styles.ts';

type StripePayment = Extract<PaymentStep, { provider: 'stripe' }>;

/**
 * Stripe payment (SPEC 2.8) with the Payment Element. Stripe.js is loaded only when this
 * step is shown. The Payment Element cannot live in a shadow root, so it mounts into a
 * light-DOM `mount` element that <direct-book> slots through the payment step to here.
 *
 * @fires db-paid - Stripe accepted the payment and the server confirmed the booking; `value` is the `Booking`.
 * @fires db-expired - The server said the hold expired before the payment was confirmed.
 * @slot payment - The light-DOM container the Payment Element is mounted in.
 * @csspart pay - The pay button.
 */
@defineElement('db-payment-stripe')
export class DbPaymentStripe extends DbElement {
  static override styles = [theme, styles];

  @property({ attribute: false }) payment?: StripePayment;

  @property({ attribute: false }) booking?: Booking;

  /** Authorises this booking's public calls. */
  @property({ attribute: false }) clientToken = '';

  /** Light-DOM element for the Payment Element, slotted into `payment`. */
  @property({ attribute: false }) mount?: HTMLElement;

  @state() private ready = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private loadFailed = false;

  #api = new ContextConsumer(this, { context: apiContext, subscribe: true });
  #stripe?: Stripe;
  #elements?: StripeElements;
  /** Set once Stripe accepted; a retry then only asks our server again. */
  #accepted = false;

  protected override updated(changed: PropertyValues<this>) {
    if ((changed.has('payment') || changed.has('mount')) && this.payment && this.mount && !this.#elements) void this.#load();
  }

  override render() {
    const { i18n, booking, payment } = this;
    if (!booking || !payment) return nothing;
    const setup = payment.intentType === 'setup';
    return html`<p class="charge">${setup ? i18n.t('nothingDueNow') : `${i18n.t('dueNow')}: ${i18n.money(booking.depositDue)}`}</p>
      <div class="element-box ${this.ready ? 'ready' : ''}" aria-busy=${!this.ready && !this.loadFailed}>
        ${this.ready || this.loadFailed ? nothing : html`<span class="skeleton" aria-hidden="true"></span><span class="visually-hidden">${i18n.t('paymentLoading')}</span>`}
        <slot name="payment"></slot>
      </div>
      <p class="error" role="alert">${this.error}</p>
      ${
        this.loadFailed
          ? html`<button type="button" class="secondary" @click=${this.#load}>${i18n.t('retry')}</button>`
          : html`<button type="button" class="primary pay" part="pay" aria-disabled=${!this.ready || this.busy} @click=${this.#pay}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${i18n.t('processing')}` : setup ? i18n.t('confirmBooking') : i18n.t('payAmount', { amount: i18n.money(booking.depositDue) })}
          </button>`
      }`;
  }

  #load = async () => {
    const { payment, mount } = this;
    if (!payment || !mount) return;
    this.loadFailed = false;
    this.error = '';
    try {
      ({ stripe: this.#stripe, elements: this.#elements } = await mountPaymentElement(this, payment, this.i18n.locale, mount, () => (this.ready = true)));
    } catch {
      this.#elements = undefined;
      this.loadFailed = true;
      this.error = this.i18n.t('paymentFailedToLoad');
    }
  };

  #pay = async () => {
    if (!this.ready || this.busy || !this.#stripe || !this.#elements || !this.payment) return;
    this.busy = true;
    this.error = '';
    try {
      if (!this.#accepted) {
        const options = { elements: this.#elements, redirect: 'if_required' as const, confirmParams: { return_url: location.href } };
        const result = this.payment.intentType === 'setup' ? await this.#stripe.confirmSetup(options) : await this.#stripe.confirmPayment(options);
        if (result.error) {
          this.error = GUEST_FACING.has(result.error.type) && result.error.message ? result.error.message : this.i18n.t('declined');
          return;
        }
        this.#accepted = true;
      }
      await this.#confirm();
    } finally {
      this.busy = false;
    }
  };

  /** The server retrieves the intent from Stripe and confirms the booking (SPEC 2.8). */
  async #confirm() {
    try {
      const { booking } = await this.#api.value!.confirm(this.booking!.id, this.clientToken);
      if (booking.status === 'confirmed') this.dispatchEvent(new DbPaidEvent(booking));
      else if (booking.status === 'expired') this.dispatchEvent(new DbExpiredEvent());
      else this.error = this.i18n.t('notConfirmed');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'hold_expired') this.dispatchEvent(new DbExpiredEvent());
      else this.error = this.i18n.t(isNetworkError(error) ? 'errorNetwork' : 'notConfirmed');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-payment-stripe': DbPaymentStripe;
  }
}
