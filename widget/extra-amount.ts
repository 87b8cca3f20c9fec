// SPEC 2.3: what a yes/no extra costs the whole party, the same sum the server will quote.
import { extraLineTotal } from '../shared/pricing.ts';
import type { Extra } from '../shared/schemas/extra.ts';
import type { Quote } from '../shared/schemas/stay.ts';

/** The guests over all the rooms and the nights of the stay. */
export interface StayParty {
  guests: number;
  nights: number;
}

/** The party a quote prices; undefined before the first quote. */
export function stayPartyOf(quote: Quote | undefined): StayParty | undefined {
  const rooms = quote?.rooms;
  if (!rooms?.length) return undefined;
  return { guests: rooms.reduce((sum, room) => sum + room.adults + room.children, 0), nights: rooms[0]!.nightly.length };
}

/**
 * An extra taken once for the whole party: per guest it is added to every room for its guests, per
 * night to the first room (widget/booking-request.ts), so the sum is the price times all guests or nights.
 */
export function extraAmount(extra: Extra, party: StayParty): number {
  return extraLineTotal(extra, 1, party.nights, party.guests);
}
