// Turns the rooms chosen on the rates step into the rooms of a QuoteRequest / BookingRequest (SPEC 3).
// Apart from booking-request.ts, which widget.js holds: only the checkout chunk needs this.
import type { Extra } from '../shared/schemas/extra.ts';
import type { RoomRequest } from '../shared/schemas/stay.ts';
import type { PartyValue } from './events.ts';

/**
 * One RoomRequest per room. The party is spread evenly over the rooms (each gets at least
 * one adult: the UI never offers more rooms than adults); children's ages are dealt out the same
 * way, so each room gets as many as its share. Extras counted per guest go on every room so every
 * guest is covered; the others are once per booking, on the first room.
 */
export function roomRequests(chosen: Map<string, number>, party: PartyValue, extras: Record<string, number>, catalogue: readonly Extra[]): RoomRequest[] {
  const keys = [...chosen].flatMap(([key, quantity]) => Array.from({ length: quantity }, () => key));
  const count = keys.length;
  const share = (total: number, index: number) => Math.floor(total / count) + (index < total % count ? 1 : 0);
  const picked = catalogue.filter((e) => (extras[e.id] ?? 0) > 0);
  return keys.map((key, index) => ({
    roomTypeId: key.split(' ')[0]!,
    rateId: key.split(' ')[1]!,
    adults: share(party.adults, index),
    children: share(party.children, index),
    ...(party.childAges && { childAges: party.childAges.filter((_, child) => child % count === index) }),
    extras: picked.filter((e) => index === 0 || e.per === 'guest' || e.per === 'guest_night').map((e) => ({ extraId: e.id, quantity: extras[e.id]! })),
  }));
}
