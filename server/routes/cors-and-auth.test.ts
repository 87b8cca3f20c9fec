import { describe, expect, test } from 'vitest';
import type { TestApp } from '../../test/support/test-app.ts';
import { backends, createExtra, createRate, createRoomType, expectError, json, type Json, type Owner, ownerGet, putClosures, useTestApp } from '../../test/support/api.ts';

const SITE = 'https://harbourview.example';
const STAY = 'checkIn=2026-12-01&checkOut=2026-12-03';

/** The routes the app serves, as `METHOD /path/:param`, without middleware entries and duplicates. */
function servedRoutes(t: TestApp): Array<{ method: string; path: string }> {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of t.app.routes) {
    if (r.method === 'ALL') continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** A property with one of everything, and a snapshot of it as its owner reads it. */
async function furnished(t: TestApp) {
  const owner = await t.createProperty({ allowedOrigins: [SITE], country: 'KR' });
  const roomType = await createRoomType(t, owner);
  const rate = await createRate(t, owner, roomType.id);
  const extra = await createExtra(t, owner);
  await putClosures(t, owner, { weekdays: [1], dates: ['2026-12-24'] });
  return { owner, roomType, rate, extra };
}

async function snapshot(t: TestApp, owner: Owner) {
  return {
    property: await ownerGet(t, owner, ''),
    roomTypes: await ownerGet(t, owner, '/room-types'),
    rates: await ownerGet(t, owner, '/rates'),
    extras: await ownerGet(t, owner, '/extras'),
    closures: await ownerGet(t, owner, '/closures'),
    overrides: await t.store.listPriceOverrides(
      (await ownerGet(t, owner, '/rates')).rates.map((r: Json) => r.id),
      '2000-01-01',
      '9999-12-31',
    ),
  };
}

/** Every owner route filled in with one property's ids, each with a body it would accept. */
function ownerRequests(t: TestApp, ids: { pid: string; roomTypeId: string; rateId: string; extraId: string }) {
  const bodies: Record<string, Json> = {
    'PATCH /api/v1/properties/:pid': { name: 'Taken over' },
    'POST /api/v1/properties/:pid/room-types': { name: 'Intruder room', maxGuests: 2, units: 1 },
    'PATCH /api/v1/properties/:pid/room-types/:id': { units: 0 },
    'POST /api/v1/properties/:pid/rates': { roomTypeId: ids.roomTypeId, name: 'Free', nightlyPrice: 0, deposit: { type: 'none' } },
    'PATCH /api/v1/properties/:pid/rates/:id': { nightlyPrice: 1 },
    'PUT /api/v1/properties/:pid/rates/:id/prices': { prices: [{ from: '2026-12-01', to: '2026-12-31', amount: 1 }] },
    'PUT /api/v1/properties/:pid/rates/:id/restrictions': { restrictions: [{ from: '2026-12-01', to: '2026-12-31', closedToArrival: true }] },
    'POST /api/v1/properties/:pid/extras': { name: 'Free lunch', price: 0, per: 'stay' },
    'PATCH /api/v1/properties/:pid/extras/:id': { price: 1 },
    'PUT /api/v1/properties/:pid/closures': { weekdays: [0, 1, 2, 3, 4, 5, 6] },
  };
  // Reads that need a query to answer at all.
  const queries: Record<string, string> = {
    'GET /api/v1/properties/:pid/reports/settlement': '?from=2026-12-01&to=2026-12-31',
    'GET /api/v1/properties/:pid/rates/:id/prices': '?from=2026-12-01&to=2026-12-31',
    'GET /api/v1/properties/:pid/rates/:id/restrictions': '?from=2026-12-01&to=2026-12-31',
  };
  return servedRoutes(t)
    .filter((r) => r.path.startsWith('/api/v1/properties/:pid'))
    .map((r) => {
      const catalog = /\/(room-types|rates|extras)\/:id/.exec(r.path)?.[1];
      const id = catalog === 'room-types' ? ids.roomTypeId : catalog === 'rates' ? ids.rateId : catalog === 'extras' ? ids.extraId : 'unknown_id';
      return {
        label: `${r.method} ${r.path}`,
        method: r.method,
        path: r.path.replace(':pid', ids.pid).replace(':id', id) + (queries[`${r.method} ${r.path}`] ?? ''),
        body: r.method === 'GET' || r.method === 'DELETE' ? undefined : (bodies[`${r.method} ${r.path}`] ?? {}),
        /** Whether the ids and body name something that exists (routes added later, e.g. bookings, get a made-up id). */
        resolvable:
          (catalog !== undefined || !r.path.includes(':id')) &&
          // A second id (a calendar's :cid) names nothing this fixture made.
          !/:(?!pid\b|id\b)\w+/.test(r.path) &&
          (r.method === 'GET' || r.method === 'DELETE' || `${r.method} ${r.path}` in bodies),
      };
    });
}

describe.each(backends)('CORS, keys and docs on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  describe('CORS on public routes', () => {
    test("the property's own site may ask before posting, with an Idempotency-Key", async () => {
      const { owner } = await furnished(app());
      const res = await app().request('OPTIONS', `/api/v1/public/properties/${owner.id}/quotes`, {
        headers: {
          origin: SITE,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,idempotency-key',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(res.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
      const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/\s*,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(['idempotency-key', 'content-type']));
    });

    test("the property's own site reads availability, and caches know the answer depends on the origin", async () => {
      const { owner } = await furnished(app());
      const res = await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?${STAY}`, { headers: { origin: SITE } });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
      expect(res.headers.get('vary') ?? '').toMatch(/\borigin\b/i);
    });

    test("the property's own site can read an error too", async () => {
      const { owner } = await furnished(app());
      const res = await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=2026-02-30&checkOut=2026-03-02`, {
        headers: { origin: SITE },
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('access-control-allow-origin')).toBe(SITE);
    });

    test("the property's own site can read why a body was refused, too", async () => {
      const { owner } = await furnished(app());
      const url = `/api/v1/public/properties/${owner.id}/quotes`;
      const tooLarge = await app().request('POST', url, {
        headers: { origin: SITE },
        body: { checkIn: '2026-12-01', checkOut: '2026-12-03', rooms: [], padding: 'x'.repeat(65 * 1024) },
      });
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.headers.get('access-control-allow-origin')).toBe(SITE);
      const notJson = await app().request('POST', url, { headers: { origin: SITE, 'content-type': 'text/plain' }, body: 'hello' });
      expect(notJson.status).toBe(415);
      expect(notJson.headers.get('access-control-allow-origin')).toBe(SITE);
      const malformed = await app().request('POST', url, { headers: { origin: SITE }, body: '{"checkIn":' });
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get('access-control-allow-origin')).toBe(SITE);
    });

    test('an origin typed with capitals still lets the site in, or is refused at once', async () => {
      const res = await app().request('POST', '/api/v1/properties', {
        key: app().adminToken,
        body: { name: 'Caps Inn', currency: 'USD', timezone: 'Asia/Seoul', paymentMode: 'manual', allowedOrigins: ['https://HarbourView.example'] },
      });
      if (res.status === 400) return; // refusing it is fine: the owner sees the mistake at once
      expect(res.status).toBe(201);
      const { property } = await json(res);
      // Browsers always send the host in lower case.
      const get = await app().request('GET', `/api/v1/public/properties/${property.id}`, { headers: { origin: 'https://harbourview.example' } });
      expect(get.headers.get('access-control-allow-origin')).toBe('https://harbourview.example');
    });

    test('any other site gets no permission to read', async () => {
      const { owner } = await furnished(app());
      const other = await app().createProperty({ allowedOrigins: ['https://elsewhere.example'] });
      for (const origin of ['https://evil.example', 'https://elsewhere.example', 'http://harbourview.example', `${SITE}.evil.example`, 'null']) {
        const rates = await app().request('GET', `/api/v1/public/properties/${owner.id}/availability`, { headers: { origin } });
        expect(rates.headers.get('access-control-allow-origin'), origin).toBeNull();
        // SPEC 2.23: the property's own route tells any site that it may not embed, and nothing more.
        const get = await app().request('GET', `/api/v1/public/properties/${owner.id}`, { headers: { origin } });
        expect(await get.json(), origin).toEqual({ embedAllowed: false });
        const preflight = await app().request('OPTIONS', `/api/v1/public/properties/${owner.id}/quotes`, {
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
      // The other property's own site is welcome there, and only there.
      const theirs = await app().request('GET', `/api/v1/public/properties/${other.id}`, { headers: { origin: 'https://elsewhere.example' } });
      expect(theirs.headers.get('access-control-allow-origin')).toBe('https://elsewhere.example');
    });
  });

  describe('no CORS on owner and admin routes', () => {
    test("owner routes answer no CORS headers, even to the property's own site", async () => {
      const { owner, rate } = await furnished(app());
      const reads = [
        await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key, headers: { origin: SITE } }),
        await app().request('GET', `/api/v1/properties/${owner.id}/rates/${rate.id}`, { key: owner.key, headers: { origin: SITE } }),
        await app().request('OPTIONS', `/api/v1/properties/${owner.id}/rates`, {
          headers: { origin: SITE, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
        }),
        await app().request('POST', '/api/v1/properties', { key: app().adminToken, headers: { origin: SITE }, body: { name: 'X', currency: 'USD', timezone: 'UTC', paymentMode: 'manual' } }),
      ];
      expect(reads[0]!.status).toBe(200);
      expect(reads[1]!.status).toBe(200);
      for (const res of reads) {
        const cors = [...res.headers.keys()].filter((h) => h.startsWith('access-control-'));
        expect(cors).toEqual([]);
      }
    });
  });

  describe('property keys', () => {
    test('owner routes refuse a missing, malformed or wrong key with 401', async () => {
      const { owner, roomType, rate, extra } = await furnished(app());
      const before = await snapshot(app(), owner);
      const secret = owner.key.split('.')[2]!;
      const other = await app().createProperty();
      const bad: Array<[string, Record<string, string>]> = [
        ['no key', {}],
        ['an empty bearer', { authorization: 'Bearer ' }],
        ['another scheme', { authorization: `Basic ${owner.key}` }],
        ['the key without a scheme', { authorization: owner.key }],
        ['a key without its secret', { authorization: `Bearer dbk.${owner.id}` }],
        ['a wrong secret with the real property id', { authorization: `Bearer dbk.${owner.id}.${'A'.repeat(secret.length)}` }],
        ['the secret alone', { authorization: `Bearer ${secret}` }],
        ["another property's secret with this property's id", { authorization: `Bearer dbk.${owner.id}.${other.key.split('.')[2]}` }],
        ['a key for a property that does not exist', { authorization: `Bearer dbk.prop_nosuchproperty.${secret}` }],
        ['the admin token', { authorization: `Bearer ${app().adminToken}` }],
      ];
      const requests = ownerRequests(app(), { pid: owner.id, roomTypeId: roomType.id, rateId: rate.id, extraId: extra.id });
      for (const [what, headers] of bad) {
        for (const r of requests) {
          const res = await app().request(r.method, r.path, { headers, body: r.body });
          expect(res.status, `${what}: ${r.label}`).toBe(401);
          await expectError(res, 401, 'unauthorized');
        }
      }
      expect(await snapshot(app(), owner)).toEqual(before);
    });

    test("another property's valid key finds nothing on any owner route, and changes nothing", async () => {
      const { owner, roomType, rate, extra } = await furnished(app());
      const intruder = await app().createProperty();
      const before = await snapshot(app(), owner);
      const intruderBefore = await snapshot(app(), intruder);
      const requests = ownerRequests(app(), { pid: owner.id, roomTypeId: roomType.id, rateId: rate.id, extraId: extra.id });
      // Every owner route the server has: property, room types, rates, prices, extras, closures.
      expect(requests.length).toBeGreaterThanOrEqual(20);
      for (const r of requests) {
        const res = await app().request(r.method, r.path, { key: intruder.key, body: r.body });
        expect(res.status, r.label).toBe(404);
        await expectError(res, 404, 'not_found');
      }
      expect(await snapshot(app(), owner)).toEqual(before);
      expect(await snapshot(app(), intruder)).toEqual(intruderBefore);
    });

    test('the same requests with the right key succeed, so the 404s above are about the key', async () => {
      const { owner, roomType, rate, extra } = await furnished(app());
      // Deletes last, and the room type's last of all (it takes its rates with it), so every request finds what it names.
      const order = (r: { method: string; path: string }) => (r.method !== 'DELETE' ? 0 : r.path.includes('/room-types/') ? 2 : 1);
      const requests = ownerRequests(app(), { pid: owner.id, roomTypeId: roomType.id, rateId: rate.id, extraId: extra.id })
        .filter((r) => r.resolvable)
        .sort((a, b) => order(a) - order(b));
      expect(requests.length).toBeGreaterThanOrEqual(20);
      for (const r of requests) {
        const res = await app().request(r.method, r.path, { key: owner.key, body: r.body });
        expect(res.status, `${r.label}: ${await res.clone().text()}`).toBeLessThan(300);
      }
    });

    test('a valid key names no property but its own, even one that does not exist', async () => {
      const owner = await app().createProperty();
      await expectError(await app().request('GET', '/api/v1/properties/prop_nosuchproperty', { key: owner.key }), 404, 'not_found');
      await expectError(await app().request('GET', '/api/v1/properties/prop_nosuchproperty/rates', { key: owner.key }), 404, 'not_found');
    });

    test('the key works whatever the case of the Bearer word', async () => {
      const owner = await app().createProperty();
      const res = await app().request('GET', `/api/v1/properties/${owner.id}`, { headers: { authorization: `bearer ${owner.key}` } });
      expect(res.status).toBe(200);
    });
  });

  describe('documentation and health', () => {
    test('openapi.json is valid OpenAPI 3.0.3 JSON', async () => {
      const res = await app().request('GET', '/api/v1/openapi.json');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const doc = JSON.parse(await res.text());
      expect(doc.openapi).toBe('3.0.3');
      expect(doc.info.title).toEqual(expect.any(String));
      expect(Object.keys(doc.paths).length).toBeGreaterThan(0);
    });

    test('openapi.json describes every route the server answers, with its kind of key', async () => {
      const doc = await json(await app().request('GET', '/api/v1/openapi.json'));
      const routes = servedRoutes(app()).filter((r) => r.path.startsWith('/api/v1/') && r.path !== '/api/v1/openapi.json' && r.path !== '/api/v1/docs');
      const missing: string[] = [];
      for (const r of routes) {
        const path = r.path.replace(/:(\w+)/g, '{$1}');
        const op = doc.paths[path]?.[r.method.toLowerCase()];
        if (!op) {
          missing.push(`${r.method} ${path}`);
          continue;
        }
        const security =
          r.path === '/api/v1/properties'
            ? [{ adminToken: [] }]
            : r.path.startsWith('/api/v1/properties/')
              ? [{ propertyKey: [] }]
              : r.path.startsWith('/api/v1/public/properties/')
                ? []
                : op.security;
        expect(op.security, `${r.method} ${path}`).toEqual(security);
      }
      expect(missing).toEqual([]);
    });

    test('openapi.json describes no route the server does not answer', async () => {
      const doc = await json(await app().request('GET', '/api/v1/openapi.json'));
      const served = new Set(servedRoutes(app()).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
      const documented = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
      expect(documented.filter((d) => !served.has(d))).toEqual([]);
    });

    test('the API docs are a readable HTML page', async () => {
      const res = await app().request('GET', '/api/v1/docs');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html.toLowerCase()).toContain('<!doctype html>');
      expect(html).toContain('/api/v1/properties/{pid}/rates/{id}/prices');
      expect(html).toContain('/api/v1/public/properties/{pid}/availability');
    });

    test('the health check answers', async () => {
      const res = await app().request('GET', '/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    });

    test('an unknown route answers 404 in the error shape', async () => {
      await expectError(await app().request('GET', '/api/v1/nothing-here'), 404, 'not_found');
    });
  });
});
