import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NEXT_AVAILABLE_SEARCH_DAYS, nextAvailableStay, type OfferContext, type StayRequest, unavailableReason } from './availability.ts';
import { addDays, nightsOf } from './dates.ts';
import type { PricedRate } from './pricing.ts';
import { calendarMarks, mergeRestrictions, nightRestrictions, restrictionReason, type RestrictedRate } from './restrictions.ts';
import { RATE_WITHOUT_LIMITS } from './schemas/rate.ts';
import type { RestrictionEntry, RestrictionPattern } from './schemas/restrictions.ts';
import type { RoomType } from './schemas/room-type.ts';

const rate = (restrictions: readonly RestrictionEntry[], own: Partial<RestrictedRate> = {}): RestrictedRate => ({
  minNights: null,
  maxNights: null,
  ...own,
  restrictions: mergeRestrictions([], restrictions),
});

describe('merging restrictions', () => {
  test('a later entry wins on the dates it covers and leaves the rules it does not set to the earlier one', () => {
    const merged = rate([
      { from: '2026-12-20', to: '2026-12-31', minNights: 2, closedToArrival: true },
      { from: '2026-12-24', to: '2026-12-25', minNights: 3 },
    ]);
    expect(nightRestrictions(merged, '2026-12-23', '2026-12-27').map((n) => [n.minNights, n.closedToArrival])).toEqual([
      [2, true],
      [3, true],
      [3, true],
      [2, true],
    ]);
  });

  test('an entry a later one hides on every date and rule is dropped; one that still decides something is kept', () => {
    const stored = mergeRestrictions(
      [],
      [
        { from: '2026-12-01', to: '2026-12-10', minNights: 2 },
        { from: '2026-12-01', to: '2026-12-10', minNights: 2, closedToDeparture: true },
      ],
    );
    expect(stored.map((p) => p.seq)).toEqual([2]);
    const next = mergeRestrictions(stored, [{ from: '2026-12-05', to: '2026-12-20', minNights: 4 }]);
    expect(next.map((p) => p.seq)).toEqual([2, 3]);
    const all = mergeRestrictions(next, [{ from: '2026-11-01', minNights: 1, closedToDeparture: false }]);
    expect(all.map((p) => p.seq)).toEqual([4]);
  });

  test('weekday entries hide only entries on the same or fewer weekdays', () => {
    const stored = mergeRestrictions([], [{ from: '2026-12-01', weekdays: [5, 6], closedToArrival: true }]);
    expect(mergeRestrictions(stored, [{ from: '2026-12-01', weekdays: [6], closedToArrival: false }])).toHaveLength(2);
    expect(mergeRestrictions(stored, [{ from: '2026-11-01', closedToArrival: false }])).toHaveLength(1);
  });
});

describe('what the restrictions refuse', () => {
  const peak = rate([{ from: '2026-12-24', to: '2026-12-31', minNights: 2, maxNights: 5 }], { minNights: 1, maxNights: 14 });

  test('the arrival night decides the stay length, whatever nights follow', () => {
    expect(restrictionReason(peak, '2026-12-24', '2026-12-25')).toBe('min_nights');
    expect(restrictionReason(peak, '2026-12-24', '2026-12-30')).toBe('max_nights');
    expect(restrictionReason(peak, '2026-12-23', '2026-12-24')).toBeUndefined();
    // Arriving the day before the season, the rate's own maximum of 14 applies to the whole stay.
    expect(restrictionReason(peak, '2026-12-23', '2027-01-03')).toBeUndefined();
    expect(restrictionReason(peak, '2027-01-01', '2027-01-02')).toBeUndefined();
  });

  test('closed to arrival is about the first night, closed to departure about the checkout date', () => {
    const r = rate([
      { from: '2026-12-05', weekdays: [6], closedToArrival: true },
      { from: '2026-12-07', to: '2026-12-07', closedToDeparture: true },
    ]);
    expect(restrictionReason(r, '2026-12-05', '2026-12-06')).toBe('closed_to_arrival');
    expect(restrictionReason(r, '2026-12-12', '2026-12-13')).toBe('closed_to_arrival');
    expect(restrictionReason(r, '2026-12-04', '2026-12-06')).toBeUndefined();
    expect(restrictionReason(r, '2026-12-06', '2026-12-07')).toBe('closed_to_departure');
    expect(restrictionReason(r, '2026-12-06', '2026-12-08')).toBeUndefined();
  });

  test('the rate’s own limits hold where no entry sets one', () => {
    expect(restrictionReason(rate([], { minNights: 2 }), '2026-12-01', '2026-12-02')).toBe('min_nights');
    expect(nightRestrictions(rate([], { maxNights: 7 }), '2026-12-01', '2026-12-02')).toEqual([
      { date: '2026-12-01', minNights: null, maxNights: 7, closedToArrival: false, closedToDeparture: false },
    ]);
  });
});

