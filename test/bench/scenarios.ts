// The server-side scenarios: availability throughput against the bare-Hono baseline, and booking
// holds under contention with the oversell count read from committed rows.
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../shared/dates.ts';
import { freshSchema } from '../support/test-app.ts';
import { type Committed, committedPostgres, committedSqlite } from './committed.ts';
import { api, availabilityHotel, GUEST, holdsHotel, type HoldsFixture } from './fixtures.ts';
import { burst, type Burst, throughput, type Throughput } from './load.ts';
import { type Child, startDirectbook } from './processes.ts';

export type Backend = 'SQLite' | 'PostgreSQL';

export interface Database {
  backend: Backend;
  env: Record<string, string>;
  /** The SQLite file, or the PostgreSQL URL naming the schema. */
  location: string;
  drop(): Promise<void>;
}

/** A database of its own: a fresh SQLite data folder, or a fresh PostgreSQL schema. */
export async function freshDatabase(backend: Backend, postgresUrl: string | undefined): Promise<Database> {
  const dataDir = mkdtempSync(join(tmpdir(), 'directbook-bench-'));
  if (backend === 'SQLite') {
    return { backend, env: { DATA_DIR: dataDir }, location: join(dataDir, 'directbook.sqlite'), drop: async () => {} };
  }
  const schema = await freshSchema(postgresUrl!);
  return { backend, env: { DATA_DIR: dataDir, DATABASE_URL: schema.url }, location: schema.url, drop: schema.drop };
}

export function serverEnv(db: Database) {
  const adminToken = randomBytes(24).toString('base64url');
  // All load comes from one loopback address and one guest: lift the per-address rate and hold limits.
  return { adminToken, env: { ...db.env, ADMIN_TOKEN: adminToken, RATE_LIMIT_PER_MINUTE: '1000000', HOLDS_PER_CLIENT: '0', HOLDS_PER_EMAIL: '0' } };
}

export interface AvailabilityFixtureReady {
  backend: Backend;
  url: string;
  /** The answer, checked: 10 room types, 30 rates, all offered. */
  sample: unknown;
  distinctPaths: () => string;
  rssIdleMiB: number;
}

/** Creates the 10 room types × 3 rates property and checks one availability answer. */
export async function prepareAvailability(server: Child, adminToken: string, backend: Backend): Promise<AvailabilityFixtureReady> {
  const hotel = await availabilityHotel(server.url, adminToken);
  const sample = await api(server.url, 'GET', hotel.path);
  const offers = sample.roomTypes.flatMap((rt: { rates: { available: boolean }[] }) => rt.rates);
  if (sample.roomTypes.length !== hotel.roomTypes || offers.length !== hotel.rates || !offers.every((r: { available: boolean }) => r.available)) {
    throw new Error(`availability bench: unexpected answer ${JSON.stringify(sample).slice(0, 300)}`);
  }
  await new Promise((r) => setTimeout(r, 500));
  return { backend, url: `${server.url}${hotel.path}`, sample, distinctPaths: hotel.distinctPaths, rssIdleMiB: server.rssMiB() };
}

export interface AvailabilityRun {
  backend: Backend;
  /** The same question from every client, as a burst of widget loads asks it. */
  load: Throughput;
  /** A different question on every request, so no answer can come from a cache. */
  distinct: Throughput;
  rssIdleMiB: number;
  /** After the same-question run. */
  rssAfterMiB: number;
  /** After the different-questions run as well. */
  rssAfterDistinctMiB: number;
  responseBytes: number;
  /** The same answer as a browser receives it, asking for brotli or gzip. */
  sentBytes: { br: number; gzip: number };
}

/** The bytes on the wire for one GET with this Accept-Encoding (Node's fetch would decode them). */
function bytesSent(url: string, acceptEncoding: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

/** Availability for a 3-night stay on 10 room types × 3 rates, through the full server over HTTP. */
export async function availabilityRun(server: Child, ready: AvailabilityFixtureReady, seconds: number): Promise<AvailabilityRun> {
  const load = await throughput(ready.url, { seconds });
  const rssAfterMiB = server.rssMiB();
  const distinct = await throughput(new URL(ready.url).origin, { seconds, path: ready.distinctPaths });
  for (const run of [load, distinct]) {
    if (run.non2xx > 0 || run.errors > 0) throw new Error(`availability bench: ${run.non2xx} non-2xx, ${run.errors} errors`);
  }
  return {
    backend: ready.backend,
    load,
    distinct,
    rssIdleMiB: ready.rssIdleMiB,
    rssAfterMiB,
    rssAfterDistinctMiB: server.rssMiB(),
    responseBytes: Buffer.byteLength(JSON.stringify(ready.sample)),
    sentBytes: { br: await bytesSent(ready.url, 'br'), gzip: await bytesSent(ready.url, 'gzip') },
  };
}

export interface HoldsRun {
  backend: Backend;
  units: number;
  /** Each measured rush, at a hotel of its own, with what the database holds after it. */
  rushes: { burst: Burst; committed: Committed }[];
}

/** How many times the rush is measured: one run of it swings by half on this shared machine. */
const RUSHES = 5;

/**
 * Rushes at hotels of their own before the measured ones. The server's CPU per request over
 * consecutive rushes from its start, measured three times: 868, 568, 400, 408, 412 µs; 1,160, 748,
 * 528, 528, 484 µs; 880, 604, 400, 400, 452 µs. The second rush still pays for warming up (JIT,
 * statements), the third no longer does.
 */
const WARM_UP_RUSHES = 2;

/** One-night bookings for a random one of the hotel's nights. */
function rush(base: string, hotel: HoldsFixture) {
  const url = `${base}/api/v1/public/properties/${hotel.propertyId}/bookings`;
  const body = () => {
    const i = Math.floor(Math.random() * hotel.nights.length);
    const checkIn = hotel.nights[i]!;
    const checkOut = addDays(checkIn, 1);
    return JSON.stringify({ checkIn, checkOut, rooms: [{ rateId: hotel.rateId, adults: 2 }], guest: GUEST });
  };
  return burst(url, body, { connections: 100, amount: 2_500 });
}

/**
 * 100 connections race for 30 nights × 34 units with one-night bookings; count from the database
 * after. The same rush at other hotels of the server goes first (WARM_UP_RUSHES), as the throughput
 * runs' warm-up: a server meets a booking rush already running, not straight from its start (JIT,
 * statements). Then RUSHES measured rushes, each at a fresh hotel.
 */
export async function holdsRun(db: Database): Promise<HoldsRun> {
  const { adminToken, env } = serverEnv(db);
  const server = await startDirectbook(env);
  try {
    for (let i = 0; i < WARM_UP_RUSHES; i++) await rush(server.url, await holdsHotel(server.url, adminToken));
    const rushes: HoldsRun['rushes'] = [];
    let units = 0;
    for (let i = 0; i < RUSHES; i++) {
      const hotel = await holdsHotel(server.url, adminToken);
      units = hotel.units * hotel.nights.length;
      const result = await rush(server.url, hotel);
      const committed = db.backend === 'SQLite' ? committedSqlite(db.location, hotel.roomTypeId, hotel.units) : await committedPostgres(db.location, hotel.roomTypeId, hotel.units);
      const acknowledged = result.statuses.get(201) ?? 0;
      if (acknowledged !== committed.bookings) {
        throw new Error(`holds bench on ${db.backend}: ${acknowledged} bookings acknowledged but ${committed.bookings} committed`);
      }
      rushes.push({ burst: result, committed });
    }
    return { backend: db.backend, units, rushes };
  } finally {
    await server.stop();
  }
}
