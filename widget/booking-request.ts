// Turns the guest's choices into the rooms of a QuoteRequest / BookingRequest (SPEC 3).
import type { Extra } from '../shared/schemas/extra.ts';
import type { Availability, RoomRequest } from '../shared/schemas/stay.ts';
import type { PartyValue } from './events.ts';

/** Rooms chosen per rate, keeping only what the current answer still offers. */
export function offeredSelection(availability: Availability | undefined, selection: Record<string, number>): Map<string, number> {
  const offered = new Map<string, number>();
  for (const type of availability?.roomTypes ?? []) {
    for (const rate of type.rates) {
      const quantity = Math.min(selection[rate.id] ?? 0, rate.available ? rate.unitsLeft : 0);
      if (quantity > 0) offered.set(rate.id, quantity);
    }
  }
  return offered;
}

/**
 * One RoomRequest per room. The party is spread evenly over the rooms (each gets at least
 * one adult: the UI never offers more rooms than adults); children's ages are dealt out the same
 * way, so each room gets as many as its share. Extras counted per guest go on every room so every
 * guest is covered; the others are once per booking, on the first room.
 */
export function roomRequests(chosen: Map<string, number>, party: PartyValue, extras: Record<string, number>, catalogue: readonly Extra[]): RoomRequest[] {
  const rateIds = [...chosen].flatMap(([id, quantity]) => Array.from({ length: quantity }, () => id));
  const count = rateIds.length;
  const share = (total: number, index: number) => Math.floor(total / count) + (index < total % count ? 1 : 0);
  const picked = catalogue.filter((e) => (extras[e.id] ?? 0) > 0);
  return rateIds.map((rateId, index) => ({
    rateId,
    adults: share(party.adults, index),
    children: share(party.children, index),
    ...(party.childAges && { childAges: party.childAges.filter((_, child) => child % count === index) }),
    extras: picked.filter((e) => index === 0 || e.per === 'guest' || e.per === 'guest_night').map((e) => ({ extraId: e.id, quantity: extras[e.id]! })),
  }));
}
