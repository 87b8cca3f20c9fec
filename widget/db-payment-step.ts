import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { BookingCreated } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { SUMMARY_PARTS } from './parts.ts';
import { styles } from './db-payment-step.styles.ts';
import { stepStyles } from './step.styles.ts';
import { theme } from './theme.styles.ts';
import './db-hold-timer.ts';
import './db-payment-manual.ts';
import './db-payment-stripe.ts';
import './db-summary.ts';

/**
 * The payment step: how long the room is held, the payment form of the property's provider
 * (Stripe's Payment Element, or the card frame in manual mode), and the booking's price.
 *
 * @fires db-paid - From the payment form: the booking is confirmed; `value` is the `Booking`.
 * @fires db-expired - From the countdown, or from Stripe's confirmation: the hold ran out.
 * @slot payment - Stripe's Payment Element in the light DOM, passed on to db-payment-stripe.
 * @csspart primary-button - Stripe's pay button.
 * @csspart card-frame - The card iframe (manual payment).
 * @csspart summary - The price summary (forwarded from db-summary, as are the two below).
 * @csspart due-now - The amount due now.
 * @csspart deposit-badge - Each deposit message; also `deposit-badge-{type}`.
 */
@defineElement('db-payment-step')
export class DbPaymentStep extends DbElement {
  static override styles = [theme, stepStyles, styles];

  /** The booking just created: the hold, how to pay for it, and the token that authorises paying. */
  @property({ attribute: false }) created?: BookingCreated;

  /** Light-DOM element for Stripe's Payment Element. */
  @property({ attribute: false }) mount?: HTMLElement;

  override render() {
    if (!this.created) return nothing;
    const { booking, payment, clientToken } = this.created;
    return html`<db-hold-timer expires-at=${booking.expiresAt}></db-hold-timer>
      <div class="columns">
        <div class="main">
          ${
            payment.provider === 'stripe'
              ? html`<db-payment-stripe exportparts="pay: primary-button" .payment=${payment} .booking=${booking} .clientToken=${clientToken} .mount=${this.mount}>
                <slot name="payment" slot="payment"></slot>
              </db-payment-stripe>`
              : html`<db-payment-manual exportparts="card-frame" .payment=${payment} .booking=${booking} .clientToken=${clientToken}></db-payment-manual>`
          }
        </div>
        <aside><db-summary exportparts=${SUMMARY_PARTS} .data=${booking} payment-mode=${booking.paymentMode}></db-summary></aside>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-payment-step': DbPaymentStep;
  }
}
