import { describe, expect, test } from 'vitest';
import { KEY_SCOPES } from '../../shared/schemas/owner-key.ts';
import { backends, createRoomType, expect400, expectError, json, type Owner, useTestApp } from '../../test/support/api.ts';
import { scopesFor } from '../auth.ts';

describe.each(backends)('owner keys on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const keysOf = (owner: Owner) => `/api/v1/properties/${owner.id}/keys`;
  const as = (owner: Owner, key: string, method: string, path: string, body?: unknown) => app().request(method, `/api/v1/properties/${owner.id}${path}`, { key, body });

  async function issue(owner: Owner, scopes: string[], name = 'Front desk') {
    const res = await app().request('POST', keysOf(owner), { key: owner.key, body: { name, scopes } });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json(res)) as { key: { id: string; name: string; scopes: string[] }; secretKey: string };
  }

  async function expectScope(res: Response, scope: string) {
    expect(res.headers.get('www-authenticate')).toBe(`Bearer error="insufficient_scope", scope="${scope}"`);
    const text = await res.clone().text();
    await expectError(res, 403, 'insufficient_scope');
    expect(text).toContain(scope);
  }

  test('the key given when the property is made has every scope and is listed by name, never with its secret', async () => {
    const owner = await app().createProperty();
    const res = await app().request('GET', keysOf(owner), { key: owner.key });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).keys).toEqual([
      { id: expect.any(String), name: 'First key', scopes: [...KEY_SCOPES], createdAt: '2026-11-24T03:00:00.000Z', lastUsedAt: expect.any(String), revokedAt: null },
    ]);
    expect(text).not.toContain(owner.key.split('.')[2]);
    expect(text).not.toMatch(/hash|secret/i);
  });

  test('a front-desk key reads and cancels bookings but cannot touch rates, the property or cards', async () => {
    const owner = await app().createProperty();
    const desk = await issue(owner, ['bookings']);
    expect(desk.secretKey).toMatch(new RegExp(`^dbk\\.${owner.id}\\.[\\w-]{40,}$`));
    expect(desk.key).toMatchObject({ name: 'Front desk', scopes: ['bookings'] });
    expect((await as(owner, desk.secretKey, 'GET', '/bookings')).status).toBe(200);
    await expectScope(await as(owner, desk.secretKey, 'GET', ''), 'rates');
    await expectScope(await as(owner, desk.secretKey, 'POST', '/room-types', { name: 'Twin', maxGuests: 2, units: 1 }), 'rates');
    await expectScope(await as(owner, desk.secretKey, 'POST', '/bookings/bk_x/card/reveal', { reason: 'No-show' }), 'cards:reveal');
    await expectScope(await as(owner, desk.secretKey, 'GET', '/bookings/bk_x/card/reveals'), 'cards:reveal');
    expect(await app().store.listRoomTypes(owner.id)).toEqual([]);
  });

  test('a rates key manages the whole catalogue and nothing about bookings', async () => {
    const owner = await app().createProperty();
    const { secretKey } = await issue(owner, ['rates'], 'Revenue manager');
    const rt = await createRoomType(app(), { ...owner, key: secretKey });
    for (const [method, path, body] of [
      ['GET', ''],
      ['PATCH', '', { name: 'Renamed Inn' }],
      ['GET', '/rates'],
      ['GET', '/extras'],
      ['GET', '/closures'],
      ['GET', `/room-types/${rt.id}/ical`],
      ['GET', `/room-types/${rt.id}/calendars`],
    ] as const) {
      expect((await as(owner, secretKey, method, path, body)).status, `${method} ${path}`).toBe(200);
    }
    await expectScope(await as(owner, secretKey, 'GET', '/bookings'), 'bookings');
    await expectScope(await as(owner, secretKey, 'POST', '/bookings/bk_x/deposit-charged'), 'bookings');
  });

  test('scopes are given in any order and once each', async () => {
    const owner = await app().createProperty();
    const { key } = await issue(owner, ['cards:reveal', 'rates', 'cards:reveal']);
    expect(key.scopes).toEqual(['rates', 'cards:reveal']);
  });

  test('managing keys takes a key with every scope', async () => {
    const owner = await app().createProperty();
    const { key, secretKey } = await issue(owner, ['rates', 'bookings']);
    await expectScope(await as(owner, secretKey, 'GET', '/keys'), 'cards:reveal');
    await expectScope(await as(owner, secretKey, 'POST', '/keys', { name: 'Mine', scopes: [...KEY_SCOPES] }), 'cards:reveal');
    await expectScope(await as(owner, secretKey, 'POST', `/keys/${key.id}/rotate`), 'cards:reveal');
    await expectScope(await as(owner, secretKey, 'DELETE', `/keys/${key.id}`), 'cards:reveal');
    expect(await app().store.listOwnerKeys(owner.id)).toHaveLength(2);
  });

  test('a revoked key stops working at once and stays listed with when it was revoked', async () => {
    const owner = await app().createProperty();
    const { key, secretKey } = await issue(owner, ['bookings']);
    app().setNow('2026-11-25T08:00:00Z');
    expect((await app().request('DELETE', `${keysOf(owner)}/${key.id}`, { key: owner.key })).status).toBe(204);
    await expectError(await as(owner, secretKey, 'GET', '/bookings'), 401, 'unauthorized');
    const listed = (await json(await app().request('GET', keysOf(owner), { key: owner.key }))).keys;
    expect(listed.find((k: { id: string }) => k.id === key.id)).toMatchObject({ revokedAt: '2026-11-25T08:00:00.000Z' });
    expect((await app().request('DELETE', `${keysOf(owner)}/${key.id}`, { key: owner.key })).status).toBe(204);
    await expectError(await app().request('POST', `${keysOf(owner)}/${key.id}/rotate`, { key: owner.key }), 409, 'key_revoked');
  });

  test('rotating gives a new secret once; the old one stops working and the key keeps its name and scopes', async () => {
    const owner = await app().createProperty();
    const { key, secretKey } = await issue(owner, ['bookings']);
    const res = await app().request('POST', `${keysOf(owner)}/${key.id}/rotate`, { key: owner.key });
    expect(res.status).toBe(200);
    const rotated = await json(res);
    expect(rotated.key).toMatchObject({ id: key.id, name: 'Front desk', scopes: ['bookings'], revokedAt: null });
    expect(rotated.secretKey).toMatch(new RegExp(`^dbk\\.${owner.id}\\.`));
    expect(rotated.secretKey).not.toBe(secretKey);
    await expectError(await as(owner, secretKey, 'GET', '/bookings'), 401);
    expect((await as(owner, rotated.secretKey, 'GET', '/bookings')).status).toBe(200);
    expect(JSON.stringify(await json(await app().request('GET', keysOf(owner), { key: owner.key })))).not.toContain(rotated.secretKey.split('.')[2]);
  });

  test('the first key can rotate itself, and only the new secret works afterwards', async () => {
    const owner = await app().createProperty();
    const [first] = (await json(await app().request('GET', keysOf(owner), { key: owner.key }))).keys;
    const rotated = await json(await app().request('POST', `${keysOf(owner)}/${first.id}/rotate`, { key: owner.key }));
    await expectError(await app().request('GET', keysOf(owner), { key: owner.key }), 401);
    expect((await app().request('GET', keysOf(owner), { key: rotated.secretKey })).status).toBe(200);
  });

  test('the only live key with every scope cannot be revoked, so the owner is never locked out', async () => {
    const owner = await app().createProperty();
    const [first] = (await json(await app().request('GET', keysOf(owner), { key: owner.key }))).keys;
    await expectError(await app().request('DELETE', `${keysOf(owner)}/${first.id}`, { key: owner.key }), 409, 'last_full_key');
    const spare = await issue(owner, [...KEY_SCOPES], 'Spare');
    expect((await app().request('DELETE', `${keysOf(owner)}/${first.id}`, { key: spare.secretKey })).status).toBe(204);
    await expectError(await app().request('DELETE', `${keysOf(owner)}/${spare.key.id}`, { key: spare.secretKey }), 409, 'last_full_key');
  });

  test('two owners revoking the last two full keys at once leave one of them alive', async () => {
    const owner = await app().createProperty();
    const [first] = (await json(await app().request('GET', keysOf(owner), { key: owner.key }))).keys;
    const spare = await issue(owner, [...KEY_SCOPES], 'Spare');
    const [a, b] = await Promise.all([
      app().request('DELETE', `${keysOf(owner)}/${first.id}`, { key: spare.secretKey }),
      app().request('DELETE', `${keysOf(owner)}/${spare.key.id}`, { key: owner.key }),
    ]);
    // The loser is refused as the last full key, or, when the winner finished first, for its revoked key.
    expect([a.status, b.status].filter((status) => status === 204)).toHaveLength(1);
    expect((await app().store.listOwnerKeys(owner.id)).filter((k) => !k.revokedAt)).toHaveLength(1);
  });

  test('a key of another property gets 404 whatever its scopes, and keys of another property cannot be touched', async () => {
    const owner = await app().createProperty();
    const other = await app().createProperty();
    const otherDesk = await issue(other, ['bookings']);
    await expectError(await as(owner, otherDesk.secretKey, 'GET', '/bookings'), 404);
    await expectError(await as(owner, otherDesk.secretKey, 'GET', ''), 404);
    await expectError(await app().request('DELETE', `${keysOf(owner)}/${otherDesk.key.id}`, { key: owner.key }), 404);
    await expectError(await app().request('POST', `${keysOf(owner)}/${otherDesk.key.id}/rotate`, { key: owner.key }), 404);
    expect((await as(other, otherDesk.secretKey, 'GET', '/bookings')).status).toBe(200);
  });

  test('a key needs a name and at least one known scope', async () => {
    const owner = await app().createProperty();
    const create = (body: unknown) => app().request('POST', keysOf(owner), { key: owner.key, body });
    await expect400(await create({ scopes: ['rates'] }), 'name');
    await expect400(await create({ name: ' ', scopes: ['rates'] }), 'name');
    await expect400(await create({ name: 'Desk', scopes: [] }), 'scopes');
    await expect400(await create({ name: 'Desk', scopes: ['admin'] }), 'scopes.0');
    await expect400(await create({ name: 'Desk' }), 'scopes');
  });

  test('when a key was last used is recorded, at most once a minute', async () => {
    const owner = await app().createProperty();
    const { key, secretKey } = await issue(owner, ['bookings']);
    const lastUsed = async () => (await app().store.listOwnerKeys(owner.id)).find((k) => k.id === key.id)!.lastUsedAt;
    expect(await lastUsed()).toBeNull();
    app().setNow('2026-11-24T05:00:00Z');
    await as(owner, secretKey, 'GET', '/bookings');
    expect(await lastUsed()).toBe('2026-11-24T05:00:00.000Z');
    app().setNow('2026-11-24T05:00:30Z');
    await as(owner, secretKey, 'GET', '/bookings');
    expect(await lastUsed()).toBe('2026-11-24T05:00:00.000Z');
    app().setNow('2026-11-24T05:01:00Z');
    await as(owner, secretKey, 'GET', '/bookings');
    expect(await lastUsed()).toBe('2026-11-24T05:01:00.000Z');
  });

  test('a property has at most 50 live keys; revoking one makes room', async () => {
    const owner = await app().createProperty();
    for (let i = 1; i < 50; i++) await issue(owner, ['bookings'], `Key ${i}`);
    await expectError(await app().request('POST', keysOf(owner), { key: owner.key, body: { name: 'One too many', scopes: ['rates'] } }), 409, 'limit_reached');
    const keys = await app().store.listOwnerKeys(owner.id);
    expect((await app().request('DELETE', `${keysOf(owner)}/${keys[1]!.id}`, { key: owner.key })).status).toBe(204);
    await issue(owner, ['rates'], 'Now there is room');
  });

  test('every owner route needs a scope of its own, except the keys, which need a key with every scope', () => {
    const wide = app()
      .app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/properties/:pid'))
      .map((r) => r.path.slice('/api/v1/properties/:pid'.length))
      .filter((path) => scopesFor(path).length === KEY_SCOPES.length);
    expect(wide.length).toBeGreaterThan(0);
    expect(wide.filter((path) => !path.startsWith('/keys'))).toEqual([]);
  });
});
