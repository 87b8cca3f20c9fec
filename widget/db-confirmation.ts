import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { addressName } from '../shared/person-name.ts';
import type { Booking } from '../shared/schemas/stay.ts';
import { DbElement } from './db-element.ts';
import { defineElement } from './define.ts';
import { styles } from './db-confirmation.styles.ts';
import { theme } from './theme.styles.ts';
import { SUMMARY_PARTS } from './parts.ts';
import './db-summary.ts';

/**
 * What the guest sees once the booking is confirmed: the reference first, then the stay and
 * the money (SPEC 2.10 lists the same facts for the e-mail).
 *
 * @csspart reference - The booking reference.
 */
@defineElement('db-confirmation')
export class DbConfirmation extends DbElement {
  static override styles = [theme, styles];

  @property({ attribute: false }) booking?: Booking;

  /** The property's name, for the thank-you line. */
  @property({ attribute: 'property-name' }) propertyName = '';

  override render() {
    const { booking, i18n } = this;
    if (!booking) return nothing;
    return html`<p class="intro">${i18n.t('confirmationIntro', { name: addressName(booking.guest, i18n.locale), property: this.propertyName })}</p>
      <div class="reference">
        <span>${i18n.t('reference')}</span>
        <strong part="reference">${booking.reference}</strong>
      </div>
      <dl class="dates">
        <div><dt>${i18n.t('checkIn')}</dt><dd>${i18n.longDate(booking.checkIn)}</dd></div>
        <div><dt>${i18n.t('checkOut')}</dt><dd>${i18n.longDate(booking.checkOut)}</dd></div>
      </dl>
      <p class="muted email">${i18n.t('emailSent', { email: booking.guest.email })}</p>
      <db-summary exportparts=${SUMMARY_PARTS} .data=${booking} payment-mode=${booking.paymentMode} paid></db-summary>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'db-confirmation': DbConfirmation;
  }
}
