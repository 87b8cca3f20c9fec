// SPEC 3 auth: ADMIN_TOKEN creates properties; each property's keys reach only that property,
// and only the parts their scopes name (issue 9).
import type { Context, MiddlewareHandler } from 'hono';
import { KEY_SCOPES, type KeyScope } from '../shared/schemas/owner-key.ts';
import type { AppDeps, AppEnv } from './app-env.ts';
import { ApiError, notFound } from './errors.ts';
import { matchesHash, newId, newPropertyKey, propertyIdOfKey, sha256 } from './ids.ts';
import { sessionKeyHash } from './owner-session.ts';
import type { NewOwnerKey } from './store/store.ts';

const unauthorized = (message = 'Send a valid key as Authorization: Bearer <key>') => new ApiError(401, 'unauthorized', message);

// Writing last_used_at on every request would make each owner read a write; a minute is precise enough.
const TOUCH_EVERY_MS = 60_000;

export function bearer(c: Context): string | undefined {
  const header = c.req.header('authorization');
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export function adminAuth(deps: AppDeps): MiddlewareHandler {
  return async function adminAuth(c, next) {
    const token = bearer(c);
    if (!token || !matchesHash(token, deps.config.adminTokenHash)) throw unauthorized();
    await next();
  };
}

const CATALOGUE = new Set(['room-types', 'rates', 'extras', 'closures', 'holidays', 'promotions']);

/**
 * The scopes a route under /properties/:pid needs, from the rest of its path. Keys themselves, and
 * any route not named here, need every scope: a new route is closed to limited keys until it is listed.
 */
export function scopesFor(subpath: string): readonly KeyScope[] {
  const [first, , third] = subpath.split('/').filter(Boolean);
  if (first === undefined || CATALOGUE.has(first)) return ['rates'];
  if (first === 'bookings') return third === 'card' ? ['cards:reveal'] : ['bookings'];
  // SPEC 2.20: the settlement report shows the bookings' money and no more than they do.
  if (first === 'reports') return ['bookings'];
  // SPEC 2.18: an endpoint receives the owner's view of every booking, which `bookings` already reads.
  if (first === 'webhooks') return ['bookings'];
  return KEY_SCOPES;
}

/** A new key and its secret: the secret is answered once, only its hash is stored. */
export function newOwnerKey(propertyId: string, fields: { name: string; scopes: readonly KeyScope[]; createdAt: string }): { record: NewOwnerKey; secretKey: string } {
  const secretKey = newPropertyKey(propertyId);
  return { record: { id: newId('key'), propertyId, keyHash: sha256(secretKey), ...fields }, secretKey };
}

/**
 * Checks the property key with one indexed lookup of its SHA-256 (comparing hashes leaks nothing
 * usable about the secret); a valid key of another property gets 404 so ids never leak.
 */
export function ownerAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function ownerAuth(c, next) {
    const secret = bearer(c);
    // SPEC 2.23: without a Bearer key, the console's session cookie stands for the key it was opened with.
    const keyHash = secret ? (propertyIdOfKey(secret) ? sha256(secret) : undefined) : await sessionKeyHash(deps, c);
    if (!keyHash) throw unauthorized();
    const found = await deps.store.ownerKeyByHash(keyHash);
    if (!found) throw unauthorized();
    const { key, property } = found;
    if (key.revokedAt) throw unauthorized('This key was revoked');
    if (c.req.param('pid') !== property.id) throw notFound('Property');
    const subpath = /^\/api\/v1\/properties\/[^/]+(.*)$/.exec(c.req.path)?.[1] ?? '';
    const missing = scopesFor(subpath).filter((scope) => !key.scopes.includes(scope));
    if (missing.length > 0) {
      // RFC 6750 3.1: the scope the request lacks, in the header clients already know.
      c.header('WWW-Authenticate', `Bearer error="insufficient_scope", scope="${missing.join(' ')}"`);
      throw new ApiError(403, 'insufficient_scope', `This key lacks the scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    }
    const now = deps.clock();
    if (!key.lastUsedAt || now.getTime() - Date.parse(key.lastUsedAt) >= TOUCH_EVERY_MS) await deps.store.touchOwnerKey(key.id, now.toISOString());
    c.set('property', property);
    c.set('ownerKey', key);
    c.set('ownerKeyHash', keyHash);
    await next();
  };
}
