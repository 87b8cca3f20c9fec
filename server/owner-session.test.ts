// SPEC 2.23: the owner console's session cookie: flags, 12 hours, sign-out, CSRF on writes, and
// the key's own property and scopes only.
import { describe, expect, test } from 'vitest';
import { backends, expectError, json, type Owner, useTestApp } from '../test/support/api.ts';

const SESSION = '/owner/api/session';

describe.each(backends)('the owner console session on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function signIn(key: string) {
    const res = await app().request('POST', SESSION, { body: { key } });
    expect(res.status, await res.clone().text()).toBe(201);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const body = await json(res);
    return { setCookie, cookie: setCookie.split(';')[0]!, csrfToken: body.csrfToken as string, propertyId: body.propertyId as string };
  }

  const withCookie = (cookie: string, csrf?: string) => ({ cookie, ...(csrf ? { 'x-csrf-token': csrf } : {}) });
  const propertyName = async (owner: Owner) => (await json(await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key }))).property.name as string;

  test('signing in with a property key sets an HttpOnly, Secure, SameSite=Strict cookie for 12 hours', async () => {
    const owner = await app().createProperty();
    const { setCookie, csrfToken, propertyId } = await signIn(owner.key);
    expect(propertyId).toBe(owner.id);
    expect(csrfToken.length).toBeGreaterThanOrEqual(32);
    expect(setCookie).toMatch(/^__Host-owner_session=[\w-]{40,};/);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; Max-Age=43200/);
  });

  test('a wrong or revoked key signs nobody in', async () => {
    const owner = await app().createProperty();
    for (const key of [`${owner.key}x`, 'not a key']) {
      const res = await app().request('POST', SESSION, { body: { key } });
      await expectError(res, 401, 'unauthorized');
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    await expectError(await app().request('POST', SESSION, { body: {} }), 400, 'invalid_input');
  });

  test('the cookie reads the owner API, and the session is there again after a reload', async () => {
    const owner = await app().createProperty();
    const { cookie, csrfToken } = await signIn(owner.key);
    const res = await app().request('GET', `/api/v1/properties/${owner.id}/bookings`, { headers: withCookie(cookie) });
    expect(res.status).toBe(200);
    const again = await json(await app().request('GET', SESSION, { headers: withCookie(cookie) }));
    expect(again).toEqual({ propertyId: owner.id, csrfToken });
  });

  test('the session ends 12 hours after signing in', async () => {
    const owner = await app().createProperty();
    const { cookie } = await signIn(owner.key);
    const path = `/api/v1/properties/${owner.id}`;
    app().setNow(new Date(app().now().getTime() + 12 * 3_600_000 - 1000));
    expect((await app().request('GET', path, { headers: withCookie(cookie) })).status).toBe(200);
    app().setNow(new Date(app().now().getTime() + 1000));
    await expectError(await app().request('GET', path, { headers: withCookie(cookie) }), 401, 'unauthorized');
    await expectError(await app().request('GET', SESSION, { headers: withCookie(cookie) }), 401, 'unauthorized');
  });

  test('a write with the cookie but without the CSRF token is refused and changes nothing; with it, it works', async () => {
    const owner = await app().createProperty();
    const { cookie, csrfToken } = await signIn(owner.key);
    const before = await propertyName(owner);
    const patch = (headers: Record<string, string>) => app().request('PATCH', `/api/v1/properties/${owner.id}`, { body: { name: 'Seaside Pension' }, headers });
    await expectError(await patch(withCookie(cookie)), 403, 'csrf');
    await expectError(await patch(withCookie(cookie, `${csrfToken.slice(1)}x`)), 403, 'csrf');
    expect(await propertyName(owner)).toBe(before);
    expect((await patch(withCookie(cookie, csrfToken))).status).toBe(200);
    expect(await propertyName(owner)).toBe('Seaside Pension');
    // Bearer callers are unchanged: no token needed.
    const bearer = await app().request('PATCH', `/api/v1/properties/${owner.id}`, { key: owner.key, body: { name: 'Hilltop' } });
    expect(bearer.status).toBe(200);
  });

  test("one property's session cannot reach another property", async () => {
    const a = await app().createProperty();
    const b = await app().createProperty();
    const { cookie, csrfToken } = await signIn(a.key);
    await expectError(await app().request('GET', `/api/v1/properties/${b.id}/bookings`, { headers: withCookie(cookie) }), 404, 'not_found');
    await expectError(await app().request('PATCH', `/api/v1/properties/${b.id}`, { body: { name: 'Taken' }, headers: withCookie(cookie, csrfToken) }), 404, 'not_found');
  });

  test('a session has its key’s scopes, and revoking the key ends it', async () => {
    const owner = await app().createProperty();
    const made = await json(await app().request('POST', `/api/v1/properties/${owner.id}/keys`, { key: owner.key, body: { name: 'Front desk', scopes: ['rates'] } }));
    const { cookie } = await signIn(made.secretKey);
    const path = `/api/v1/properties/${owner.id}`;
    expect((await app().request('GET', `${path}/rates`, { headers: withCookie(cookie) })).status).toBe(200);
    await expectError(await app().request('GET', `${path}/bookings`, { headers: withCookie(cookie) }), 403, 'insufficient_scope');
    expect((await app().request('DELETE', `${path}/keys/${made.key.id}`, { key: owner.key })).status).toBeLessThan(300);
    await expectError(await app().request('GET', `${path}/rates`, { headers: withCookie(cookie) }), 401, 'unauthorized');
  });

  test('signing out needs the CSRF token, and the cookie no longer works afterwards', async () => {
    const owner = await app().createProperty();
    const { cookie, csrfToken } = await signIn(owner.key);
    await expectError(await app().request('DELETE', SESSION, { headers: withCookie(cookie) }), 403, 'csrf');
    const out = await app().request('DELETE', SESSION, { headers: withCookie(cookie, csrfToken) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^__Host-owner_session=;.*Max-Age=0/);
    await expectError(await app().request('GET', `/api/v1/properties/${owner.id}`, { headers: withCookie(cookie) }), 401, 'unauthorized');
    await expectError(await app().request('GET', SESSION, { headers: withCookie(cookie) }), 401, 'unauthorized');
  });

  test('a path under /owner/api/ that no route answers is not found, not the console page', async () => {
    await expectError(await app().request('GET', '/owner/api/bookings'), 404, 'not_found');
    await expectError(await app().request('GET', '/owner/api/session/extra'), 404, 'not_found');
  });

  test('the console page is served with a strict CSP and kept out of search engines', async () => {
    for (const path of ['/owner', '/owner/bookings/bk_1']) {
      const res = await app().request('GET', path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<script type="module" src="/owner.js"></script>');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
      expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
  });
});
