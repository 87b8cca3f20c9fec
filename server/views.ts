import { balanceStatusOf } from '../shared/balance-status.ts';
import type { Property } from '../shared/schemas/property.ts';
import type { Rate } from '../shared/schemas/rate.ts';
import type { Booking } from '../shared/schemas/stay.ts';
import type { BookingRecord, PropertyRecord, RateRecord } from './store/store.ts';

/** The owner's view of a property: closures have their own route. */
export function propertyView(p: PropertyRecord): Property {
  const { closures: _closures, ...property } = p;
  return property;
}

export function rateView(r: RateRecord): Rate {
  const { soldTotal: _soldTotal, ...rate } = r;
  return rate;
}

/** What the guest may see of their booking: never tokens, keys or the stored card. */
export function bookingView(b: BookingRecord): Booking {
  const { clientTokenHash: _t, idempotencyKey: _k, requestHash: _h, intentId: _i, intentType: _y, cardBlob: _c, depositChargedAt: _d, cancelledAt: _x, paymentRefusedAt: _r, ...view } = b;
  return { ...view, balanceStatus: balanceStatusOf(b) };
}

/** What the owner sees of a booking (routes and SPEC 2.18 webhooks): the guest's view plus what happened to the money and the card. */
export function ownerBookingView(b: BookingRecord) {
  return { ...bookingView(b), cardStored: b.cardBlob !== null, depositChargedAt: b.depositChargedAt, cancelledAt: b.cancelledAt };
}
