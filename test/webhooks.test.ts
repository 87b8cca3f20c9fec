// SPEC 2.18: owner webhooks on a real database. Booking changes reach a receiver on 127.0.0.1,
// signed per Standard Webhooks (verified with the `standardwebhooks` package), in order per booking,
// after retries when it was down; the URL rule holds at registration and at delivery; an endpoint
// failing for 3 days is disabled and its owner told.
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createApp } from '../server/app.ts';
import { emit } from '../server/bookings/events.ts';
import { runHousekeeping } from '../server/housekeeping.ts';
import { createJobRunner } from '../server/jobs/runner.ts';
import type { OutgoingMail } from '../server/mail/transport.ts';
import { WEBHOOK_JOB } from '../server/webhooks/store.ts';
import { type WebhookDeliveryDeps, webhookJobHandler } from '../server/webhooks/deliver.ts';
import { backends, DEFAULT_NOW, expect400, type Json } from './support/api.ts';
import { CARD, heldBooking, type ManualHotel, manualHotel } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Verifies as a receiver would, at the instant the delivery was made (the fake clock's). */
function verify(secret: string, webhook: ReceivedWebhook, at: Date): unknown {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(at);
    return new Webhook(secret).verify(webhook.body, webhook.headers);
  } finally {
    vi.useRealTimers();
  }
}

