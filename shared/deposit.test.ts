import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { depositFor, depositMessage, type RoomCharges } from './deposit.ts';
import { currencyExponent, formatMoney } from './money.ts';
import type { DepositPolicy } from './schemas/rate.ts';

const room = (roomTotal: number, extrasTotal = 0, firstNight = roomTotal): RoomCharges => ({ roomTotal, extrasTotal, firstNight });

describe('SPEC 2.4 deposit amounts', () => {
  test('book now, pay later asks for nothing', () => {
    expect(depositFor({ type: 'none' }, [room(30_000, 5_000)])).toBe(0);
  });

  test('pay today takes the rooms and their extras', () => {
    expect(depositFor({ type: 'full' }, [room(30_000, 5_000), room(20_000)])).toBe(55_000);
  });

  test('a one-night deposit is each room’s first night, without extras', () => {
    expect(depositFor({ type: 'first_night' }, [room(30_000, 9_000, 12_000), room(28_000, 0, 9_000)])).toBe(21_000);
  });

  test('a fixed deposit is charged once per rate, however many rooms', () => {
    expect(depositFor({ type: 'fixed', amount: 5_000 }, [room(30_000), room(30_000)])).toBe(5_000);
  });

  test('a fixed deposit never exceeds the rooms’ total including extras', () => {
    expect(depositFor({ type: 'fixed', amount: 50_000 }, [room(30_000, 4_000)])).toBe(34_000);
  });

  test('a percentage deposit leaves extras out', () => {
    expect(depositFor({ type: 'percentage', percent: 30 }, [room(10_000, 99_999)])).toBe(3_000);
  });

  test('a percentage deposit rounds half up to the minor unit', () => {
    // 12.5% of 1_004 = 125.5 → 126; 12.5% of 1_003 = 125.375 → 125
    expect(depositFor({ type: 'percentage', percent: 12.5 }, [room(1_004)])).toBe(126);
    expect(depositFor({ type: 'percentage', percent: 12.5 }, [room(1_003)])).toBe(125);
    // 33.33% of 150 = 49.995 → 50.
    expect(depositFor({ type: 'percentage', percent: 33.33 }, [room(150)])).toBe(50);
    // Exact halves that floating point misses: 3_000 × 1.15 / 100 is 34.499…, 1_000 × (0.35 / 100) is 3.499…
    expect(depositFor({ type: 'percentage', percent: 1.15 }, [room(3_000)])).toBe(35);
    expect(depositFor({ type: 'percentage', percent: 0.35 }, [room(1_000)])).toBe(4);
  });

  test('a percentage deposit over several rooms is rounded once, on their sum', () => {
    expect(depositFor({ type: 'percentage', percent: 12.5 }, [room(1_004), room(1_004)])).toBe(251);
  });

  test('a KRW percentage deposit is due in whole won and shown as won', () => {
    // SPEC 2.1: the won has no minor unit, so 15% of ₩183,333 (₩27,499.95) is due as ₩27,500, not in hundredths.
    expect(currencyExponent('KRW')).toBe(0);
    const deposit = depositFor({ type: 'percentage', percent: 15 }, [room(183_333)]);
    expect(deposit).toBe(27_500);
    expect(formatMoney(deposit, 'KRW', 'en')).toBe('₩27,500');
    expect(formatMoney(deposit, 'KRW', 'ko')).toBe('₩27,500');
  });
});

describe('SPEC 2.4 deposit messages', () => {
  const cases: [DepositPolicy, number, string, Record<'en' | 'ko' | 'id', string>][] = [
    [{ type: 'none' }, 0, 'USD', { en: 'Book now, pay later', ko: '지금 예약하고 나중에 결제', id: 'Pesan sekarang, bayar nanti' }],
    [{ type: 'full' }, 100, 'USD', { en: 'Pay today', ko: '오늘 전액 결제', id: 'Bayar hari ini' }],
    [{ type: 'first_night' }, 100, 'USD', { en: 'One night deposit required', ko: '첫 1박 요금을 예약금으로 결제', id: 'Diperlukan deposit satu malam' }],
    [{ type: 'fixed', amount: 5_000 }, 5_000, 'USD', { en: '$50.00 deposit required', ko: '예약금 US$50.00 결제', id: 'US$50,00 deposit diperlukan' }],
    [{ type: 'fixed', amount: 50_000 }, 50_000, 'KRW', { en: '₩50,000 deposit required', ko: '예약금 50,000원 결제', id: '₩50.000 deposit diperlukan' }],
    [{ type: 'percentage', percent: 30 }, 0, 'USD', { en: '30% deposit required', ko: '예약금 30% 결제', id: '30% deposit diperlukan' }],
    [{ type: 'percentage', percent: 12.5 }, 0, 'USD', { en: '12.5% deposit required', ko: '예약금 12.5% 결제', id: '12,5% deposit diperlukan' }],
  ];
  for (const [policy, amount, currency, messages] of cases) {
    for (const locale of ['en', 'ko', 'id'] as const) {
      test(`${policy.type} reads “${messages[locale]}” in ${locale}`, () => {
        expect(depositMessage(policy, amount, currency, locale).replace(/\u00a0/g, ' ')).toBe(messages[locale]);
      });
    }
  }

  test('a capped fixed deposit names the amount actually due', () => {
    expect(depositMessage({ type: 'fixed', amount: 5_000 }, 3_400, 'USD', 'en')).toBe('$34.00 deposit required');
  });
});

