// SPEC 2.8, 2.9: money goes back through Stripe for what was paid and not yet refunded.
import type { BookingRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';

/**
 * Why a refund is made, which is also its idempotency key's last part. A booking that ends
 * (cancelled by the owner, or a payment that could not be confirmed) is refunded under one key,
 * so two paths racing to refund the same money get Stripe's one refund back, not a second.
 */
export type RefundReason = 'booking' | 'payment';

/** Refunds what is left of a Stripe deposit; returns the amount refunded now (0 when nothing was due back). */
export async function refundRest(deps: BookingDeps, booking: BookingRecord, reason: RefundReason): Promise<number> {
  const due = booking.amountPaid - booking.amountRefunded;
  if (booking.paymentMode !== 'stripe' || booking.intentType !== 'payment' || !booking.intentId || due <= 0 || !deps.payments) return 0;
  const refund = await deps.payments.refund({ intentId: booking.intentId, amount: due, idempotencyKey: `refund:${booking.id}:${reason}`, reason: 'requested_by_customer' });
  await deps.store.recordRefund(booking.id, refund, deps.clock().toISOString());
  return refund.amount;
}
