// SPEC 2.16: what a booking's cancellation policy gives back at a given instant. Each rate's policy
// is the one the guest agreed to when booking; bookings made before policies existed use the rate's.
import { daysBeforeArrival, policyRefund, type RatePart } from '../../shared/cancellation.ts';
import { sum } from '../../shared/money.ts';
import { type CancellationPolicy, FULL_REFUND_UNTIL_ARRIVAL } from '../../shared/schemas/rate.ts';
import type { BookingRecord, PropertyRecord, Store } from '../store/store.ts';

export type AgreedPolicies = { rateId: string; rateName: string; policy: CancellationPolicy }[];

/** Each rate's policy as agreed; an old booking's archived rate refunds in full, as refundable rates did. */
export async function agreedPolicies(store: Store, booking: BookingRecord): Promise<AgreedPolicies> {
  return Promise.all(
    booking.deposits.map(async (d) => ({
      rateId: d.rateId,
      rateName: d.rateName,
      policy: d.cancellation ?? (await store.getRate(booking.propertyId, d.rateId))?.cancellationPolicy ?? FULL_REFUND_UNTIL_ARRIVAL,
    })),
  );
}

function rateParts(booking: BookingRecord, policies: readonly { rateId: string; policy: CancellationPolicy }[]): RatePart[] {
  return policies.map(({ rateId, policy }) => ({
    tiers: policy.tiers,
    deposit: booking.deposits.find((d) => d.rateId === rateId)?.amount ?? 0,
    total: sum(booking.rooms.filter((r) => r.rateId === rateId).map((r) => r.total)),
  }));
}

/** What cancelling at `now` gives back under the policy: its part of what was paid, less what already went back. */
export async function policyRefundAt(store: Store, property: PropertyRecord, booking: BookingRecord, now: Date): Promise<number> {
  return policyDue(property, booking, await agreedPolicies(store, booking), now);
}

/** policyRefundAt with the agreed policies already read: nothing to await, so it can be worked out inside the cancel's transaction. */
export function policyDue(property: PropertyRecord, booking: BookingRecord, policies: AgreedPolicies, now: Date): number {
  const due = policyRefund(rateParts(booking, policies), booking.amountPaid, daysBeforeArrival(booking.checkIn, property.timezone, now));
  return Math.max(0, due - booking.amountRefunded - booking.refundOwed);
}
