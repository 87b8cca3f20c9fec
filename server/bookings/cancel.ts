// SPEC 2.9, 2.16: the owner cancels the booking (units given back) or only its payment (refund; the
// booking keeps its state), choosing what goes back. Cancellation cannot be undone.
import type { CancelBooking, RefundChoice } from '../../shared/schemas/stay.ts';
import { conflict, invalidField } from '../errors.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';
import { refundRest } from './refund.ts';
import { type Cancelled, cancelGivingBack } from './refund-job.ts';
import { type AgreedPolicies, agreedPolicies, policyDue } from './refund-policy.ts';

/** What is left to give back: what was paid, less what was refunded or is already owed. */
const refundable = (b: BookingRecord) => b.amountPaid - b.amountRefunded - b.refundOwed;

/** What `choice` gives back of the booking as it is; the policies are read beforehand, so this can run inside the cancel's transaction. */
function amountFor(property: PropertyRecord, booking: BookingRecord, choice: RefundChoice, policies: AgreedPolicies, now: Date): number {
  if (choice === 'none') return 0;
  if (choice === 'full') return refundable(booking);
  if (choice === 'policy') return policyDue(property, booking, policies, now);
  return choice.amount;
}

/**
 * Ending the booking refunds as a guest's cancellation does (refund-job.ts): it stands whatever
 * Stripe answers, and what Stripe did not take yet is `refundPending`. Refunding the payment alone
 * is the owner's own act, so a Stripe failure there is their error to see and retry.
 */
export async function cancelByOwner(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord, request: CancelBooking): Promise<Cancelled> {
  const { scope } = request;
  // Refunding the payment alone is the owner giving money back; the policy governs ending the booking.
  const choice = request.refund ?? (scope === 'booking' ? 'policy' : 'full');
  // The payment alone may still be refunded once the booking is cancelled: what the policy kept back,
  // or a refund that Stripe failed while the cancellation itself went through.
  if (scope === 'booking' && booking.status === 'cancelled') {
    const left = booking.paymentMode === 'stripe' && refundable(booking) > 0;
    throw conflict('already_cancelled', left ? 'This booking is already cancelled; refund what is left of its payment with scope "payment"' : 'This booking is already cancelled');
  }
  if (typeof choice === 'object' && choice.amount > refundable(booking)) {
    throw invalidField('refund.amount', `At most ${refundable(booking)} can be refunded: what was paid, less what was already refunded`);
  }
  const now = deps.clock();
  const policies = choice === 'policy' ? await agreedPolicies(deps.store, booking) : [];
  if (scope === 'booking') {
    const cancelled = await cancelGivingBack(deps, property, booking, now, (held) => amountFor(property, held, choice, policies, now));
    if (cancelled === 'final') throw conflict('booking_final', `A ${booking.status} booking cannot be cancelled`);
    return cancelled;
  }
  // Read again: a payment may have been recorded since the booking was read.
  const current = (await deps.store.getBooking(booking.id))!;
  const refunded = await refundRest(deps, current, 'payment', amountFor(property, current, choice, policies, now));
  if (choice !== 'none' && refunded === 0) throw conflict('nothing_to_refund', 'Nothing was paid through Stripe, or it was already refunded');
  return { booking: (await deps.store.getBooking(booking.id))!, refunded };
}