describe('calendar marks', () => {
  test('a night is closed to arrival only when every rate is; the minimum is the smallest over rates open for arrival', () => {
    const a = rate([
      { from: '2026-12-01', to: '2026-12-02', closedToArrival: true },
      { from: '2026-12-03', to: '2026-12-03', minNights: 3 },
    ]);
    const b = rate([
      { from: '2026-12-01', to: '2026-12-01', closedToArrival: true, closedToDeparture: true },
      { from: '2026-12-02', to: '2026-12-03', minNights: 2 },
    ]);
    expect(calendarMarks([a, b], '2026-12-01', 4)).toEqual([{ noArrival: true }, { minNights: 2 }, { minNights: 2 }, {}]);
    expect(calendarMarks([b], '2026-12-01', 1)).toEqual([{ noArrival: true, noDeparture: true }]);
    expect(calendarMarks([], '2026-12-01', 1)).toEqual([{}]);
  });
});

const START = '2026-12-01';
const day = fc.integer({ min: 0, max: 80 }).map((n) => addDays(START, n));
const entry: fc.Arbitrary<RestrictionEntry> = fc
  .record(
    {
      from: day,
      to: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      weekdays: fc.option(fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
      minNights: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      maxNights: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      closedToArrival: fc.option(fc.boolean(), { nil: undefined }),
      closedToDeparture: fc.option(fc.boolean(), { nil: undefined }),
    },
    { requiredKeys: ['from'] },
  )
  .map((e) => ({ ...e, to: e.to === undefined ? undefined : addDays(e.from, e.to), weekdays: e.weekdays?.sort() }));

describe('the next available stay with restrictions', () => {
  test('is the nearest later stay some rate would sell, asking unavailableReason shift by shift, over 1,000 random properties', () => {
    const roomType: RoomType = { id: 'rt', propertyId: 'p', name: 'Room', description: null, images: [], units: 1, maxGuests: 2 };
    const ctx: OfferContext = { now: new Date('2026-11-24T03:00:00Z'), isClosed: () => false, occupancy: { roomTypeSold: () => 0, rateSold: () => 0, rateSoldTotal: () => 0 } };
    fc.assert(
      fc.property(
        fc.array(fc.record({ entries: fc.array(entry, { maxLength: 6 }), minNights: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }) }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 5 }),
        (specs, length) => {
          const rates: PricedRate[] = specs.map((s, i) => ({
            ...RATE_WITHOUT_LIMITS,
            id: `r${i}`,
            propertyId: 'p',
            roomTypeId: 'rt',
            name: `Rate ${i}`,
            nightlyPrice: 10_000,
            deposit: { type: 'none' },
            minNights: s.minNights,
            overrides: new Map(),
            restrictions: mergeRestrictions([], s.entries) satisfies RestrictionPattern[],
          }));
          const stay: StayRequest = { checkIn: START, checkOut: addDays(START, length), adults: 1, children: 0, rooms: 1 };
          let expected: { checkIn: string; checkOut: string } | undefined;
          for (let shift = 1; shift <= NEXT_AVAILABLE_SEARCH_DAYS && !expected; shift++) {
            const checkIn = addDays(START, shift);
            const candidate = { ...stay, checkIn, checkOut: addDays(checkIn, length) };
            if (rates.some((r) => unavailableReason(r, roomType, candidate, nightsOf(checkIn, candidate.checkOut), ctx) === undefined)) expected = { checkIn, checkOut: candidate.checkOut };
          }
          expect(nextAvailableStay({ currency: 'USD', roomTypes: [roomType], rates }, stay, ctx)).toEqual(expected);
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
