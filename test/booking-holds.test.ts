// SPEC 2.7: holds never oversell, expire by data, and honour Idempotency-Key; on every backend.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { backends } from './support/api.ts';

const stay = { checkIn: '2026-12-10', checkOut: '2026-12-12' };
const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };

async function hotel(t: TestApp, units: number) {
  const p = await t.createProperty();
  const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units } })).json();
  const rate = await (
    await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
      key: p.key,
      body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'percentage', percent: 30 } },
    })
  ).json();
  return { ...p, roomTypeId: rt.roomType.id as string, rateId: rate.rate.id as string };
}

const book = (t: TestApp, h: { id: string; rateId: string }, headers: Record<string, string> = {}, extra: object = {}) =>
  t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest, ...extra }, headers });

describe.each(backends)('holds on %s', (_name, databaseUrl) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ databaseUrl });
  });
  afterEach(() => t.close());

  test('500 guests racing for 10 rooms: exactly 10 hold, 490 are told it is sold out, and the rows agree', async () => {
    const h = await hotel(t, 10);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 500 }, () => book(t, h)));
    const ms = performance.now() - started;
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(490);
    for (const date of ['2026-12-10', '2026-12-11']) {
      expect(await t.store.soldFromBookings(h.roomTypeId, date, t.now().toISOString())).toBe(10);
      expect((await t.store.roomTypeSold([h.roomTypeId], date, '2026-12-12')).find((r) => r.date === date)?.sold).toBe(10);
    }
    const body = await answers.find((r) => r.status === 409)!.json();
    expect(body.error.code).toBe('sold_out');
    console.log(`contention ${_name}: 500 attempts, 10 holds, 490 409s in ${ms.toFixed(0)} ms`);
  });

  test('the server prices the stay itself, whatever the guest sends', async () => {
    const h = await hotel(t, 3);
    const res = await book(t, h, {}, { total: 1, depositDue: 0, status: 'confirmed', propertyId: 'other' });
    expect(res.status).toBe(201);
    const { booking, clientToken } = await res.json();
    expect(booking).toMatchObject({ status: 'pending', total: 20_000, depositDue: 6_000, balanceDue: 14_000, propertyId: h.id });
    expect(booking.deposits[0].message).toBe('30% deposit required');
    expect(booking.expiresAt).toBe(new Date(t.now().getTime() + 15 * 60_000).toISOString());
    const read = await t.request('GET', `/api/v1/public/bookings/${booking.id}`, { key: clientToken });
    expect((await read.json()).booking.reference).toBe(booking.reference);
    // A missing token is answered like a wrong one, so no one learns which booking ids exist.
    expect((await t.request('GET', `/api/v1/public/bookings/${booking.id}`)).status).toBe(404);
    expect((await t.request('GET', `/api/v1/public/bookings/${booking.id}`, { key: 'not-the-token' })).status).toBe(404);
  });

  test('an expired hold frees its room for the next guest', async () => {
    const h = await hotel(t, 1);
    expect((await book(t, h)).status).toBe(201);
    expect((await book(t, h)).status).toBe(409);
    t.setNow(new Date(t.now().getTime() + 15 * 60_000 + 1));
    const avail = await (await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}`)).json();
    expect(avail.roomTypes[0].rates[0]).toMatchObject({ available: true, unitsLeft: 1 });
    expect((await book(t, h)).status).toBe(201);
    expect(await t.store.soldFromBookings(h.roomTypeId, stay.checkIn, t.now().toISOString())).toBe(1);
  });

  test('the same Idempotency-Key and body return the same booking; another body is refused', async () => {
    const h = await hotel(t, 5);
    const first = await (await book(t, h, { 'Idempotency-Key': 'checkout-1' })).json();
    const again = await book(t, h, { 'Idempotency-Key': 'checkout-1' });
    expect(again.status).toBe(201);
    const replay = await again.json();
    expect(replay.booking.id).toBe(first.booking.id);
    expect(replay.clientToken).toBe(first.clientToken);
    const other = await book(t, h, { 'Idempotency-Key': 'checkout-1' }, { guest: { ...guest, firstName: 'Jae' } });
    expect(other.status).toBe(409);
    expect((await other.json()).error.code).toBe('idempotency_mismatch');
    expect(await t.store.soldFromBookings(h.roomTypeId, stay.checkIn, t.now().toISOString())).toBe(1);
  });

  test('50 concurrent repeats of one Idempotency-Key make one booking', async () => {
    const h = await hotel(t, 50);
    const answers = await Promise.all(Array.from({ length: 50 }, () => book(t, h, { 'Idempotency-Key': 'double-click' })));
    expect(answers.every((r) => r.status === 201)).toBe(true);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).booking.id)));
    expect(ids.size).toBe(1);
    expect(await t.store.soldFromBookings(h.roomTypeId, stay.checkIn, t.now().toISOString())).toBe(1);
  });
});
