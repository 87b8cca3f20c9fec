import { ContextConsumer } from '@lit/context';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CardFrameInit, CardFrameMessage } from '../shared/card-frame.ts';
import type { Booking, PaymentStep } from '../shared/schemas/stay.ts';
import { isNetworkError } from './api.ts';
import { apiContext } from './context.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { DbPaidEvent } from './later-events.ts';
import { styles } from './db-payment-manual.styles.ts';
import { theme } from './theme.styles.ts';

// Until the frame reports its own height, leave room for its four fields.
const INITIAL_HEIGHT = 300;

/**
 * Manual payment (SPEC 2.8): the card is typed into an iframe served by the directbook
 * server, so neither this page nor the widget ever sees the number. The frame and the
 * widget talk only through the messages of shared/card-frame.ts. The frame shows the accepted
 * brands and detects the guest's, so the widget does not repeat them.
 *
 * @fires db-paid - The card was stored and the booking confirmed; `value` is the `Booking`.
 * @csspart card-frame - The iframe.
 */
@defineElement('db-payment-manual')
export class DbPaymentManual extends DbElement {
  static override styles = [theme, styles];

  @property({ attribute: false }) payment?: Extract<PaymentStep, { provider: 'manual' }>;

  @property({ attribute: false }) booking?: Booking;

  /** Authorises this booking's public calls. */
  @property({ attribute: false }) clientToken = '';

  @state() private frameHeight = INITIAL_HEIGHT;
  @state() private ready = false;
  @state() private error = '';

  #api = new ContextConsumer(this, { context: apiContext, subscribe: true });

  get #frame(): HTMLIFrameElement | null {
    return this.renderRoot.querySelector('iframe');
  }

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener('message', this.#onMessage);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('message', this.#onMessage);
  }

  /** The frame's button takes the widget's accent, so the payment step matches the property's theme. */
  #frameUrl(url: string) {
    const u = new URL(url);
    u.searchParams.set('accent', getComputedStyle(this).getPropertyValue('--_accent').trim());
    return u.href;
  }

  override render() {
    const { i18n, booking, payment } = this;
    if (!booking || !payment) return nothing;
    return html`<div class="intro">
        <p class="charge">${booking.depositDue > 0 ? i18n.t('propertyWillCharge', { amount: i18n.money(booking.depositDue) }) : i18n.t('nothingDueNow')}</p>
        <p class="muted">${i18n.t('manualIntro')}</p>
      </div>
      <div class="frame-box ${this.ready ? 'ready' : ''}">
        ${this.ready ? nothing : html`<span class="skeleton frame-skeleton" aria-hidden="true"></span>`}
        <iframe part="card-frame" title=${i18n.t('cardFrameTitle')} src=${this.#frameUrl(payment.cardFrameUrl)} height=${this.frameHeight}></iframe>
      </div>
      ${
        this.error
          ? html`<div class="error" role="alert"><p>${this.error}</p><button type="button" class="secondary" @click=${this.#fetchBooking}>${i18n.t('retry')}</button></div>`
          : nothing
      }`;
  }

  #onMessage = (event: MessageEvent<CardFrameMessage | null>) => {
    // Only the frame we rendered, from the API's origin, may speak to us.
    const api = this.#api.value;
    if (!api || event.origin !== api.origin || !this.#frame || event.source !== this.#frame.contentWindow) return;
    const message = event.data;
    switch (message?.type) {
      case 'directbook:card-frame:ready': {
        this.ready = true;
        const init: CardFrameInit = {
          type: 'directbook:card-frame:init',
          bookingId: this.booking!.id,
          clientToken: this.clientToken,
          locale: this.i18n.locale,
        };
        this.#frame.contentWindow?.postMessage(init, api.origin);
        break;
      }
      case 'directbook:card-frame:resize':
        if (Number.isFinite(message.height) && message.height > 0) this.frameHeight = Math.ceil(message.height);
        break;
      case 'directbook:card-frame:result':
        if (message.ok) void this.#fetchBooking();
        break;
    }
  };

  /** The frame confirmed the booking on the server; read it back to show what was saved. */
  #fetchBooking = async () => {
    this.error = '';
    try {
      const { booking } = await this.#api.value!.booking(this.booking!.id, this.clientToken);
      this.dispatchEvent(new DbPaidEvent(booking));
    } catch (error) {
      this.error = this.i18n.t(isNetworkError(error) ? 'errorNetwork' : 'notConfirmed');
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'db-payment-manual': DbPaymentManual;
  }
}
