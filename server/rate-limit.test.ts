// Issue 9: rate limits per client (IPv6 by /64) and per property, behind a proxy only as far as
// TRUST_PROXY says, on booking, card, confirm, public reads and failed authentication; shared by
// every instance on PostgreSQL.
import { afterEach, describe, expect, test } from 'vitest';
import { backends, expectError, json } from '../test/support/api.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';

const stay = { checkIn: '2026-12-10', checkOut: '2026-12-12' };
const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };
const LIMIT = 3;

async function hotel(t: TestApp) {
  const p = await t.createProperty();
  const rt = await json(await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Dorm', maxGuests: 2, units: 100 } }));
  const rate = await json(
    await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Bed', nightlyPrice: 3_000, deposit: { type: 'none' } } }),
  );
  return { id: p.id, key: p.key, rateId: rate.rate.id as string };
}

type Hotel = Awaited<ReturnType<typeof hotel>>;

const from = (client: string | undefined) => (client ? { 'x-forwarded-for': client } : undefined);

const book = (t: TestApp, h: Hotel, client?: string) =>
  t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest }, headers: from(client) });

async function statuses(requests: (() => Promise<Response>)[]) {
  const answers: number[] = [];
  for (const request of requests) answers.push((await request()).status);
  return answers;
}

const times = (n: number, request: () => Promise<Response>) => Array.from({ length: n }, () => request);

async function expectRateLimited(res: Response) {
  const retryAfter = res.headers.get('retry-after');
  const rateLimit = res.headers.get('ratelimit');
  await expectError(res, 429, 'rate_limited');
  expect(Number(retryAfter)).toBeGreaterThan(0);
  expect(rateLimit).toMatch(/remaining=0/);
}

