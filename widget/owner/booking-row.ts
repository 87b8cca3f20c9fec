// One booking as a line of a list (today, bookings): reference, guest, stay, status and total, linking to the booking.
import { html } from 'lit';
import type { Booking } from '../../shared/schemas/stay.ts';
import type { OwnerI18n } from './owner-i18n.ts';
import { bookingPath } from './owner-routes.ts';

export const guestName = ({ guest }: Booking, locale: string) => (locale === 'ko' ? `${guest.lastName} ${guest.firstName}` : `${guest.firstName} ${guest.lastName}`);

export function bookingRow(booking: Booking, i18n: OwnerI18n, note?: string) {
  return html`<li>
    <a class="row" href=${bookingPath(booking.id)}>
      <span><span class="ref">${booking.reference}</span> · ${guestName(booking, i18n.locale)}</span>
      <span class="chip ${booking.status}">${i18n.t(`status_${booking.status}`)}</span>
      <span class="muted">${i18n.range(booking.checkIn, booking.checkOut)}${note ? ` · ${note}` : ''}</span>
      <span class="money">${i18n.money(booking.total)}</span>
    </a>
  </li>`;
}