// A room is priced night by night (SPEC 2.3), so its first night is part of its room total.
const roomArb: fc.Arbitrary<RoomCharges> = fc
  .record({
    nights: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 60 }),
    extrasTotal: fc.integer({ min: 0, max: 2_000_000 }),
  })
  .map(({ nights, extrasTotal }) => ({ roomTotal: nights.reduce((a, b) => a + b, 0), extrasTotal, firstNight: nights[0]! }));

const roomsArb = fc.array(roomArb, { minLength: 1, maxLength: 5 });

const amountArb = fc.integer({ min: 1, max: 10_000_000 });

// SPEC 2.4 allows two decimals, so a percent is a whole number of hundredths of a percent.
const hundredthsArb = fc.integer({ min: 1, max: 10_000 });

const policyArb: fc.Arbitrary<DepositPolicy> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.constant({ type: 'full' as const }),
  fc.constant({ type: 'first_night' as const }),
  amountArb.map((amount) => ({ type: 'fixed' as const, amount })),
  hundredthsArb.map((hundredths) => ({ type: 'percentage' as const, percent: hundredths / 100 })),
);

const bookingTotal = (rooms: readonly RoomCharges[]) => rooms.reduce((s, r) => s + r.roomTotal + r.extrasTotal, 0);

/**
 * The oracle for `percentage`, written apart from money.ts: the exact share is
 * amount × hundredths / 10 000, and a remainder of half a minor unit or more rounds up.
 */
function halfUpShare(amount: number, hundredths: number): number {
  const exact = BigInt(amount) * BigInt(hundredths);
  const whole = exact / 10_000n;
  return Number(2n * (exact % 10_000n) >= 10_000n ? whole + 1n : whole);
}

describe('SPEC 2.4 deposit amounts for random stays', () => {
  const runs = { numRuns: 1_000 };

  test('book now, pay later asks for nothing, whatever the rooms cost', () => {
    fc.assert(
      fc.property(roomsArb, (rooms) => depositFor({ type: 'none' }, rooms) === 0),
      runs,
    );
  });

  test('pay today takes every room’s total and its extras', () => {
    fc.assert(
      fc.property(roomsArb, (rooms) => depositFor({ type: 'full' }, rooms) === bookingTotal(rooms)),
      runs,
    );
  });

  test('a one-night deposit adds up each room’s own first night, and nothing else', () => {
    fc.assert(
      fc.property(roomsArb, (rooms) => depositFor({ type: 'first_night' }, rooms) === rooms.reduce((s, r) => s + r.firstNight, 0)),
      runs,
    );
  });

  test('a fixed deposit is its amount once for all the rooms, or their total with extras when that is less', () => {
    fc.assert(
      fc.property(amountArb, roomsArb, (amount, rooms) => depositFor({ type: 'fixed', amount }, rooms) === Math.min(amount, bookingTotal(rooms))),
      runs,
    );
  });

  test('a percentage deposit is that exact share of the room totals without extras, rounded half up once', () => {
    fc.assert(
      fc.property(hundredthsArb, roomsArb, (hundredths, rooms) => {
        const roomTotals = rooms.reduce((s, r) => s + r.roomTotal, 0);
        return depositFor({ type: 'percentage', percent: hundredths / 100 }, rooms) === halfUpShare(roomTotals, hundredths);
      }),
      runs,
    );
  });

  test('whatever the percent, a share exactly halfway between two minor units rounds up', () => {
    // With g = gcd(h, 5 000) and total = odd · 5 000 / g, the exact share total · h / 10 000 is
    // odd · (h / g) / 2: a whole number and a half whenever h / g is odd, i.e. h is not a multiple
    // of 16. Such halves are where floating point goes wrong (3_000 × 1.15 / 100 is 34.499…).
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    const tieArb = fc.record({
      hundredths: hundredthsArb.filter((h) => h % 16 !== 0),
      odd: fc.integer({ min: 0, max: 100_000 }).map((i) => 2 * i + 1),
    });
    fc.assert(
      fc.property(tieArb, ({ hundredths, odd }) => {
        const g = gcd(hundredths, 5_000);
        const total = (5_000 / g) * odd;
        return depositFor({ type: 'percentage', percent: hundredths / 100 }, [room(total)]) === (odd * (hundredths / g) + 1) / 2;
      }),
      runs,
    );
  });

  test('every deposit is a whole number of minor units, from nothing up to the booking total', () => {
    fc.assert(
      fc.property(policyArb, roomsArb, (policy, rooms) => {
        const deposit = depositFor(policy, rooms);
        return Number.isSafeInteger(deposit) && deposit >= 0 && deposit <= bookingTotal(rooms);
      }),
      { numRuns: 2_000 },
    );
  });
});
