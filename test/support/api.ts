// Shared by the route tests: the databases to run on, one test app per describe block, and
// small builders that go through the owner API like a real owner would.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from './test-app.ts';

/** SQLite always; PostgreSQL too when DATABASE_URL names one. */
export const backends: Array<[name: string, databaseUrl: string | undefined]> = [
  ['SQLite', undefined],
  ...(process.env.DATABASE_URL ? [['PostgreSQL', process.env.DATABASE_URL] as [string, string]] : []),
];

/** The fake clock's default: 2026-11-24 12:00 in Asia/Seoul, a Tuesday. */
export const DEFAULT_NOW = '2026-11-24T03:00:00Z';

/** One app (and database) for the enclosing describe block; the clock is reset after each test. */
export function useTestApp(databaseUrl: string | undefined): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl, now: DEFAULT_NOW });
  });
  afterEach(() => t?.setNow(DEFAULT_NOW));
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('The test app is not ready yet');
    return t;
  };
}

/**
 * Two instances on one database (on SQLite a file of its own, which both open), and a property
 * with one room type of `units` and one rate on it, made through the first.
 */
export async function twoInstancesWithOneRate(databaseUrl: string | undefined, units: number) {
  const first = await createTestApp(databaseUrl ? { databaseUrl } : { sqlitePath: join(mkdtempSync(join(tmpdir(), 'directbook-two-')), 'db.sqlite') });
  const second = await createTestApp({ sameDatabaseAs: first });
  const p = await first.createProperty();
  const rt = await (await first.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units } })).json();
  const rate = await (
    await first.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'none' } } })
  ).json();
  return { first, second, hotel: { id: p.id, key: p.key, rateId: rate.rate.id as string, roomTypeId: rt.roomType.id as string } };
}

export type OneRateHotel = Awaited<ReturnType<typeof twoInstancesWithOneRate>>['hotel'];

export type Json = Record<string, any>;

export async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

/** Asserts our error shape and status, and returns the paths the details name. */
export async function expectError(res: Response, status: number, code?: string): Promise<string[]> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = JSON.parse(text) as { error: { code: string; message: string; details?: Array<{ path: string; message: string }> } };
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  if (code) expect(body.error.code).toBe(code);
  for (const detail of body.error.details ?? []) {
    expect(typeof detail.path).toBe('string');
    expect(detail.message.length).toBeGreaterThan(0);
  }
  return (body.error.details ?? []).map((d) => d.path);
}

/** A 400 whose details name `path`. */
export async function expect400(res: Response, path: string): Promise<void> {
  const paths = await expectError(res, 400);
  expect(paths).toContain(path);
}

export interface Owner {
  id: string;
  key: string;
  property: Json;
}

const base = (owner: Owner) => `/api/v1/properties/${owner.id}`;

export async function createRoomType(t: TestApp, owner: Owner, overrides: Json = {}): Promise<Json> {
  const res = await t.request('POST', `${base(owner)}/room-types`, {
    key: owner.key,
    body: { name: 'Double room', maxGuests: 2, units: 3, ...overrides },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)).roomType;
}

export async function createRate(t: TestApp, owner: Owner, roomTypeId: string, overrides: Json = {}): Promise<Json> {
  const res = await t.request('POST', `${base(owner)}/rates`, {
    key: owner.key,
    body: { roomTypeId, name: 'Standard', nightlyPrice: 10_000, deposit: { type: 'none' }, ...overrides },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)).rate;
}

export async function createExtra(t: TestApp, owner: Owner, overrides: Json = {}): Promise<Json> {
  const res = await t.request('POST', `${base(owner)}/extras`, {
    key: owner.key,
    body: { name: 'Breakfast', price: 1_500, per: 'guest_night', ...overrides },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)).extra;
}

export async function putClosures(t: TestApp, owner: Owner, closures: Json): Promise<void> {
  const res = await t.request('PUT', `${base(owner)}/closures`, { key: owner.key, body: closures });
  expect(res.status, await res.clone().text()).toBe(200);
}

export async function putPrices(t: TestApp, owner: Owner, rateId: string, prices: Json[]): Promise<void> {
  const res = await t.request('PUT', `${base(owner)}/rates/${rateId}/prices`, { key: owner.key, body: { prices } });
  expect(res.status, await res.clone().text()).toBe(200);
}

/** GETs an owner resource and returns its JSON, asserting 200. */
export async function ownerGet(t: TestApp, owner: Owner, path: string): Promise<Json> {
  const res = await t.request('GET', `${base(owner)}${path}`, { key: owner.key });
  expect(res.status, await res.clone().text()).toBe(200);
  return json(res);
}
