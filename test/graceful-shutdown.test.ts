// Issue 9: SIGTERM in the middle of a burst of bookings. Requests the server already received
// finish (each waits on a slow Stripe), every booking it answered 201 is in the database after
// it exits, and it exits 0.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { type ServerProcess, startServer } from './server-process.ts';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'directbook-shutdown-'));
const adminToken = randomBytes(24).toString('base64url');
const STRIPE_LATENCY_MS = 400;
const GUESTS = 12;

type Outcome = { status: number; body: any } | { error: string };

/** One request on a connection of its own, so a refused connection means "never received". */
function post(base: string, path: string, body: unknown, key?: string): Promise<Outcome> {
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const req = request(
      new URL(path, base),
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...(key ? { authorization: `Bearer ${key}` } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
        res.on('error', (error) => resolve({ error: error.message }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(payload);
  });
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe('a server stopped with SIGTERM in the middle of a burst of bookings', () => {
  let server: ServerProcess | undefined;
  let stripe: StripeStandIn | undefined;
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await stripe?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('answers every booking it had received, keeps every booking it acknowledged, and exits 0', async () => {
    stripe = await startStripeStandIn();
    server = await startServer({
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      STRIPE_SECRET_KEY: stripe.secretKey,
      STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
      STRIPE_PUBLISHABLE_KEY: 'pk_test_directbook',
      STRIPE_API_BASE: stripe.apiBase,
      // Every guest comes from one loopback address: no per-address limits in this test.
      RATE_LIMIT_PER_MINUTE: '1000000',
      HOLDS_PER_CLIENT: '0',
      HOLDS_PER_EMAIL: '0',
    });
    const base = server.url;
    const created = await post(base, '/api/v1/properties', { name: 'Shutdown Inn', currency: 'USD', timezone: 'UTC', paymentMode: 'stripe' }, adminToken);
    if (!('status' in created) || created.status !== 201) throw new Error(`creating the property: ${JSON.stringify(created)}`);
    const pid: string = created.body.property.id;
    const key: string = created.body.secretKey;
    const rt = await post(base, `/api/v1/properties/${pid}/room-types`, { name: 'Twin', maxGuests: 2, units: 1000 }, key);
    if (!('status' in rt) || rt.status !== 201) throw new Error(`creating the room type: ${JSON.stringify(rt)}`);
    const rate = await post(
      base,
      `/api/v1/properties/${pid}/rates`,
      { roomTypeId: rt.body.roomType.id, name: 'Flex', nightlyPrice: 12_000, deposit: { type: 'percentage', percent: 50 } },
      key,
    );
    if (!('status' in rate) || rate.status !== 201) throw new Error(`creating the rate: ${JSON.stringify(rate)}`);

    // Each booking waits on Stripe for its PaymentIntent, so every guest has one in flight when SIGTERM comes.
    stripe.setLatency(STRIPE_LATENCY_MS);
    let n = 0;
    let signalled = false;
    const answered: { status: number; body: any; afterSignal: boolean }[] = [];
    const guest = async () => {
      for (;;) {
        const outcome = await post(base, `/api/v1/public/properties/${pid}/bookings`, {
          checkIn: day(20),
          checkOut: day(22),
          rooms: [{ rateId: rate.body.rate.id, adults: 2 }],
          guest: { firstName: 'Burst', lastName: `Guest ${n}`, email: `guest${n++}@example.com` },
        });
        // Once the listener is closed, a new connection is refused: the guest stops there.
        if ('error' in outcome) return;
        answered.push({ ...outcome, afterSignal: signalled });
      }
    };
    const guests = Array.from({ length: GUESTS }, guest);
    // Mid-burst: a dozen bookings answered, and every guest waiting on Stripe for the next one.
    while (answered.length < GUESTS) await sleep(20);
    await sleep(STRIPE_LATENCY_MS / 2);
    const exited = new Promise<number | null>((resolve) => server!.child.once('exit', (code) => resolve(code)));
    server.child.kill('SIGTERM');
    signalled = true;
    await Promise.all(guests);
    const exitCode = await exited;

    expect(answered.filter((o) => o.status !== 201).map((o) => `${o.status} ${JSON.stringify(o.body)}`)).toEqual([]);
    expect(answered.filter((o) => !o.afterSignal).length).toBeGreaterThanOrEqual(GUESTS);
    expect(answered.filter((o) => o.afterSignal).length, 'bookings in flight at SIGTERM that still got their answer').toBeGreaterThan(GUESTS / 2);
    expect(exitCode, server.output()).toBe(0);

    const bookedIds = answered.map((o) => o.body.booking.id as string);
    const db = new SQLite(join(dataDir, 'directbook.sqlite'), { readonly: true });
    try {
      const stored = new Set(
        db
          .prepare(`select id from bookings where property_id = ?`)
          .all(pid)
          .map((row) => (row as { id: string }).id),
      );
      expect(bookedIds.filter((id) => !stored.has(id))).toEqual([]);
      // The PaymentIntent each guest was given is on the booking too: no answer went out before its write.
      const withoutIntent = db.prepare(`select count(*) as n from bookings where property_id = ? and intent_id is null`).get(pid) as { n: number };
      expect(withoutIntent.n).toBe(0);
    } finally {
      db.close();
    }
  }, 60_000);
});
