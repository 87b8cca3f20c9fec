// SPEC 2.12: who a room sleeps, and what the guests beyond a rate's base occupancy add to each night.
import type { Nightly } from './schemas/common.ts';
import type { ChildPrice } from './schemas/occupancy.ts';
import type { Rate } from './schemas/rate.ts';
import type { RoomType } from './schemas/room-type.ts';

/** Who sleeps in one room: children by age where the request gave ages, else only by count. */
export interface Party {
  adults: number;
  children: number;
  childAges?: readonly number[] | undefined;
}

export type OccupancyLimits = Pick<RoomType, 'maxGuests' | 'baseOccupancy' | 'maxAdults' | 'maxChildren'>;
export type OccupancyPrices = Pick<Rate, 'extraAdultPrice' | 'childPrices'>;

/** A room type's limits with SPEC 2.12's defaults: each is maxGuests unless the owner set it. */
export function limitsOf(roomType: OccupancyLimits) {
  return {
    maxGuests: roomType.maxGuests,
    baseOccupancy: roomType.baseOccupancy ?? roomType.maxGuests,
    maxAdults: roomType.maxAdults ?? roomType.maxGuests,
    maxChildren: roomType.maxChildren ?? roomType.maxGuests,
  };
}

/** Whether the rate prices children by age, so a request with children must give their ages. */
export const pricesChildren = (rate: OccupancyPrices) => (rate.childPrices?.length ?? 0) > 0;

export const childCount = (party: Party) => party.childAges?.length ?? party.children;

/** Which of the room type's limits the party exceeds, or undefined when it fits. */
export function exceededLimit(roomType: OccupancyLimits, party: Party): 'adults' | 'children' | 'guests' | undefined {
  const limits = limitsOf(roomType);
  const children = childCount(party);
  if (party.adults > limits.maxAdults) return 'adults';
  if (children > limits.maxChildren) return 'children';
  if (party.adults + children > limits.maxGuests) return 'guests';
  return undefined;
}

/** What one child beyond the base pays per night: the first band whose maxAge is at least the age. */
export function childNightPrice(bands: readonly ChildPrice[], age: number, extraAdultPrice: number): number {
  // No band = priced as an adult: a child older than every band, or any child where the rate has no bands.
  return bands.find((band) => band.maxAge >= age)?.amount ?? extraAdultPrice;
}

/**
 * SPEC 2.12: what the guests beyond the base add to each night. The base is filled by adults first,
 * then by children from the oldest, so the children left to pay are the youngest and cheapest.
 * Children given only by count have no age and are priced as adults.
 */
export function occupancyCharge(rate: OccupancyPrices, roomType: OccupancyLimits, party: Party): number {
  const extraAdult = rate.extraAdultPrice ?? 0;
  const base = roomType.baseOccupancy ?? roomType.maxGuests;
  const adultsBeyond = Math.max(0, party.adults - base);
  const childPlaces = Math.max(0, base - party.adults);
  if (!party.childAges && Number.isInteger(party.children)) {
    // Children by count alone all pay one price: asked per rate of every answer, so without listing them.
    const price = childNightPrice(rate.childPrices ?? [], Number.POSITIVE_INFINITY, extraAdult);
    let charge = adultsBeyond * extraAdult;
    for (let i = childPlaces; i < party.children; i++) charge += price;
    return charge;
  }
  const ages = party.childAges ? [...party.childAges].sort((a, b) => b - a) : Array.from({ length: party.children }, () => Number.POSITIVE_INFINITY);
  let charge = adultsBeyond * extraAdult;
  for (const age of ages.slice(childPlaces)) charge += childNightPrice(rate.childPrices ?? [], age, extraAdult);
  return charge;
}

/** The nights' room prices with the occupancy charge added to each (SPEC 2.12: it is part of the room price). */
export function withOccupancy(nightly: Nightly[], charge: number): Nightly[] {
  return charge === 0 ? nightly : nightly.map((night) => ({ ...night, amount: night.amount + charge }));
}