describe.each(backends)('owner webhooks on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let receiver: WebhookReceiver;
  let mail: OutgoingMail[];
  let hotel: ManualHotel;
  let deliveryDeps: WebhookDeliveryDeps;
  const runner = () => createJobRunner({ queue: t.store.jobs, handlers: { [WEBHOOK_JOB]: webhookJobHandler(deliveryDeps) }, logger: pino({ level: 'silent' }), now: () => t.now() });
  const deliver = () => runner().runDue(t.now());
  const later = (ms: number) => t.setNow(new Date(t.now().getTime() + ms));

  beforeAll(async () => {
    mail = [];
    t = await createTestApp({ databaseUrl, now: DEFAULT_NOW, mailTransport: { send: async (m) => void mail.push(m) } });
    receiver = await startWebhookReceiver();
  });
  beforeEach(async () => {
    t.setNow(DEFAULT_NOW);
    receiver.received.length = 0;
    receiver.answer(200);
    mail.length = 0;
    deliveryDeps = { store: t.store, clock: () => t.now(), mailer: t.deps.mailer, allowPrivateUrls: true };
    hotel = await manualHotel(t);
    await t.request('PATCH', `/api/v1/properties/${hotel.id}`, { key: hotel.key, body: { email: 'owner@example.com' } });
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const register = async (body: Json = {}) => {
    const res = await t.request('POST', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key, body: { url: receiver.url, ...body } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await res.json()) as { webhook: Json & { id: string }; secret: string };
  };
  const confirm = async (booking: { id: string; clientToken: string }) => {
    const res = await t.request('POST', `/api/v1/public/bookings/${booking.id}/card`, { key: booking.clientToken, body: CARD });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const cancel = async (id: string) => {
    const res = await t.request('POST', `/api/v1/properties/${hotel.id}/bookings/${id}/cancel`, { key: hotel.key, body: { scope: 'booking' } });
    expect(res.status, await res.clone().text()).toBe(200);
  };
  const typesFor = (id: string, webhooks = receiver.accepted()) => webhooks.filter((w) => w.event.data.booking.id === id).map((w) => w.event.type);

  test('a receiver gets booking.held then booking.confirmed, each signed so standardwebhooks verifies it', async () => {
    const { webhook, secret } = await register();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(webhook).not.toHaveProperty('secret');

    const booking = await heldBooking(t, hotel);
    later(MINUTE);
    await confirm(booking);
    await deliver();

    expect(typesFor(booking.id)).toEqual(['booking.held', 'booking.confirmed']);
    for (const w of receiver.received) {
      expect(verify(secret, w, t.now())).toMatchObject({ type: w.event.type, data: { booking: { id: booking.id } } });
      expect(w.headers['content-type']).toBe('application/json');
    }
    const [held, confirmed] = receiver.received;
    expect(held!.event).toMatchObject({ type: 'booking.held', timestamp: DEFAULT_NOW.replace('Z', '.000Z'), data: { booking: { status: 'pending' } } });
    expect(confirmed!.event.data.booking).toMatchObject({ status: 'confirmed', cardStored: true, reference: expect.any(String) });
    expect(held!.headers['webhook-id']).not.toBe(confirmed!.headers['webhook-id']);
    // A signature under another secret, or over another body, is refused by the receiver's library.
    expect(() => verify('whsec_' + Buffer.alloc(24, 1).toString('base64'), held!, t.now())).toThrow();
    expect(() => verify(secret, { ...held!, body: held!.body.replace('pending', 'confirmed') }, t.now())).toThrow();

    // Listed without its secret.
    const list = (await (await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key })).json()) as Json;
    expect(list.webhooks).toEqual([expect.objectContaining({ id: webhook.id, url: receiver.url, events: null, status: 'active' })]);
    expect(JSON.stringify(list)).not.toContain(secret);
  });

  test('a receiver that is down for a while gets every event once it is back, in order per booking', async () => {
    const { webhook, secret } = await register();
    receiver.answer(500);
    const a = await heldBooking(t, hotel);
    const b = await heldBooking(t, hotel, { checkIn: '2026-12-10', checkOut: '2026-12-11' });
    await deliver();
    await confirm(a);
    later(2 * MINUTE);
    await deliver();
    await receiver.down();
    await cancel(a.id);
    await confirm(b);
    for (let i = 0; i < 4; i++) {
      later(30 * MINUTE);
      await deliver();
    }
    expect(receiver.accepted()).toEqual([]);

    await receiver.up();
    receiver.answer(200);
    later(5 * HOUR);
    await deliver();

    expect(typesFor(a.id)).toEqual(['booking.held', 'booking.confirmed', 'booking.cancelled']);
    expect(typesFor(b.id)).toEqual(['booking.held', 'booking.confirmed']);
    // Every attempt of an event carries the same webhook-id, so a receiver dedupes on it.
    const ids = receiver.accepted().map((w) => w.headers['webhook-id']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const w of receiver.accepted()) expect(verify(secret, w, t.now())).toBeTruthy();
    for (const w of receiver.received.filter((r) => r.status === 500)) expect(ids).toContain(w.headers['webhook-id']);

    // The log: every attempt, newest first, a page at a time.
    const res = await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks/${webhook.id}/deliveries?limit=3`, { key: hotel.key });
    expect(res.status).toBe(200);
    const page = (await res.json()) as Json;
    expect(page.deliveries).toHaveLength(3);
    expect(page.deliveries[0]).toMatchObject({ statusCode: 200, error: null, attemptedAt: t.now().toISOString(), eventType: expect.any(String), webhookId: expect.stringMatching(/^msg_/) });
    const all: Json[] = [...page.deliveries];
    for (let cursor = page.nextCursor as string | null; cursor;) {
      const next = (await (await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks/${webhook.id}/deliveries?limit=3&cursor=${cursor}`, { key: hotel.key })).json()) as Json;
      all.push(...next.deliveries);
      cursor = next.nextCursor;
    }
    expect(all.map((d) => d.attemptedAt)).toEqual([...all.map((d) => d.attemptedAt)].sort().reverse());
    expect(all.filter((d) => d.statusCode === 200)).toHaveLength(5);
    expect(all.some((d) => d.statusCode === 500 && d.attempt === 1)).toBe(true);
    expect(all.some((d) => d.statusCode === null && /refused/.test(d.error) && d.attempt > 1)).toBe(true);
    expect(all.every((d) => typeof d.durationMs === 'number' && d.bookingId)).toBe(true);
    const heldOfA = all.filter((d) => d.bookingId === a.id && d.eventType === 'booking.held').map((d) => d.attempt);
    expect(Math.max(...heldOfA)).toBe(heldOfA.length);
  });

  test('an endpoint registered after the property’s first holds gets the very next hold', async () => {
    const before = await heldBooking(t, hotel);
    await register();
    const after = await heldBooking(t, hotel, { checkIn: '2026-12-10', checkOut: '2026-12-11' });
    await deliver();
    expect(typesFor(before.id)).toEqual([]);
    expect(typesFor(after.id)).toEqual(['booking.held']);
  });

  test('an endpoint filtered to some events gets only those', async () => {
    await register({ events: ['booking.confirmed', 'booking.cancelled'] });
    const a = await heldBooking(t, hotel);
    await confirm(a);
    await cancel(a.id);
    await heldBooking(t, hotel, { checkIn: '2026-12-10', checkOut: '2026-12-11' });
    await deliver();
    expect(receiver.accepted().map((w) => w.event.type)).toEqual(['booking.confirmed', 'booking.cancelled']);
  });

  test('deleting an endpoint stops its deliveries, even those already queued', async () => {
    const { webhook } = await register();
    await heldBooking(t, hotel);
    expect((await t.request('DELETE', `/api/v1/properties/${hotel.id}/webhooks/${webhook.id}`, { key: hotel.key })).status).toBe(204);
    await heldBooking(t, hotel, { checkIn: '2026-12-10', checkOut: '2026-12-11' });
    await deliver();
    expect(receiver.received).toEqual([]);
    expect((await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks/${webhook.id}/deliveries`, { key: hotel.key })).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/properties/${hotel.id}/webhooks/${webhook.id}`, { key: hotel.key })).status).toBe(404);
  });

  test('housekeeping deletes delivery attempts 30 days after they were made, and keeps the newer ones', async () => {
    const { webhook } = await register();
    await heldBooking(t, hotel);
    await deliver();
    later(10 * 24 * HOUR);
    await heldBooking(t, hotel, { checkIn: '2027-01-10', checkOut: '2027-01-11' });
    await deliver();
    const log = async () => ((await (await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks/${webhook.id}/deliveries`, { key: hotel.key })).json()) as Json).deliveries as Json[];
    const [newer, older] = await log();
    expect(older!.attemptedAt < newer!.attemptedAt).toBe(true);

    later(19 * 24 * HOUR);
    await runHousekeeping(t.store, t.now(), 7);
    expect(await log()).toHaveLength(2);
    later(2 * 24 * HOUR);
    // The store is shared with the tests before, whose attempts go too: the count is not this endpoint's.
    expect((await runHousekeeping(t.store, t.now(), 7)).deliveriesPruned).toBeGreaterThan(0);
    expect((await log()).map((d) => d.attemptedAt)).toEqual([newer!.attemptedAt]);
  });

  test('an endpoint failing for 3 days is disabled, its owner is e-mailed once, and it gets nothing more', async () => {
    const { webhook } = await register();
    receiver.answer(503);
    await heldBooking(t, hotel);
    await deliver();
    for (let hours = 4; hours <= 68; hours += 4) {
      later(4 * HOUR);
      await deliver();
    }
    let read = (await (await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key })).json()) as Json;
    expect(read.webhooks[0]).toMatchObject({ status: 'active', failingSince: DEFAULT_NOW.replace('Z', '.000Z') });

    later(5 * HOUR);
    await deliver();
    read = (await (await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key })).json()) as Json;
    expect(read.webhooks[0]).toMatchObject({ id: webhook.id, status: 'disabled', disabledAt: t.now().toISOString() });
    await t.runJobs();
    const told = mail.filter((m) => m.subject === 'Webhook endpoint disabled');
    expect(told.map((m) => m.to)).toEqual(['owner@example.com']);
    expect(told[0]!.text).toContain(receiver.url);

    const attempts = receiver.received.length;
    receiver.answer(200);
    await heldBooking(t, hotel, { checkIn: '2026-12-10', checkOut: '2026-12-11' });
    later(5 * HOUR);
    await deliver();
    expect(receiver.received).toHaveLength(attempts);
  });

  test('a name that resolves to a private address is refused at delivery time, and the attempt logged', async () => {
    await register();
    // Registered when its name resolved to a public address; the owner's DNS now answers with one inside the host's network.
    const secret = 'whsec_' + Buffer.alloc(24).toString('base64');
    await t.store.webhooks.createEndpoint({
      id: 'wh_rebound',
      propertyId: hotel.id,
      url: 'https://hooks.example.test/in',
      secret,
      description: null,
      events: null,
      createdAt: t.now().toISOString(),
    });
    deliveryDeps.lookup = async (host) => (host === 'hooks.example.test' ? [{ address: '10.0.0.5', family: 4 }] : []);
    await heldBooking(t, hotel);
    await deliver();
    const log = (await (await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks/wh_rebound/deliveries`, { key: hotel.key })).json()) as Json;
    expect(log.deliveries).toEqual([expect.objectContaining({ eventType: 'booking.held', statusCode: null, error: expect.stringMatching(/private range/) })]);
    expect(receiver.accepted().map((w) => w.event.type)).toEqual(['booking.held']);
  });

  test('balance.charged and balance.failed, emitted by balance collection, reach the endpoints that take them', async () => {
    await register({ events: ['balance.failed'] });
    const held = await heldBooking(t, hotel);
    await confirm(held);
    const booking = (await t.store.getBooking(held.id))!;
    await emit(t.deps, 'balance.charged', booking);
    await emit(t.deps, 'balance.failed', booking);
    await emit(t.deps, 'balance.failed', booking);
    await deliver();
    expect(receiver.accepted().map((w) => w.event.type)).toEqual(['balance.failed']);
  });

  test('a hold that runs out is announced as booking.expired, and a deposit the owner charged as payment.succeeded', async () => {
    await register({ events: ['booking.expired', 'payment.succeeded'] });
    const lapsed = await heldBooking(t, hotel);
    const kept = await heldBooking(t, hotel, { checkIn: '2026-12-10', checkOut: '2026-12-11' });
    await confirm(kept);
    later(16 * MINUTE);
    // Expiry is decided by data: the next availability read marks the hold expired.
    expect((await t.request('GET', `/api/v1/public/properties/${hotel.id}/availability?checkIn=2026-12-01&checkOut=2026-12-03`)).status).toBe(200);
    expect((await t.request('POST', `/api/v1/properties/${hotel.id}/bookings/${kept.id}/deposit-charged`, { key: hotel.key })).status).toBe(200);
    await deliver();
    const ours = receiver.accepted().filter((w) => [lapsed.id, kept.id].includes(w.event.data.booking.id));
    // Two bookings: each in its own order, not one after the other.
    expect(ours.map((w) => [w.event.type, w.event.data.booking.id, w.event.data.booking.status]).sort()).toEqual([
      ['booking.expired', lapsed.id, 'expired'],
      ['payment.succeeded', kept.id, 'confirmed'],
    ]);
  });

  test('endpoint URLs must be https; loopback only with ALLOW_PRIVATE_URLS; private ranges never', async () => {
    const strict = createApp({ ...t.deps, config: { ...t.deps.config, allowPrivateUrls: false } });
    const post = (url: string) =>
      strict.request(`/api/v1/properties/${hotel.id}/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${hotel.key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url }),
      });
    for (const url of ['http://169.254.169.254/', 'http://10.0.0.1/', 'http://[::1]/', 'https://10.0.0.1/', 'https://[fd00::1]/', 'https://127.0.0.1/', receiver.url, 'ftp://example.com/']) {
      await expect400(await post(url), 'url');
    }
    // With the flag (this test app's), loopback is allowed; private ranges still are not.
    await expect400(await t.request('POST', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key, body: { url: 'https://169.254.169.254/' } }), 'url');
    await expect400(await t.request('POST', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key, body: { url: receiver.url, events: ['booking.paid'] } }), 'events.0');
    expect((await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks`, { key: hotel.key })).status).toBe(200);
  });

  test('webhooks need the bookings scope, and another property’s endpoint is not found', async () => {
    const { webhook } = await register();
    const limited = (await (await t.request('POST', `/api/v1/properties/${hotel.id}/keys`, { key: hotel.key, body: { name: 'Catalogue', scopes: ['rates'] } })).json()) as Json;
    expect((await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks`, { key: limited.secretKey })).status).toBe(403);
    const bookings = (await (await t.request('POST', `/api/v1/properties/${hotel.id}/keys`, { key: hotel.key, body: { name: 'PMS', scopes: ['bookings'] } })).json()) as Json;
    expect((await t.request('GET', `/api/v1/properties/${hotel.id}/webhooks`, { key: bookings.secretKey })).status).toBe(200);
    const other = await manualHotel(t);
    expect((await t.request('DELETE', `/api/v1/properties/${other.id}/webhooks/${webhook.id}`, { key: other.key })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/properties/${other.id}/webhooks/${webhook.id}/deliveries`, { key: other.key })).status).toBe(404);
  });
});

