// Issue 9: one anonymous client cannot hold a whole hotel: rooms per booking, live holds per client
// and per guest e-mail, a booking horizon, and no links in guest names; on every backend.
import { afterEach, describe, expect, test } from 'vitest';
import { backends, expect400, expectError, json } from '../../test/support/api.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';

// The test clock is 2026-11-24 12:00 in Seoul: 18 months ahead is 2028-05-24.
const stay = { checkIn: '2026-12-10', checkOut: '2026-12-12' };
const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };

interface Hotel {
  id: string;
  key: string;
  roomTypeId: string;
  rateId: string;
}

async function hotel(t: TestApp, units = 20): Promise<Hotel> {
  const p = await t.createProperty();
  const rt = await json(await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units } }));
  const rate = await json(
    await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'none' } } }),
  );
  return { id: p.id, key: p.key, roomTypeId: rt.roomType.id as string, rateId: rate.rate.id as string };
}

function book(
  t: TestApp,
  h: Hotel,
  options: { rooms?: number; email?: string; client?: string; dates?: { checkIn: string; checkOut: string }; headers?: Record<string, string>; guest?: object } = {},
) {
  const body = {
    ...(options.dates ?? stay),
    rooms: Array.from({ length: options.rooms ?? 1 }, () => ({ rateId: h.rateId, adults: 2 })),
    guest: { ...guest, ...(options.email ? { email: options.email } : {}), ...options.guest },
  };
  const headers = { ...(options.client ? { 'x-forwarded-for': options.client } : {}), ...options.headers };
  return t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body, headers });
}

const held = (t: TestApp, h: Hotel, date = stay.checkIn) => t.store.soldFromBookings(h.roomTypeId, date, t.now().toISOString());

