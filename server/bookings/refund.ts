// SPEC 2.8, 2.9: money goes back through Stripe for what was paid and not yet refunded.
import type { BookingRecord } from '../store/store.ts';
import { deliverSoon } from './events.ts';
import type { BookingDeps } from './ports.ts';

/**
 * Why a refund is made, which is also its idempotency key's last part. A booking that ends
 * (cancelled by the owner, or a payment that could not be confirmed) is refunded under one key,
 * so two paths racing to refund the same money get Stripe's one refund back, not a second.
 */
export type RefundReason = 'booking' | 'payment';

/**
 * The Stripe payments of a booking with what each still holds: the deposit first, then each balance
 * in the order it was paid (SPEC 2.17: the guest's own, or charged off-session), each its own intent.
 */
async function paidIntents(deps: BookingDeps, booking: BookingRecord & { intentId: string }) {
  const [balances, refunded] = await Promise.all([deps.store.paidBalanceIntents(booking.id), deps.store.refundedPerIntent(booking.id)]);
  const deposit = booking.amountPaid - balances.reduce((sum, b) => sum + b.amount, 0);
  const depositBack = (refunded.get(booking.intentId) ?? 0) + (refunded.get(null) ?? 0);
  return [
    { intentId: booking.intentId, left: deposit - depositBack, balance: false },
    ...balances.map((b) => ({ intentId: b.intentId, left: b.amount - (refunded.get(b.intentId) ?? 0), balance: true })),
  ];
}

/**
 * Refunds what is left of what a booking paid through Stripe, or at most `upTo` of it (SPEC 2.16: a
 * policy's part); returns the amount refunded now (0 when nothing was due back). Stripe refunds an
 * intent only up to what it took, so the refund is split: the deposit first, then each balance in
 * the order it was paid.
 */
export async function refundRest(deps: BookingDeps, booking: BookingRecord, reason: RefundReason, upTo?: number): Promise<number> {
  const rest = booking.amountPaid - booking.amountRefunded;
  let due = Math.min(rest, upTo ?? rest);
  const { intentId } = booking;
  if (booking.paymentMode !== 'stripe' || booking.intentType !== 'payment' || !intentId || due <= 0 || !deps.payments) return 0;
  let refunded = 0;
  for (const intent of await paidIntents(deps, { ...booking, intentId })) {
    const part = Math.min(intent.left, due);
    if (part <= 0) continue;
    // The payment alone may be refunded in several parts: its key names what was refunded before, so
    // a retried request is still one refund and the next part gets a key of its own.
    const base = reason === 'payment' ? `refund:${booking.id}:payment:${booking.amountRefunded + refunded}` : `refund:${booking.id}:${reason}`;
    const key = intent.balance ? `${base}:${intent.intentId}` : base;
    const refund = await deps.payments.refund({ intentId: intent.intentId, amount: part, idempotencyKey: key, reason: 'requested_by_customer' });
    await deps.store.recordRefund(booking.id, { ...refund, intentId: intent.intentId }, deps.clock().toISOString());
    refunded += refund.amount;
    due -= refund.amount;
    if (due <= 0) break;
  }
  deliverSoon(deps);
  return refunded;
}

/**
 * Manual mode (SPEC 2.16): of `amount` given back when a booking ends, what the property comes to owe
 * by hand: at most what was paid and not yet given back.
 */
export function owedOf(booking: BookingRecord, amount: number): number {
  return Math.max(0, Math.min(amount, booking.amountPaid - booking.amountRefunded - booking.refundOwed));
}
