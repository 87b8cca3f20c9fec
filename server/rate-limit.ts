// SPEC 3/5: booking creation and card attempts are limited per client address (429).
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { ApiError } from './errors.ts';

export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket: all such requests share one bucket.
    return 'local';
  }
}

export function perAddressLimit(limitPerMinute: number, name: string): MiddlewareHandler {
  return rateLimiter({
    windowMs: 60_000,
    limit: limitPerMinute,
    standardHeaders: 'draft-6',
    keyGenerator: (c) => `${name}:${clientAddress(c)}`,
    handler: () => {
      throw new ApiError(429, 'rate_limited', 'Too many attempts from this address; wait a minute and try again');
    },
  });
}
