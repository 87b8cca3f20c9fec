import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { childNightPrice, exceededLimit, limitsOf, occupancyCharge, withOccupancy } from './occupancy.ts';

const family = { maxGuests: 5, baseOccupancy: 2, maxAdults: 3, maxChildren: 4 };
const bands = [
  { maxAge: 2, amount: 0 },
  { maxAge: 12, amount: 3_000 },
];
const rate = { extraAdultPrice: 5_000, childPrices: bands };

describe('SPEC 2.12 occupancy charges', () => {
  test('a child pays the first band whose maxAge is at least their age', () => {
    expect(childNightPrice(bands, 0, 5_000)).toBe(0);
    expect(childNightPrice(bands, 2, 5_000)).toBe(0);
    expect(childNightPrice(bands, 3, 5_000)).toBe(3_000);
    expect(childNightPrice(bands, 12, 5_000)).toBe(3_000);
  });

  test('a child older than every band pays the extra adult price', () => {
    expect(childNightPrice(bands, 13, 5_000)).toBe(5_000);
    expect(occupancyCharge(rate, family, { adults: 2, children: 1, childAges: [15] })).toBe(5_000);
  });

  test('the guests the base includes pay nothing more', () => {
    expect(occupancyCharge(rate, family, { adults: 2, children: 0 })).toBe(0);
    expect(occupancyCharge(rate, family, { adults: 1, children: 1, childAges: [8] })).toBe(0);
  });

  test('adults fill the base first; each adult beyond it pays the extra adult price', () => {
    expect(occupancyCharge(rate, family, { adults: 3, children: 0 })).toBe(5_000);
    expect(occupancyCharge(rate, family, { adults: 3, children: 1, childAges: [8] })).toBe(8_000);
  });

  test('children fill what is left of the base from the oldest, so the youngest pay', () => {
    // One place left for a child: the 10-year-old takes it, the 6-year-old pays the 3–12 band.
    expect(occupancyCharge(rate, family, { adults: 1, children: 2, childAges: [6, 10] })).toBe(3_000);
    // The 15-year-old is in the base, so nobody pays the adult price for them.
    expect(occupancyCharge(rate, family, { adults: 1, children: 2, childAges: [4, 15] })).toBe(3_000);
  });

  test('infants stay free', () => {
    expect(occupancyCharge(rate, family, { adults: 2, children: 2, childAges: [1, 0] })).toBe(0);
  });

  test('children given only by count are priced as adults', () => {
    expect(occupancyCharge({ extraAdultPrice: 5_000, childPrices: [] }, family, { adults: 2, children: 2 })).toBe(10_000);
  });

  test('without limits of its own a room type includes every guest it sleeps', () => {
    expect(limitsOf({ maxGuests: 3 })).toEqual({ maxGuests: 3, baseOccupancy: 3, maxAdults: 3, maxChildren: 3 });
    expect(occupancyCharge(rate, { maxGuests: 3 }, { adults: 2, children: 1, childAges: [15] })).toBe(0);
  });

  test('the charge is added to every night', () => {
    const nights = [
      { date: '2026-12-01', amount: 10_000 },
      { date: '2026-12-02', amount: 12_000 },
    ];
    expect(withOccupancy(nights, 3_000)).toEqual([
      { date: '2026-12-01', amount: 13_000 },
      { date: '2026-12-02', amount: 15_000 },
    ]);
  });

  test('children given only by count pay as children of no known age would, whatever the rate and the room', () => {
    const band = fc.record({ maxAge: fc.integer({ min: 0, max: 17 }), amount: fc.integer({ min: 0, max: 50_000 }) });
    fc.assert(
      fc.property(
        fc.record({ extraAdultPrice: fc.integer({ min: 0, max: 50_000 }), childPrices: fc.array(band, { maxLength: 3 }) }),
        fc.record({ maxGuests: fc.integer({ min: 1, max: 8 }), baseOccupancy: fc.integer({ min: 0, max: 8 }) }, { requiredKeys: ['maxGuests'] }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 6 }),
        (prices, room, adults, children) => {
          const unknownAges = Array.from({ length: children }, () => Number.POSITIVE_INFINITY);
          expect(occupancyCharge(prices, room, { adults, children })).toBe(occupancyCharge(prices, room, { adults, children, childAges: unknownAges }));
        },
      ),
    );
  });
});

describe('SPEC 2.12 occupancy limits', () => {
  test('a party fits when adults, children and guests are all within the room type', () => {
    expect(exceededLimit(family, { adults: 3, children: 2, childAges: [4, 9] })).toBeUndefined();
  });

  test('too many adults, children or guests is named', () => {
    expect(exceededLimit(family, { adults: 4, children: 0 })).toBe('adults');
    expect(exceededLimit({ ...family, maxChildren: 1 }, { adults: 1, children: 2, childAges: [4, 9] })).toBe('children');
    expect(exceededLimit(family, { adults: 3, children: 3, childAges: [1, 4, 9] })).toBe('guests');
  });

  test('children ages count the children when both are given', () => {
    expect(exceededLimit({ ...family, maxChildren: 1 }, { adults: 1, children: 0, childAges: [4, 9] })).toBe('children');
  });
});
