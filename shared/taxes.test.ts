// SPEC 2.13: fees and taxes per room, their lines, and what they do to totals and deposits.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { discountArb, policyArb } from '../test/support/arbitraries.ts';
import { type PricedRate, quoteStay, type StayCatalog } from './pricing.ts';
import { type DepositPolicy, RATE_WITHOUT_LIMITS } from './schemas/rate.ts';
import type { Fee, Tax } from './schemas/taxes.ts';
import { addedCharges, chargeLines, includedPart, roomCharges, type TaxedRoom } from './taxes.ts';

const family: TaxedRoom = { roomPrice: 30_000, extrasTotal: 6_000, nights: 3, adults: 2, children: 1 };
const none = { taxes: [], fees: [] };

describe('one room', () => {
  test('a fee per stay, night, guest and guest-night multiplies by what it says', () => {
    const fees: Fee[] = [
      { name: 'Cleaning', amount: 5_000, per: 'stay' },
      { name: 'Resort', amount: 1_000, per: 'night' },
      { name: 'Linen', amount: 500, per: 'guest' },
      { name: 'Towels', amount: 100, per: 'guest_night' },
    ];
    expect(roomCharges(family, { taxes: [], fees }).charges.map((c) => c.amount)).toEqual([5_000, 3_000, 1_500, 900]);
  });

  test('a city tax counts every guest and night, or only adults and the first nights when the owner says so', () => {
    const city = (extra: Partial<Extract<Tax, { type: 'per_person_night' }>>): Tax => ({ name: 'City tax', type: 'per_person_night', amount: 200, ...extra });
    expect(roomCharges(family, { fees: [], taxes: [city({})] }).taxes).toBe(200 * 3 * 3);
    expect(roomCharges(family, { fees: [], taxes: [city({ childrenExempt: true })] }).taxes).toBe(200 * 2 * 3);
    expect(roomCharges(family, { fees: [], taxes: [city({ childrenExempt: true, maxNights: 2 })] }).taxes).toBe(200 * 2 * 2);
  });

  test('a per-room-night tax follows the nights, a per-stay tax is once per room', () => {
    const taxes: Tax[] = [
      { name: 'Tourism levy', type: 'per_room_night', amount: 300 },
      { name: 'Stay tax', type: 'per_stay', amount: 700 },
    ];
    expect(roomCharges(family, { fees: [], taxes }).charges.map((c) => c.amount)).toEqual([900, 700]);
  });

  test('a percent tax is of the room price, or of the room and its extras, never of fees, rounded half-up', () => {
    const fees: Fee[] = [{ name: 'Cleaning', amount: 5_000, per: 'stay' }];
    const room = { ...family, roomPrice: 10_005 };
    expect(roomCharges(room, { fees, taxes: [{ name: 'VAT', type: 'percent', percent: 10 }] }).taxes).toBe(1_001);
    expect(roomCharges(room, { fees, taxes: [{ name: 'VAT', type: 'percent', percent: 10, appliesTo: 'room_and_extras' }] }).taxes).toBe(1_601);
  });

  test('an inclusive tax is the part already inside the price and adds nothing', () => {
    const charges = roomCharges({ ...family, roomPrice: 11_000 }, { fees: [], taxes: [{ name: 'VAT', type: 'percent', percent: 10, inclusive: true }] });
    expect(charges.charges).toEqual([{ kind: 'tax', name: 'VAT', amount: 1_000, included: true }]);
    expect(charges.taxes).toBe(0);
    expect(includedPart(1_005, 10)).toBe(91); // 91.36
    expect(includedPart(1_155, 10)).toBe(105);
    expect(includedPart(10_000, 12.5)).toBe(1_111); // 1111.1
  });

  test("availability's shortcut adds what the lines add", () => {
    const property = {
      fees: [{ name: 'Cleaning', amount: 5_000, per: 'stay' as const }],
      taxes: [
        { name: 'VAT', type: 'percent' as const, percent: 7.5 },
        { name: 'Incl', type: 'percent' as const, percent: 10, inclusive: true },
        { name: 'City tax', type: 'per_person_night' as const, amount: 150, childrenExempt: true },
      ],
    };
    const charges = roomCharges(family, property);
    expect(addedCharges(family, property)).toBe(charges.fees + charges.taxes);
    expect(addedCharges(family, none)).toBe(0);
  });
});

