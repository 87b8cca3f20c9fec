import { describe, expect, test } from 'vitest';
import { nightsOf } from './dates.ts';
import { type PricedRate, quoteStay, type StayCatalog, UnknownItemError } from './pricing.ts';
import type { Extra } from './schemas/extra.ts';
import { type DepositPolicy, RATE_WITHOUT_LIMITS } from './schemas/rate.ts';

function rate(id: string, nightlyPrice: number, deposit: DepositPolicy, overrides: Record<string, number> = {}): PricedRate & { roomTypeName: string } {
  return {
    ...RATE_WITHOUT_LIMITS,
    id,
    propertyId: 'p',
    roomTypeId: `rt_${id}`,
    roomTypeName: `Room ${id}`,
    name: `Rate ${id}`,
    nightlyPrice,
    deposit,
    overrides: new Map(Object.entries(overrides)),
  };
}

const extra = (id: string, price: number, per: Extra['per']): Extra => ({ id, propertyId: 'p', name: id, description: null, price, per });

function catalog(currency: string, rates: ReturnType<typeof rate>[], extras: Extra[] = []): StayCatalog {
  return { currency, rates: new Map(rates.map((r) => [r.id, r])), extras: new Map(extras.map((e) => [e.id, e])) };
}

const stay = { checkIn: '2026-12-10', checkOut: '2026-12-13' };

describe('SPEC 2.3 stay pricing', () => {
  test('a night costs its override, else the rate’s default price', () => {
    const q = quoteStay(catalog('USD', [rate('a', 10_000, { type: 'none' }, { '2026-12-11': 15_000 })]), { ...stay, rooms: [{ rateId: 'a', adults: 2 }] }, 'en');
    expect(q.rooms[0]!.nightly.map((n) => n.amount)).toEqual([10_000, 15_000, 10_000]);
    expect(q.rooms[0]!.roomTotal).toBe(35_000);
  });

  test('extras are priced per stay, night, guest and guest-night with their quantity', () => {
    const extras = [extra('transfer', 5_000, 'stay'), extra('parking', 1_000, 'night'), extra('towel', 300, 'guest'), extra('breakfast', 1_500, 'guest_night')];
    const q = quoteStay(
      catalog('USD', [rate('a', 10_000, { type: 'none' })], extras),
      {
        ...stay,
        rooms: [
          {
            rateId: 'a',
            adults: 2,
            children: 1,
            extras: [
              { extraId: 'transfer', quantity: 2 },
              { extraId: 'parking', quantity: 1 },
              { extraId: 'towel', quantity: 1 },
              { extraId: 'breakfast', quantity: 1 },
            ],
          },
        ],
      },
      'en',
    );
    expect(q.rooms[0]!.extras.map((x) => x.total)).toEqual([10_000, 3_000, 900, 13_500]);
    expect(q.rooms[0]!.extrasTotal).toBe(27_400);
    expect(q.total).toBe(57_400);
  });

  test('mixed rates: each rate’s deposit is computed on its own rooms and added up', () => {
    const c = catalog(
      'USD',
      [
        rate('full', 10_000, { type: 'full' }),
        rate('fixed', 20_000, { type: 'fixed', amount: 5_000 }),
        rate('pct', 8_000, { type: 'percentage', percent: 12.5 }),
        rate('first', 9_000, { type: 'first_night' }, { '2026-12-10': 9_999 }),
      ],
      [extra('breakfast', 1_500, 'guest_night')],
    );
    const q = quoteStay(
      c,
      {
        ...stay,
        rooms: [
          { rateId: 'full', adults: 1, extras: [{ extraId: 'breakfast', quantity: 1 }] },
          { rateId: 'fixed', adults: 2 },
          { rateId: 'fixed', adults: 2 },
          { rateId: 'pct', adults: 2, extras: [{ extraId: 'breakfast', quantity: 1 }] },
          { rateId: 'first', adults: 2 },
        ],
      },
      'en',
    );
    const byRate = Object.fromEntries(q.deposits.map((d) => [d.rateId, d.amount]));
    expect(byRate).toEqual({ full: 30_000 + 4_500, fixed: 5_000, pct: 3_000, first: 9_999 });
    expect(q.depositDue).toBe(34_500 + 5_000 + 3_000 + 9_999);
    expect(q.total).toBe(34_500 + 120_000 + 24_000 + 9_000 + 27_999);
    expect(q.balanceDue).toBe(q.total - q.depositDue);
    expect(q.deposits.find((d) => d.rateId === 'fixed')!.message).toBe('$50.00 deposit required');
  });

  test('a KRW stay is priced and charged in whole won', () => {
    const q = quoteStay(catalog('KRW', [rate('k', 183_333, { type: 'percentage', percent: 15 })]), { ...stay, rooms: [{ rateId: 'k', adults: 2 }] }, 'ko');
    expect(q.total).toBe(549_999);
    expect(q.depositDue).toBe(82_500);
    expect(q.deposits[0]!.message).toBe('예약금 15% 결제');
  });

  test('an unknown rate or extra is named by its path', () => {
    const c = catalog('USD', [rate('a', 10_000, { type: 'none' })]);
    expect(() => quoteStay(c, { ...stay, rooms: [{ rateId: 'zz', adults: 1 }] }, 'en')).toThrow(UnknownItemError);
    expect(() => quoteStay(c, { ...stay, rooms: [{ rateId: 'a', adults: 1, extras: [{ extraId: 'nope', quantity: 1 }] }] }, 'en')).toThrow(
      expect.objectContaining({ path: 'rooms.0.extras.0.extraId' }),
    );
  });

  test('the stay has one night per date from check-in up to check-out', () => {
    expect(nightsOf('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01']);
  });
});
