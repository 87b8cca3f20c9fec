// SPEC 2.16: the guest cancels their own booking from the manage page. The refund is the policy's
// at that instant, on what was paid: through Stripe, or in manual mode recorded for the owner, who
// is told by e-mail. A live hold can be cancelled too: its rooms go back and nothing was paid.
import { cancellationSummary, daysBeforeArrival } from '../../shared/cancellation.ts';
import { todayIn } from '../../shared/dates.ts';
import type { GuestCancelRequest } from '../../shared/schemas/stay.ts';
import { conflict } from '../errors.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';
import { type Cancelled, cancelGivingBack } from './refund-job.ts';
import { agreedPolicies, policyDue, policyRefundAt } from './refund-policy.ts';

/** A confirmed booking, or a hold still live, up to the day of arrival; after that it is the property's to handle. */
function cancellable(property: PropertyRecord, booking: BookingRecord, now: Date): boolean {
  const live = booking.status === 'confirmed' || (booking.status === 'pending' && booking.expiresAt > now.toISOString());
  return live && daysBeforeArrival(booking.checkIn, property.timezone, now) >= 0;
}

/** The booking's policies in words as of today; rates that read alike are said once. */
async function summaryOf(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord, now: Date): Promise<string> {
  const today = todayIn(property.timezone, now);
  const words = (await agreedPolicies(deps.store, booking)).map((p) => ({ rateName: p.rateName, text: cancellationSummary(p.policy, booking.checkIn, booking.locale, today) }));
  const distinct = new Set(words.map((w) => w.text));
  return distinct.size === 1 ? [...distinct][0]! : words.map((w) => `${w.rateName}: ${w.text}`).join(' · ');
}

/** What the manage page shows about cancelling, as of `deps.clock()`. */
export async function guestCancellationView(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord) {
  const now = deps.clock();
  const open = cancellable(property, booking, now);
  return {
    summary: await summaryOf(deps, property, booking, now),
    refundIfCancelledNow: open ? await policyRefundAt(deps.store, property, booking, now) : 0,
    cancellable: open,
  };
}

/** `refundPending`: what Stripe did not take back at once: retried by the refund job, or, when Stripe refused it, the property's to make. */
export async function cancelByGuest(deps: BookingDeps, property: PropertyRecord, booking: BookingRecord, request: GuestCancelRequest): Promise<Cancelled> {
  const now = deps.clock();
  if (booking.status === 'cancelled') throw conflict('already_cancelled', 'This booking is already cancelled');
  if (!cancellable(property, booking, now)) throw conflict('booking_final', 'This booking can no longer be cancelled here; please contact the property');
  if (request.expectedRefund !== undefined && request.expectedRefund !== (await policyRefundAt(deps.store, property, booking, now))) {
    throw conflict('refund_changed', 'What cancelling gives back has changed since it was shown; read the booking again');
  }
  const policies = await agreedPolicies(deps.store, booking);
  const cancelled = await cancelGivingBack(deps, property, booking, now, (held) => policyDue(property, held, policies, now));
  if (cancelled !== 'final') return cancelled;
  // Another request (the guest's other tab, the owner) ended it first.
  const raced = (await deps.store.getBooking(booking.id))!;
  throw raced.status === 'cancelled' ? conflict('already_cancelled', 'This booking is already cancelled') : conflict('booking_final', `A ${raced.status} booking cannot be cancelled`);
}
