import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { isNetworkError } from '../api.ts';
import { DbElement } from '../db-element.ts';
import { styles } from '../db-payment-stripe.styles.ts';
import { defineElement } from '../define.ts';
import { DbPaidEvent } from '../events.ts';
import { GUEST_FACING, mountPaymentElement } from '../payment-element.ts';
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
export class DbPayBalance extends DbElement {
  static override styles = [theme, styles];

  /** The balance PaymentIntent the server made. */
  @property({ attribute: false }) payment?: BalancePayment;

  /** The booking's calls, authorised by its clientToken. */
  @property({ attribute: false }) api?: ManageApi;

  /** Light-DOM element for the Payment Element, slotted into `payment`. */
  @property({ attribute: false }) mount?: HTMLElement;

  @state() private ready = false;
  @state() private busy = false;
  @state() private error = '';
  @state() private loadFailed = false;

  #stripe?: Stripe;
  #elements?: StripeElements;
  /** Set once Stripe accepted; a retry then only asks our server again. */
  #accepted = false;

  protected override updated(changed: PropertyValues<this>) {
    if ((changed.has('payment') || changed.has('mount')) && this.payment && this.mount && !this.#elements) void this.#load();
  }

  override render() {
    const { i18n, payment } = this;
    if (!payment) return nothing;
    return html`<div class="element-box ${this.ready ? 'ready' : ''}" aria-busy=${!this.ready && !this.loadFailed}>
        ${this.ready || this.loadFailed ? nothing : html`<span class="skeleton" aria-hidden="true"></span><span class="visually-hidden">${i18n.t('paymentLoading')}</span>`}
        <slot name="payment"></slot>
      </div>
      <p class="error" role="alert">${this.error}</p>
      ${
        this.loadFailed
          ? html`<button type="button" class="secondary" @click=${this.#load}>${i18n.t('retry')}</button>`
          : html`<button type="button" class="primary pay" part="pay" aria-disabled=${!this.ready || this.busy} @click=${this.#pay}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${i18n.t('processing')}` : i18n.t('payAmount', { amount: i18n.money(payment.amount) })}
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
    if (!this.ready || this.busy || !this.#stripe || !this.#elements || !this.api) return;
    this.busy = true;
    this.error = '';
    try {
      if (!this.#accepted) {
        const result = await this.#stripe.confirmPayment({ elements: this.#elements, redirect: 'if_required', confirmParams: { return_url: location.href } });
        if (result.error) {
          this.error = GUEST_FACING.has(result.error.type) && result.error.message ? result.error.message : this.i18n.t('declined');
          return;
        }
        this.#accepted = true;
      }
      const { booking } = await this.api.confirm();
      this.dispatchEvent(new DbPaidEvent(booking));
    } catch (error) {
      this.error = this.i18n.t(isNetworkError(error) ? 'errorNetwork' : 'balanceNotRecorded');
    } finally {
      this.busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'db-pay-balance': DbPayBalance;
  }
}
