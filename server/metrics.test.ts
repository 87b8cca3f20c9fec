// Issue 9: /metrics in Prometheus' format, for a scraper holding METRICS_TOKEN only.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, type Owner } from '../test/support/api.ts';
import { sampleJob } from '../test/support/job-queue-contract.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { createApp } from './app.ts';
import { countingHolds, countingPayments, createMetrics } from './metrics.ts';
import { PaymentsError, type Payments } from './payments/payments.ts';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const guest = { firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' };

describe.each(backends)('metrics on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  let owner: Owner;
  let metrics: ReturnType<typeof createMetrics>;
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl });
    metrics = createMetrics({ store: t.store, clock: t.now });
    app = createApp({ ...t.deps, store: countingHolds(t.store, metrics), metrics, config: { ...t.deps.config, metricsToken: TOKEN } });
    owner = await t.createProperty();
  });
  afterAll(() => t.close());

  const scrape = (authorization?: string) => app.request('/metrics', authorization ? { headers: { authorization } } : {});

  test('only a scraper with the token gets them; without METRICS_TOKEN there is no /metrics at all', async () => {
    expect((await scrape()).status).toBe(404);
    expect((await scrape(`Bearer ${TOKEN.slice(0, -1)}x`)).status).toBe(404);
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await res.text()).toContain('process_cpu_seconds_total');
    expect((await t.request('GET', '/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });

  test('counts requests and times them by route pattern, and counts holds and conflicts as the guest sees them', async () => {
    const roomType = await createRoomType(t, owner, { units: 2 });
    const rate = await createRate(t, owner, roomType['id'] as string);
    const book = (email: string, idempotencyKey?: string) =>
      app.request(`/api/v1/public/properties/${owner.id}/bookings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
        body: JSON.stringify({ checkIn: '2026-12-10', checkOut: '2026-12-12', rooms: [{ rateId: rate['id'], adults: 2 }], guest: { ...guest, email } }),
      });
    expect((await book('mina@example.com', 'mina-1')).status).toBe(201);
    // The same request again is a replay: answered 201 again, but no second hold.
    expect((await book('mina@example.com', 'mina-1')).status).toBe(201);
    expect((await book('joon@example.com')).status).toBe(201);
    expect((await book('hana@example.com')).status).toBe(409);

    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    const route = '/api/v1/public/properties/:pid/bookings';
    expect(text).toContain(`http_requests_total{method="POST",route="${route}",status="201"} 3`);
    expect(text).toContain(`http_requests_total{method="POST",route="${route}",status="409"} 1`);
    expect(text).toContain(`http_request_duration_seconds_count{method="POST",route="${route}"} 4`);
    expect(text).toMatch(new RegExp(`http_request_duration_seconds_bucket\\{le="10",method="POST",route="${route.replace(/[/:]/g, '\\$&')}"\\} 4`));
    expect(text).toContain('directbook_holds_created_total 2');
    expect(text).toContain('directbook_conflicts_total{code="sold_out"} 1');
    // Patterns, never paths: no property's or booking's id becomes a series.
    expect(text).not.toContain(owner.id);
  });

  test('reads how many jobs of each kind wait from the database at each scrape, not those scheduled for a later day', async () => {
    const depth = async (kind: string) => Number(new RegExp(`directbook_queue_depth\\{queue="${kind}"\\} (\\d+)`).exec(await (await scrape(`Bearer ${TOKEN}`)).text())?.[1] ?? 0);
    const before = await depth('mail');
    await t.store.jobs.enqueue(sampleJob(1, { kind: 'mail' }), t.now());
    await t.store.jobs.enqueue(sampleJob(2, { kind: 'mail' }), t.now());
    await t.store.jobs.enqueue(sampleJob(3, { kind: 'balance', runAt: new Date(t.now().getTime() + 7 * 86_400_000) }), t.now());
    expect(await depth('mail')).toBe(before + 2);
    expect(await depth('balance')).toBe(0);
    const [claimed] = await t.store.jobs.claim(t.now(), { kinds: ['mail'], limit: 1, lockedUntil: new Date(t.now().getTime() + 60_000) });
    await t.store.jobs.complete(claimed!, t.now());
    expect(await depth('mail')).toBe(before + 1);
    expect(await (await scrape(`Bearer ${TOKEN}`)).text()).toContain('directbook_queue_depth{queue="calendar_sync"} 0');
  });
});

test('counts every call to the payment provider by operation and how it ended', async () => {
  const metrics = createMetrics({ store: { backlog: async () => ({ jobs: {}, calendarSyncs: 0 }) }, clock: () => new Date() });
  const provider: Payments = {
    createIntent: async (request) => ({ id: `pi_${request.bookingId}`, type: 'payment', clientSecret: 'secret' }),
    createBalanceIntent: async (request) => ({ id: `pi_balance_${request.bookingId}`, type: 'payment', clientSecret: 'secret' }),
    chargeOffSession: async () => ({ outcome: 'succeeded', intentId: 'pi_balance' }),
    retrieveIntent: async () => {
      throw new PaymentsError('unavailable', 'Stripe is unreachable', true);
    },
    refund: async () => {
      throw new Error('not a provider error');
    },
    chargeFee: async () => 320,
    verifyWebhook: async () => ({ eventId: 'evt_1', type: 'payment_intent.succeeded', intent: null }),
  };
  const payments = countingPayments(provider, metrics);
  const request = { bookingId: 'bk_1', amount: 500, currency: 'USD', email: 'a@example.com', name: 'A', description: 'Deposit' };
  await payments.createIntent(request);
  await payments.createIntent(request);
  await expect(payments.retrieveIntent({ id: 'pi_1', type: 'payment' })).rejects.toThrow('unreachable');
  await expect(payments.refund({ intentId: 'pi_1', idempotencyKey: 'refund:bk_1:1' })).rejects.toThrow('not a provider error');
  const text = await metrics.registry.metrics();
  expect(text).toContain('directbook_payment_calls_total{operation="create_intent",outcome="ok"} 2');
  expect(text).toContain('directbook_payment_calls_total{operation="retrieve_intent",outcome="unavailable"} 1');
  expect(text).toContain('directbook_payment_calls_total{operation="refund",outcome="error"} 1');
});
