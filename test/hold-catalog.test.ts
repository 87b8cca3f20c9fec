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
