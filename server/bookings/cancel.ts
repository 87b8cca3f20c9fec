// SPEC 2.9: the owner cancels the booking (units given back) or only its payment (refund; the
// booking keeps its state). Cancellation cannot be undone.
import type { CancelBooking } from '../../shared/schemas/stay.ts';
import { conflict } from '../errors.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import { bookingView, propertyView } from '../views.ts';
import type { BookingDeps } from './ports.ts';
import { refundRest } from './refund.ts';

/** SPEC 2.3, 2.9: a non-refundable rate refunds nothing on cancellation unless the owner asks for it. */
async function refundsByDefault(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord): Promise<boolean> {
  const rates = await Promise.all([...new Set(booking.rooms.map((r) => r.rateId))].map((id) => deps.store.getRate(property.id, id)));
  return rates.every((rate) => rate?.refundable ?? true);
}

export async function cancelByOwner(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord, request: CancelBooking): Promise<{ booking: BookingRecord; refunded: number }> {
  const { scope, refund } = request;
  if (booking.status === 'cancelled') throw conflict('already_cancelled', 'This booking is already cancelled');
  if (scope === 'booking' && (await deps.store.cancelBooking(booking.id, deps.clock().toISOString())) !== 'cancelled') {
    throw conflict('booking_final', `A ${booking.status} booking cannot be cancelled`);
  }
  const wantRefund = refund ?? (scope === 'payment' || (await refundsByDefault(deps, property, booking)));
  // Read again after the cancel committed: a payment may have been recorded meanwhile.
  const current = (await deps.store.getBooking(booking.id))!;
  const refunded = wantRefund ? await refundRest(deps, current, scope) : 0;
  if (scope === 'payment' && wantRefund && refunded === 0) throw conflict('nothing_to_refund', 'Nothing was paid through Stripe, or it was already refunded');
  const updated = (await deps.store.getBooking(booking.id))!;
  if (scope === 'booking') await deps.mailer?.bookingCancelled(bookingView(updated), propertyView(property), refunded);
  return { booking: updated, refunded };
}
