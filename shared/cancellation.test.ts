import { describe, expect, test } from 'vitest';
import { cancellationSummary, daysBeforeArrival, paidPerRate, policyRefund, refundPercentAt, splitByWeight } from './cancellation.ts';

// Korean pensions' usual tiers (SPEC 2.16): everything back a week ahead, half from three days.
const pension = [
  { daysBefore: 7, refundPercent: 100 },
  { daysBefore: 3, refundPercent: 50 },
];

describe('the tier that applies (SPEC 2.16)', () => {
  test.each([
    [30, 100],
    [7, 100],
    [6, 50],
    [3, 50],
    [2, 0],
    [0, 0],
    [-1, 0],
  ])('cancelled %i whole days before arrival refunds %i%%', (days, percent) => {
    expect(refundPercentAt(pension, days)).toBe(percent);
  });

  test('the largest daysBefore that still holds wins, whatever order the tiers come in', () => {
    expect(refundPercentAt([...pension].reverse(), 7)).toBe(100);
    expect(refundPercentAt([{ daysBefore: 0, refundPercent: 100 }], 0)).toBe(100);
    expect(refundPercentAt([], 100)).toBe(0);
  });
});

describe('whole days before check-in, on the property’s calendar', () => {
  const checkIn = '2026-11-05';
  // New York leaves daylight saving time on 1 Nov 2026 at 02:00: midnight moves from 04:00Z to 05:00Z.
  test.each([
    ['2026-10-30T03:59:59Z', 7, 100, 'last second of 29 Oct (EDT)'],
    ['2026-10-30T04:00:00Z', 6, 50, 'midnight of 30 Oct (EDT)'],
    ['2026-11-02T04:30:00Z', 4, 50, '23:30 on 1 Nov (EST): still the 1st, though it would be the 2nd in EDT'],
    ['2026-11-02T05:00:00Z', 3, 50, 'midnight of 2 Nov (EST)'],
    ['2026-11-03T04:59:59Z', 3, 50, 'last second of 2 Nov (EST)'],
    ['2026-11-03T05:00:00Z', 2, 0, 'midnight of 3 Nov (EST)'],
  ])('America/New_York at %s: %i days, %i%% (%s)', (instant, days, percent) => {
    expect(daysBeforeArrival(checkIn, 'America/New_York', new Date(instant))).toBe(days);
    expect(refundPercentAt(pension, days)).toBe(percent);
  });

  // New York enters daylight saving time on 8 Mar 2026: midnight moves from 05:00Z to 04:00Z.
  test.each([
    ['2026-03-09T03:59:59Z', 4],
    ['2026-03-09T04:00:00Z', 3],
  ])('America/New_York after the spring change at %s: %i days before 12 Mar', (instant, days) => {
    expect(daysBeforeArrival('2026-03-12', 'America/New_York', new Date(instant))).toBe(days);
  });

  test.each([
    ['2026-12-02T14:59:59Z', 8, 100],
    ['2026-12-02T15:00:00Z', 7, 100],
    ['2026-12-03T15:00:00Z', 6, 50],
    ['2026-12-06T15:00:00Z', 3, 50],
    ['2026-12-07T15:00:00Z', 2, 0],
  ])('Asia/Seoul at %s: %i days before 10 Dec, %i%%', (instant, days, percent) => {
    expect(daysBeforeArrival('2026-12-10', 'Asia/Seoul', new Date(instant))).toBe(days);
    expect(refundPercentAt(pension, days)).toBe(percent);
  });
});