describe('lines over the rooms', () => {
  test('one line per fee and per tax name, summed over the rooms, fees first; nothing for a charge of 0', () => {
    const property = {
      fees: [{ name: 'Cleaning', amount: 4_000, per: 'stay' as const }],
      taxes: [
        { name: 'City tax', type: 'per_person_night' as const, amount: 100 },
        { name: 'Zero', type: 'per_stay' as const, amount: 0 },
        { name: 'VAT', type: 'percent' as const, percent: 10, inclusive: true },
      ],
    };
    const rooms = [roomCharges({ ...family, roomPrice: 11_000 }, property), roomCharges({ ...family, roomPrice: 22_000, adults: 1, children: 0 }, property)];
    expect(chargeLines(rooms)).toEqual([
      { kind: 'fee', name: 'Cleaning', amount: 8_000 },
      { kind: 'tax', name: 'City tax', amount: 900 + 300 },
      { kind: 'tax', name: 'VAT', amount: 3_000, included: true },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over whole quotes

const name = fc.constantFrom('City tax', 'VAT', 'Levy', 'Service');
const taxArb: fc.Arbitrary<Tax> = fc.oneof(
  fc.record({
    name,
    type: fc.constant('percent' as const),
    percent: fc.integer({ min: 1, max: 10_000 }).map((h) => h / 100),
    inclusive: fc.boolean(),
    appliesTo: fc.constantFrom('room' as const, 'room_and_extras' as const),
  }),
  fc.record({
    name,
    type: fc.constant('per_person_night' as const),
    amount: fc.integer({ min: 0, max: 100_000 }),
    childrenExempt: fc.boolean(),
    maxNights: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  }),
  fc.record({ name, type: fc.constantFrom('per_room_night' as const, 'per_stay' as const), amount: fc.integer({ min: 0, max: 100_000 }) }),
);
const feeArb: fc.Arbitrary<Fee> = fc.record({
  name: fc.constantFrom('Cleaning', 'Resort fee'),
  amount: fc.integer({ min: 1, max: 100_000 }),
  per: fc.constantFrom('stay' as const, 'night' as const, 'guest' as const, 'guest_night' as const),
});

function catalogOf(rates: { price: number; deposit: DepositPolicy }[], extraPrice: number, taxes: Tax[], fees: Fee[]): StayCatalog {
  const priced = rates.map((r, i): PricedRate & { roomTypeName: string } => ({
    ...RATE_WITHOUT_LIMITS,
    id: `r${i}`,
    propertyId: 'p',
    roomTypeId: 'rt',
    roomTypeName: 'Room',
    name: `Rate ${i}`,
    nightlyPrice: r.price,
    deposit: r.deposit,
    overrides: new Map(),
  }));
  const extras = new Map([['x', { id: 'x', propertyId: 'p', name: 'Breakfast', description: null, price: extraPrice, per: 'guest_night' as const }]]);
  return { currency: 'USD', rates: new Map(priced.map((r) => [r.id, r])), extras, charges: { taxes, fees } };
}

const nightsAfter = (checkIn: string, nights: number) => new Date(Date.parse(`${checkIn}T00:00:00Z`) + nights * 86_400_000).toISOString().slice(0, 10);

describe('quotes with taxes, fees and a discount', () => {
  test('every line is an integer, the lines not included sum to the total, inclusive taxes add nothing, and 0 ≤ deposit ≤ total', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ price: fc.integer({ min: 0, max: 5_000_000 }), deposit: policyArb }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ rate: fc.nat(2), extras: fc.boolean(), adults: fc.integer({ min: 1, max: 6 }), children: fc.integer({ min: 0, max: 4 }) }), { minLength: 1, maxLength: 4 }),
        fc.array(taxArb, { maxLength: 4 }),
        fc.array(feeArb, { maxLength: 3 }),
        fc.option(discountArb, { nil: undefined }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 100_000 }),
        (rates, rooms, taxes, fees, discount, nights, extraPrice) => {
          const stay = {
            checkIn: '2026-12-10',
            checkOut: nightsAfter('2026-12-10', nights),
            rooms: rooms.map((r) => ({ rateId: `r${r.rate % rates.length}`, adults: r.adults, children: r.children, extras: r.extras ? [{ extraId: 'x', quantity: 1 }] : [] })),
          };
          const promotion = discount && { code: 'C', name: 'Code', discount, rateIds: null };
          const q = quoteStay(catalogOf(rates, extraPrice, taxes, fees), stay, 'en', undefined, promotion);
          const untaxed = quoteStay(
            catalogOf(
              rates,
              extraPrice,
              taxes.filter((t) => !(t.type === 'percent' && t.inclusive)),
              fees,
            ),
            stay,
            'en',
            undefined,
            promotion,
          );

          for (const line of q.lines) expect(Number.isSafeInteger(line.amount)).toBe(true);
          expect(q.lines.filter((l) => !l.included).reduce((a, l) => a + l.amount, 0)).toBe(q.total);
          expect(q.rooms.reduce((a, r) => a + r.total, 0)).toBe(q.total);
          expect(q.total).toBe(untaxed.total);
          expect(q.depositDue).toBe(untaxed.depositDue);
          expect(q.depositDue).toBeGreaterThanOrEqual(0);
          expect(q.depositDue).toBeLessThanOrEqual(q.total);
          expect(q.balanceDue).toBe(q.total - q.depositDue);
          if (q.deposits.every((d) => d.type === 'full')) expect(q.depositDue).toBe(q.total);
        },
      ),
    );
  });

  test('fees and taxes add to full deposits and the fixed cap, never to percentage or first-night ones', () => {
    const taxes: Tax[] = [{ name: 'VAT', type: 'percent', percent: 10 }];
    const fees: Fee[] = [{ name: 'Cleaning', amount: 3_000, per: 'stay' }];
    const stay = { checkIn: '2026-12-10', checkOut: '2026-12-12', rooms: [{ rateId: 'r0', adults: 2 }] };
    const deposit = (policy: DepositPolicy) => quoteStay(catalogOf([{ price: 10_000, deposit: policy }], 0, taxes, fees), stay, 'en').depositDue;
    // Room 20,000 + cleaning 3,000 + VAT 2,000.
    expect(deposit({ type: 'full' })).toBe(25_000);
    expect(deposit({ type: 'fixed', amount: 24_000 })).toBe(24_000);
    expect(deposit({ type: 'fixed', amount: 90_000 })).toBe(25_000);
    expect(deposit({ type: 'percentage', percent: 50 })).toBe(10_000);
    expect(deposit({ type: 'first_night' })).toBe(10_000);
  });
});
