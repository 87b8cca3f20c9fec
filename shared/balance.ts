// SPEC 2.16, 2.17: what a guest still owes once the deposit is paid. Both the server (which charges
// it) and the manage page (which offers to pay it) ask the same question, so they agree.
import type { Booking } from './schemas/stay.ts';

/** Minor units still to pay online for a confirmed Stripe booking; 0 for anything else. */
export function balanceOutstanding(booking: Pick<Booking, 'status' | 'paymentMode' | 'total' | 'amountPaid'>): number {
  if (booking.status !== 'confirmed' || booking.paymentMode !== 'stripe') return 0;
  return Math.max(0, booking.total - booking.amountPaid);
}
