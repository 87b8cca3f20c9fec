// Issue 13: a hold prices from a catalog kept per property version, and a rate counts its total
// only while it has a total cap; on every backend, with a second instance on the same database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from './support/test-app.ts';

const backends: [string, string | undefined][] = [['SQLite', undefined], ...(process.env.DATABASE_URL ? [['PostgreSQL', process.env.DATABASE_URL] as [string, string]] : [])];

const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };
const night = (day: number) => ({ checkIn: `2026-12-${String(day).padStart(2, '0')}`, checkOut: `2026-12-${String(day + 1).padStart(2, '0')}` });

describe.each(backends)('holds and the catalog on %s', (_name, databaseUrl) => {
  let first: TestApp;
  let second: TestApp;
  let h: { id: string; key: string; rateId: string };
  beforeEach(async () => {
    first = await createTestApp(databaseUrl ? { databaseUrl } : { sqlitePath: join(mkdtempSync(join(tmpdir(), 'directbook-catalog-')), 'db.sqlite') });
    second = await createTestApp({ sameDatabaseAs: first });
    const p = await first.createProperty();
    const rt = await (await first.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units: 20 } })).json();
    const rate = await (
      await first.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'none' } } })
    ).json();
    h = { id: p.id, key: p.key, rateId: rate.rate.id };
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