describe.each(backends)('owner webhooks for Stripe payments on %s', (_name, databaseUrl) => {
  test('a paid, cancelled and refunded booking is announced in order: held, payment, confirmed, cancelled, refunded', async () => {
    const { t, stripe, close } = await startStripeApp({ app: { databaseUrl, now: DEFAULT_NOW } });
    const receiver = await startWebhookReceiver();
    try {
      const p = await t.createProperty({ paymentMode: 'stripe' });
      const rt = (await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Twin', maxGuests: 2, units: 3 } })).json()) as Json;
      const rate = (await (
        await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 20_000, deposit: { type: 'full' } } })
      ).json()) as Json;
      const { secret } = (await (await t.request('POST', `/api/v1/properties/${p.id}/webhooks`, { key: p.key, body: { url: receiver.url } })).json()) as Json;
      const booked = (await (
        await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, {
          body: { checkIn: '2026-12-01', checkOut: '2026-12-03', rooms: [{ rateId: rate.rate.id, adults: 2 }], guest: { firstName: 'Dewi', lastName: 'Lestari', email: 'dewi@example.com' } },
        })
      ).json()) as Json;
      const id = booked.booking.id as string;
      await stripe.succeed((await t.store.getBooking(id))!.intentId!);
      const cancelled = await t.request('POST', `/api/v1/properties/${p.id}/bookings/${id}/cancel`, { key: p.key, body: { scope: 'booking', refund: 'full' } });
      expect(cancelled.status, await cancelled.clone().text()).toBe(200);
      const runner = createJobRunner({
        queue: t.store.jobs,
        handlers: { [WEBHOOK_JOB]: webhookJobHandler({ store: t.store, clock: () => t.now(), allowPrivateUrls: true }) },
        logger: pino({ level: 'silent' }),
      });
      await runner.runDue(t.now());
      expect(receiver.accepted().map((w) => w.event.type)).toEqual(['booking.held', 'payment.succeeded', 'booking.confirmed', 'booking.cancelled', 'payment.refunded']);
      const refunded = receiver.accepted().at(-1)!;
      expect(refunded.event.data.booking).toMatchObject({ id, status: 'cancelled', amountPaid: 40_000, amountRefunded: 40_000 });
      expect(verify(secret as string, refunded, t.now())).toBeTruthy();
    } finally {
      await receiver.close();
      await close();
    }
  });
});

afterEach(() => {
  vi.useRealTimers();
});
