import { describe, expect, test } from 'vitest';
import { publicHolidays } from './closures.ts';
import { lunarPeriods } from './korean-holidays.ts';

// The government's announced 설날 and 추석 holidays (인사혁신처 / 우주항공청 월력요항), written out by
// hand rather than computed, with their substitute days (대체공휴일).
const OFFICIAL = {
  2026: { seollal: ['2026-02-16', '2026-02-17', '2026-02-18'], chuseok: ['2026-09-24', '2026-09-25', '2026-09-26'], substitutes: [] },
  2027: { seollal: ['2027-02-06', '2027-02-07', '2027-02-08'], chuseok: ['2027-09-14', '2027-09-15', '2027-09-16'], substitutes: ['2027-02-09'] },
  2028: { seollal: ['2028-01-26', '2028-01-27', '2028-01-28'], chuseok: ['2028-10-02', '2028-10-03', '2028-10-04'], substitutes: ['2028-10-05'] },
} as const;

// Days next to the periods that are working days: the library's 설날 span runs a day late, and a
// Saturday in a period gives no substitute.
const WORKING_DAYS = ['2026-02-19', '2026-09-28', '2027-02-10', '2027-09-17', '2028-01-29', '2028-01-31', '2028-10-06'];

describe('Korean public holidays', () => {
  test.each([2026, 2027, 2028] as const)('설날 and 추석 of %i are the days of the lunar calendar', (year) => {
    expect(lunarPeriods(year).map((p) => p.dates)).toEqual([OFFICIAL[year].seollal, OFFICIAL[year].chuseok]);
  });

  test.each([2026, 2027, 2028] as const)('the holidays of %i hold both three-day periods and their substitute days', (year) => {
    const dates = publicHolidays('KR', year).map((h) => h.date);
    const { seollal, chuseok, substitutes } = OFFICIAL[year];
    expect(dates).toEqual(expect.arrayContaining([...seollal, ...chuseok, ...substitutes]));
    expect(dates.filter((d) => WORKING_DAYS.includes(d))).toEqual([]);
    expect(new Set(dates).size).toBe(dates.length);
  });

  test('the added days carry the holiday names in the language asked', () => {
    const ko = publicHolidays('KR', 2027, 'ko');
    expect(ko.filter((h) => h.date >= '2027-02-06' && h.date <= '2027-02-09').map((h) => h.name)).toEqual(['설날', '설날', '설날', '설날 (대체공휴일)']);
    expect(publicHolidays('KR', 2026, 'en').find((h) => h.date === '2026-09-26')?.name).toBe('Korean Thanksgiving');
  });

  test('other countries keep the library as it is', () => {
    expect(publicHolidays('US', 2027).map((h) => h.date)).toContain('2027-07-05');
  });
});
