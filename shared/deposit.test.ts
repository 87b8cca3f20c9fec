import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { depositFor, depositMessage, type RoomCharges } from './deposit.ts';
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
    // 33.33% of 150 = 49.995 → 50, which floating point would round down.
    expect(depositFor({ type: 'percentage', percent: 33.33 }, [room(150)])).toBe(50);
  });

  test('a percentage deposit over several rooms is rounded once, on their sum', () => {
    expect(depositFor({ type: 'percentage', percent: 12.5 }, [room(1_004), room(1_004)])).toBe(251);
  });

  test('a zero-decimal currency is charged in whole won', () => {
    expect(depositFor({ type: 'percentage', percent: 15 }, [room(183_333)])).toBe(27_500);
  });
});

describe('SPEC 2.4 deposit messages', () => {
  const cases: [DepositPolicy, number, string, Record<'en' | 'ko' | 'id', string>][] = [
    [{ type: 'none' }, 0, 'USD', { en: 'Book now, pay later', ko: '지금 예약하고 나중에 결제', id: 'Pesan sekarang, bayar nanti' }],
    [{ type: 'full' }, 100, 'USD', { en: 'Pay today', ko: '오늘 전액 결제', id: 'Bayar hari ini' }],
    [{ type: 'first_night' }, 100, 'USD', { en: 'One night deposit required', ko: '첫 1박 요금 보증금 필요', id: 'Diperlukan deposit satu malam' }],
    [{ type: 'fixed', amount: 5_000 }, 5_000, 'USD', { en: '$50.00 deposit required', ko: '보증금 US$50.00 필요', id: 'US$50,00 deposit diperlukan' }],
    [{ type: 'fixed', amount: 50_000 }, 50_000, 'KRW', { en: '₩50,000 deposit required', ko: '보증금 ₩50,000 필요', id: '₩50.000 deposit diperlukan' }],
    [{ type: 'percentage', percent: 30 }, 0, 'USD', { en: '30% deposit required', ko: '30% 보증금 필요', id: '30% deposit diperlukan' }],
    [{ type: 'percentage', percent: 12.5 }, 0, 'USD', { en: '12.5% deposit required', ko: '12.5% 보증금 필요', id: '12,5% deposit diperlukan' }],
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

const policyArb: fc.Arbitrary<DepositPolicy> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.constant({ type: 'full' as const }),
  fc.constant({ type: 'first_night' as const }),
  fc.integer({ min: 1, max: 10_000_000 }).map((amount) => ({ type: 'fixed' as const, amount })),
  fc.integer({ min: 1, max: 10_000 }).map((hundredths) => ({ type: 'percentage' as const, percent: hundredths / 100 })),
);

const roomsArb = fc.array(
  fc
    .array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 60 })
    .chain((nights) =>
      fc.integer({ min: 0, max: 2_000_000 }).map((extrasTotal) => ({
        roomTotal: nights.reduce((a, b) => a + b, 0),
        extrasTotal,
        firstNight: nights[0]!,
      })),
    ),
  { minLength: 1, maxLength: 5 },
);

describe('deposit invariants for random stays and policies', () => {
  test('a deposit is a whole number of minor units between 0 and the total, and deposit + balance = total', () => {
    fc.assert(
      fc.property(policyArb, roomsArb, (policy, rooms) => {
        const total = rooms.reduce((s, r) => s + r.roomTotal + r.extrasTotal, 0);
        const deposit = depositFor(policy, rooms);
        expect(Number.isSafeInteger(deposit)).toBe(true);
        expect(deposit).toBeGreaterThanOrEqual(0);
        expect(deposit).toBeLessThanOrEqual(total);
        expect(total - deposit + deposit).toBe(total);
      }),
      { numRuns: 2_000 },
    );
  });
});
