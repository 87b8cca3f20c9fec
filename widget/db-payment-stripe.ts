import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { Booking, PaymentStep } from '../shared/schemas/stay.ts';
import { ApiError, isNetworkError } from './api.ts';
import { apiContext } from './context.ts';
import { defineElement } from './define.ts';
import { DbExpiredEvent, DbPaidEvent } from './later-events.ts';
import { type ConfirmIntent, StripePaymentElement } from './stripe-payment-element.ts';
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
export class DbPaymentStripe extends StripePaymentElement<StripePayment> {
  static override styles = [theme, styles];

  @property({ attribute: false }) booking?: Booking;

  /** Authorises this booking's public calls. */
  @property({ attribute: false }) clientToken = '';

  #api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  override render() {
    const { i18n, booking, payment } = this;
    if (!booking || !payment) return nothing;
    const setup = payment.intentType === 'setup';
    return html`<p class="charge">${setup ? i18n.t('nothingDueNow') : `${i18n.t('dueNow')}: ${i18n.money(booking.depositDue)}`}</p>
      ${this.renderPayment(setup ? i18n.t('confirmBooking') : i18n.t('payAmount', { amount: i18n.money(booking.depositDue) }))}`;
  }

  protected override confirmIntent(payment: StripePayment): ConfirmIntent {
    // No deposit due now: the card is only kept for the property (a SetupIntent).
    return payment.intentType === 'setup' ? (stripe, options) => stripe.confirmSetup(options) : (stripe, options) => stripe.confirmPayment(options);
  }

  /** The server retrieves the intent from Stripe and confirms the booking (SPEC 2.8). */
  protected override async confirmWithServer() {
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