describe('the refund, on what was paid', () => {
  test('splits exactly, the minor units left over going to the largest remainders', () => {
    expect(splitByWeight(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(splitByWeight(10, [1, 2])).toEqual([3, 7]);
    expect(splitByWeight(0, [5, 5])).toEqual([0, 0]);
    expect(splitByWeight(7, [0, 0])).toEqual([7, 0]);
    // Beyond 2^53 once multiplied: IDR and KRW totals are large.
    expect(splitByWeight(9_000_000_000_000, [3_000_000_000_000, 6_000_000_000_000])).toEqual([3_000_000_000_000, 6_000_000_000_000]);
  });

  test('money goes to the rates’ deposits first, then to their balances', () => {
    const parts = [
      { tiers: [], deposit: 20_000, total: 20_000 },
      { tiers: [], deposit: 0, total: 30_000 },
    ];
    expect(paidPerRate(parts, 20_000)).toEqual([20_000, 0]);
    expect(paidPerRate(parts, 50_000)).toEqual([20_000, 30_000]);
    expect(paidPerRate(parts, 10_000)).toEqual([10_000, 0]);
  });

  test('each rate’s policy applies to its own share, rounded half-up to the minor unit', () => {
    const parts = [
      { tiers: pension, deposit: 10_001, total: 10_001 },
      { tiers: [], deposit: 5_000, total: 5_000 },
    ];
    expect(policyRefund(parts, 15_001, 8)).toBe(10_001);
    // 50% of 10,001 is 5,000.5: half-up gives 5,001.
    expect(policyRefund(parts, 15_001, 4)).toBe(5_001);
    expect(policyRefund(parts, 15_001, 1)).toBe(0);
  });

  test('never refunds more than was paid', () => {
    const parts = [
      { tiers: [{ daysBefore: 0, refundPercent: 100 }], deposit: 333, total: 1_000 },
      { tiers: [{ daysBefore: 0, refundPercent: 100 }], deposit: 333, total: 1_000 },
    ];
    expect(policyRefund(parts, 667, 5)).toBe(667);
  });
});

describe('the policy in words, from the guest’s side', () => {
  test.each([
    ['en', 'Free cancellation until Wed 16 Dec; 50% refund if cancelled 3–6 days before arrival'],
    ['ko', '12월 16일 (수)까지 무료 취소; 도착 3~6일 전 취소 시 50% 환불'],
    ['id', 'Pembatalan gratis hingga Rab, 16 Des; Pengembalian dana 50% jika dibatalkan 3–6 hari sebelum kedatangan'],
  ] as const)('a pension’s tiers in %s', (locale, words) => {
    expect(cancellationSummary({ tiers: pension }, '2026-12-23', locale)).toBe(words);
  });

  test.each([
    ['en', 'Non-refundable'],
    ['ko', '환불 불가'],
    ['id', 'Tidak dapat dikembalikan'],
  ] as const)('no tiers, or only 0%%, is non-refundable in %s', (locale, words) => {
    expect(cancellationSummary({ tiers: [] }, '2026-12-23', locale)).toBe(words);
    expect(cancellationSummary({ tiers: [{ daysBefore: 5, refundPercent: 0 }] }, '2026-12-23', locale)).toBe(words);
  });

  test('names single days, open-ended bands and the day of arrival', () => {
    expect(cancellationSummary({ tiers: [{ daysBefore: 0, refundPercent: 100 }] }, '2026-12-23', 'en')).toBe('Free cancellation until Wed 23 Dec');
    expect(cancellationSummary({ tiers: [{ daysBefore: 10, refundPercent: 80 }] }, '2026-12-23', 'en')).toBe('80% refund if cancelled 10 or more days before arrival');
    expect(
      cancellationSummary(
        {
          tiers: [
            { daysBefore: 2, refundPercent: 30 },
            { daysBefore: 1, refundPercent: 20 },
            { daysBefore: 0, refundPercent: 10 },
          ],
        },
        '2026-12-23',
        'en',
      ),
    ).toBe('30% refund if cancelled 2 or more days before arrival; 20% refund if cancelled 1 day before arrival; 10% refund if cancelled on the day of arrival');
  });

  test('neighbouring tiers with the same percent read as one band', () => {
    const tiers = [
      { daysBefore: 10, refundPercent: 50 },
      { daysBefore: 5, refundPercent: 50 },
      { daysBefore: 2, refundPercent: 20 },
    ];
    expect(cancellationSummary({ tiers }, '2026-12-23', 'en')).toBe('50% refund if cancelled 5 or more days before arrival; 20% refund if cancelled 2–4 days before arrival');
  });

  test('given today, leaves out what can no longer be had', () => {
    expect(cancellationSummary({ tiers: pension }, '2026-12-23', 'en', '2026-12-18')).toBe('50% refund if cancelled 3–6 days before arrival');
    expect(cancellationSummary({ tiers: pension }, '2026-12-23', 'en', '2026-12-21')).toBe('Non-refundable');
    expect(cancellationSummary({ tiers: pension }, '2026-12-23', 'en', '2026-12-16')).toContain('Free cancellation until Wed 16 Dec');
  });
});
