import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/dates.ts';
import { FeedError, parseFeed, type ParsedFeed, type ParseFeedOptions } from './parse-feed.ts';
import { parseFeedInWorker } from './parse-in-worker.ts';

// The fixtures are dated 2027; this is "today .. today + 18 months" for a sync run on 1 January 2027.
const WINDOW = { from: '2027-01-01', until: '2028-07-01' };
const inParis: ParseFeedOptions = { timezone: 'Europe/Paris', ...WINDOW };

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ical/${name}`, import.meta.url), 'utf8');
const calendar = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//directbook//tests//EN', ...events, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'].join('\r\n');
const dates = (feed: ParsedFeed) => feed.nights.map((night) => night.date);
const datesOf = (feed: ParsedFeed, uid: string) => feed.nights.filter((night) => night.uid === uid).map((night) => night.date);

function feedError(run: () => unknown): FeedError {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}

/** A feed of `count` one-night reservations spread over the window, `bytesEach` about 150. */
function bigFeed(count: number): string {
  const events: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = addDays('2027-01-01', i % 540).replaceAll('-', '');
    events.push(vevent(`UID:${i}-bulk@example.com`, 'DTSTAMP:20270101T000000Z', `DTSTART;VALUE=DATE:${day}`, `DTEND;VALUE=DATE:${day}`, 'SUMMARY:Reserved'));
  }
  return calendar(...events);
}

describe('all-day reservations from Airbnb, Booking.com and VRBO', () => {
  it('an Airbnb reservation blocks its check-in night up to the night before check-out', () => {
    const feed = parseFeed(fixture('airbnb.ics'), inParis);
    expect(datesOf(feed, '1418fb94e984-f2bbb6d4ee51f2ecd8b9e66f3a1b8bb4@airbnb.com')).toEqual(['2027-03-10', '2027-03-11', '2027-03-12', '2027-03-13']);
    expect(feed.nights.find((night) => night.date === '2027-03-10')?.summary).toBe('Reserved');
  });

  it("Airbnb's 'Not available' dates are blocked like reservations", () => {
    const feed = parseFeed(fixture('airbnb.ics'), inParis);
    expect(feed.nights.filter((night) => night.summary === 'Airbnb (Not available)').map((night) => night.date)).toEqual(['2027-04-01', '2027-04-02', '2027-04-03', '2027-04-04']);
  });

  it('a Booking.com closed period blocks every night up to its end date', () => {
    const feed = parseFeed(fixture('booking-com.ics'), inParis);
    expect(datesOf(feed, '1a2b3c@booking.com')).toEqual(['2027-03-15', '2027-03-16', '2027-03-17']);
    expect(datesOf(feed, '7a8b9c@booking.com')).toHaveLength(7);
    expect(feed.nights.every((night) => night.summary === 'CLOSED - Not available')).toBe(true);
  });

  it('a closed day whose end date equals its start date blocks that one night', () => {
    expect(datesOf(parseFeed(fixture('booking-com.ics'), inParis), '4d5e6f@booking.com')).toEqual(['2027-05-01']);
  });

  it('an all-day event without an end date blocks one night', () => {
    const feed = parseFeed(calendar(vevent('UID:no-end@example.com', 'DTSTART;VALUE=DATE:20270920', 'SUMMARY:Blocked')), inParis);
    expect(dates(feed)).toEqual(['2027-09-20']);
  });

  it('a VRBO reservation blocks its nights and names the guest it came from', () => {
    const feed = parseFeed(fixture('vrbo.ics'), { timezone: 'America/New_York', ...WINDOW });
    expect(feed.nights.filter((night) => night.summary === 'Reserved - Jane D').map((night) => night.date)).toEqual(['2027-04-10', '2027-04-11', '2027-04-12', '2027-04-13']);
    expect(feed.events).toBe(3);
  });

  it('all-day dates stay the same dates whatever the time zone of the property', () => {
    const seoul = parseFeed(fixture('airbnb.ics'), { timezone: 'Asia/Seoul', ...WINDOW });
    const honolulu = parseFeed(fixture('airbnb.ics'), { timezone: 'Pacific/Honolulu', ...WINDOW });
    expect(dates(seoul)).toEqual(dates(honolulu));
  });
});

describe('timed events', () => {
  const stay = (tzid: string) => calendar(vevent('UID:timed@example.com', `DTSTART;TZID=${tzid}:20270310T150000`, `DTEND;TZID=${tzid}:20270312T110000`, 'SUMMARY:Reserved'));

  it('a guest arriving in the afternoon and leaving in the morning occupies the nights between', () => {
    const feed = parseFeed(stay('Europe/London'), { timezone: 'Europe/London', ...WINDOW });
    expect(dates(feed)).toEqual(['2027-03-10', '2027-03-11']);
  });

  it("a stay written in London time is counted on a Seoul property's own dates", () => {
    // 15:00 London on the 10th is 00:00 on the 11th in Seoul; 11:00 London on the 12th is 20:00 in Seoul.
    const feed = parseFeed(stay('Europe/London'), { timezone: 'Asia/Seoul', ...WINDOW });
    expect(dates(feed)).toEqual(['2027-03-11']);
  });

  it('a VRBO stay in New York time uses the time zone the feed defines', () => {
    const newYork = parseFeed(fixture('vrbo.ics'), { timezone: 'America/New_York', ...WINDOW });
    expect(newYork.nights.filter((night) => night.summary === 'Reserved - Marco R').map((night) => night.date)).toEqual(['2027-05-20', '2027-05-21', '2027-05-22']);
    // 16:00 EDT on 20 May is 05:00 on the 21st in Seoul, 10:00 EDT on the 23rd is 23:00 there.
    const seoul = parseFeed(fixture('vrbo.ics'), { timezone: 'Asia/Seoul', ...WINDOW });
    expect(seoul.nights.filter((night) => night.summary === 'Reserved - Marco R').map((night) => night.date)).toEqual(['2027-05-21', '2027-05-22']);
  });

  it('a UTC time is placed on the date it is at the property', () => {
    const feed = parseFeed(calendar(vevent('UID:utc@example.com', 'DTSTART:20270501T233000Z', 'DTEND:20270502T010000Z')), { timezone: 'Asia/Seoul', ...WINDOW });
    expect(dates(feed)).toEqual(['2027-05-02']);
  });

  it('a timed event that starts and ends on the same day blocks that night', () => {
    const feed = parseFeed(calendar(vevent('UID:same-day@example.com', 'DTSTART;TZID=Europe/Paris:20270610T100000', 'DTEND;TZID=Europe/Paris:20270610T160000')), inParis);
    expect(dates(feed)).toEqual(['2027-06-10']);
  });

  it('an event ending at midnight does not block the night that begins then', () => {
    const feed = parseFeed(calendar(vevent('UID:midnight@example.com', 'DTSTART:20270610T150000', 'DTEND:20270612T000000')), inParis);
    expect(dates(feed)).toEqual(['2027-06-10', '2027-06-11']);
  });

  it("a floating time (no zone) is read on the property's own clock", () => {
    const feed = parseFeed(calendar(vevent('UID:floating@example.com', 'DTSTART:20270610T230000', 'DTEND:20270611T090000')), { timezone: 'Asia/Seoul', ...WINDOW });
    expect(dates(feed)).toEqual(['2027-06-10']);
  });

  it('a zone given by a Mozilla-style id is read as the IANA zone it names', () => {
    const tzid = '/mozilla.org/20050126_1/America/New_York';
    const feed = parseFeed(calendar(vevent('UID:mozilla@example.com', `DTSTART;TZID=${tzid}:20270610T200000`, `DTEND;TZID=${tzid}:20270611T100000`)), inParis);
    // 20:00 in New York is 02:00 the next morning in Paris.
    expect(dates(feed)).toEqual(['2027-06-11']);
  });

  it("a zone name nobody knows is read on the property's own clock", () => {
    const feed = parseFeed(
      calendar(vevent('UID:unknown-zone@example.com', 'DTSTART;TZID=Eastern Standard Time:20270610T200000', 'DTEND;TZID=Eastern Standard Time:20270612T100000')),
      inParis,
    );
    expect(dates(feed)).toEqual(['2027-06-10', '2027-06-11']);
  });

  it('an event given by its duration ends where the duration says', () => {
    const feed = parseFeed(calendar(vevent('UID:duration@example.com', 'DTSTART;TZID=Europe/Paris:20270610T150000', 'DURATION:P1DT20H')), inParis);
    expect(dates(feed)).toEqual(['2027-06-10', '2027-06-11']);
  });
});

describe('status', () => {
  it('a cancelled reservation blocks nothing and is not counted', () => {
    const feed = parseFeed(fixture('folded-lf.ics'), { timezone: 'Europe/Berlin', ...WINDOW });
    expect(dates(feed)).toEqual(['2027-07-02', '2027-07-03', '2027-07-04']);
    expect(feed.events).toBe(1);
  });

  it('an event marked free (transparent) still blocks its nights, to be safe', () => {
    const feed = parseFeed(calendar(vevent('UID:free@example.com', 'TRANSP:TRANSPARENT', 'DTSTART;VALUE=DATE:20270801', 'DTEND;VALUE=DATE:20270803')), inParis);
    expect(dates(feed)).toEqual(['2027-08-01', '2027-08-02']);
  });
});

describe('recurring events', () => {
  const CLEAN = 'deep-clean-2027@garden-suite.example';

  it('a weekly event blocks each week except the excluded date, and a moved week its new date', () => {
    const feed = parseFeed(fixture('recurring.ics'), inParis);
    const cleaning = feed.nights.filter((night) => night.uid.startsWith(`${CLEAN}#`)).map((night) => night.date);
    expect(cleaning).toEqual(['2027-03-01', '2027-03-08', '2027-03-24', '2027-03-29', '2027-04-05']);
    expect(feed.nights.find((night) => night.date === '2027-03-24')?.summary).toBe('Deep clean (moved to Wednesday)');
  });

  it('each occurrence is named by its event and the date it recurs on', () => {
    const feed = parseFeed(fixture('recurring.ics'), inParis);
    expect(feed.nights.find((night) => night.date === '2027-03-08')?.uid).toBe(`${CLEAN}#2027-03-08`);
    // The moved occurrence keeps the date it was moved from, so a later sync recognises it.
    expect(feed.nights.find((night) => night.date === '2027-03-24')?.uid).toBe(`${CLEAN}#2027-03-22`);
  });

  it('a repeating event without an end stops at the end of the window', () => {
    const feed = parseFeed(fixture('recurring.ics'), inParis);
    const owner = feed.nights.filter((night) => night.summary === "Owner's stay").map((night) => night.date);
    // 18 monthly stays of two nights, less 5 April 2027, which the deep clean starting that day names.
    expect(owner).toHaveLength(35);
    expect(owner[0]).toBe('2027-01-05');
    expect(owner.at(-1)).toBe('2028-06-06');
    expect(feed.events).toBe(5 + 18);
  });

  it('a cancelled occurrence of a repeating event frees its night', () => {
    const feed = parseFeed(
      calendar(
        vevent('UID:weekly@example.com', 'DTSTART:20270902T140000Z', 'DTEND:20270903T090000Z', 'RRULE:FREQ=WEEKLY;COUNT=3'),
        vevent('UID:weekly@example.com', 'RECURRENCE-ID:20270909T140000Z', 'STATUS:CANCELLED', 'DTSTART:20270909T140000Z', 'DTEND:20270910T090000Z'),
      ),
      inParis,
    );
    expect(dates(feed)).toEqual(['2027-09-02', '2027-09-16']);
    expect(feed.nights[0]?.uid).toBe('weekly@example.com#2027-09-02T14:00:00Z');
  });

  it('an occurrence moved into the window from beyond it still blocks', () => {
    const feed = parseFeed(
      calendar(
        vevent('UID:yearly@example.com', 'DTSTART;VALUE=DATE:20270705', 'DTEND;VALUE=DATE:20270706', 'RRULE:FREQ=YEARLY'),
        vevent('UID:yearly@example.com', 'RECURRENCE-ID;VALUE=DATE:20280705', 'DTSTART;VALUE=DATE:20280628', 'DTEND;VALUE=DATE:20280629'),
      ),
      inParis,
    );
    expect(dates(feed)).toEqual(['2027-07-05', '2028-06-28']);
  });

  it('a changed occurrence whose series is missing still blocks its dates', () => {
    const feed = parseFeed(calendar(vevent('UID:orphan@example.com', 'RECURRENCE-ID;VALUE=DATE:20271010', 'DTSTART;VALUE=DATE:20271011', 'DTEND;VALUE=DATE:20271012')), inParis);
    expect(feed.nights).toEqual([{ date: '2027-10-11', uid: 'orphan@example.com#2027-10-10', summary: '' }]);
  });

  it('a repeating event that expands beyond the limit is refused as too many events', () => {
    const daily = calendar(vevent('UID:daily@example.com', 'DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=DAILY'));
    expect(feedError(() => parseFeed(daily, { ...inParis, maxEvents: 100 })).code).toBe('too_many_events');
    expect(parseFeed(daily, { ...inParis, maxEvents: 1000 }).nights).toHaveLength(547);
  });
});

