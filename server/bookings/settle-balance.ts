// SPEC 2.17: a balance PaymentIntent counts once the server itself sees it succeeded (webhook or the
// manage page's confirm call, in any order, on any instance). Money that arrives for a booking no
// longer confirmed (cancelled while the guest paid) goes back in full.
import type { Payments } from '../payments/payments.ts';
import type { BalanceIntent, BookingRecord } from '../store/store.ts';
import { deliverSoon } from './events.ts';
import type { BookingDeps } from './ports.ts';

type Deps = BookingDeps & { payments: Payments };

export async function settleBalanceIntent(deps: Deps, balance: BalanceIntent): Promise<'recorded' | 'already_recorded' | 'refunded' | 'incomplete'> {
  const intent = await deps.payments.retrieveIntent({ id: balance.intentId, type: 'payment' });
  if (intent.status !== 'succeeded' || intent.bookingId !== balance.bookingId) return 'incomplete';
  const now = deps.clock().toISOString();
  const result = await deps.store.recordBalancePayment(balance.intentId, intent.amount, now);
  // Its payment.succeeded webhook was enqueued with the payment: deliver it now, not at the next poll.
  if (result === 'recorded') deliverSoon(deps);
  if (result !== 'final') return result;
  // One key per intent: however often this is reported, Stripe makes one refund and the store counts it once.
  const refund = await deps.payments.refund({ intentId: balance.intentId, idempotencyKey: `refund:${balance.bookingId}:balance:${balance.intentId}`, reason: 'requested_by_customer' });
  await deps.store.recordRefund(balance.bookingId, { ...refund, intentId: balance.intentId }, now);
  return 'refunded';
}

/** Settles every balance intent of the booking not yet counted; returns the booking as it is now. */
export async function settleBalance(deps: Deps, booking: BookingRecord): Promise<BookingRecord> {
  const unpaid = await deps.store.unpaidBalanceIntents(booking.id);
  if (unpaid.length === 0) return booking;
  for (const balance of unpaid) await settleBalanceIntent(deps, balance);
  return (await deps.store.getBooking(booking.id))!;
}
