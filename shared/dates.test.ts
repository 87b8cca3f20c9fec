import { describe, expect, test } from 'vitest';
import { addDays, daysBetween, isCalendarDate, isTimeZone, localDateTime, nightsOf, todayIn, weekdayOf } from './dates.ts';

describe('SPEC 2.2 dates in the property’s time zone', () => {
  test('asked again and again, each zone reads its own clock to the second, in whatever order', () => {
    const lastSecond = new Date('2026-11-23T14:59:59.900Z');
    const midnight = new Date('2026-11-23T15:00:00.000Z');
    expect(localDateTime('Asia/Seoul', lastSecond)).toBe('2026-11-23T23:59');
    expect(localDateTime('Europe/Berlin', lastSecond)).toBe('2026-11-23T15:59');
    expect(localDateTime('Asia/Seoul', midnight)).toBe('2026-11-24T00:00');
    expect(localDateTime('Asia/Seoul', lastSecond)).toBe('2026-11-23T23:59');
    expect(localDateTime('Europe/Berlin', midnight)).toBe('2026-11-23T16:00');
  });

  test('just after midnight UTC it is already morning tomorrow in Seoul', () => {
    expect(todayIn('Asia/Seoul', new Date('2026-11-24T00:30:00Z'))).toBe('2026-11-24');
    expect(todayIn('Asia/Seoul', new Date('2026-11-23T14:59:00Z'))).toBe('2026-11-23');
    expect(todayIn('Asia/Seoul', new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
  });

  test('just after midnight UTC it is still yesterday in Los Angeles', () => {
    expect(todayIn('America/Los_Angeles', new Date('2026-11-24T00:30:00Z'))).toBe('2026-11-23');
    expect(todayIn('America/Los_Angeles', new Date('2026-11-24T08:00:00Z'))).toBe('2026-11-24');
  });

  test('the 02:00 hour that Los Angeles skips on 2026-03-08 never shows on the property’s clock', () => {
    expect(localDateTime('America/Los_Angeles', new Date('2026-03-08T09:59:00Z'))).toBe('2026-03-08T01:59');
    expect(localDateTime('America/Los_Angeles', new Date('2026-03-08T10:00:00Z'))).toBe('2026-03-08T03:00');
  });

  test('in Los Angeles, today turns over at local midnight on both sides of the 2026-03-08 spring change', () => {
    // That Sunday begins at 08:00 UTC (PST) and the Monday after at 07:00 UTC (PDT).
    const today = (utc: string) => todayIn('America/Los_Angeles', new Date(utc));
    expect(today('2026-03-08T07:59:00Z')).toBe('2026-03-07');
    expect(today('2026-03-08T08:00:00Z')).toBe('2026-03-08');
    expect(today('2026-03-09T06:59:00Z')).toBe('2026-03-08');
    expect(today('2026-03-09T07:00:00Z')).toBe('2026-03-09');
  });

  test('the 01:00 hour that Los Angeles lives twice on 2026-11-01 reads the same both times', () => {
    expect(localDateTime('America/Los_Angeles', new Date('2026-11-01T08:30:00Z'))).toBe('2026-11-01T01:30');
    expect(localDateTime('America/Los_Angeles', new Date('2026-11-01T09:30:00Z'))).toBe('2026-11-01T01:30');
  });

  test('in Los Angeles, today turns over at local midnight on both sides of the 2026-11-01 autumn change', () => {
    // That Sunday begins at 07:00 UTC (PDT) and the Monday after at 08:00 UTC (PST).
    const today = (utc: string) => todayIn('America/Los_Angeles', new Date(utc));
    expect(today('2026-11-01T06:59:00Z')).toBe('2026-10-31');
    expect(today('2026-11-01T07:00:00Z')).toBe('2026-11-01');
    expect(today('2026-11-02T07:59:00Z')).toBe('2026-11-01');
    expect(today('2026-11-02T08:00:00Z')).toBe('2026-11-02');
  });

  test('the 02:00 hour that Berlin skips on 2026-03-29 never shows on the property’s clock', () => {
    expect(localDateTime('Europe/Berlin', new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29T01:59');
    expect(localDateTime('Europe/Berlin', new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29T03:00');
  });

  test('in Berlin, today turns over at local midnight on both sides of the 2026-03-29 spring change', () => {
    // That Sunday begins at 23:00 UTC the day before (CET) and the Monday after at 22:00 UTC (CEST).
    const today = (utc: string) => todayIn('Europe/Berlin', new Date(utc));
    expect(today('2026-03-28T22:59:00Z')).toBe('2026-03-28');
    expect(today('2026-03-28T23:00:00Z')).toBe('2026-03-29');
    expect(today('2026-03-29T21:59:00Z')).toBe('2026-03-29');
    expect(today('2026-03-29T22:00:00Z')).toBe('2026-03-30');
  });

  test('the 02:00 hour that Berlin lives twice on 2026-10-25 reads the same both times', () => {
    expect(localDateTime('Europe/Berlin', new Date('2026-10-25T00:30:00Z'))).toBe('2026-10-25T02:30');
    expect(localDateTime('Europe/Berlin', new Date('2026-10-25T01:30:00Z'))).toBe('2026-10-25T02:30');
  });

  test('in Berlin, today turns over at local midnight on both sides of the 2026-10-25 autumn change', () => {
    // That Sunday begins at 22:00 UTC the day before (CEST) and the Monday after at 23:00 UTC (CET).
    const today = (utc: string) => todayIn('Europe/Berlin', new Date(utc));
    expect(today('2026-10-24T21:59:00Z')).toBe('2026-10-24');
    expect(today('2026-10-24T22:00:00Z')).toBe('2026-10-25');
    expect(today('2026-10-25T22:59:00Z')).toBe('2026-10-25');
    expect(today('2026-10-25T23:00:00Z')).toBe('2026-10-26');
  });

  test('impossible calendar dates are refused', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  test('weekdays count from Sunday = 0, and adding a day crosses into the new year', () => {
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(weekdayOf('2026-11-28')).toBe(6);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  test('only real IANA time zones are accepted', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

/**
 * Runs `body` on a server whose own clock is set to `zone`. Node rereads TZ when it is assigned;
 * the offset check makes sure it did, so these tests cannot pass by running in UTC.
 */
function onServerIn<T>(zone: string, offsetOn20260701: number, body: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = zone;
  try {
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(offsetOn20260701);
    return body();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

// Stay dates carry no time zone (SPEC 2.2), so night arithmetic must not pick one up from the server.
describe('SPEC 2.2 nights are calendar dates, whatever the server’s own time zone', () => {
  test('a stay over the night US clocks fall back (2026-11-01) has one night per date on a Los Angeles server', () => {
    onServerIn('America/Los_Angeles', 420, () => {
      expect(nightsOf('2026-10-31', '2026-11-03')).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
      expect(daysBetween('2026-11-01', '2026-11-02')).toBe(1);
      expect(addDays('2026-11-01', 1)).toBe('2026-11-02');
    });
  });

  test('a stay over the night US clocks spring forward (2026-03-08) has one night per date on a Los Angeles server', () => {
    onServerIn('America/Los_Angeles', 420, () => {
      expect(nightsOf('2026-03-07', '2026-03-10')).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
      expect(daysBetween('2026-03-08', '2026-03-09')).toBe(1);
      expect(addDays('2026-03-09', -1)).toBe('2026-03-08');
    });
  });

  test('stays over both 2026 European clock changes have one night per date on a Berlin server', () => {
    onServerIn('Europe/Berlin', -120, () => {
      expect(nightsOf('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29']);
      expect(nightsOf('2026-10-24', '2026-10-27')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
      expect(weekdayOf('2026-03-29')).toBe(0);
      expect(weekdayOf('2026-10-25')).toBe(0);
    });
  });
});
