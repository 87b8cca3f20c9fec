// SPEC 2.4, 2.13, 2.14: with any promotion, every line is an integer, the lines sum to the total and
// each deposit stays between 0 and the total; percentage and first-night deposits follow the discount.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { discountArb, policyArb } from '../test/support/arbitraries.ts';
import { firstNightAfter, spread } from './lines.ts';
import { type PricedRate, quoteStay, type StayCatalog } from './pricing.ts';
import { type DepositPolicy, RATE_WITHOUT_LIMITS } from './schemas/rate.ts';

const rateArb = fc.record({ price: fc.integer({ min: 0, max: 5_000_000 }), deposit: policyArb, override: fc.integer({ min: 0, max: 5_000_000 }) });

function catalogOf(rates: { price: number; deposit: DepositPolicy; override: number }[], extraPrice: number): StayCatalog {
  const priced = rates.map((r, i): PricedRate & { roomTypeName: string } => ({
    ...RATE_WITHOUT_LIMITS,
    id: `r${i}`,
    propertyId: 'p',
    roomTypeId: 'rt',
    roomTypeName: 'Room',
    name: `Rate ${i}`,
    nightlyPrice: r.price,
    deposit: r.deposit,
    overrides: new Map([['2026-12-11', r.override]]),
  }));
  const extras = new Map([['x', { id: 'x', propertyId: 'p', name: 'Breakfast', description: null, price: extraPrice, per: 'guest_night' as const }]]);
  return { currency: 'USD', rates: new Map(priced.map((r) => [r.id, r])), extras };
}

describe('quote lines with promotions', () => {
  test('every line is an integer, the lines sum to the total, and 0 ≤ deposit ≤ total', () => {
    fc.assert(
      fc.property(
        fc.array(rateArb, { minLength: 1, maxLength: 3 }),
        fc.array(fc.record({ rate: fc.nat(2), extras: fc.boolean() }), { minLength: 1, maxLength: 4 }),
        fc.option(fc.record({ discount: discountArb, covers: fc.option(fc.subarray([0, 1, 2]), { nil: null }) }), { nil: undefined }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 100_000 }),
        (rates, rooms, promo, nights, extraPrice) => {
          const catalog = catalogOf(rates, extraPrice);
          const checkOut = new Date(Date.UTC(2026, 11, 10 + nights)).toISOString().slice(0, 10);
          const request = rooms.map((r) => ({ rateId: `r${r.rate % rates.length}`, adults: 2, extras: r.extras ? [{ extraId: 'x', quantity: 1 }] : [] }));
          const promotion = promo && { code: 'C', name: 'Code', discount: promo.discount, rateIds: promo.covers && promo.covers.map((i) => `r${i}`) };
          const q = quoteStay(catalog, { checkIn: '2026-12-10', checkOut, rooms: request }, 'en', undefined, promotion);
          for (const line of q.lines) expect(Number.isSafeInteger(line.amount)).toBe(true);
          expect(q.lines.reduce((a, l) => a + l.amount, 0)).toBe(q.total);
          expect(q.lines.filter((l) => l.kind === 'discount').every((l) => l.amount < 0)).toBe(true);
          expect(q.depositDue).toBeGreaterThanOrEqual(0);
          expect(q.depositDue).toBeLessThanOrEqual(q.total);
          for (const d of q.deposits) expect(Number.isSafeInteger(d.amount) && d.amount >= 0).toBe(true);
          if (q.deposits.every((d) => d.type === 'full')) expect(q.depositDue).toBe(q.total);
        },
      ),
    );
  });

  test('a percentage deposit is of the room price after the discount', () => {
    const catalog = catalogOf([{ price: 10_000, deposit: { type: 'percentage', percent: 30 }, override: 10_000 }], 0);
    const q = quoteStay(catalog, { checkIn: '2026-12-10', checkOut: '2026-12-13', rooms: [{ rateId: 'r0', adults: 2 }] }, 'en', undefined, {
      code: 'C',
      name: 'Code',
      discount: { type: 'amount', amount: 50_000 },
      rateIds: null,
    });
    // An amount is capped at the room prices: the stay is free and so is its deposit.
    expect(q.lines.map((l) => l.amount)).toEqual([30_000, -30_000]);
    expect([q.total, q.depositDue]).toEqual([0, 0]);
  });

  test('a discount spread over rooms gives integer shares that sum to it, none above its room', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 20 }), fc.nat(), (weights, seed) => {
        const whole = weights.reduce((a, b) => a + b, 0);
        const total = whole === 0 ? 0 : seed % (whole + 1);
        const shares = spread(total, weights);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        shares.forEach((s, i) => expect(s >= 0 && s <= weights[i]!).toBe(true));
      }),
    );
  });

  test('the first night after a discount is never more than the room after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 0, max: 5_000_000 }), fc.nat(), (first, rest, seed) => {
        const total = first + rest;
        const discount = seed % (total + 1);
        const after = firstNightAfter(first, total, discount);
        expect(after).toBeGreaterThanOrEqual(0);
        expect(after).toBeLessThanOrEqual(total - discount);
      }),
    );
  });
});
