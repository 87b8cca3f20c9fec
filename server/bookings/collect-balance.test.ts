import { describe, expect, test } from 'vitest';
import { balanceChargeAt } from './collect-balance.ts';

const LONG_AGO = new Date('2026-01-01T00:00:00Z');

describe('balanceChargeAt', () => {
  test('is 09:00 on the property’s clocks, the given days before check-in', () => {
    // Seoul is UTC+9 all year: 09:00 there is midnight UTC.
    expect(balanceChargeAt('2026-12-05', 7, 'Asia/Seoul', LONG_AGO).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(balanceChargeAt('2026-12-05', 0, 'Asia/Seoul', LONG_AGO).toISOString()).toBe('2026-12-05T00:00:00.000Z');
  });

  test('follows a daylight-saving change between the charge day and the days around it', () => {
    // New York springs forward on 8 March 2026: 09:00 is 14:00 UTC the day before, 13:00 UTC that day.
    expect(balanceChargeAt('2026-03-10', 3, 'America/New_York', LONG_AGO).toISOString()).toBe('2026-03-07T14:00:00.000Z');
    expect(balanceChargeAt('2026-03-10', 2, 'America/New_York', LONG_AGO).toISOString()).toBe('2026-03-08T13:00:00.000Z');
  });

  test('a moment already past means at once', () => {
    const now = new Date('2026-12-01T05:00:00Z');
    expect(balanceChargeAt('2026-12-05', 7, 'Asia/Seoul', now)).toEqual(now);
  });
});
