// Issue 9: the headers every answer carries, cross-origin use only where the widget needs it, a CSP
// on the pages this server renders, and no cache keeping owners' or guests' answers.
import { beforeAll, describe, expect, test } from 'vitest';
import { createRate, createRoomType, type Owner, useTestApp } from '../test/support/api.ts';
import { ensureBuilt } from '../test/support/build.ts';
import { serveStatic } from './static.ts';

const guest = { firstName: 'Mina', lastName: 'Park', email: 'mina@example.com' };

describe('security headers', () => {
  const app = useTestApp(undefined);
  let owner: Owner;
  let rateId: string;
  beforeAll(async () => {
    ensureBuilt();
    serveStatic(app().app);
    owner = await app().createProperty({ allowedOrigins: ['https://hotel.example'] });
    const roomType = await createRoomType(app(), owner);
    rateId = (await createRate(app(), owner, roomType['id'] as string))['id'] as string;
  }, 120_000);

  const get = (path: string, key?: string) => app().request('GET', path, key ? { key } : {});
  const book = () =>
    app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, {
      body: { checkIn: '2026-12-10', checkOut: '2026-12-12', rooms: [{ rateId, adults: 2 }], guest },
      headers: { origin: 'https://hotel.example' },
    });

  test('every answer, error or not, says nosniff and a referrer policy, and leaves HSTS to the TLS proxy', async () => {
    const answers = [
      await get('/health'),
      await get(`/api/v1/properties/${owner.id}`, owner.key),
      await get(`/api/v1/properties/${owner.id}`),
      await get('/api/v1/no-such-route'),
      await get(`/api/v1/public/properties/${owner.id}`),
      await get('/widget.js'),
      await get('/'),
      await get('/api/v1/docs'),
    ];
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  test("the widget, its chunks and the public API may be used from a hotel's site; the owner API and pages are this origin's", async () => {
    const chunk = (await get('/widget.js').then((r) => r.text())).match(/chunks\/[\w-]+\.js/)?.[0];
    expect(chunk).toBeDefined();
    for (const path of ['/widget.js', `/${chunk}`, `/api/v1/public/properties/${owner.id}`]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('cross-origin');
      expect(res.headers.get('x-frame-options'), path).toBeNull();
    }
    for (const path of [`/api/v1/properties/${owner.id}`, '/', `/book/${owner.id}`, '/api/v1/docs']) {
      const res = await get(path, owner.key);
      expect(res.headers.get('cross-origin-resource-policy'), path).toBe('same-origin');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
    }
  });

  test("the card frame may be framed by the property's sites, under its own CSP and referrer policy", async () => {
    const res = await get(`/card-frame?property=${owner.id}&parent=https://hotel.example`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self' https://hotel.example");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test.each([
    ['the demo page', '/', true],
    ['the hosted booking page', '/book/:pid', true],
    ['the API reference', '/api/v1/docs', false],
  ])('%s has a CSP: scripts from this origin only, inline styles only under its nonce', async (_page, path, widget) => {
    const res = await get(path.replace(':pid', owner.id));
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(widget ? ["'self'", 'https://js.stripe.com', 'https://*.js.stripe.com'] : ["'none'"]);
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(directives['style-src']!.join(' '))?.[1];
    expect(nonce).toBeDefined();
    for (const style of html.match(/<style[^>]*>/g) ?? []) expect(style).toBe(`<style nonce="${nonce}">`);
    // A fresh nonce on every answer.
    expect((await get(path.replace(':pid', owner.id))).headers.get('content-security-policy')).not.toBe(csp);
  });

  test('owner answers, booking creation and the guest’s booking answers are never stored by a cache', async () => {
    const created = await book();
    expect(created.status).toBe(201);
    const { booking, clientToken } = (await created.json()) as { booking: { id: string }; clientToken: string };
    const answers = [
      created,
      await app().request('POST', '/api/v1/properties', { key: app().adminToken, body: { name: 'Inn', currency: 'USD', timezone: 'UTC', paymentMode: 'manual' } }),
      await get(`/api/v1/properties/${owner.id}`, owner.key),
      await get(`/api/v1/properties/${owner.id}/bookings/${booking.id}`, owner.key),
      await get(`/api/v1/properties/${owner.id}/room-types`),
      await get(`/api/v1/public/bookings/${booking.id}`, clientToken),
      await get(`/api/v1/public/bookings/${booking.id}`),
    ];
    for (const res of answers) expect(res.headers.get('cache-control'), `${res.status} ${res.url}`).toBe('no-store');
    // Public reads of rates are for everyone and may be cached as before.
    expect((await get(`/api/v1/public/properties/${owner.id}`)).headers.get('cache-control')).not.toBe('no-store');
  });
});
