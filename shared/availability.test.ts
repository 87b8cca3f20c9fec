// SPEC 2.5: "next available" is the nearest later stay of the same length that some rate would
// sell. The fast search must name exactly the stay the plain definition names.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NEXT_AVAILABLE_SEARCH_DAYS, nextAvailableStay, type OfferCatalog, type OfferContext, type StayRequest, unavailableReason } from './availability.ts';
import { addDays, nightsOf } from './dates.ts';
import type { PricedRate } from './pricing.ts';
import { RATE_WITHOUT_LIMITS } from './schemas/rate.ts';
import type { RoomType } from './schemas/room-type.ts';

const START = '2026-12-01';
const NOW = new Date('2026-11-24T03:00:00Z');

/** SPEC 2.5 as written: try each later stay in turn, asking every rate why it cannot be sold. */
function reference(catalog: OfferCatalog, stay: StayRequest, ctx: OfferContext) {
  const length = nightsOf(stay.checkIn, stay.checkOut).length;
  const roomTypes = new Map(catalog.roomTypes.map((r) => [r.id, r]));
  for (let shift = 1; shift <= NEXT_AVAILABLE_SEARCH_DAYS; shift++) {
    const checkIn = addDays(stay.checkIn, shift);
    const candidate = { ...stay, checkIn, checkOut: addDays(checkIn, length) };
    const nights = nightsOf(candidate.checkIn, candidate.checkOut);
    if (catalog.rates.some((rate) => unavailableReason(rate, roomTypes.get(rate.roomTypeId)!, candidate, nights, ctx) === undefined)) {
      return { checkIn: candidate.checkIn, checkOut: candidate.checkOut };
    }
  }
  return undefined;
}

const day = fc.integer({ min: 0, max: 90 }).map((n) => addDays(START, n));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });

const world = fc
  .record({
    roomTypes: fc.array(fc.record({ units: fc.integer({ min: 0, max: 3 }), maxGuests: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }),
    rates: fc.array(
      fc.record({
        roomType: fc.nat(),
        minNights: maybe(fc.integer({ min: 1, max: 4 })),
        maxNights: maybe(fc.integer({ min: 1, max: 6 })),
        maxRoomsPerNight: maybe(fc.integer({ min: 0, max: 2 })),
        maxRoomsTotal: maybe(fc.integer({ min: 0, max: 5 })),
        arrivalDates: maybe(fc.array(day, { minLength: 1, maxLength: 6 })),
        bookableUntil: maybe(fc.constantFrom('2026-11-01T00:00:00Z', '2027-01-01T00:00:00Z')),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    sold: fc.dictionary(fc.string(), fc.integer({ min: 0, max: 3 })),
    soldNights: fc.array(fc.tuple(fc.nat(), day, fc.integer({ min: 1, max: 3 })), { maxLength: 60 }),
    rateNights: fc.array(fc.tuple(fc.nat(), day, fc.integer({ min: 1, max: 2 })), { maxLength: 30 }),
    closedDays: fc.array(day, { maxLength: 30 }),
    checkIn: fc.integer({ min: 0, max: 10 }).map((n) => addDays(START, n)),
    length: fc.integer({ min: 1, max: 5 }),
    adults: fc.integer({ min: 1, max: 4 }),
    rooms: fc.integer({ min: 1, max: 2 }),
  })
  .map((w) => {
    const roomTypes: RoomType[] = w.roomTypes.map((r, i) => ({ id: `rt${i}`, propertyId: 'p', name: `Room ${i}`, description: null, images: [], ...r }));
    const rates: PricedRate[] = w.rates.map((r, i) => ({
      ...RATE_WITHOUT_LIMITS,
      id: `r${i}`,
      propertyId: 'p',
      roomTypeId: roomTypes[r.roomType % roomTypes.length]!.id,
      name: `Rate ${i}`,
      nightlyPrice: 10_000,
      deposit: { type: 'none' },
      minNights: r.minNights,
      maxNights: r.maxNights,
      maxRoomsPerNight: r.maxRoomsPerNight,
      maxRoomsTotal: r.maxRoomsTotal,
      arrivalDates: r.arrivalDates,
      bookableUntil: r.bookableUntil,
      overrides: new Map(),
    }));
    const roomTypeSold = new Map<string, number>();
    for (const [i, date, n] of w.soldNights) {
      const key = `${roomTypes[i % roomTypes.length]!.id}|${date}`;
      roomTypeSold.set(key, (roomTypeSold.get(key) ?? 0) + n);
    }
    const rateSold = new Map<string, number>();
    for (const [i, date, n] of w.rateNights) rateSold.set(`${rates[i % rates.length]!.id}|${date}`, n);
    const closed = new Set(w.closedDays);
    const ctx: OfferContext = {
      now: NOW,
      isClosed: (date) => closed.has(date),
      occupancy: {
        roomTypeSold: (id, date) => roomTypeSold.get(`${id}|${date}`) ?? 0,
        rateSold: (id, date) => rateSold.get(`${id}|${date}`) ?? 0,
        rateSoldTotal: (id) => Number(id.slice(1)) % 3,
      },
    };
    const stay: StayRequest = { checkIn: w.checkIn, checkOut: addDays(w.checkIn, w.length), adults: w.adults, children: 0, rooms: w.rooms };
    return { catalog: { currency: 'USD', roomTypes, rates }, stay, ctx };
  });

describe('the next available stay', () => {
  test('is the nearest later stay some rate would sell, as SPEC 2.5 defines it, over 3,000 random properties', () => {
    fc.assert(
      fc.property(world, ({ catalog, stay, ctx }) => {
        expect(nextAvailableStay(catalog, stay, ctx)).toEqual(reference(catalog, stay, ctx));
      }),
      { numRuns: 3_000 },
    );
  });
});