describe('what the feed looks like', () => {
  it('a feed with LF endings and folded lines is read whole', () => {
    const feed = parseFeed(fixture('folded-lf.ics'), { timezone: 'Europe/Berlin', ...WINDOW });
    expect(feed.nights[0]?.summary).toBe('Reserved – Familie Schäfer (2 adults, 2 children) via the channel manager, arriving by late train from München Hauptbahnhof');
  });

  it('a byte-order mark, LF endings and lowercase property names change nothing', () => {
    const original = fixture('airbnb.ics');
    const lowercase = original.replace(/^([A-Z-]+)(;[^:]*)?:/gm, (_match, name: string, params: string | undefined) => `${name.toLowerCase()}${(params ?? '').toLowerCase()}:`);
    const altered = `\uFEFF${lowercase.replaceAll('\r\n', '\n')}`;
    expect(altered).toContain('dtstart;value=date:20270310');
    expect(parseFeed(altered, inParis)).toEqual(parseFeed(original, inParis));
  });

  it('two calendars in one feed are both read', () => {
    const twice = `${calendar(vevent('UID:a@example.com', 'DTSTART;VALUE=DATE:20270301'))}${calendar(vevent('UID:b@example.com', 'DTSTART;VALUE=DATE:20270302'))}`;
    expect(dates(parseFeed(twice, inParis))).toEqual(['2027-03-01', '2027-03-02']);
  });

  it('text that is not a calendar is refused as not iCalendar', () => {
    for (const text of ['', '<!doctype html><title>Sign in</title>', '{"error":"not found"}', 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jane\r\nEND:VCARD\r\n']) {
      expect(feedError(() => parseFeed(text, inParis)).code).toBe('not_icalendar');
    }
  });

  it('a calendar cut short is refused rather than read as fewer bookings', () => {
    const cut = fixture('airbnb.ics').split('END:VEVENT')[0] ?? '';
    expect(feedError(() => parseFeed(cut, inParis)).code).toBe('malformed');
  });

  it('an event with an unreadable date fails the whole feed and names the event', () => {
    const error = feedError(() => parseFeed(calendar(vevent('UID:broken@example.com', 'DTSTART:2027-03-garbage')), inParis));
    expect(error.code).toBe('malformed');
    expect(error.message).toContain('broken@example.com');
  });
});

describe('the window and what the nights say', () => {
  it('events before today or beyond 18 months are ignored and not counted', () => {
    const feed = parseFeed(fixture('airbnb.ics'), inParis);
    expect(feed.events).toBe(4);
    expect(dates(feed).every((date) => date >= WINDOW.from && date < WINDOW.until)).toBe(true);
  });

  it('a stay that began before today blocks only its nights from today', () => {
    const feed = parseFeed(fixture('airbnb.ics'), inParis);
    expect(datesOf(feed, '1418fb94e984-8b2e6f1c9d4a47e3b5c0a9f2e7d1c6b8@airbnb.com')).toEqual(['2027-01-01', '2027-01-02']);
  });

  it('where two events share a night, the one that starts first names it', () => {
    const later = vevent('UID:later@example.com', 'DTSTART;VALUE=DATE:20270312', 'DTEND;VALUE=DATE:20270316', 'SUMMARY:Later');
    const earlier = vevent('UID:earlier@example.com', 'DTSTART;VALUE=DATE:20270310', 'DTEND;VALUE=DATE:20270314', 'SUMMARY:Earlier');
    const feed = parseFeed(calendar(later, earlier), inParis);
    expect(feed.nights.map((night) => `${night.date} ${night.summary}`)).toEqual([
      '2027-03-10 Earlier',
      '2027-03-11 Earlier',
      '2027-03-12 Earlier',
      '2027-03-13 Earlier',
      '2027-03-14 Later',
      '2027-03-15 Later',
    ]);
    expect(feed.events).toBe(2);
  });

  it('nights come sorted by date, one per date, from every source together', () => {
    const all = ['airbnb.ics', 'booking-com.ics', 'vrbo.ics', 'recurring.ics'].map((name) => fixture(name).trim().split(/\r?\n/).slice(1, -1).join('\r\n'));
    const merged = `BEGIN:VCALENDAR\r\n${all.join('\r\n')}\r\nEND:VCALENDAR\r\n`;
    const found = dates(parseFeed(merged, inParis));
    expect(found).toEqual([...new Set(found)].sort());
  });

  it('a summary is cut to 200 characters, and a missing one is empty', () => {
    const feed = parseFeed(
      calendar(vevent('UID:long@example.com', 'DTSTART;VALUE=DATE:20270301', `SUMMARY:${'x'.repeat(300)}`), vevent('UID:none@example.com', 'DTSTART;VALUE=DATE:20270302')),
      inParis,
    );
    expect(feed.nights.map((night) => night.summary.length)).toEqual([200, 0]);
  });
});

describe('large and hostile feeds', () => {
  it('a feed of 100,000 events is refused as too many within two seconds', () => {
    const text = bigFeed(100_000);
    const started = performance.now();
    expect(feedError(() => parseFeed(text, inParis)).code).toBe('too_many_events');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('reading a large feed in a worker keeps the server answering within 100 ms', async () => {
    const text = bigFeed(15_000);
    let last = performance.now();
    let largestGap = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      largestGap = Math.max(largestGap, now - last);
      last = now;
    }, 5);
    try {
      const feed = await parseFeedInWorker(text, inParis);
      expect(feed.events).toBe(15_000);
      expect(feed.nights).toHaveLength(540);
    } finally {
      clearInterval(ticker);
    }
    expect(largestGap).toBeLessThan(100);
  });

  it('a feed read in a worker gives the same nights as one read in place', async () => {
    expect(await parseFeedInWorker(fixture('recurring.ics'), inParis)).toEqual(parseFeed(fixture('recurring.ics'), inParis));
  });

  it('a feed error read in a worker keeps its code', async () => {
    const error: unknown = await parseFeedInWorker('<html>Not found</html>', inParis).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FeedError);
    expect((error as FeedError).code).toBe('not_icalendar');
  });

  it('a calendar whose repeat rule can never come round is stopped and reported as too slow', async () => {
    // ical.js searches for ever for a 31 February.
    const impossible = calendar(vevent('UID:never@example.com', 'DTSTART;VALUE=DATE:20270101', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31'));
    const started = performance.now();
    const error: unknown = await parseFeedInWorker(impossible, { ...inParis, timeoutMs: 1_500 }).catch((caught: unknown) => caught);
    expect((error as FeedError).code).toBe('too_slow');
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
