// SPEC 2.8: a booking is confirmed when the server itself sees its intent succeeded (webhook or
// the guest's confirm call, in any order, on any instance). A payment that cannot be confirmed,
// because the hold expired and the rooms were gone or the booking was cancelled, is refunded.
import type { Payments } from '../payments/payments.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import { bookingView, propertyView } from '../views.ts';
import { scheduleBalanceCollection } from './collect-balance.ts';
import type { BookingDeps } from './ports.ts';
import { deliverSoon } from './events.ts';
import { recordCharge } from './record-charge.ts';
import { refundRest } from './refund.ts';

export type Settlement =
  | { outcome: 'confirmed' | 'already_confirmed'; booking: BookingRecord }
  | { outcome: 'refunded'; booking: BookingRecord }
  | { outcome: 'cancelled'; booking: BookingRecord }
  | { outcome: 'incomplete'; status: string };

export async function settlePayment(deps: BookingDeps & { payments: Payments }, booking: BookingRecord): Promise<Settlement> {
  const { store, payments } = deps;
  if (!booking.intentId || !booking.intentType) return { outcome: 'incomplete', status: 'no_intent' };
  const intent = await payments.retrieveIntent({ id: booking.intentId, type: booking.intentType });
  if (intent.status !== 'succeeded' || (intent.bookingId !== null && intent.bookingId !== booking.id)) {
    return { outcome: 'incomplete', status: intent.status };
  }
  const paidAt = deps.clock().toISOString();
  const result = await store.confirmBooking(booking.id, paidAt, { amountPaid: intent.amount });
  // SPEC 2.18: the confirmation's transaction enqueued its webhooks.
  if (result === 'confirmed') deliverSoon(deps);
  // A repeated report of a payment was written down by the call that counted it first.
  if (result !== 'already_confirmed' && intent.type === 'payment') await recordCharge(deps, { bookingId: booking.id, intentId: intent.id, paidAt });
  const settled = (await store.getBooking(booking.id))!;
  if (result === 'sold_out' || result === 'final') {
    // The store recorded this payment as refused in the transaction that decided it, so nothing confirms it later.
    // A payment counted before a cancellation is not refused: that cancellation's policy decided its refund (SPEC 2.16).
    if (settled.paymentRefusedAt) await refundRest(deps, settled, 'booking');
    return { outcome: result === 'final' ? 'cancelled' : 'refunded', booking: (await store.getBooking(booking.id))! };
  }
  if (result === 'confirmed') await mailConfirmation(deps, settled);
  // Also on a repeated report: one that died before scheduling is finished by Stripe's retry (SPEC 2.17).
  await scheduleBalanceCollection(deps, settled);
  return { outcome: result, booking: (await store.getBooking(booking.id))! };
}

/** The guest's confirmation and the owner's notice, queued once, by the call that confirmed. */
export async function mailConfirmation(deps: BookingDeps, booking: BookingRecord, property?: PropertyRecord) {
  const owner = property ?? (await deps.store.getProperty(booking.propertyId));
  if (owner) await deps.mailer?.bookingConfirmed(bookingView(booking), propertyView(owner));
}
