// SPEC 3 against hostile input: every route in ROUTES is fuzzed with random and malformed bodies,
// query strings, headers and ids. Never a 5xx; never a change the owner can see from a refused
// request. Then the classic attacks one by one: oversized and deeply nested bodies, huge numbers,
// unicode edge cases, HTML and SQL in every text field, and a burst against the rate limit.
import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ROUTES } from '../server/routes/docs.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { backends } from './support/api.ts';

const stay = { checkIn: '2026-12-10', checkOut: '2026-12-12' };
const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com', phone: '+82 10 1234 5678' };
const card = { number: '4242424242424242', expMonth: 12, expYear: 2031, holderName: 'Min Kim' };

// Written into a body as raw JSON text, since JavaScript cannot hold them as numbers.
const RAW_NUMBERS = ['1e400', '-1e400', '9007199254740993', '1e-400', '123456789012345678901234567890', '0.1e1', '-0'];
const HOSTILE_STRINGS = [
  "'; DROP TABLE bookings; --",
  "' OR '1'='1",
  '" OR ""="',
  "\\'; select key_hash from properties; --",
  '%_%',
  '$1 ? :name @p0',
  '/* */ -- #',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}} ${7*7}',
  'שלום \u200f עולם',
  'فندق \u202e السلام',
  '👨‍👩‍👧‍👦 Family 🏨',
  'a\u0000b',
  'e\u0301\u0301\u0301',
  '\ufeffBOM',
  '\ud800',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  '__proto__',
  'constructor',
  'x'.repeat(10_000),
];

interface Fixture {
  pid: string;
  key: string;
  otherPid: string;
  otherKey: string;
  roomTypeId: string;
  rateId: string;
  extraId: string;
  bookingId: string;
  clientToken: string;
}

/** The owner-visible state of both properties, read through the owner and public GET routes. */
async function snapshot(t: TestApp, f: Fixture): Promise<string> {
  const reads: [string, string | undefined][] = [
    [`/api/v1/properties/${f.pid}`, f.key],
    [`/api/v1/properties/${f.pid}/room-types`, f.key],
    [`/api/v1/properties/${f.pid}/rates`, f.key],
    [`/api/v1/properties/${f.pid}/extras`, f.key],
    [`/api/v1/properties/${f.pid}/closures`, f.key],
    [`/api/v1/properties/${f.pid}/bookings`, f.key],
    // Units left show any hold a refused request might have leaked.
    [`/api/v1/public/properties/${f.pid}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}`, undefined],
    [`/api/v1/properties/${f.otherPid}`, f.otherKey],
    [`/api/v1/properties/${f.otherPid}/rates`, f.otherKey],
    [`/api/v1/properties/${f.otherPid}/bookings`, f.otherKey],
  ];
  const parts: string[] = [];
  for (const [path, key] of reads) {
    const res = await t.request('GET', path, { key });
    parts.push(`${res.status} ${await res.text()}`);
  }
  return parts.join('\n');
}

