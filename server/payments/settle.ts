// SPEC 2.8: a booking is confirmed when the server itself sees its intent succeeded; a payment
// that lands after the hold expired and the units were resold is refunded, exactly once.
import type { AppDeps } from '../app-env.ts';
import type { BookingRecord } from '../store/booking-store.ts';
import { bookingView, propertyView } from '../views.ts';
import type { Payments } from './payments.ts';

export type Settlement =
  | { outcome: 'confirmed' | 'already_confirmed'; booking: BookingRecord }
  | { outcome: 'refunded'; booking: BookingRecord }
  | { outcome: 'incomplete'; status: string }
  | { outcome: 'final' };

export async function settleIntent(deps: AppDeps, payments: Payments, booking: BookingRecord): Promise<Settlement> {
  const { store } = deps;
  const now = deps.clock();
  if (!booking.intentId || !booking.intentType) return { outcome: 'incomplete', status: 'no_intent' };
  const intent = await payments.retrieveIntent({ id: booking.intentId, type: booking.intentType });
  if (intent.status !== 'succeeded' || (intent.bookingId !== null && intent.bookingId !== booking.id)) {
    return { outcome: 'incomplete', status: intent.status };
  }
  const at = now.toISOString();
  const result = await store.confirmBooking(booking.id, at, { amountPaid: intent.amount });
  if (result === 'sold_out') {
    if (intent.type === 'payment' && intent.amount > booking.amountRefunded) {
      // The deterministic key makes Stripe return the first refund to any retry or second instance.
      const refund = await payments.refund({ intentId: intent.id, idempotencyKey: `refund:${booking.id}:hold-expired`, reason: 'requested_by_customer' });
      const latest = (await store.getBooking(booking.id))!;
      if (latest.amountRefunded < refund.amount) await store.addRefund(booking.id, refund.amount - latest.amountRefunded, at);
    }
    return { outcome: 'refunded', booking: (await store.getBooking(booking.id))! };
  }
  if (result === 'final') return { outcome: 'final' };
  const settled = (await store.getBooking(booking.id))!;
  const property = await store.getProperty(settled.propertyId);
  if (result === 'confirmed' && property) await deps.mailer?.bookingConfirmed(bookingView(settled), propertyView(property));
  return { outcome: result, booking: settled };
}
