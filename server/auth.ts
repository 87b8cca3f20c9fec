// SPEC 3 auth: ADMIN_TOKEN creates properties; each property's key reaches only that property.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from './app-env.ts';
import { ApiError, notFound } from './errors.ts';
import { matchesHash, propertyIdOfKey } from './ids.ts';

const unauthorized = () => new ApiError(401, 'unauthorized', 'Send a valid key as Authorization: Bearer <key>');

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

/** Checks the property key; a valid key of another property gets 404 so ids never leak. */
export function ownerAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async function ownerAuth(c, next) {
    const key = bearer(c);
    const keyPropertyId = key && propertyIdOfKey(key);
    if (!key || !keyPropertyId) throw unauthorized();
    const property = await deps.store.getProperty(keyPropertyId);
    if (!property || !matchesHash(key, property.keyHash)) throw unauthorized();
    if (c.req.param('pid') !== property.id) throw notFound('Property');
    c.set('property', property);
    await next();
  };
}
