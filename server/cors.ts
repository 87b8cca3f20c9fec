// SPEC 3: public routes answer cross-origin only to the property's allowedOrigins.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from './app-env.ts';
import { notFound } from './errors.ts';
import type { PropertyRecord } from './store/store.ts';

/** Loads the public route's property (404 when unknown) and applies its CORS policy. */
export function publicProperty(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const policy = cors({
    origin: (origin, c) => {
      const allowed = (c.get('property') as PropertyRecord | undefined)?.allowedOrigins ?? [];
      return allowed.includes(origin) ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Accept-Language'],
    maxAge: 600,
  });
  return async function publicProperty(c, next) {
    const pid = c.req.param('pid') ?? '';
    const property = await deps.cache!.get(pid, 'property', () => deps.store.getProperty(pid));
    if (!property) throw notFound('Property');
    c.set('property', property);
    return policy(c, next);
  };
}