describe.each(backends)('abuse limits on %s', (_name, databaseUrl) => {
  let t: TestApp;
  afterEach(() => t.close());

  describe('rooms per booking', () => {
    test('one booking takes at most 4 rooms by default: a fifth is refused with 400 too_many_rooms, and nothing is held', async () => {
      t = await createTestApp({ databaseUrl });
      const h = await hotel(t);
      expect((await book(t, h, { rooms: 4 })).status).toBe(201);
      const refused = await book(t, h, { rooms: 5 });
      expect(await expectError(refused, 400, 'too_many_rooms')).toEqual(['rooms']);
      const quote = await t.request('POST', `/api/v1/public/properties/${h.id}/quotes`, { body: { ...stay, rooms: Array.from({ length: 5 }, () => ({ rateId: h.rateId, adults: 2 })) } });
      await expectError(quote, 400, 'too_many_rooms');
      expect(await held(t, h)).toBe(4);
    });

    test('the owner sets maxRoomsPerBooking from 1 to 20, and the property answers with it', async () => {
      t = await createTestApp({ databaseUrl });
      const h = await hotel(t);
      const property = `/api/v1/properties/${h.id}`;
      expect((await json(await t.request('GET', property, { key: h.key }))).property).toMatchObject({ maxRoomsPerBooking: 4, bookingHorizonMonths: 18 });
      await expect400(await t.request('PATCH', property, { key: h.key, body: { maxRoomsPerBooking: 0 } }), 'maxRoomsPerBooking');
      await expect400(await t.request('PATCH', property, { key: h.key, body: { maxRoomsPerBooking: 21 } }), 'maxRoomsPerBooking');
      await expect400(await t.request('PATCH', property, { key: h.key, body: { maxRoomsPerBooking: 2.5 } }), 'maxRoomsPerBooking');
      const patched = await t.request('PATCH', property, { key: h.key, body: { maxRoomsPerBooking: 6 } });
      expect((await json(patched)).property.maxRoomsPerBooking).toBe(6);
      expect((await book(t, h, { rooms: 6 })).status).toBe(201);
      await t.request('PATCH', property, { key: h.key, body: { maxRoomsPerBooking: 1 } });
      await expectError(await book(t, h, { rooms: 2 }), 400, 'too_many_rooms');
    });

    test('a property created with maxRoomsPerBooking keeps it', async () => {
      t = await createTestApp({ databaseUrl });
      const created = await t.createProperty({ maxRoomsPerBooking: 2, bookingHorizonMonths: 6 });
      expect(created.property).toMatchObject({ maxRoomsPerBooking: 2, bookingHorizonMonths: 6 });
    });
  });

  describe('live holds per client and per e-mail', () => {
    test('one client holds at most HOLDS_PER_CLIENT rooms at a property at a time: the next is 429 too_many_holds naming the client', async () => {
      t = await createTestApp({ databaseUrl, holdsPerClient: 2, trustProxy: { hops: 1 } });
      const h = await hotel(t);
      const other = await hotel(t);
      expect((await book(t, h, { client: '203.0.113.5', email: 'a@example.com' })).status).toBe(201);
      expect((await book(t, h, { client: '203.0.113.5', email: 'b@example.com' })).status).toBe(201);
      const refused = await book(t, h, { client: '203.0.113.5', email: 'c@example.com' });
      expect(await expectError(refused, 429, 'too_many_holds')).toEqual(['client']);
      // Another guest, and the same guest at another property, are not affected.
      expect((await book(t, h, { client: '203.0.113.6', email: 'c@example.com' })).status).toBe(201);
      expect((await book(t, other, { client: '203.0.113.5', email: 'c@example.com' })).status).toBe(201);
      expect(await held(t, h)).toBe(3);
      // Holds that expired hold nothing, so they no longer count.
      t.setNow(new Date(t.now().getTime() + 16 * 60_000));
      expect((await book(t, h, { client: '203.0.113.5', email: 'd@example.com' })).status).toBe(201);
    });

    test('one e-mail holds at most HOLDS_PER_EMAIL at a property, whatever its capitals: the next is 429 naming guest.email', async () => {
      t = await createTestApp({ databaseUrl, holdsPerEmail: 2, trustProxy: { hops: 1 } });
      const h = await hotel(t);
      expect((await book(t, h, { client: '198.51.100.1', email: 'Guest@Example.com' })).status).toBe(201);
      expect((await book(t, h, { client: '198.51.100.2', email: 'guest@example.com' })).status).toBe(201);
      const refused = await book(t, h, { client: '198.51.100.3', email: 'GUEST@EXAMPLE.COM' });
      expect(await expectError(refused, 429, 'too_many_holds')).toEqual(['guest.email']);
      expect((await book(t, h, { client: '198.51.100.3', email: 'someone.else@example.com' })).status).toBe(201);
    });

    test('a confirmed booking is no longer a live hold', async () => {
      t = await createTestApp({ databaseUrl, holdsPerEmail: 1 });
      const h = await hotel(t);
      const first = await json(await book(t, h));
      expect(await t.store.confirmBooking(first.booking.id, t.now().toISOString(), { amountPaid: 0 })).toBe('confirmed');
      expect((await book(t, h)).status).toBe(201);
    });

    test('a replayed request (same Idempotency-Key) answers with its booking even at the limit', async () => {
      t = await createTestApp({ databaseUrl, holdsPerClient: 1 });
      const h = await hotel(t);
      const first = await book(t, h, { headers: { 'idempotency-key': 'one' } });
      expect(first.status).toBe(201);
      const replay = await book(t, h, { headers: { 'idempotency-key': 'one' } });
      expect((await json(replay)).booking.id).toBe((await json(first)).booking.id);
      await expectError(await book(t, h, { headers: { 'idempotency-key': 'two' } }), 429, 'too_many_holds');
    });

    test('a burst of 30 holds from one client and one e-mail at once: exactly HOLDS_PER_CLIENT are taken', async () => {
      t = await createTestApp({ databaseUrl, holdsPerClient: 3, holdsPerEmail: 5 });
      const h = await hotel(t, 100);
      const answers = await Promise.all(Array.from({ length: 30 }, () => book(t, h)));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(3);
      expect(statuses.filter((s) => s === 429)).toHaveLength(27);
      expect(await held(t, h)).toBe(3);
    });

    test('0 lifts both limits', async () => {
      t = await createTestApp({ databaseUrl, holdsPerClient: 0, holdsPerEmail: 0 });
      const h = await hotel(t);
      const answers = await Promise.all(Array.from({ length: 8 }, () => book(t, h)));
      expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    });
  });

  describe('the booking horizon', () => {
    test('a hold in the year 9999 is refused with 400 beyond_horizon on checkOut, and nothing is held', async () => {
      t = await createTestApp({ databaseUrl });
      const h = await hotel(t);
      const refused = await book(t, h, { dates: { checkIn: '9999-12-01', checkOut: '9999-12-03' } });
      expect(await expectError(refused, 400, 'beyond_horizon')).toEqual(['checkOut']);
      expect(await held(t, h, '9999-12-01')).toBe(0);
    });

    test('stays may end on the horizon (18 months from today in the property’s zone), not a day later; availability and quotes agree', async () => {
      t = await createTestApp({ databaseUrl });
      const h = await hotel(t);
      const last = { checkIn: '2028-05-23', checkOut: '2028-05-24' };
      const beyond = { checkIn: '2028-05-24', checkOut: '2028-05-25' };
      const availability = (dates: typeof last) => t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=${dates.checkIn}&checkOut=${dates.checkOut}`);
      const quote = (dates: typeof last) => t.request('POST', `/api/v1/public/properties/${h.id}/quotes`, { body: { ...dates, rooms: [{ rateId: h.rateId, adults: 2 }] } });
      expect((await availability(last)).status).toBe(200);
      expect((await quote(last)).status).toBe(200);
      expect((await book(t, h, { dates: last })).status).toBe(201);
      expect(await expectError(await availability(beyond), 400, 'beyond_horizon')).toEqual(['checkOut']);
      await expectError(await quote(beyond), 400, 'beyond_horizon');
      await expectError(await book(t, h, { dates: beyond }), 400, 'beyond_horizon');
      // The owner can look further ahead.
      await t.request('PATCH', `/api/v1/properties/${h.id}`, { key: h.key, body: { bookingHorizonMonths: 24 } });
      expect((await book(t, h, { dates: beyond })).status).toBe(201);
      await expect400(await t.request('PATCH', `/api/v1/properties/${h.id}`, { key: h.key, body: { bookingHorizonMonths: 0 } }), 'bookingHorizonMonths');
    });
  });

  test('a guest name that is a link is refused with 400 naming the field; initials with dots are a name', async () => {
    t = await createTestApp({ databaseUrl });
    const h = await hotel(t);
    await expect400(await book(t, h, { guest: { firstName: 'Visit https://spam.example' } }), 'guest.firstName');
    await expect400(await book(t, h, { guest: { lastName: 'cheap-pills.com' } }), 'guest.lastName');
    await expect400(await book(t, h, { guest: { lastName: 'www.casino' } }), 'guest.lastName');
    expect((await book(t, h, { guest: { firstName: 'J. R. R.', lastName: 'Tolkien' } })).status).toBe(201);
  });
});
