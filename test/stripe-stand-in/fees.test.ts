import { expect, test } from 'vitest';
import { feeOn, settle } from './fees.ts';

test('a card charge costs 2.9% rounded half up, plus 30¢ where the currency has cents', () => {
  expect(feeOn(15_000, 'usd')).toBe(465);
  expect(feeOn(1_500, 'usd')).toBe(74); // 43.5¢ rounds up
  expect(feeOn(1_000, 'usd')).toBe(59);
  expect(feeOn(90_000, 'krw')).toBe(2_610);
  expect(feeOn(1_250, 'jpy')).toBe(36); // 36.25 rounds down
  expect(feeOn(10_000, 'bhd')).toBe(590); // three decimals: 30¢ is 300 fils
});

test('an account settling in another currency converts the charge at its exchange rate and takes the fee there', () => {
  expect(settle(10_000, 'eur', { currency: 'usd', exchangeRates: { eur: 1.1 } })).toEqual({ amount: 11_000, currency: 'usd', fee: 349, exchangeRate: 1.1 });
  expect(settle(10_000, 'usd', { currency: 'usd', exchangeRates: {} })).toEqual({ amount: 10_000, currency: 'usd', fee: 320, exchangeRate: null });
  expect(settle(90_000, 'krw')).toEqual({ amount: 90_000, currency: 'krw', fee: 2_610, exchangeRate: null });
});
