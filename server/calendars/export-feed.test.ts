import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { blockedRuns, icsText, runUid, writeExportFeed } from './export-feed.ts';

const stamp = new Date('2026-11-24T00:00:00Z');
const feed = (nights: string[], name = 'Test Inn: Double room') => writeExportFeed({ roomTypeId: 'rt_1', name, stamp, runs: blockedRuns(nights) });

/** Every VEVENT as start, end (exclusive) and UID, read back by another library. */
function events(ics: string) {
  return new ICAL.Component(ICAL.parse(ics) as unknown[])
    .getAllSubcomponents('vevent')
    .map((vevent) => new ICAL.Event(vevent))
    .map((e) => ({ start: e.startDate.toString(), end: e.endDate.toString(), uid: e.uid, summary: e.summary }));
}

describe('runs of unavailable nights', () => {
  test('consecutive nights make one run that ends the morning after the last night', () => {
    expect(blockedRuns(['2026-12-10', '2026-12-11', '2026-12-12'])).toEqual([{ first: '2026-12-10', end: '2026-12-13' }]);
  });

  test('a free night between two blocked ones splits them into two runs', () => {
    expect(blockedRuns(['2026-12-10', '2026-12-12'])).toEqual([
      { first: '2026-12-10', end: '2026-12-11' },
      { first: '2026-12-12', end: '2026-12-13' },
    ]);
  });

  test('nights in any order and repeated make the same runs', () => {
    expect(blockedRuns(['2026-12-31', '2027-01-01', '2026-12-30', '2026-12-31'])).toEqual([{ first: '2026-12-30', end: '2027-01-02' }]);
  });

  test('a run crosses the end of a month and of February in a leap year', () => {
    expect(blockedRuns(['2028-02-28', '2028-02-29', '2028-03-01'])).toEqual([{ first: '2028-02-28', end: '2028-03-02' }]);
  });

  test('no nights, no runs', () => {
    expect(blockedRuns([])).toEqual([]);
  });
});

describe('the feed file', () => {
  test('is an RFC 5545 calendar with a product id, version 2.0 and a name', () => {
    const ics = feed([]);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('\r\nPRODID:-//directbook//Availability//EN\r\n');
    expect(ics).toContain('\r\nX-WR-CALNAME:Test Inn: Double room\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(events(ics)).toEqual([]);
  });

  test('has one all-day event per run, ending on the day after its last night', () => {
    const ics = feed(['2026-12-10', '2026-12-11', '2026-12-20']);
    expect(events(ics)).toEqual([
      { start: '2026-12-10', end: '2026-12-12', uid: 'rt_1-2026-12-10@directbook', summary: 'Not available' },
      { start: '2026-12-20', end: '2026-12-21', uid: 'rt_1-2026-12-20@directbook', summary: 'Not available' },
    ]);
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261212\r\n');
    expect(ics).toContain('\r\nDTSTAMP:20261124T000000Z\r\n');
    expect(ics).toContain('\r\nTRANSP:OPAQUE\r\n');
  });

  test('writes the same UID for the same run whenever it is written, and another for another room type', () => {
    expect(feed(['2026-12-10'])).toBe(feed(['2026-12-10']));
    expect(runUid('rt_1', '2026-12-10')).toBe('rt_1-2026-12-10@directbook');
    expect(runUid('rt_2', '2026-12-10')).not.toBe(runUid('rt_1', '2026-12-10'));
  });

  test('ends every line with CRLF and never a bare line feed', () => {
    const ics = feed(['2026-12-10'], 'Ocean view\nsuite');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  test('folds lines longer than 75 octets, counting Hangul as the three bytes it takes in UTF-8', () => {
    const name = `Test Inn: ${'바다 전망 디럭스 더블 룸 '.repeat(8)}`;
    const ics = feed(['2026-12-10'], name);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).toMatch(/\r\n [^\r\n]/);
    const parsed = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    expect(parsed.getFirstPropertyValue('x-wr-calname')).toBe(name);
  });

  test("a room type's name cannot add lines or properties to the calendar", () => {
    const name = 'Double, "sea"; view\r\nBEGIN:VEVENT\nSUMMARY:guest\\';
    const ics = feed([], name);
    expect(ics).not.toContain('\r\nBEGIN:VEVENT');
    expect(ics).not.toContain('\r\nSUMMARY');
    // ical.js hands X- properties back raw, so the escaped text is what it reads.
    const parsed = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    expect(parsed.getFirstPropertyValue('x-wr-calname')).toBe('Double\\, "sea"\\; view\\nBEGIN:VEVENT\\nSUMMARY:guest\\\\');
    expect(events(ics)).toEqual([]);
  });

  test('text escaping follows RFC 5545 and drops control characters', () => {
    expect(icsText('a,b;c\\d\ne\u0007f')).toBe('a\\,b\\;c\\\\d\\nef');
  });
});
