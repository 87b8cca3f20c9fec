// SPEC 3/5: booking creation and card attempts are limited per client address (429).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { MemoryStore, rateLimiter } from 'hono-rate-limiter';
import { ApiError } from './errors.ts';

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket: all such requests share one bucket.
    return 'local';
  }
}

/**
 * hono-rate-limiter's MemoryStore returns its live counter object and the middleware reads it after
 * an await, so a burst arriving together all see the burst's final count: everyone gets 429.
 * A snapshot of the count at increment time restores "the first N pass".
 */
class SnapshotStore extends MemoryStore {
  override increment(key: string) {
    const { totalHits, resetTime } = super.increment(key);
    return { totalHits, resetTime };
  }
}

export function perAddressLimit(limitPerMinute: number, name: string): MiddlewareHandler {
  return rateLimiter({
    store: new SnapshotStore(),
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => `${name}:${clientAddress(c)}`,
    handler: () => {
      throw new ApiError(429, 'rate_limited', 'Too many attempts from this address; wait a minute and try again');
    },
  });
}