describe.each(backends)('rate limits on %s', (_name, databaseUrl) => {
  let t: TestApp;
  afterEach(() => t.close());

  test('behind a trusted proxy, two guests with different X-Forwarded-For have buckets of their own', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const h = await hotel(t);
    expect(await statuses(times(LIMIT, () => book(t, h, '203.0.113.10')))).toEqual([201, 201, 201]);
    await expectRateLimited(await book(t, h, '203.0.113.10'));
    expect((await book(t, h, '203.0.113.11')).status).toBe(201);
    // What the guest prepends to the header is not believed: the proxy's entry is the client.
    await expectRateLimited(await book(t, h, '198.51.100.1, 203.0.113.10'));
  });

  test('without TRUST_PROXY, X-Forwarded-For is ignored: a client cannot claim a fresh bucket', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT });
    const h = await hotel(t);
    expect(await statuses([1, 2, 3].map((n) => () => book(t, h, `203.0.113.${n}`)))).toEqual([201, 201, 201]);
    await expectRateLimited(await book(t, h, '203.0.113.99'));
  });

  test('one client exhausting property A’s bucket does not stop it booking at property B', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const a = await hotel(t);
    const b = await hotel(t);
    await statuses(times(LIMIT, () => book(t, a, '203.0.113.20')));
    await expectRateLimited(await book(t, a, '203.0.113.20'));
    expect((await book(t, b, '203.0.113.20')).status).toBe(201);
  });

  test('two IPv6 addresses in one /64 share a bucket; the next /64 has its own', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const h = await hotel(t);
    expect(await statuses(['2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1:2:ffff::9'].map((ip) => () => book(t, h, ip)))).toEqual([201, 201, 201]);
    await expectRateLimited(await book(t, h, '2001:0db8:0001:0002:abcd::1'));
    expect((await book(t, h, '2001:db8:1:3::1')).status).toBe(201);
  });

  test('/confirm and /card are limited per client: attempts past the limit never reach the use case', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const h = await hotel(t);
    const { booking, clientToken } = await json(await book(t, h, '203.0.113.30'));
    const post = (path: string, client: string) => () => t.request('POST', `/api/v1/public/bookings/${booking.id}/${path}`, { key: clientToken, body: {}, headers: from(client) });
    // A manual booking cannot be confirmed through Stripe (409), and an empty card is invalid (400): each attempt counts.
    expect(await statuses(times(LIMIT, post('confirm', '203.0.113.30')))).toEqual([409, 409, 409]);
    await expectRateLimited(await post('confirm', '203.0.113.30')());
    expect((await post('confirm', '203.0.113.31')()).status).toBe(409);
    expect(await statuses(times(LIMIT, post('card', '203.0.113.30')))).toEqual([400, 400, 400]);
    await expectRateLimited(await post('card', '203.0.113.30')());
  });

  test('public reads are limited too, ten times as generously as bookings', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const h = await hotel(t);
    const reads = [
      () => t.request('GET', `/api/v1/public/properties/${h.id}`, { headers: from('203.0.113.40') }),
      () => t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}`, { headers: from('203.0.113.40') }),
      () => t.request('POST', `/api/v1/public/properties/${h.id}/quotes`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }] }, headers: from('203.0.113.40') }),
    ];
    const answers = await statuses(Array.from({ length: LIMIT * 10 }, (_, i) => reads[i % reads.length]!));
    expect(answers).toEqual(Array(LIMIT * 10).fill(200));
    await expectRateLimited(await reads[1]!());
    // Reading counts apart from booking.
    expect((await book(t, h, '203.0.113.40')).status).toBe(201);
  });

  test('booking attempts arriving all at once from two clients are counted one by one: each client gets exactly its limit', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const h = await hotel(t);
    const clients = ['203.0.113.70', '203.0.113.71'];
    const sent = Array.from({ length: LIMIT + 2 }, () => clients).flat();
    const answers = await Promise.all(sent.map((client) => book(t, h, client)));
    for (const client of clients) {
      const theirs = answers.filter((_, i) => sent[i] === client).map((res) => res.status);
      expect(theirs.filter((status) => status === 201)).toHaveLength(LIMIT);
      expect(theirs.filter((status) => status === 429)).toHaveLength(2);
    }
  });

  test('failed authentication is limited per client; past it, even the right key waits, other clients do not', async () => {
    t = await createTestApp({ databaseUrl, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    const h = await hotel(t);
    const owner = (key: string, client: string) => () => t.request('GET', `/api/v1/properties/${h.id}`, { key, headers: from(client) });
    const admin = (key: string, client: string) => () => t.request('POST', '/api/v1/properties', { key, body: {}, headers: from(client) });
    // Successes do not count.
    expect(await statuses(times(LIMIT * 3, owner(h.key, '203.0.113.50')))).toEqual(Array(LIMIT * 3).fill(200));
    expect(await statuses([owner(`dbk.${h.id}.wrong`, '203.0.113.50'), admin('not-the-admin-token', '203.0.113.50'), owner('', '203.0.113.50')])).toEqual([401, 401, 401]);
    await expectRateLimited(await owner(`dbk.${h.id}.wrong`, '203.0.113.50')());
    await expectRateLimited(await owner(h.key, '203.0.113.50')());
    expect((await owner(h.key, '203.0.113.51')()).status).toBe(200);
  });
});

describe.runIf(process.env.DATABASE_URL)('rate limits across instances on PostgreSQL', () => {
  const apps: TestApp[] = [];
  afterEach(async () => {
    for (const app of apps.splice(0).reverse()) await app.close();
  });

  test('two instances on one database share each client’s bucket', async () => {
    const first = await createTestApp({ databaseUrl: process.env.DATABASE_URL, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    apps.push(first);
    const second = await createTestApp({ sameDatabaseAs: first, rateLimitPerMinute: LIMIT, trustProxy: { hops: 1 } });
    apps.push(second);
    const h = await hotel(first);
    expect(await statuses([() => book(first, h, '203.0.113.60'), () => book(second, h, '203.0.113.60'), () => book(first, h, '203.0.113.60')])).toEqual([201, 201, 201]);
    await expectRateLimited(await book(second, h, '203.0.113.60'));
    await expectRateLimited(await book(first, h, '203.0.113.60'));
    expect((await book(second, h, '203.0.113.61')).status).toBe(201);
  });
});
