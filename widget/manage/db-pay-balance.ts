import { nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { isNetworkError } from '../api.ts';
import { styles } from '../db-payment-stripe.styles.ts';
import { defineElement } from '../define.ts';
import { DbPaidEvent } from '../later-events.ts';
import { type ConfirmIntent, StripePaymentElement } from '../stripe-payment-element.ts';
import { theme } from '../theme.styles.ts';
import type { BalancePayment } from '../../shared/schemas/stay.ts';
import type { ManageApi } from './manage-api.ts';

/**
 * Pays the balance on the manage page (SPEC 2.16, 2.17) with Stripe's Payment Element, as the
 * widget's payment step pays the deposit (db-payment-stripe.ts): Stripe.js only now, the element in
 * a light-DOM `mount` slotted here, and the server counts the payment only once it has re-read it.
 *
 * @fires db-paid - The server counted the payment; `value` is the `Booking`.
 * @slot payment - The light-DOM container the Payment Element is mounted in.
 * @csspart pay - The pay button.
 */
@defineElement('db-pay-balance')
export class DbPayBalance extends StripePaymentElement<BalancePayment> {
  static override styles = [theme, styles];

  /** The booking's calls, authorised by its clientToken. */
  @property({ attribute: false }) api?: ManageApi;

  override render() {
    const { i18n, payment } = this;
    if (!payment) return nothing;
    return this.renderPayment(i18n.t('payAmount', { amount: i18n.money(payment.amount) }));
  }

  protected override get payable() {
    return this.api !== undefined;
  }

  protected override confirmIntent(): ConfirmIntent {
    return (stripe, options) => stripe.confirmPayment(options);
  }

  protected override async confirmWithServer() {
    try {
      const { booking } = await this.api!.confirm();
      this.dispatchEvent(new DbPaidEvent(booking));
    } catch (error) {
      this.error = this.i18n.t(isNetworkError(error) ? 'errorNetwork' : 'balanceNotRecorded');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-pay-balance': DbPayBalance;
  }
}
