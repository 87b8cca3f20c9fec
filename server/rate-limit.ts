// SPEC 3/5, issue 9: limits per client (an address, IPv6 by /64) and per property, so one client
// cannot stop bookings everywhere, and guests behind one proxy do not share one bucket. 429 answers
// keep our error shape and carry RateLimit and Retry-After.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from './app-env.ts';
import { rateLimiter } from 'hono-rate-limiter';
import { clientKey } from './client-address.ts';
import { ApiError } from './errors.ts';
import { MemoryBuckets, type RateLimitStore } from './store/rate-limit-store.ts';
import type { PropertyRecord } from './store/store.ts';

const RATE_WINDOW_MS = 60_000;

const rateLimited = (message: string) => new ApiError(429, 'rate_limited', message);

/** A client's bucket of one limit, per property where the route has one (the public property and booking middleware set it). */
function bucketOf(name: string, c: Context): string {
  const property = c.get('property') as PropertyRecord | undefined;
  return `${name}|${property?.id ?? '-'}|${clientKey(c)}`;
}

/** Counts every request of one client to one property within a minute; past `limitPerMinute` it is 429. */
function clientLimit(options: { name: string; limitPerMinute: number; store: RateLimitStore }): MiddlewareHandler {
  return rateLimiter({
    store: options.store,
    windowMs: RATE_WINDOW_MS,
    limit: options.limitPerMinute,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => bucketOf(options.name, c),
    handler: () => {
      throw rateLimited('Too many attempts from this address; wait a minute and try again');
    },
  });
}

/**
 * Counts only answers of 401, per client: past `limitPerMinute` failures every authenticated route
 * answers 429 to that client until its minute is over, so keys cannot be guessed at speed.
 */
function failedAuthLimit(options: { limitPerMinute: number; store: RateLimitStore }): MiddlewareHandler {
  return async function failedAuthLimit(c, next) {
    const key = bucketOf('auth', c);
    const failures = await options.store.get(key);
    if (failures && failures.totalHits >= options.limitPerMinute) {
      const seconds = Math.max(1, Math.ceil(((failures.resetTime?.getTime() ?? Date.now()) - Date.now()) / 1000));
      c.header('Retry-After', String(seconds));
      c.header('RateLimit', `limit=${options.limitPerMinute}, remaining=0, reset=${seconds}`);
      throw rateLimited('Too many failed authentications from this address; wait a minute and try again');
    }
    await next();
    if (c.res.status === 401) await options.store.increment(key);
  };
}

/**
 * Every limit of the app. Booking, card and confirm attempts and failed authentication count in
 * the store every instance shares; public reads, ten times as generous, count in this instance's
 * memory, since a shared write per read would cost more than the read it guards.
 */
export function rateLimits(deps: Pick<AppDeps, 'config' | 'store'>) {
  const perMinute = deps.config.rateLimitPerMinute;
  const shared = (name: string) => clientLimit({ name, limitPerMinute: perMinute, store: deps.store.rateLimitStore(RATE_WINDOW_MS) });
  return {
    bookings: shared('bookings'),
    cards: shared('cards'),
    confirms: shared('confirms'),
    reads: clientLimit({ name: 'reads', limitPerMinute: perMinute * 10, store: new MemoryBuckets(RATE_WINDOW_MS) }),
    authFailures: failedAuthLimit({ limitPerMinute: perMinute, store: deps.store.rateLimitStore(RATE_WINDOW_MS) }),
  };
}
