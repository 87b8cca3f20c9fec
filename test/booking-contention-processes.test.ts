// SPEC 2.7: no overselling with several server processes on one PostgreSQL.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshSchema } from './support/test-app.ts';
import { type ServerProcess, startServer } from './server-process.ts';

const databaseUrl = process.env.DATABASE_URL;

describe.runIf(databaseUrl)('two server processes sharing one PostgreSQL', () => {
  let schema: Awaited<ReturnType<typeof freshSchema>>;
  const servers: ServerProcess[] = [];
  const adminToken = randomBytes(24).toString('base64url');

  beforeAll(async () => {
    schema = await freshSchema(databaseUrl!);
    // All 500 guests come from one loopback address: lift the per-address limit for this test.
    const env = {
      DATABASE_URL: schema.url,
      ADMIN_TOKEN: adminToken,
      DATA_DIR: mkdtempSync(join(tmpdir(), 'directbook-')),
      RATE_LIMIT_PER_MINUTE: '100000',
      HOLDS_PER_CLIENT: '0',
      HOLDS_PER_EMAIL: '0',
    };
    servers.push(await startServer(env));
    servers.push(await startServer(env));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await schema?.drop();
  });

  test('500 guests racing through two processes for 10 rooms: exactly 10 hold, 490 are told it is sold out', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const json = { 'content-type': 'application/json' };
    const created = await (
      await fetch(`${a.url}/api/v1/properties`, {
        method: 'POST',
        headers: { ...json, authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ name: 'Twin Inn', currency: 'USD', timezone: 'Asia/Seoul', paymentMode: 'manual' }),
      })
    ).json();
    const owner = { ...json, authorization: `Bearer ${created.secretKey}` };
    const pid = created.property.id;
    const rt = await (
      await fetch(`${b.url}/api/v1/properties/${pid}/room-types`, { method: 'POST', headers: owner, body: JSON.stringify({ name: 'Double', maxGuests: 2, units: 10 }) })
    ).json();
    const rate = await (
      await fetch(`${a.url}/api/v1/properties/${pid}/rates`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({ roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 9_900, deposit: { type: 'none' } }),
      })
    ).json();
    const body = JSON.stringify({
      checkIn: '2027-01-10',
      checkOut: '2027-01-13',
      rooms: [{ rateId: rate.rate.id, adults: 2 }],
      guest: { firstName: 'Ana', lastName: 'Lee', email: 'ana@example.com' },
    });

    const started = performance.now();
    const statuses = await Promise.all(
      Array.from({ length: 500 }, (_, i) => fetch(`${(i % 2 ? a : b).url}/api/v1/public/properties/${pid}/bookings`, { method: 'POST', headers: json, body }).then((r) => r.status)),
    );
    const ms = performance.now() - started;
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(490);

    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      const nights = await client.query(
        `select n.date, sum(n.rooms)::int as rooms from booking_nights n join bookings b on b.id = n.booking_id
         where b.status in ('pending', 'confirmed') group by n.date order by n.date`,
      );
      expect(nights.rows).toEqual([
        { date: '2027-01-10', rooms: 10 },
        { date: '2027-01-11', rooms: 10 },
        { date: '2027-01-12', rooms: 10 },
      ]);
      const inventory = await client.query('select date, sold from inventory order by date');
      expect(inventory.rows.map((r) => r.sold)).toEqual([10, 10, 10]);
    } finally {
      await client.end();
    }
    console.log(`contention PostgreSQL, 2 processes: 500 attempts, 10 holds, 490 409s in ${ms.toFixed(0)} ms`);
  }, 120_000);
});
