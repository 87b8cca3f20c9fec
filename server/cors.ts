// SPEC 3: public routes answer cross-origin only to the property's allowedOrigins. SPEC 2.23: the
// property's own route answers every origin, saying only whether that origin may embed the widget,
// so an owner (or the widget) can tell "this site is not listed" from "the server is down".
import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppDeps, AppEnv } from './app-env.ts';
import { setAnswerHeader } from './answer-headers.ts';
import { notFound } from './errors.ts';
import type { PropertyRecord } from './store/store.ts';

const corsOptions = {
  allowMethods: ['GET', 'POST', 'OPTIONS'],
  allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'Accept-Language'],
  maxAge: 600,
};

const listed = (origin: string, c: Context<AppEnv>) => ((c.get('property') as PropertyRecord | undefined)?.allowedOrigins ?? []).includes(origin);

/** SPEC 2.23: no Origin (a server, curl), this server's own pages, or a site in allowedOrigins. */
export function embedAllowed(c: Context<AppEnv>, publicUrl: string | undefined): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  const own = [new URL(c.req.url).origin, ...(publicUrl ? [new URL(publicUrl).origin] : [])];
  return own.includes(origin) || listed(origin, c);
}

/**
 * Loads the public route's property (404 when unknown) and applies its CORS policy; `anyOrigin` is for
 * GET /public/properties/:pid alone, whose answer to an unlisted origin says nothing but embedAllowed.
 */
export function publicProperty(deps: AppDeps, options: { anyOrigin?: boolean } = {}): MiddlewareHandler<AppEnv> {
  const policy = cors({ ...corsOptions, origin: options.anyOrigin ? (origin) => origin : (origin, c) => (listed(origin, c as Context<AppEnv>) ? origin : null) });
  return async function publicProperty(c, next) {
    const pid = c.req.param('pid') ?? '';
    // Reads may be a moment old (server/read-cache.ts); a booking or quote prices with the property as it is now.
    const reading = ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method);
    const property = reading ? await deps.cache!.get(pid, 'property', () => deps.store.getProperty(pid)) : await deps.catalogs!.property(pid);
    // SPEC 2.11: a hidden property answers as an unknown one.
    if (!property || !property.visible) throw notFound('Property');
    c.set('property', property);
    if (c.req.method === 'OPTIONS') return policy(c, next);
    await next();
    // The policy's headers of an answer, set on the answer as it is rather than by hono/cors after
    // the handler, which costs a quarter of a cached public read (server/answer-headers.ts).
    const origin = c.req.header('origin');
    const allowed = origin && (options.anyOrigin || listed(origin, c)) ? origin : undefined;
    if (allowed) setAnswerHeader(c, 'Access-Control-Allow-Origin', allowed);
    setAnswerHeader(c, 'Vary', 'Origin', { append: true });
  };
}
