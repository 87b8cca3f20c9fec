// What the deposit's payment step (db-payment-stripe.ts) and the balance on the manage page
// (manage/db-pay-balance.ts) share: Stripe's Payment Element loaded only now into a light-DOM
// `mount` slotted here, its loading, failed and paying states, and paying itself: Stripe first,
// then our server, which believes only what it re-reads from Stripe.
import type { Stripe, StripeElements, StripeError } from '@stripe/stripe-js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { DbElement } from './db-element.ts';
import { mountPaymentElement } from './payment-element.ts';

// Stripe words these for the guest (declines, failed 3-D Secure); anything else gets ours.
const GUEST_FACING = new Set<StripeError['type']>(['card_error', 'validation_error']);

/** Confirms the intent in the browser with what the guest entered in the element. */
export type ConfirmIntent = (stripe: Stripe, options: { elements: StripeElements; redirect: 'if_required'; confirmParams: { return_url: string } }) => Promise<{ error?: StripeError }>;

export abstract class StripePaymentElement<P extends { publishableKey: string; clientSecret: string }> extends DbElement {
  /** The intent the server made for this payment. */
  @property({ attribute: false }) payment?: P;

  /** Light-DOM element for the Payment Element, slotted into `payment`. */
  @property({ attribute: false }) mount?: HTMLElement;

  @state() private ready = false;
  @state() private busy = false;
  @state() protected error = '';
  @state() private loadFailed = false;

  #stripe?: Stripe;
  #elements?: StripeElements;
  /** Set once Stripe accepted; a retry then only asks our server again. */
  #accepted = false;

  /** How this payment confirms its intent with Stripe. */
  protected abstract confirmIntent(payment: P): ConfirmIntent;

  /** Asks our server to count the payment; shows its own errors. */
  protected abstract confirmWithServer(): Promise<void>;

  /** Whatever else paying needs is here (the manage page's API client). */
  protected get payable(): boolean {
    return true;
  }

  protected override updated(changed: PropertyValues<this>) {
    if ((changed.has('payment') || changed.has('mount')) && this.payment && this.mount && !this.#elements) void this.#load();
  }

  /** The element's box, the error line and the pay (or retry) button, labelled `payLabel`. */
  protected renderPayment(payLabel: string): TemplateResult {
    const { i18n } = this;
    return html`<div class="element-box ${this.ready ? 'ready' : ''}" aria-busy=${!this.ready && !this.loadFailed}>
        ${this.ready || this.loadFailed ? nothing : html`<span class="skeleton" aria-hidden="true"></span><span class="visually-hidden">${i18n.t('paymentLoading')}</span>`}
        <slot name="payment"></slot>
      </div>
      <p class="error" role="alert">${this.error}</p>
      ${
        this.loadFailed
          ? html`<button type="button" class="secondary" @click=${this.#load}>${i18n.t('retry')}</button>`
          : html`<button type="button" class="primary pay" part="pay" aria-disabled=${!this.ready || this.busy} @click=${this.#pay}>
            ${this.busy ? html`<span class="spinner" aria-hidden="true"></span>${i18n.t('processing')}` : payLabel}
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
    if (!this.ready || this.busy || !this.#stripe || !this.#elements || !this.payment || !this.payable) return;
    this.busy = true;
    this.error = '';
    try {
      if (!this.#accepted) {
        const options = { elements: this.#elements, redirect: 'if_required' as const, confirmParams: { return_url: location.href } };
        const result = await this.confirmIntent(this.payment)(this.#stripe, options);
        if (result.error) {
          this.error = GUEST_FACING.has(result.error.type) && result.error.message ? result.error.message : this.i18n.t('declined');
          return;
        }
        this.#accepted = true;
      }
      await this.confirmWithServer();
    } finally {
      this.busy = false;
    }
  };
}