async function setUp(t: TestApp): Promise<Fixture> {
  const json = async (res: Response) => {
    if (res.status >= 300) throw new Error(`fixture: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const p = await t.createProperty({ description: 'A quiet inn' });
  const other = await t.createProperty({ name: 'Other Inn' });
  const rt = await json(await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Double', maxGuests: 2, units: 200 } }));
  const rate = await json(
    await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
      key: p.key,
      body: { roomTypeId: rt.roomType.id, name: 'Flex', nightlyPrice: 10_000, deposit: { type: 'percentage', percent: 30 } },
    }),
  );
  const extra = await json(await t.request('POST', `/api/v1/properties/${p.id}/extras`, { key: p.key, body: { name: 'Breakfast', price: 1_500, per: 'guest_night' } }));
  const otherRt = await json(await t.request('POST', `/api/v1/properties/${other.id}/room-types`, { key: other.key, body: { name: 'Single', maxGuests: 1, units: 2 } }));
  await json(
    await t.request('POST', `/api/v1/properties/${other.id}/rates`, {
      key: other.key,
      body: { roomTypeId: otherRt.roomType.id, name: 'Other', nightlyPrice: 5_000, deposit: { type: 'none' } },
    }),
  );
  const booked = await json(await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, { body: { ...stay, rooms: [{ rateId: rate.rate.id, adults: 2 }], guest } }));
  return {
    pid: p.id,
    key: p.key,
    otherPid: other.id,
    otherKey: other.key,
    roomTypeId: rt.roomType.id,
    rateId: rate.rate.id,
    extraId: extra.extra.id,
    bookingId: booked.booking.id,
    clientToken: booked.clientToken,
  };
}

/** A valid body for each route that takes one, so mutations of it reach past the schema. */
function validBody(route: (typeof ROUTES)[number], f: Fixture): Record<string, unknown> | undefined {
  const p = route.path;
  const quote = { ...stay, rooms: [{ rateId: f.rateId, adults: 2, children: 0, extras: [{ extraId: f.extraId, quantity: 1 }] }], locale: 'en' };
  const byRoute: Record<string, Record<string, unknown>> = {
    'post /api/v1/properties': { name: 'New Inn', currency: 'USD', timezone: 'Asia/Seoul', paymentMode: 'manual', description: 'New' },
    'patch /api/v1/properties/{pid}': { name: 'Renamed Inn', description: 'Renamed', locale: 'ko' },
    'post /api/v1/properties/{pid}/room-types': { name: 'Suite', maxGuests: 3, units: 2, description: 'Big' },
    'patch /api/v1/properties/{pid}/room-types/{id}': { name: 'Double+', units: 9 },
    'post /api/v1/properties/{pid}/rates': { roomTypeId: f.roomTypeId, name: 'Saver', nightlyPrice: 9_000, deposit: { type: 'fixed', amount: 2_000 }, minNights: 1, maxNights: 7 },
    'patch /api/v1/properties/{pid}/rates/{id}': { nightlyPrice: 11_000, deposit: { type: 'percentage', percent: 25 } },
    'put /api/v1/properties/{pid}/rates/{id}/prices': { prices: [{ from: '2026-12-24', to: '2026-12-26', amount: 15_000 }] },
    'post /api/v1/properties/{pid}/extras': { name: 'Parking', price: 1_000, per: 'night' },
    'patch /api/v1/properties/{pid}/extras/{id}': { price: 1_600 },
    'put /api/v1/properties/{pid}/closures': { weekdays: [1], publicHolidays: false, dates: ['2027-01-01'] },
    'post /api/v1/properties/{pid}/bookings/{id}/cancel': { scope: 'booking', refund: false },
    'post /api/v1/public/properties/{pid}/quotes': quote,
    'post /api/v1/public/properties/{pid}/bookings': { ...quote, guest },
    'post /api/v1/public/bookings/{id}/card': card,
    'post /api/v1/stripe/webhook': { id: 'evt_1', type: 'payment_intent.succeeded', data: { object: { id: 'pi_1', object: 'payment_intent' } } },
  };
  return byRoute[`${route.method} ${p}`];
}

/** Every leaf of a body as a dotted path, e.g. `rooms.0.adults`. */
function leaves(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k))].filter((p) => p !== '' || entries.length === 0);
}

function setAt(body: unknown, path: string, value: unknown, remove: boolean): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let target: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

/** Percent-encodes a path segment; a lone surrogate (not encodable) goes as U+FFFD, as a browser sends it. */
function segment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\ud800-\udfff]/g, '\ufffd'));
  }
}

/** JSON text in which `"RAW:<n>"` strings become the raw number literal `<n>`. */
const toJson = (value: unknown) => JSON.stringify(value).replace(/"RAW:([^"]*)"/g, '$1');

const hostileValue = fc.oneof(
  fc.constantFrom(...RAW_NUMBERS.map((n) => `RAW:${n}`)),
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, [], {}, -1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, 1.5, '', ' ', '2026-02-30', '2026-12-10T25:00:00Z'),
);

describe.each(backends)('hostile input on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let f: Fixture;
  let logs = '';

  beforeAll(async () => {
    const logger = pino({ level: 'error' }, new Writable({ write: (chunk, _e, done) => ((logs += chunk), done()) }));
    t = await createTestApp({ databaseUrl, logger });
  });
  afterAll(() => t?.close());
  // A fresh pair of properties for every test: accepted requests (a DELETE, a cancel) must not starve the next.
  beforeEach(async () => {
    logs = '';
    f = await setUp(t);
  });

  // Deletes last, so the other routes meet live resources for longer.
  const ordered = [...ROUTES].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));

  test.each(ordered.map((r) => [`${r.method.toUpperCase()} ${r.path}`, r] as const))(
    'fuzzing %s never answers 5xx and a refused request changes nothing the owner can see',
    async (_label, route) => {
      const idFor = (): string => {
        if (route.path.includes('/room-types/{id}')) return f.roomTypeId;
        if (route.path.includes('/rates/{id}')) return f.rateId;
        if (route.path.includes('/extras/{id}')) return f.extraId;
        return f.bookingId;
      };
      const idArb = fc.oneof(
        { weight: 4, arbitrary: fc.constant('VALID') },
        fc.constantFrom(...HOSTILE_STRINGS.slice(0, 21)),
        fc.string({ unit: 'grapheme', maxLength: 30 }),
        fc.constant('OTHER'),
      );
      const authArb = fc.oneof(
        { weight: 3, arbitrary: fc.constant('OWNER') },
        fc.constantFrom('NONE', 'OTHER', 'ADMIN', 'CLIENT', 'Bearer', 'Basic Zm9vOmJhcg==', `Bearer dbk.${'x'.repeat(5000)}.y`, 'Bearer dbk..', "Bearer ' OR 1=1 --"),
      );
      const base = validBody(route, f);
      const bodyArb: fc.Arbitrary<string | undefined> = fc.oneof(
        fc.constant(undefined),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        fc.string({ maxLength: 60 }),
        fc.constantFrom('{', '{"a":', 'null', '[]', '""', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '[1e400]', '{"a":1,"a":2}'),
        ...(base
          ? [
              {
                weight: 5,
                arbitrary: fc.record({ path: fc.constantFrom(...leaves(base)), value: hostileValue, remove: fc.boolean() }).map((m) => toJson(setAt(base, m.path, m.value, m.remove))),
              },
              fc.constant(toJson(base)),
            ]
          : []),
      );
      const queryArb = fc.dictionary(
        fc.oneof(fc.constantFrom('checkIn', 'checkOut', 'adults', 'children', 'rooms', 'locale', 'from', 'to', 'status'), fc.string({ maxLength: 8 })),
        fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.slice(0, 21), ...RAW_NUMBERS, '2026-12-10', '2026-12-12', '2', 'pending', ''), fc.string({ maxLength: 20 })),
        { maxKeys: 5 },
      );
      const headerArb = fc.record(
        {
          'content-type': fc.constantFrom(
            'application/json',
            'application/json; charset=utf-8',
            'text/plain',
            'application/x-www-form-urlencoded',
            'application/merge-patch+json',
            '',
            'application/json; charset=utf-16',
          ),
          'accept-language': fc.oneof(fc.constantFrom('ko', 'id-ID,id;q=0.9', 'xx', '*', "'; drop table", 'en-US;q=abc'), fc.string({ maxLength: 20 })),
          'idempotency-key': fc.oneof(fc.constantFrom('k1', 'x'.repeat(300), 'a b', '\u00e9'), fc.string({ maxLength: 20 })),
          origin: fc.constantFrom('https://evil.example', 'null', 'http://localhost'),
          'stripe-signature': fc.constantFrom('t=1,v1=00', 'garbage'),
        },
        { requiredKeys: [] },
      );

      let before = await snapshot(t, f);
      await fc.assert(
        fc.asyncProperty(idArb, authArb, queryArb, headerArb, bodyArb, async (id, auth, query, headers, body) => {
          const pid = route.path.startsWith('/api/v1/public/properties') && auth === 'OTHER' ? f.otherPid : f.pid;
          const idText = id === 'VALID' ? idFor() : id === 'OTHER' ? f.otherPid : id;
          const path = route.path.replace('{pid}', segment(pid)).replace('{id}', segment(idText));
          const search = new URLSearchParams(query).toString();
          const named: Record<string, string | undefined> = {
            OWNER: `Bearer ${f.key}`,
            OTHER: `Bearer ${f.otherKey}`,
            ADMIN: `Bearer ${t.adminToken}`,
            CLIENT: `Bearer ${f.clientToken}`,
            NONE: undefined,
          };
          const authorization = auth in named ? named[auth] : auth;
          // undici refuses header values with control characters: those never reach a server anyway.
          const sendable = Object.fromEntries(
            Object.entries({ ...headers, ...(authorization ? { authorization } : {}) }).filter(([, v]) => !/[\u0000-\u001f\u007f]/.test(v) && /^[\u0000-\u00ff]*$/.test(v)),
          );
          const res = await t.app.request(`${path}${search ? `?${search}` : ''}`, {
            method: route.method.toUpperCase(),
            headers: sendable,
            body: route.method === 'get' ? undefined : body,
          });
          const text = await res.text();
          expect(res.status, `${route.method} ${path}?${search} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
          const after = await snapshot(t, f);
          if (res.status >= 400 || route.method === 'get') {
            expect(after, `refused ${route.method} ${path} (${res.status}) changed state`).toBe(before);
          }
          before = after;
        }),
        { numRuns: databaseUrl ? 12 : 30, endOnFailure: true },
      );
      expect(logs).toBe('');
    },
    60_000,
  );

  const bodyRoutes = ROUTES.filter((r) => r.method !== 'get' && r.method !== 'delete');
  const concrete = (path: string) =>
    path.replace('{pid}', f.pid).replace('{id}', path.includes('/room-types/') ? f.roomTypeId : path.includes('/rates/') ? f.rateId : path.includes('/extras/') ? f.extraId : f.bookingId);
  const keyFor = (route: (typeof ROUTES)[number]) => (route.auth === 'admin' ? t.adminToken : route.auth === 'client' ? f.clientToken : route.auth === 'owner' ? f.key : undefined);

  test('a body over 64 KiB is refused with 413 on every route that takes one, and changes nothing', async () => {
    const before = await snapshot(t, f);
    const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) });
    for (const route of bodyRoutes) {
      const res = await t.request(route.method.toUpperCase(), concrete(route.path), { key: keyFor(route), body: big });
      expect({ route: route.path, status: res.status }).toEqual({ route: route.path, status: 413 });
      expect((await res.json()).error.code).toBe('payload_too_large');
    }
    expect(await snapshot(t, f)).toBe(before);
  });

  test('deeply nested JSON never crashes the server: refused with 400, or ignored where it sits in an unknown field', async () => {
    const before = await snapshot(t, f);
    const deepArray = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const deepObject = `${'{"a":'.repeat(12_000)}1${'}'.repeat(12_000)}`;
    const nested = `${'['.repeat(15_000)}${']'.repeat(15_000)}`;
    for (const route of bodyRoutes) {
      const base = validBody(route, f);
      const schemaChecked = base !== undefined && !route.path.includes('webhook');
      // The deep value replaces the first field of an otherwise valid body.
      const inField = base ? toJson({ ...base, [Object.keys(base)[0]!]: 'RAW:DEEP' }).replace('DEEP', nested) : nested;
      for (const body of [deepArray, deepObject, inField]) {
        const res = await t.request(route.method.toUpperCase(), concrete(route.path), { key: keyFor(route), body });
        expect(res.status, `${route.method} ${route.path}`).toBeLessThan(500);
        if (schemaChecked && body === inField) expect(res.status, `${route.method} ${route.path}`).toBe(400);
      }
    }
    expect(await snapshot(t, f)).toBe(before);
    expect(logs).toBe('');
  });

  // (1e-400 is just 0 in JSON, so it is not among them.)
  test('huge and imprecise numbers (±1e400, 2**53+1, 10**30) in every numeric field are refused with 400 and change nothing', async () => {
    const before = await snapshot(t, f);
    let checked = 0;
    for (const route of bodyRoutes) {
      const base = validBody(route, f);
      if (!base || route.path.includes('webhook')) continue;
      for (const path of leaves(base)) {
        if (typeof path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], base) !== 'number') continue;
        for (const raw of ['1e400', '-1e400', '9007199254740993', '1000000000000000000000000000000']) {
          const res = await t.request(route.method.toUpperCase(), concrete(route.path), { key: keyFor(route), body: toJson(setAt(base, path, `RAW:${raw}`, false)) });
          expect({ route: route.path, field: path, raw, status: res.status }).toEqual({ route: route.path, field: path, raw, status: 400 });
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(await snapshot(t, f)).toBe(before);
  });

  // Each text field with how to write it and read it back.
  const textFields = (value: string): { field: string; write: () => Promise<Response>; read: () => Promise<unknown> }[] => {
    const owner = (method: string, path: string, body?: unknown) => t.request(method, `/api/v1/properties/${f.pid}${path}`, { key: f.key, body });
    const get = async (path: string, pick: (json: any) => unknown) => pick(await (await owner('GET', path)).json());
    let created = '';
    const bookingField = (name: 'firstName' | 'lastName' | 'phone') => ({
      field: `guest.${name}`,
      write: async () => {
        const res = await t.request('POST', `/api/v1/public/properties/${f.pid}/bookings`, {
          body: { ...stay, rooms: [{ rateId: f.rateId, adults: 1 }], guest: { ...guest, [name]: value } },
        });
        created = (await res.clone().json()).booking?.id ?? '';
        return res;
      },
      read: () => get(`/bookings/${created}`, (j) => j.booking.guest[name]),
    });
    return [
      { field: 'property.name', write: () => owner('PATCH', '', { name: value }), read: () => get('', (j) => j.property.name) },
      { field: 'property.description', write: () => owner('PATCH', '', { description: value }), read: () => get('', (j) => j.property.description) },
      { field: 'roomType.name', write: () => owner('PATCH', `/room-types/${f.roomTypeId}`, { name: value }), read: () => get(`/room-types/${f.roomTypeId}`, (j) => j.roomType.name) },
      {
        field: 'roomType.description',
        write: () => owner('PATCH', `/room-types/${f.roomTypeId}`, { description: value }),
        read: () => get(`/room-types/${f.roomTypeId}`, (j) => j.roomType.description),
      },
      { field: 'rate.name', write: () => owner('PATCH', `/rates/${f.rateId}`, { name: value }), read: () => get(`/rates/${f.rateId}`, (j) => j.rate.name) },
      { field: 'rate.description', write: () => owner('PATCH', `/rates/${f.rateId}`, { description: value }), read: () => get(`/rates/${f.rateId}`, (j) => j.rate.description) },
      { field: 'extra.name', write: () => owner('PATCH', `/extras/${f.extraId}`, { name: value }), read: () => get(`/extras/${f.extraId}`, (j) => j.extra.name) },
      { field: 'extra.description', write: () => owner('PATCH', `/extras/${f.extraId}`, { description: value }), read: () => get(`/extras/${f.extraId}`, (j) => j.extra.description) },
      bookingField('firstName'),
      bookingField('lastName'),
      bookingField('phone'),
    ];
  };

  /** Each value is stored and read back exactly; only a NUL may instead be refused, with a 400 naming the field. */
  async function roundTrips(values: readonly string[]) {
    for (const value of values) {
      for (const { field, write, read } of textFields(value)) {
        const res = await write();
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        if (value.includes('\u0000') && res.status === 400) {
          expect((await res.json()).error.details[0].path).toBe(field.replace(/^(property|roomType|rate|extra)\./, ''));
          continue;
        }
        expect({ field, value, status: res.status }).toEqual({ field, value, status: res.status < 300 ? res.status : 200 });
        expect({ field, value: await read() }).toEqual({ field, value });
      }
    }
  }

  test('names in any script, with emoji, RTL marks, combining accents and NUL, are stored and returned exactly', async () => {
    await roundTrips([
      'Hôtel Ünïcødé',
      'فندق السلام',
      'שלום\u200fעולם',
      '\u202eevil.exe',
      '👨‍👩‍👧‍👦 Family Loft 🏨',
      '한옥 스테이',
      'e\u0301\u0301 Zalgo',
      'a\u0000b',
      'B\ufeffOM',
      'zero\u200bwidth',
    ]);
  });

  test('HTML and script in every text field are stored as given and come back as JSON, not markup', async () => {
    await roundTrips(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '</script><svg onload=alert(1)>', "javascript:alert('x')"]);
  });

  test('SQL metacharacters in every text field round-trip exactly', async () => {
    await roundTrips(["'; DROP TABLE bookings; --", "Robert'); DELETE FROM rates;--", '" OR ""="', "\\' OR 1=1 --", '%_% LIKE', '$1 ? :p @p0', '/* c */ -- #']);
    // The tables are all still there: the owner still sees the same number of room types, rates and extras.
    const owner = (path: string) => t.request('GET', `/api/v1/properties/${f.pid}${path}`, { key: f.key });
    expect((await (await owner('/room-types')).json()).roomTypes.length).toBeGreaterThan(0);
    expect((await (await owner('/rates')).json()).rates.length).toBeGreaterThan(0);
    expect((await (await owner('/bookings')).json()).bookings.length).toBeGreaterThan(0);
  });
});

