// Issue 13: a hold prices from a catalog kept per property version, and a rate counts its total
// only while it has a total cap; on every backend, with a second instance on the same database.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backends, type OneRateHotel, twoInstancesWithOneRate } from './support/api.ts';
import type { TestApp } from './support/test-app.ts';

const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };
const night = (day: number) => ({ checkIn: `2026-12-${String(day).padStart(2, '0')}`, checkOut: `2026-12-${String(day + 1).padStart(2, '0')}` });

describe.each(backends)('holds and the catalog on %s', (_name, databaseUrl) => {
  let first: TestApp;
  let second: TestApp;
  let h: OneRateHotel;
  beforeEach(async () => {
    ({ first, second, hotel: h } = await twoInstancesWithOneRate(databaseUrl, 20));
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  const book = (app: TestApp, day: number) => app.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...night(day), rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
  const patchRate = (app: TestApp, body: object) => app.request('PATCH', `/api/v1/properties/${h.id}/rates/${h.rateId}`, { key: h.key, body });

  test('a price changed through another instance prices the very next hold', async () => {
    expect((await (await book(first, 10)).json()).booking.total).toBe(10_000);
    expect((await patchRate(second, { nightlyPrice: 12_500 })).status).toBe(200);
    const res = await book(first, 10);
    expect(res.status).toBe(201);
    expect((await res.json()).booking.total).toBe(12_500);
  });

  test('holds arriving all at once at two properties each price from their own property’s current catalog', async () => {
    const other = await first.createProperty();
    const rt = await (await first.request('POST', `/api/v1/properties/${other.id}/room-types`, { key: other.key, body: { name: 'Twin', maxGuests: 2, units: 20 } })).json();
    const rate = await (
      await first.request('POST', `/api/v1/properties/${other.id}/rates`, {
        key: other.key,
        body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'none' } },
      })
    ).json();
    const bookOther = () => first.request('POST', `/api/v1/public/properties/${other.id}/bookings`, { body: { ...night(12), rooms: [{ rateId: rate.rate.id, adults: 2 }], guest } });
    expect((await book(first, 12)).status).toBe(201);
    expect((await bookOther()).status).toBe(201);
    expect((await patchRate(second, { nightlyPrice: 12_500 })).status).toBe(200);
    const missing = first.request('POST', '/api/v1/public/properties/prop_missing/bookings', { body: { ...night(12), rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    const answers = await Promise.all([book(first, 12), bookOther(), missing, book(first, 12)]);
    expect(answers.map((res) => res.status)).toEqual([201, 201, 404, 201]);
    const totals = await Promise.all(answers.filter((res) => res.status === 201).map(async (res) => (await res.json()).booking.total));
    expect(totals).toEqual([12_500, 10_000, 12_500]);
  });

  test('a property paused through another instance takes no hold on this one', async () => {
    expect((await book(first, 11)).status).toBe(201);
    expect((await second.request('PATCH', `/api/v1/properties/${h.id}`, { key: h.key, body: { status: 'paused' } })).status).toBe(200);
    const res = await book(first, 11);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('property_paused');
  });

  test('a total cap set after bookings were made counts them', async () => {
    for (const day of [1, 2, 3]) expect((await book(first, day)).status).toBe(201);
    expect((await patchRate(second, { maxRoomsTotal: 4 })).status).toBe(200);
    expect((await book(first, 4)).status).toBe(201);
    const refused = await book(first, 5);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('sold_out');
  });
});
