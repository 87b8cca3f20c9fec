import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { percentOf } from './money.ts';

describe('SPEC 2.1 percentages of money', () => {
  test('are rounded half-up to the minor unit exactly, for everyday amounts and for amounts past 2^53 alike', () => {
    const exact = (amount: number, percent: number) => Number((BigInt(amount) * BigInt(Math.round(percent * 100)) + 5000n) / 10000n);
    const amounts = fc.oneof(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: -1_000_000, max: 0 }), fc.maxSafeInteger());
    const percents = fc.oneof(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100),
    );
    fc.assert(
      fc.property(amounts, percents, (amount, percent) => {
        expect(percentOf(amount, percent)).toBe(exact(amount, percent));
      }),
    );
    expect(percentOf(12_345, 50)).toBe(6_173);
    expect(percentOf(Number.MAX_SAFE_INTEGER, 33.33)).toBe(exact(Number.MAX_SAFE_INTEGER, 33.33));
  });
});
