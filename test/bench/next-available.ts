// Issue 13's worst case for availability: "next available" over a thousand rates for a 60-night
// stay that no shift can sell, so every shift of every rate is tried. In-process: no HTTP, no database.
import { nextAvailableStay, type OfferContext } from '../../shared/availability.ts';
import { addDays } from '../../shared/dates.ts';
import type { PricedRate } from '../../shared/pricing.ts';
import { mergeRestrictions } from '../../shared/restrictions.ts';
import { RATE_WITHOUT_LIMITS } from '../../shared/schemas/rate.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';

export interface NextAvailableResult {
  /** Median milliseconds for the thousand-rate search, and for the same search on one rate. */
  manyMs: number;
  oneMs: number;
}

// SPEC 2.22: every rate has a minimum stay and a weekend maximum over the whole window, which the
// 60-night stay meets, so each rate's restrictions are read for every shift and refuse none.
const restrictions = mergeRestrictions(
  [],
  [
    { from: '2026-11-01', minNights: 2 },
    { from: '2026-11-01', weekdays: [5, 6], maxNights: 60 },
  ],
);

function search(rateCount: number) {
  const roomTypes: RoomType[] = Array.from({ length: Math.min(50, rateCount) }, (_, i) => ({
    id: `rt${i}`,
    propertyId: 'p',
    name: `Room ${i}`,
    description: null,
    images: [],
    units: 1,
    maxGuests: 2,
  }));
  const rates: PricedRate[] = Array.from({ length: rateCount }, (_, i) => ({
    ...RATE_WITHOUT_LIMITS,
    id: `r${i}`,
    propertyId: 'p',
    roomTypeId: `rt${i % roomTypes.length}`,
    name: `Rate ${i}`,
    nightlyPrice: 10_000,
    deposit: { type: 'none' },
    maxRoomsPerNight: 1,
    overrides: new Map(),
    restrictions,
  }));
  // One night in every 60 is sold out, so each 60-night stay meets one somewhere inside it, not at once.
  const soldOut = (date: string) => (Date.parse(date) / 86_400_000) % 60 === 17;
  const ctx: OfferContext = {
    now: new Date('2026-11-24T03:00:00Z'),
    isClosed: () => false,
    occupancy: { roomTypeSold: (_id, date) => (soldOut(date) ? 1 : 0), rateSold: () => 0, rateSoldTotal: () => 0 },
  };
  const stay = { checkIn: '2026-12-01', checkOut: addDays('2026-12-01', 60), adults: 2, children: 0, rooms: 1 };
  return () => nextAvailableStay({ currency: 'USD', roomTypes, rates }, stay, ctx);
}

function medianMs(run: () => unknown, times: number): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

export function nextAvailableBench(): NextAvailableResult {
  return { manyMs: medianMs(search(1_000), 9), oneMs: medianMs(search(1), 51) };
}
