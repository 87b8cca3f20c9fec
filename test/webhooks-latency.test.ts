// SPEC 2.18 end to end on the real server process: how long from a guest's confirmation to the
// owner's receiver holding the signed booking.confirmed. The confirmation's commit kicks the job
// runner, so the delivery does not wait for the queue's 15 s poll.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, describe, expect, test } from 'vitest';
import { backends } from './support/api.ts';
import { CARD } from './support/manual-card.ts';
import { freshSchema } from './support/test-app.ts';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';
import { type ServerProcess, startServer } from './server-process.ts';

const ROUNDS = 5;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(backends)('confirmation → webhook delivered, real server on %s', (name, databaseUrl) => {
  let server: ServerProcess | undefined;
  let receiver: WebhookReceiver | undefined;
  let schema: Awaited<ReturnType<typeof freshSchema>> | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'directbook-webhooks-'));
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the receiver holds booking.confirmed within a second of the confirmation', async () => {
    const adminToken = randomBytes(24).toString('base64url');
    schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
    server = await startServer({ DATA_DIR: dataDir, ADMIN_TOKEN: adminToken, ALLOW_PRIVATE_URLS: 'true', RATE_LIMIT_PER_MINUTE: '100000', ...(schema ? { DATABASE_URL: schema.url } : {}) });
    receiver = await startWebhookReceiver();
    const call = async (method: string, path: string, key: string, body?: unknown) => {
      const res = await fetch(`${server!.url}${path}`, {
        method,
        headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text) as Record<string, any>;
    };
    const created = await call('POST', '/api/v1/properties', adminToken, { name: 'Latency Inn', currency: 'USD', timezone: 'UTC', paymentMode: 'manual', acceptedCardBrands: ['visa'] });
    const pid = created.property.id as string;
    const key = created.secretKey as string;
    const rt = await call('POST', `/api/v1/properties/${pid}/room-types`, key, { name: 'Twin', maxGuests: 2, units: 50 });
    const rate = await call('POST', `/api/v1/properties/${pid}/rates`, key, { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 12_000, deposit: { type: 'first_night' } });
    const { secret } = await call('POST', `/api/v1/properties/${pid}/webhooks`, key, { url: receiver.url, events: ['booking.confirmed'] });

    const timings: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const held = await call('POST', `/api/v1/public/properties/${pid}/bookings`, '', {
        checkIn: day(10 + i),
        checkOut: day(11 + i),
        rooms: [{ rateId: rate.rate.id, adults: 2 }],
        guest: { firstName: 'Ana', lastName: 'Lee', email: `ana${i}@example.com` },
      });
      const id = held.booking.id as string;
      const arrived = receiver.next((w) => w.event.data.booking.id === id);
      const started = performance.now();
      await call('POST', `/api/v1/public/bookings/${id}/card`, held.clientToken, CARD);
      const webhook = await arrived;
      timings.push(webhook.at - started);
      expect(new Webhook(secret).verify(webhook.body, webhook.headers)).toMatchObject({ type: 'booking.confirmed', data: { booking: { id, status: 'confirmed' } } });
    }
    const sorted = [...timings].sort((a, b) => a - b);
    console.log(`${name}: confirmation → webhook delivered, ${ROUNDS} rounds: median ${sorted[Math.floor(ROUNDS / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
    expect(sorted.at(-1)).toBeLessThan(1000);
  }, 60_000);
});
