// SPEC 2.16: a cancellation, the guest's or the owner's, refunds through Stripe at once. When Stripe
// cannot be reached then, the booking is cancelled all the same and the refund becomes a durable job,
// retried until Stripe takes it: a second cancel is 409, so nobody could ask again, and before this
// the money stayed with the property, unseen by anyone.
import type { GuestCancelled } from '../../shared/schemas/stay.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { backoff, GiveUp } from '../jobs/retry.ts';
import { PaymentsError } from '../payments/payments.ts';
import type { PendingRefund } from '../mail/templates.ts';
import type { BookingRecord, CancelFollowUp, PropertyRecord } from '../store/store.ts';
import { bookingView, propertyView } from '../views.ts';
import { deliverSoon } from './events.ts';
import type { BookingDeps } from './ports.ts';
import { owedOf, refundRest } from './refund.ts';

export const REFUND_JOB = 'refund';

export interface RefundJobPayload {
  bookingId: string;
  /**
   * What the booking's amountRefunded reaches once this refund is made. A target rather than an
   * amount, so a retry after part of the refund went through (the deposit, say, but not a balance)
   * gives back only the rest, and a refund the owner made meanwhile counts towards it.
   */
  refundedTarget: number;
}

const refundJobKey = (bookingId: string) => `refund:${bookingId}`;

const MINUTE = 60_000;

// A minute, doubling to an hour apart, for three days: longer than any Stripe outage on record.
const REFUND_RETRY = backoff({ firstMs: MINUTE, maxMs: 60 * MINUTE, giveUpAfterMs: 3 * 24 * 60 * MINUTE });

/**
 * Stripe refunds what the policy decided, up to the target; the booking's refund key keeps it one
 * refund. When Stripe refuses it for good, or the last try fails, the owner is told to make it.
 */
export function refundJobHandler(deps: BookingDeps): JobHandler<RefundJobPayload> {
  return {
    retry: REFUND_RETRY,
    async run({ bookingId, refundedTarget }, job) {
      const booking = await deps.store.getBooking(bookingId);
      if (!booking) throw new GiveUp(`booking ${bookingId} no longer exists`);
      const due = refundedTarget - booking.amountRefunded;
      if (due <= 0) return;
      try {
        await refundRest(deps, booking, 'booking', due);
      } catch (error) {
        const retried = error instanceof PaymentsError && error.retryable && REFUND_RETRY({ attempts: job.attempts + 1, createdAt: job.createdAt }, deps.clock()) !== null;
        if (retried) throw error;
        const [current, property] = await Promise.all([deps.store.getBooking(bookingId), deps.store.getProperty(booking.propertyId)]);
        if (current && property) await deps.mailer?.refundFailed(bookingView(current), propertyView(property), refundedTarget - current.amountRefunded);
        throw new GiveUp(error);
      }
    },
  };
}

/** A booking just cancelled, what went back to the guest, and what is still to go back (SPEC 2.16). */
export type Cancelled = Omit<GuestCancelled, 'booking'> & { booking: BookingRecord };

/** What a cancellation gave back now, and what is still to go back: by Stripe's retries, or by the property (`pending.byOwner`). */
interface CancelRefund {
  refunded: number;
  pending: PendingRefund;
}

/** `amount`: what the cancellation gives back, owed or refunded. */
type RefundFollowUp = CancelFollowUp & { amount: number };

/**
 * What a cancellation of `booking` leaves to give back of `amount`, for Store.cancelBooking to store
 * with it: in manual mode what the property owes by hand; through Stripe the refund's job, due a
 * minute later, which refundNowOrLater cancels once the refund is made. A crash at any point after
 * the cancel committed loses neither.
 */
function refundFollowUp(booking: BookingRecord, amount: number, now: Date): RefundFollowUp {
  if (booking.paymentMode !== 'stripe') return { amount, refundOwed: owedOf(booking, amount) };
  if (amount <= 0) return { amount };
  const payload: RefundJobPayload = { bookingId: booking.id, refundedTarget: booking.amountRefunded + amount };
  return { amount, refundJob: { kind: REFUND_JOB, key: refundJobKey(booking.id), payload, runAt: new Date(now.getTime() + MINUTE) } };
}

const NOTHING_PENDING: PendingRefund = { amount: 0, byOwner: false };

/**
 * Gives back what a cancellation left (`followUp`, stored with it). In manual mode that was all: it
 * is owed. Through Stripe it is refunded now, and what Stripe does not take is `pending`: left to the
 * refund job when Stripe cannot be reached, to the owner (`byOwner`) when Stripe refuses it. Either
 * way the cancellation stands; a refund made now, or one Stripe refuses, cancels the job.
 */
async function refundNowOrLater(deps: BookingDeps, booking: BookingRecord, followUp: RefundFollowUp): Promise<CancelRefund> {
  const { amount, refundOwed } = followUp;
  if (booking.paymentMode !== 'stripe') return { refunded: refundOwed ?? 0, pending: NOTHING_PENDING };
  if (amount <= 0) return { refunded: 0, pending: NOTHING_PENDING };
  const key = refundJobKey(booking.id);
  try {
    const refunded = await refundRest(deps, booking, 'booking', amount);
    await deps.store.jobs.cancel(key, deps.clock());
    return { refunded, pending: NOTHING_PENDING };
  } catch (error) {
    if (!(error instanceof PaymentsError)) throw error;
    if (!error.retryable) await deps.store.jobs.cancel(key, deps.clock());
    const current = (await deps.store.getBooking(booking.id))!;
    const pending = Math.max(0, booking.amountRefunded + amount - current.amountRefunded);
    return { refunded: amount - pending, pending: { amount: pending, byOwner: !error.retryable } };
  }
}

/**
 * Cancels the booking, by the guest or the owner, and gives back `amountOf` the booking as it was
 * cancelled (its row held, so a payment counted meanwhile is included); both are told by e-mail.
 * The cancellation stands whatever Stripe answers: what it did not take is `refundPending`.
 * `final` when the booking could not be cancelled (it had ended, or another request ended it).
 */
export async function cancelGivingBack(
  deps: BookingDeps,
  property: PropertyRecord,
  booking: BookingRecord,
  now: Date,
  amountOf: (held: BookingRecord) => number,
): Promise<Cancelled | 'final'> {
  let followUp: RefundFollowUp = { amount: 0 };
  const cancelled = await deps.store.cancelBooking(booking.id, now.toISOString(), (held) => (followUp = refundFollowUp(held, amountOf(held), now)));
  if (cancelled !== 'cancelled') return 'final';
  deliverSoon(deps);
  const { refunded, pending } = await refundNowOrLater(deps, (await deps.store.getBooking(booking.id))!, followUp);
  const updated = (await deps.store.getBooking(booking.id))!;
  await deps.mailer?.bookingCancelled(bookingView(updated), propertyView(property), refunded, pending);
  return { booking: updated, refunded, ...(pending.amount > 0 ? { refundPending: pending.amount, refundPendingBy: pending.byOwner ? 'property' : 'stripe' } : {}) };
}
