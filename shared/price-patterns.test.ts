import { describe, expect, test } from 'vitest';
import { mergePrices, nightPrices, priceOverrides } from './price-patterns.ts';
import type { PricePattern } from './schemas/prices.ts';

const weekend = (seq: number, amount: number, to: string | null = null): PricePattern => ({ seq, from: '2026-12-01', to, weekdays: [5, 6], amount });

describe('nightPrices', () => {
  test('a date beats a weekday pattern, which beats the default', () => {
    // 2026-12-04 is a Friday.
    const prices = nightPrices(100, new Map([['2026-12-05', 300]]), [weekend(1, 200)], '2026-12-03', '2026-12-07');
    expect(prices).toEqual([
      { date: '2026-12-03', amount: 100, source: 'default' },
      { date: '2026-12-04', amount: 200, source: 'weekday' },
      { date: '2026-12-05', amount: 300, source: 'date' },
      { date: '2026-12-06', amount: 100, source: 'default' },
    ]);
  });

  test('between two patterns on a night the later one wins, whatever the order they are listed in', () => {
    const saturdays: PricePattern = { seq: 2, from: '2026-12-01', to: '2026-12-31', weekdays: [6], amount: 250 };
    expect(nightPrices(100, new Map(), [saturdays, weekend(1, 200)], '2026-12-04', '2026-12-06').map((p) => p.amount)).toEqual([200, 250]);
    expect(nightPrices(100, new Map(), [saturdays, weekend(3, 200)], '2026-12-04', '2026-12-06').map((p) => p.amount)).toEqual([200, 200]);
  });

  test('an open-ended price without weekdays counts as a date price from its first night on', () => {
    const fromJanuary: PricePattern = { seq: 1, from: '2027-01-01', to: null, weekdays: null, amount: 90 };
    expect(nightPrices(100, new Map(), [weekend(2, 200), fromJanuary], '2026-12-31', '2027-01-03').map((p) => p.source)).toEqual(['default', 'date', 'date']);
  });
});

describe('priceOverrides', () => {
  test('a rate without patterns keeps its date map as it is', () => {
    const dates = new Map([['2026-12-05', 300]]);
    expect(priceOverrides(dates, [], '2026-12-01', '2026-12-10')).toBe(dates);
  });

  test('only the nights that differ from the default are listed, inside the window', () => {
    expect([...priceOverrides(new Map(), [weekend(1, 200, '2026-12-05')], '2026-11-27', '2026-12-12')]).toEqual([
      ['2026-12-04', 200],
      ['2026-12-05', 200],
    ]);
  });
});

describe('mergePrices', () => {
  test('a pattern hidden on every night by a later one is dropped; one still visible somewhere is kept', () => {
    const saturdaysInDecember: PricePattern = { seq: 1, from: '2026-12-01', to: '2026-12-31', weekdays: [6], amount: 250 };
    const sundaysAlways: PricePattern = { seq: 2, from: '2026-12-01', to: null, weekdays: [0], amount: 260 };
    const { patterns } = mergePrices([saturdaysInDecember, sundaysAlways], [{ from: '2026-11-01', to: '2027-01-31', weekdays: [5, 6], amount: 200 }]);
    expect(patterns.map((p) => p.seq)).toEqual([2, 3]);
  });

  test('an open-ended price replaces the dates and open-ended prices it covers, in this update and stored ones', () => {
    const stored: PricePattern = { seq: 4, from: '2027-03-01', to: null, weekdays: null, amount: 70 };
    const change = mergePrices(
      [stored],
      [
        { from: '2027-01-01', to: '2027-01-02', amount: 80 },
        { from: '2027-01-02', amount: 90 },
        { from: '2027-01-05', to: '2027-01-05', amount: 95 },
      ],
    );
    expect([...change.dates]).toEqual([
      ['2027-01-01', 80],
      ['2027-01-05', 95],
    ]);
    expect(change.clearDatesFrom).toBe('2027-01-02');
    expect(change.patterns).toEqual([{ seq: 5, from: '2027-01-02', to: null, weekdays: null, amount: 90 }]);
  });
});
