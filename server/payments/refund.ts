// SPEC 2.9: refunds go back through Stripe for what was paid and not yet refunded.
import type { AppDeps } from '../app-env.ts';
import { paymentsFailure } from '../errors.ts';
import type { BookingRecord } from '../store/booking-store.ts';
import { PaymentsError } from './payments.ts';

/** Refunds the rest of a Stripe deposit; returns the amount refunded now (0 when nothing was due back). */
export async function settleRefund(deps: AppDeps, booking: BookingRecord, scope: 'booking' | 'payment'): Promise<number> {
  const due = booking.amountPaid - booking.amountRefunded;
  if (booking.paymentMode !== 'stripe' || booking.intentType !== 'payment' || !booking.intentId || due <= 0 || !deps.payments) return 0;
  try {
    // One key per booking and scope: a retried cancel gets Stripe's first answer back, not a second refund.
    const refund = await deps.payments.refund({ intentId: booking.intentId, amount: due, idempotencyKey: `refund:${booking.id}:${scope}`, reason: 'requested_by_customer' });
    await deps.store.addRefund(booking.id, refund.amount, deps.clock().toISOString());
    return refund.amount;
  } catch (error) {
    throw error instanceof PaymentsError ? paymentsFailure(error) : error;
  }
}
