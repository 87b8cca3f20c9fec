// SPEC 2.19 export: each room type has a secret iCal feed that tells Airbnb, Booking.com or VRBO
// which nights cannot be sold here; through the real app, on every backend.
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { addDays, nightsOf, weekdayOf } from '../shared/dates.ts';
import { backends, createRate, createRoomType, expectError, json, type Owner, putClosures, useTestApp } from './support/api.ts';
import type { TestApp } from './support/test-app.ts';

const guest = { firstName: 'Sari', lastName: 'Wijaya', email: 'sari@example.com', phone: '+62 812 0000 0000' };
const CARD = { number: '4242424242424242', expMonth: 12, expYear: 2030, holderName: 'Sari Wijaya' };
// DEFAULT_NOW is 2026-11-24 12:00 in Asia/Seoul; the feed covers 18 months from that day.
const TODAY = '2026-11-24';
const FEED_END = '2028-05-24';

interface FeedEvent {
  start: string;
  end: string;
  uid: string;
  summary: string;
  allDay: boolean;
}

/** Reads the feed back with another iCalendar library than the one that wrote it. */
function readFeed(ics: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return calendar
    .getAllSubcomponents('vevent')
    .map((vevent) => new ICAL.Event(vevent))
    .map((e) => ({ start: e.startDate.toString(), end: e.endDate.toString(), uid: e.uid, summary: e.summary, allDay: e.startDate.isDate && e.endDate.isDate }))
    .sort((a, b) => a.start.localeCompare(b.start));
}

const nightsIn = (events: FeedEvent[]) => events.flatMap((e) => nightsOf(e.start, e.end));

/** A property with one room type of `units` rooms and one rate, as an owner sets it up. */
async function hotel(t: TestApp, units = 2, overrides: Record<string, unknown> = {}) {
  const owner: Owner = await t.createProperty(overrides);
  const roomType = await createRoomType(t, owner, { units });
  const rate = await createRate(t, owner, roomType.id);
  return { owner, roomTypeId: roomType.id as string, rateId: rate.id as string };
}

const icalPath = (owner: Owner, roomTypeId: string) => `/api/v1/properties/${owner.id}/room-types/${roomTypeId}/ical`;

async function feedUrl(t: TestApp, owner: Owner, roomTypeId: string): Promise<string> {
  const res = await t.request('GET', icalPath(owner, roomTypeId), { key: owner.key });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json(res)).url;
}

const fetchFeed = (t: TestApp, url: string, headers: Record<string, string> = {}) => t.request('GET', new URL(url).pathname, { headers });

async function feedText(t: TestApp, url: string): Promise<string> {
  const res = await fetchFeed(t, url);
  expect(res.status, await res.clone().text()).toBe(200);
  return res.text();
}

