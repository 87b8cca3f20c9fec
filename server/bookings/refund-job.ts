// SPEC 2.16: a cancellation, the guest's or the owner's, refunds through Stripe at once. When Stripe
// cannot be reached then, the booking is cancelled all the same and the refund becomes a durable job,
// retried until Stripe takes it: a second cancel is 409, so nobody could ask again, and before this
// the money stayed with the property, unseen by anyone.
import type { GuestCancelled } from '../../shared/schemas/stay.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { backoff, GiveUp } from '../jobs/retry.ts';
import { PaymentsError } from '../payments/payments.ts';
import type { BookingRecord, CancelFollowUp } from '../store/store.ts';
import { bookingView, propertyView } from '../views.ts';
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

/** What a cancellation gave back now, and what is still to go back (`pending`): by Stripe's retries, or by the property (`byOwner`). */
export interface CancelRefund {
  refunded: number;
  pending: number;
  byOwner: boolean;
}

/** The answer's words for a refund still to go back (GuestCancelledSchema): none when nothing is pending. */
export function pendingRefund({ pending, byOwner }: CancelRefund): Pick<GuestCancelled, 'refundPending' | 'refundPendingBy'> {
  return pending > 0 ? { refundPending: pending, refundPendingBy: byOwner ? 'property' : 'stripe' } : {};
}

/** `amount`: what the cancellation gives back, owed or refunded. */
export type RefundFollowUp = CancelFollowUp & { amount: number };

/**
 * What a cancellation of `booking` leaves to give back of `amount`, for Store.cancelBooking to store
 * with it: in manual mode what the property owes by hand; through Stripe the refund's job, due a
 * minute later, which refundNowOrLater cancels once the refund is made. A crash at any point after
 * the cancel committed loses neither.
 */
export function refundFollowUp(booking: BookingRecord, amount: number, now: Date): RefundFollowUp {
  if (booking.paymentMode !== 'stripe') return { amount, refundOwed: owedOf(booking, amount) };
  if (amount <= 0) return { amount };
  const payload: RefundJobPayload = { bookingId: booking.id, refundedTarget: booking.amountRefunded + amount };
  return { amount, refundJob: { kind: REFUND_JOB, key: refundJobKey(booking.id), payload, runAt: new Date(now.getTime() + MINUTE) } };
}

/**
 * Gives back what a cancellation by the guest or the owner left (`followUp`, stored with it). In
 * manual mode that was all: it is owed. Through Stripe it is refunded now, and what Stripe does not
 * take is `pending`: left to the refund job when Stripe cannot be reached, to the owner (`byOwner`)
 * when Stripe refuses it. Either way the cancellation stands; a refund made now, or one Stripe
 * refuses, cancels the job.
 */
export async function refundNowOrLater(deps: BookingDeps, booking: BookingRecord, followUp: RefundFollowUp): Promise<CancelRefund> {
  const { amount, refundOwed } = followUp;
  if (booking.paymentMode !== 'stripe') return { refunded: refundOwed ?? 0, pending: 0, byOwner: false };
  if (amount <= 0) return { refunded: 0, pending: 0, byOwner: false };
  const key = refundJobKey(booking.id);
  try {
    const refunded = await refundRest(deps, booking, 'booking', amount);
    await deps.store.jobs.cancel(key, deps.clock());
    return { refunded, pending: 0, byOwner: false };
  } catch (error) {
    if (!(error instanceof PaymentsError)) throw error;
    if (!error.retryable) await deps.store.jobs.cancel(key, deps.clock());
    const current = (await deps.store.getBooking(booking.id))!;
    const pending = Math.max(0, booking.amountRefunded + amount - current.amountRefunded);
    return { refunded: amount - pending, pending, byOwner: !error.retryable };
  }
}
