// Issue 9: a property's named keys. Reaching these routes takes a key with every scope (server/auth.ts).
import { Hono } from 'hono';
import { KeyCreateSchema, type OwnerKey } from '../../shared/schemas/owner-key.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { newOwnerKey } from '../auth.ts';
import { conflict, notFound } from '../errors.ts';
import { newPropertyKey, sha256 } from '../ids.ts';
import type { OwnerKeyRecord } from '../store/store.ts';
import { jsonBody } from '../validate.ts';

// Keys are few (one per person or integration); a bound keeps the list and the revoke check small.
export const MAX_LIVE_KEYS = 50;

const keyView = ({ propertyId: _propertyId, ...key }: OwnerKeyRecord): OwnerKey => key;

/** /api/v1/properties/:pid/keys (owner, every scope). */
export function keys(deps: AppDeps) {
  const { store } = deps;
  const find = async (propertyId: string, id: string) => (await store.listOwnerKeys(propertyId)).find((key) => key.id === id) ?? Promise.reject(notFound('Key'));

  return new Hono<AppEnv>()
    .post('/', jsonBody(KeyCreateSchema), async (c) => {
      const propertyId = c.get('property').id;
      const live = (await store.listOwnerKeys(propertyId)).filter((key) => !key.revokedAt);
      if (live.length >= MAX_LIVE_KEYS) throw conflict('limit_reached', `A property can have at most ${MAX_LIVE_KEYS} live keys; revoke some first`);
      const { record, secretKey } = newOwnerKey(propertyId, { ...c.req.valid('json'), createdAt: deps.clock().toISOString() });
      await store.createOwnerKey(record);
      const key: OwnerKey = { id: record.id, name: record.name, scopes: [...record.scopes], createdAt: record.createdAt, lastUsedAt: null, revokedAt: null };
      return c.json({ key, secretKey }, 201);
    })
    .get('/', async (c) => c.json({ keys: (await store.listOwnerKeys(c.get('property').id)).map(keyView) }))
    .delete('/:kid', async (c) => {
      const outcome = await store.revokeOwnerKey(c.get('property').id, c.req.param('kid'), deps.clock().toISOString());
      if (outcome === 'not_found') throw notFound('Key');
      if (outcome === 'last_full_key') throw conflict('last_full_key', 'This is the only live key with every scope; create or keep another one first, or rotate this one');
      return c.body(null, 204);
    })
    .post('/:kid/rotate', async (c) => {
      const propertyId = c.get('property').id;
      const key = await find(propertyId, c.req.param('kid'));
      const secretKey = newPropertyKey(propertyId);
      if (key.revokedAt || !(await store.rotateOwnerKey(propertyId, key.id, sha256(secretKey)))) throw conflict('key_revoked', 'A revoked key cannot be rotated');
      return c.json({ key: keyView(key), secretKey });
    });
}
