// SPEC 2.7 on the embedded default: a server killed with SIGKILL in the middle of a burst of
// bookings leaves a sound SQLite file that still holds every booking it acknowledged.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { type ServerProcess, startServer } from './server-process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'directbook-crash-'));
const adminToken = randomBytes(24).toString('base64url');
// All guests come from one loopback address: lift the per-address limit for this test.
const env = { DATA_DIR: dataDir, ADMIN_TOKEN: adminToken, RATE_LIMIT_PER_MINUTE: '1000000', HOLDS_PER_CLIENT: '0', HOLDS_PER_EMAIL: '0' };
const UNITS = 60;
const NIGHTS = ['2027-02-01', '2027-02-02', '2027-02-03', '2027-02-04', '2027-02-05', '2027-02-06'];

async function call(base: string, method: string, path: string, key: string | undefined, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('a SQLite server killed mid-burst', () => {
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop('SIGKILL')));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('after SIGKILL and a restart the database passes integrity_check, keeps every acknowledged booking and oversells nothing', async () => {
    const first = await startServer(env);
    servers.push(first);
    const created = await call(first.url, 'POST', '/api/v1/properties', adminToken, { name: 'Crash Inn', currency: 'EUR', timezone: 'Europe/Berlin', paymentMode: 'manual' });
    const pid = created.body.property.id as string;
    const key = created.body.secretKey as string;
    const rt = await call(first.url, 'POST', `/api/v1/properties/${pid}/room-types`, key, { name: 'Twin', maxGuests: 2, units: UNITS });
    const rate = await call(first.url, 'POST', `/api/v1/properties/${pid}/rates`, key, { roomTypeId: rt.body.roomType.id, name: 'Flex', nightlyPrice: 8_000, deposit: { type: 'none' } });

    // 16 guests book back to back, 1 to 3 nights each, until the server dies under them.
    const acknowledged = new Map<string, string>();
    let refused = 0;
    let killed = false;
    const guest = async (n: number) => {
      for (let i = 0; !killed; i++) {
        const start = (n + i) % (NIGHTS.length - 2);
        const body = {
          checkIn: NIGHTS[start],
          checkOut: NIGHTS[start + 1 + ((n + i) % 3)] ?? '2027-02-07',
          rooms: [{ rateId: rate.body.rate.id, adults: 2 }],
          guest: { firstName: `Guest ${n}`, lastName: `Try ${i}`, email: `g${n}.${i}@example.com` },
        };
        try {
          const res = await call(first.url, 'POST', `/api/v1/public/properties/${pid}/bookings`, undefined, body);
          if (res.status === 201) acknowledged.set(res.body.booking.id, res.body.booking.reference);
          else if (res.status === 409) refused++;
          else throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const burst = Promise.all(Array.from({ length: 16 }, (_, n) => guest(n)));
    const deadline = Date.now() + 20_000;
    while (acknowledged.size < 80 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    killed = true;
    await first.stop('SIGKILL');
    await burst;
    expect(acknowledged.size).toBeGreaterThanOrEqual(80);

    const second = await startServer(env);
    servers.push(second);
    const db = new SQLite(join(dataDir, 'directbook.sqlite'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set((db.prepare('select id from bookings where property_id = ?').all(pid) as { id: string }[]).map((r) => r.id));
      const missing = [...acknowledged.keys()].filter((id) => !ids.has(id));
      expect(missing).toEqual([]);

      // Every night: rooms held by live bookings fit the units, and the inventory counter agrees with them.
      const nights = db
        .prepare(
          `select n.date, sum(n.rooms) as rooms from booking_nights n join bookings b on b.id = n.booking_id
           where b.status in ('pending', 'confirmed') group by n.date`,
        )
        .all() as { date: string; rooms: number }[];
      const inventory = new Map((db.prepare('select date, sold from inventory').all() as { date: string; sold: number }[]).map((r) => [r.date, r.sold]));
      for (const night of nights) {
        expect(night.rooms).toBeLessThanOrEqual(UNITS);
        expect({ date: night.date, sold: inventory.get(night.date) }).toEqual({ date: night.date, sold: night.rooms });
      }
    } finally {
      db.close();
    }

    // The restarted server serves them: the owner can read each acknowledged booking by id.
    for (const [id, reference] of [...acknowledged].slice(0, 20)) {
      const read = await call(second.url, 'GET', `/api/v1/properties/${pid}/bookings/${id}`, key);
      expect(read.status).toBe(200);
      expect(read.body.booking.reference).toBe(reference);
    }
    console.log(`crash SQLite: ${acknowledged.size} bookings acknowledged and ${refused} refused before SIGKILL; all there after restart`);
  }, 90_000);
});