/** A guest holds `rooms` rooms through the public API (manual mode: pending until a card arrives). */
async function book(t: TestApp, owner: Owner, rateId: string, checkIn: string, checkOut: string, rooms = 1) {
  const res = await t.request('POST', `/api/v1/public/properties/${owner.id}/bookings`, {
    body: { checkIn, checkOut, rooms: Array.from({ length: rooms }, () => ({ rateId, adults: 2 })), guest },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return json(res);
}

describe.each(backends)('iCal export feed on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  test('the owner gets a secret feed URL for a room type, and the same one every time they ask', async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t);
    // Concurrent first requests must agree, or one of them would hand out a URL that never works.
    const first = await Promise.all(Array.from({ length: 5 }, () => feedUrl(t, owner, roomTypeId)));
    expect(new Set(first).size).toBe(1);
    const url = first[0]!;
    expect(url).toMatch(new RegExp(`^http://localhost/ical/${roomTypeId}/[A-Za-z0-9_.-]{43,}\\.ics$`));
    expect(await feedUrl(t, owner, roomTypeId)).toBe(url);
    const res = await t.request('GET', icalPath(owner, roomTypeId), { key: owner.key });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('each room type has a feed of its own', async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t);
    const other = await createRoomType(t, owner, { name: 'Family room' });
    expect(await feedUrl(t, owner, other.id)).not.toBe(await feedUrl(t, owner, roomTypeId));
  });

  test('the feed blocks exactly the nights with no room left or the property closed, one all-day event per run', async () => {
    const t = app();
    const { owner, roomTypeId, rateId } = await hotel(t, 2);
    await putClosures(t, owner, { weekdays: [1] });
    // Thursday and Friday sold out, then Saturday and Sunday, up to the closed Monday: one run of five nights.
    const booked = await book(t, owner, rateId, '2026-12-10', '2026-12-12', 2);
    await book(t, owner, rateId, '2026-12-12', '2026-12-14', 2);
    // One of two rooms taken leaves a night to sell.
    await book(t, owner, rateId, '2026-12-16', '2026-12-18', 1);

    const ics = await feedText(t, await feedUrl(t, owner, roomTypeId));
    const events = readFeed(ics);
    const mondays = nightsOf(TODAY, FEED_END).filter((night) => weekdayOf(night) === 1);
    const expected = [...new Set([...mondays, '2026-12-10', '2026-12-11', '2026-12-12', '2026-12-13'])].sort();
    expect(nightsIn(events)).toEqual(expected);
    // One event per run: two events that touched would be one run written twice.
    for (let i = 1; i < events.length; i++) expect(events[i]!.start > events[i - 1]!.end, `${events[i - 1]!.end} / ${events[i]!.start}`).toBe(true);
    expect(events).toContainEqual({ start: '2026-12-10', end: '2026-12-15', uid: `${roomTypeId}-2026-12-10@directbook`, summary: 'Not available', allDay: true });
    expect(events[0]).toMatchObject({ start: '2026-11-30', end: '2026-12-01' });
    expect(events.at(-1)).toMatchObject({ start: '2028-05-22', end: '2028-05-23' });
    expect(events.every((e) => e.allDay && e.summary === 'Not available')).toBe(true);
    expect(ics).toContain('\r\nDTSTART;VALUE=DATE:20261210\r\nDTEND;VALUE=DATE:20261215\r\n');

    // What other channels see names no one.
    for (const secret of [guest.firstName, guest.lastName, guest.email, guest.phone, booked.booking.reference, booked.booking.id]) expect(ics).not.toContain(secret);
  });

  test('the feed is a calendar file that calendar apps and channels accept', async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t);
    const res = await fetchFeed(t, await feedUrl(t, owner, roomTypeId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="double-room.ics"');
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//directbook//Availability//EN\r\n')).toBe(true);
    expect(ics).toContain('\r\nX-WR-CALNAME:Test Inn: Double room\r\n');
    expect(readFeed(ics)).toEqual([]);
  });

  test('an unchanged feed keeps its UIDs and answers 304 to a channel that already has it', async () => {
    const t = app();
    const { owner, roomTypeId, rateId } = await hotel(t, 1);
    await book(t, owner, rateId, '2026-12-10', '2026-12-12');
    await book(t, owner, rateId, '2026-12-20', '2026-12-21');
    const url = await feedUrl(t, owner, roomTypeId);

    const first = await fetchFeed(t, url);
    const firstEvents = readFeed(await first.text());
    t.setNow(new Date(t.now().getTime() + 60_000));
    const second = await fetchFeed(t, url);
    expect(readFeed(await second.text()).map((e) => e.uid)).toEqual(firstEvents.map((e) => e.uid));
    expect(firstEvents.map((e) => e.uid)).toEqual([`${roomTypeId}-2026-12-10@directbook`, `${roomTypeId}-2026-12-20@directbook`]);
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[^"]+"$/);
    expect(second.headers.get('etag')).toBe(tag);

    const revalidated = await fetchFeed(t, url, { 'if-none-match': tag! });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe('');
    expect(revalidated.headers.get('etag')).toBe(tag);
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=300');

    // A new booking changes the feed, so the copy the channel holds is no longer current.
    await book(t, owner, rateId, '2026-12-24', '2026-12-25');
    const changed = await fetchFeed(t, url, { 'if-none-match': tag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(tag);
    expect(nightsIn(readFeed(await changed.text()))).toEqual(['2026-12-10', '2026-12-11', '2026-12-20', '2026-12-24']);
  });

  test('rotating the URL stops the old one at once and the new one works', async () => {
    const t = app();
    const { owner, roomTypeId, rateId } = await hotel(t, 1);
    await book(t, owner, rateId, '2026-12-10', '2026-12-11');
    const old = await feedUrl(t, owner, roomTypeId);
    const rotated = await t.request('POST', `${icalPath(owner, roomTypeId)}/rotate`, { key: owner.key });
    expect(rotated.status).toBe(200);
    const { url } = await json(rotated);
    expect(url).not.toBe(old);
    expect(url).toMatch(new RegExp(`^http://localhost/ical/${roomTypeId}/[A-Za-z0-9_.-]{43,}\\.ics$`));
    await expectError(await fetchFeed(t, old), 404, 'not_found');
    expect(nightsIn(readFeed(await feedText(t, url)))).toEqual(['2026-12-10']);
    expect(await feedUrl(t, owner, roomTypeId)).toBe(url);
  });

  test('a wrong token, a missing one or a path without .ics finds no calendar', async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t);
    const other = await createRoomType(t, owner, { name: 'Family room' });
    const url = new URL(await feedUrl(t, owner, roomTypeId));
    const otherUrl = new URL(await feedUrl(t, owner, other.id));
    const token = url.pathname.split('/')[3]!.replace(/\.ics$/, '');
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    for (const path of [
      `/ical/${roomTypeId}/${flipped}.ics`,
      `/ical/${roomTypeId}/${token.slice(0, -1)}.ics`,
      `/ical/${roomTypeId}/${token}`,
      `/ical/${roomTypeId}/${token}.ical`,
      `/ical/${roomTypeId}/.ics`,
      `/ical/${roomTypeId}/${otherUrl.pathname.split('/')[3]}`,
      `/ical/rt_unknown/${token}.ics`,
      `/ical/${roomTypeId}`,
    ]) {
      await expectError(await t.request('GET', path), 404);
    }
    expect((await t.request('GET', url.pathname)).status).toBe(200);
  });

  test("another property's key can neither read nor rotate a room type's URL", async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t);
    const intruder: Owner = await t.createProperty({ name: 'Other Inn' });
    const url = await feedUrl(t, owner, roomTypeId);
    await expectError(await t.request('GET', icalPath(owner, roomTypeId), { key: intruder.key }), 404);
    await expectError(await t.request('POST', `${icalPath(owner, roomTypeId)}/rotate`, { key: intruder.key }), 404);
    await expectError(await t.request('GET', icalPath(intruder, roomTypeId), { key: intruder.key }), 404);
    await expectError(await t.request('POST', `${icalPath(intruder, roomTypeId)}/rotate`, { key: intruder.key }), 404);
    expect((await t.request('GET', icalPath(owner, roomTypeId))).status).toBe(401);
    expect(await feedUrl(t, owner, roomTypeId)).toBe(url);
    expect((await fetchFeed(t, url)).status).toBe(200);
  });

  test('an unknown room type has no feed, and an archived one stops publishing its feed', async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t);
    await expectError(await t.request('GET', icalPath(owner, 'rt_unknown'), { key: owner.key }), 404);
    await expectError(await t.request('POST', `${icalPath(owner, 'rt_unknown')}/rotate`, { key: owner.key }), 404);
    const url = await feedUrl(t, owner, roomTypeId);
    expect((await t.request('DELETE', `/api/v1/properties/${owner.id}/room-types/${roomTypeId}`, { key: owner.key })).status).toBe(204);
    await expectError(await fetchFeed(t, url), 404);
    await expectError(await t.request('GET', icalPath(owner, roomTypeId), { key: owner.key }), 404);
  });

  test('a hold that expired is not in the feed, while a booking the guest finished stays', async () => {
    const t = app();
    const { owner, roomTypeId, rateId } = await hotel(t, 1);
    const finished = await book(t, owner, rateId, '2026-12-10', '2026-12-11');
    const card = await t.request('POST', `/api/v1/public/bookings/${finished.booking.id}/card`, { key: finished.clientToken, body: CARD });
    expect(card.status, await card.clone().text()).toBe(200);
    await book(t, owner, rateId, '2026-12-20', '2026-12-22');
    const url = await feedUrl(t, owner, roomTypeId);
    expect(nightsIn(readFeed(await feedText(t, url)))).toEqual(['2026-12-10', '2026-12-20', '2026-12-21']);

    t.setNow(new Date(t.now().getTime() + 16 * 60_000));
    expect(nightsIn(readFeed(await feedText(t, url)))).toEqual(['2026-12-10']);
  });

  test('nights another channel has taken are passed on to the others', async () => {
    const t = app();
    const { owner, roomTypeId } = await hotel(t, 1);
    const now = t.now().toISOString();
    await t.store.createCalendar({ id: 'cal_airbnb', propertyId: owner.id, roomTypeId, name: 'Airbnb', url: 'https://airbnb.example/ical.ics', createdAt: now, nextSyncAt: now });
    const nights = ['2026-12-24', '2026-12-25'].map((date) => ({ date, uid: 'HMABC123@airbnb.com', summary: 'Reserved' }));
    await t.store.applyCalendarSync('cal_airbnb', { nights, events: 1, now, nextSyncAt: now });
    const ics = await feedText(t, await feedUrl(t, owner, roomTypeId));
    expect(readFeed(ics)).toEqual([{ start: '2026-12-24', end: '2026-12-26', uid: `${roomTypeId}-2026-12-24@directbook`, summary: 'Not available', allDay: true }]);
    // The other channel's own words and identifiers stay out of the feed.
    expect(ics).not.toContain('HMABC123');
    expect(ics).not.toContain('Reserved');
  });

  test("the feed starts on today's date where the property is and runs eighteen months ahead", async () => {
    const t = app();
    // At DEFAULT_NOW it is still Monday 23 November in Los Angeles; closed every day, the property has one long block.
    const { owner, roomTypeId } = await hotel(t, 2, { timezone: 'America/Los_Angeles' });
    await putClosures(t, owner, { weekdays: [0, 1, 2, 3, 4, 5, 6] });
    const events = readFeed(await feedText(t, await feedUrl(t, owner, roomTypeId)));
    expect(events.map(({ start, end }) => ({ start, end }))).toEqual([{ start: '2026-11-23', end: '2028-05-23' }]);
    expect(addDays(events[0]!.end, 1)).toBe('2028-05-24');
  });
});
