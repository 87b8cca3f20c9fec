// SPEC 2.19 import: calendars from other channels, served by a local HTTP server as their
// platforms publish them, hold their nights through the same inventory as bookings.
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { addDays, nightsOf } from '../shared/dates.ts';
import { SYNC_WINDOW_DAYS, syncCalendar, syncDueCalendars } from '../server/bookings/sync-calendar.ts';
import { parseFeed } from '../server/calendars/parse-feed.ts';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { backends, type Json } from './support/api.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const NOW = '2026-11-24T03:00:00Z';
const guest = { firstName: 'Hana', lastName: 'Kim', email: 'hana@example.com' };

/** A calendar as Airbnb publishes it: all-day events, CRLF lines. */
function allDay(events: { uid: string; from: string; to: string; summary?: string; extra?: string[] }[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN', 'CALSCALE:GREGORIAN'];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      'DTSTAMP:20261120T100000Z',
      `DTSTART;VALUE=DATE:${e.from.replaceAll('-', '')}`,
      `DTEND;VALUE=DATE:${e.to.replaceAll('-', '')}`,
      `UID:${e.uid}`,
      `SUMMARY:${e.summary ?? 'Reserved'}`,
      ...(e.extra ?? []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

describe.each(backends)('imported calendars on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let second: TestApp;
  let sent: OutgoingMail[];
  const feeds = new Map<string, { status?: number; body: string | Buffer }>();
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const feed = feeds.get(req.url ?? '');
      res.writeHead(feed?.status ?? (feed ? 200 : 404), { 'content-type': 'text/calendar; charset=utf-8' });
      res.end(feed?.body ?? 'not found');
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    sent = [];
    t = await createTestApp({ databaseUrl, now: NOW, mailTransport: { send: async (m) => void sent.push(m) } });
    second = await createTestApp({ sameDatabaseAs: t, now: NOW });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
    server?.close();
  });
  beforeEach(() => {
    t.setNow(NOW);
    second.setNow(NOW);
    sent.length = 0;
  });

  async function hotel(units = 1) {
    const p = await t.createProperty({ paymentMode: 'manual', email: 'owner@pension.example' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Ocean view', maxGuests: 2, units } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Standard', nightlyPrice: 90_000, deposit: { type: 'none' } } })
    ).json();
    return { id: p.id, key: p.key, roomTypeId: rt.roomType.id as string, rateId: rate.rate.id as string };
  }
  type Hotel = Awaited<ReturnType<typeof hotel>>;

  const calendarsOf = (h: Hotel) => `/api/v1/properties/${h.id}/room-types/${h.roomTypeId}/calendars`;

  async function addCalendar(h: Hotel, path: string, body: string, name = 'Airbnb') {
    feeds.set(path, { body });
    const res = await t.request('POST', calendarsOf(h), { key: h.key, body: { name, url: `${base}${path}` } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as Json;
  }

  const syncNow = (h: Hotel, calendarId: string) => t.request('POST', `${calendarsOf(h)}/${calendarId}/sync`, { key: h.key });

  async function offered(h: Hotel, checkIn: string, checkOut: string): Promise<boolean> {
    const res = await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`);
    const body = (await res.json()) as Json;
    return body.roomTypes[0].rates[0].available as boolean;
  }

  /** The per-night counters equal what live bookings and imported calendars hold. */
  async function expectCountersTrue(h: Hotel, from: string, to: string) {
    const counted = await t.store.roomTypeSold([h.roomTypeId], from, to);
    for (const date of nightsOf(from, to)) {
      const counter = counted.find((n) => n.date === date)?.sold ?? 0;
      expect({ date, counter }).toEqual({ date, counter: await t.store.soldFromBookings(h.roomTypeId, date, t.now().toISOString()) });
    }
  }

  test('an Airbnb reservation holds its nights at once, and the widget no longer offers them', async () => {
    const h = await hotel(1);
    const { calendar, sync } = await addCalendar(h, '/a1.ics', allDay([{ uid: 'abc@airbnb.com', from: '2026-12-10', to: '2026-12-13' }]));
    expect(sync).toMatchObject({ ok: true, events: 1, blocked: 3, released: 0, conflicts: 0 });
    expect(calendar).toMatchObject({ name: 'Airbnb', events: 1, blocked: 3, lastError: null, conflicts: [] });
    expect(await offered(h, '2026-12-10', '2026-12-11')).toBe(false);
    expect(await offered(h, '2026-12-12', '2026-12-13')).toBe(false);
    expect(await offered(h, '2026-12-13', '2026-12-14')).toBe(true);
    await expectCountersTrue(h, '2026-12-09', '2026-12-14');
  });

  test('nights whose event left the feed are given back on the next sync', async () => {
    const h = await hotel(1);
    const { calendar } = await addCalendar(h, '/a2.ics', allDay([{ uid: 'a@airbnb.com', from: '2026-12-10', to: '2026-12-12' }]));
    feeds.set('/a2.ics', { body: allDay([{ uid: 'b@airbnb.com', from: '2026-12-11', to: '2026-12-13' }]) });
    const res = await syncNow(h, calendar.id);
    expect(await res.json()).toEqual({ events: 1, blocked: 2, released: 1, conflicts: 0 });
    expect(await offered(h, '2026-12-10', '2026-12-11')).toBe(true);
    expect(await offered(h, '2026-12-12', '2026-12-13')).toBe(false);
    await expectCountersTrue(h, '2026-12-09', '2026-12-14');
  });

  test('a weekly recurring block holds every occurrence but the excluded one', async () => {
    const h = await hotel(1);
    // Every Monday night from 2026-12-07, four times, except 2026-12-14.
    const body = allDay([{ uid: 'weekly@owner', from: '2026-12-07', to: '2026-12-08', summary: 'Closed', extra: ['RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;VALUE=DATE:20261214'] }]);
    const { sync } = await addCalendar(h, '/weekly.ics', body, 'Owner blocks');
    expect(sync).toMatchObject({ ok: true, blocked: 3 });
    const held = (d: string) => offered(h, d, addDays(d, 1)).then((free) => !free);
    expect(await Promise.all(['2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'].map(held))).toEqual([true, false, true, true]);
  });

  test('a timed stay in another time zone holds the nights it covers in the property’s own time zone', async () => {
    const h = await hotel(1);
    // 15:00 in New York on 12 Dec is 05:00 on 13 Dec in Seoul; 11:00 on 15 Dec is 01:00 on 16 Dec.
    const body = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//HomeAway.com, Inc.//EN',
      'BEGIN:VEVENT',
      'UID:vrbo-1@homeaway.com',
      'DTSTAMP:20261120T100000Z',
      'DTSTART;TZID=America/New_York:20261212T150000',
      'DTEND;TZID=America/New_York:20261215T110000',
      'SUMMARY:Reserved - Jane D',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
    const { calendar } = await addCalendar(h, '/vrbo-timed.ics', body, 'VRBO');
    const blocked = (await t.store.roomTypeSold([h.roomTypeId], '2026-12-10', '2026-12-20')).filter((n) => n.sold > 0).map((n) => n.date);
    expect(blocked).toEqual(['2026-12-13', '2026-12-14', '2026-12-15']);
    expect(calendar.blocked).toBe(3);
  });

  test('a night already sold here is a conflict, named with the booking, and the owner is told once', async () => {
    const h = await hotel(1);
    const booked = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, {
      body: { checkIn: '2026-12-20', checkOut: '2026-12-21', rooms: [{ rateId: h.rateId, adults: 2 }], guest },
    });
    const booking = ((await booked.json()) as Json).booking;
    const { calendar, sync } = await addCalendar(
      h,
      '/c1.ics',
      allDay([{ uid: 'clash@booking.com', from: '2026-12-19', to: '2026-12-21', summary: 'CLOSED - Not available' }]),
      'Booking.com',
    );
    expect(sync).toMatchObject({ ok: true, blocked: 1, conflicts: 1 });
    expect(calendar.conflicts).toEqual([{ date: '2026-12-20', uid: 'clash@booking.com', summary: 'CLOSED - Not available', bookingId: booking.id, foundAt: expect.any(String) }]);
    expect((await syncNow(h, calendar.id)).status).toBe(200);
    expect((await syncNow(h, calendar.id)).status).toBe(200);
    await t.deliverMail();
    const told = sent.filter((m) => m.to === 'owner@pension.example' && m.subject.includes('Booking.com'));
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain(booking.id);
    await expectCountersTrue(h, '2026-12-18', '2026-12-22');
  });

  test('a feed that cannot be read keeps the last good nights and says why on its record', async () => {
    const h = await hotel(1);
    const { calendar } = await addCalendar(h, '/flaky.ics', allDay([{ uid: 'x@airbnb.com', from: '2026-12-10', to: '2026-12-12' }]));
    for (const [feed, reason] of [
      [{ status: 500, body: 'oops' }, /answered 500/],
      [{ body: '<html>Sign in</html>' }, /iCalendar/i],
      [{ body: Buffer.alloc(2 * 1024 * 1024 + 1, 'A') }, /2 MB/],
    ] as const) {
      feeds.set('/flaky.ics', feed);
      const res = await syncNow(h, calendar.id);
      expect(res.status).toBe(502);
      const record = ((await (await t.request('GET', `${calendarsOf(h)}/${calendar.id}`, { key: h.key })).json()) as Json).calendar;
      expect(record.lastError).toMatch(reason);
      expect(record.blocked).toBe(2);
      expect(await offered(h, '2026-12-10', '2026-12-11')).toBe(false);
    }
  });

  test('a calendar URL that is not https, or points into a private network, is refused with 400 and nothing is added', async () => {
    const h = await hotel(1);
    for (const url of ['ftp://calendar.example/a.ics', 'http://calendar.example/a.ics', 'https://10.0.0.8/a.ics', 'https://[fd00::1]/a.ics', 'not a url']) {
      const res = await t.request('POST', calendarsOf(h), { key: h.key, body: { name: 'Bad', url } });
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as Json).error.details[0].path).toBe('url');
    }
    expect(((await (await t.request('GET', calendarsOf(h), { key: h.key })).json()) as Json).calendars).toEqual([]);
  });

  test('two instances syncing the same calendar at once hold each night once', async () => {
    const h = await hotel(3);
    const { calendar } = await addCalendar(h, '/shared.ics', allDay([{ uid: 's@airbnb.com', from: '2026-12-10', to: '2026-12-14' }]));
    feeds.set('/shared.ics', { body: allDay([{ uid: 's2@airbnb.com', from: '2026-12-12', to: '2026-12-16' }]) });
    const later = new Date(t.now().getTime() + 16 * 60_000);
    t.setNow(later);
    second.setNow(later);
    const record = (await t.store.getCalendar(h.id, calendar.id))!;
    // The scheduled rounds of both instances, and two syncs that skip the claim: the store alone must keep it right.
    await Promise.all([syncDueCalendars(t.deps), syncDueCalendars(second.deps), syncCalendar(t.deps, record), syncCalendar(second.deps, record)]);
    const sold = await t.store.roomTypeSold([h.roomTypeId], '2026-12-09', '2026-12-17');
    expect(sold.filter((n) => n.sold > 0).map((n) => [n.date, n.sold])).toEqual([
      ['2026-12-12', 1],
      ['2026-12-13', 1],
      ['2026-12-14', 1],
      ['2026-12-15', 1],
    ]);
    await expectCountersTrue(h, '2026-12-09', '2026-12-17');
  });

  test('removing a calendar gives back every night it held', async () => {
    const h = await hotel(1);
    const { calendar } = await addCalendar(h, '/gone.ics', allDay([{ uid: 'g@airbnb.com', from: '2026-12-10', to: '2026-12-12' }]));
    expect((await t.request('DELETE', `${calendarsOf(h)}/${calendar.id}`, { key: h.key })).status).toBe(204);
    expect(await offered(h, '2026-12-10', '2026-12-12')).toBe(true);
    expect((await t.request('GET', `${calendarsOf(h)}/${calendar.id}`, { key: h.key })).status).toBe(404);
    await expectCountersTrue(h, '2026-12-09', '2026-12-13');
  });

  test('the server keeps answering within 100 ms while it parses a large feed', async () => {
    const h = await hotel(1);
    const events = Array.from({ length: 12_000 }, (_, i) => ({ uid: `${i}@big`, from: addDays('2026-12-01', i % 500), to: addDays('2026-12-01', (i % 500) + 1) }));
    const body = allDay(events);
    expect(body.length).toBeLessThan(2 * 1024 * 1024);
    const { calendar } = await addCalendar(h, '/big.ics', allDay([]));
    feeds.set('/big.ics', { body });
    const syncing = syncNow(h, calendar.id);
    let done = false;
    void syncing.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const started = performance.now();
      expect((await t.request('GET', '/health')).status).toBe(200);
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect((await syncing).status).toBe(200);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });

  test.each(['airbnb.ics', 'booking-com.ics', 'vrbo.ics'])('the %s fixture, as that platform publishes it, holds exactly the nights its events cover', async (file) => {
    const h = await hotel(5);
    const text = readFileSync(`test/fixtures/ical/${file}`, 'utf8');
    const { sync, calendar } = await addCalendar(h, `/fixture-${file}`, text);
    const expected = parseFeed(text, { timezone: 'Asia/Seoul', from: '2026-11-24', until: addDays('2026-11-24', SYNC_WINDOW_DAYS) });
    expect(sync).toMatchObject({ ok: true, events: expected.events, blocked: expected.nights.length });
    expect(calendar.blocked).toBeGreaterThan(0);
    const held = (await t.store.roomTypeSold([h.roomTypeId], '2026-11-24', '2028-06-01')).filter((n) => n.sold > 0).map((n) => n.date);
    expect(held.sort()).toEqual(expected.nights.map((n) => n.date));
  });
});
