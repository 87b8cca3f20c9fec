import { describe, expect, test } from 'vitest';
import { addDays, isCalendarDate, isTimeZone, nightsOf, todayIn, weekdayOf } from './dates.ts';

describe('SPEC 2.2 dates in the property’s time zone', () => {
  test('just after midnight UTC it is already morning tomorrow in Seoul', () => {
    expect(todayIn('Asia/Seoul', new Date('2026-11-24T00:30:00Z'))).toBe('2026-11-24');
    expect(todayIn('Asia/Seoul', new Date('2026-11-23T14:59:00Z'))).toBe('2026-11-23');
    expect(todayIn('Asia/Seoul', new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
  });

  test('just after midnight UTC it is still yesterday in Los Angeles', () => {
    expect(todayIn('America/Los_Angeles', new Date('2026-11-24T00:30:00Z'))).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', new Date('2026-11-24T08:00:00Z'))).toBe('2026-11-24');
  });

  test('a stay across the autumn DST change in Los Angeles has one night per date', () => {
    // DST ends 2026-11-01 in the US: that night is 25 hours long but still one night.
    expect(nightsOf('2026-10-31', '2026-11-03')).toHaveLength(3);
  });

  test('a stay across the spring DST change in Europe has one night per date', () => {
    expect(nightsOf('2027-03-27', '2027-03-29')).toEqual(['2027-03-27', '2027-03-28']);
  });

  test('impossible calendar dates are refused', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  test('weekdays count from Sunday = 0', () => {
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  test('only real IANA time zones are accepted', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