describe.each(backends)('the per-address booking limit on %s', (_name, databaseUrl) => {
  test('1000 booking attempts from one address: 60 are heard, the rest get 429, and at most 60 rooms are held', async () => {
    const t = await createTestApp({ databaseUrl, rateLimitPerMinute: 60 });
    try {
      const p = await t.createProperty();
      const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Dorm', maxGuests: 1, units: 1000 } })).json();
      const rate = await (
        await t.request('POST', `/api/v1/properties/${p.id}/rates`, { key: p.key, body: { roomTypeId: rt.roomType.id, name: 'Bed', nightlyPrice: 3_000, deposit: { type: 'none' } } })
      ).json();
      const body = { ...stay, rooms: [{ rateId: rate.rate.id, adults: 1 }], guest };
      const answers = await Promise.all(Array.from({ length: 1000 }, () => t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, { body })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 429)).toHaveLength(940);
      expect(statuses.filter((s) => s === 201)).toHaveLength(60);
      const limited = answers.find((r) => r.status === 429)!;
      expect((await limited.json()).error.code).toBe('rate_limited');
      expect(limited.headers.get('retry-after') ?? limited.headers.get('ratelimit-reset')).not.toBeNull();
      for (const date of ['2026-12-10', '2026-12-11']) expect(await t.store.soldFromBookings(rt.roomType.id, date, t.now().toISOString())).toBe(60);
      // Reading is not limited: the guest can still see availability.
      expect((await t.request('GET', `/api/v1/public/properties/${p.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}`)).status).toBe(200);
    } finally {
      await t.close();
    }
  }, 60_000);
});

describe('bodies that are not what they claim', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  test('a JSON array where an object belongs is refused and the closed days stay', async () => {
    const p = await t.createProperty();
    await t.request('PUT', `/api/v1/properties/${p.id}/closures`, { key: p.key, body: { weekdays: [1], dates: ['2026-12-31'] } });
    const res = await t.request('PUT', `/api/v1/properties/${p.id}/closures`, { key: p.key, body: [] });
    expect(res.status).toBe(400);
    expect((await (await t.request('GET', `/api/v1/properties/${p.id}/closures`, { key: p.key })).json()).closures).toMatchObject({ weekdays: [1], dates: ['2026-12-31'] });
  });

  test('a name with a broken Unicode surrogate or a NUL is refused with its field named, not mended', async () => {
    const p = await t.createProperty();
    for (const name of ['Hotel \ud800', 'Hotel\u0000']) {
      const res = await t.request('PATCH', `/api/v1/properties/${p.id}`, { key: p.key, body: { name } });
      expect(res.status).toBe(400);
      expect((await res.json()).error.details[0].path).toBe('name');
    }
    expect((await (await t.request('GET', `/api/v1/properties/${p.id}`, { key: p.key })).json()).property.name).toBe('Test Inn');
  });
});
