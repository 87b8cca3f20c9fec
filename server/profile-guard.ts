// SPEC 2.11: a paused property keeps its page and rates but takes no quotes or bookings.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { conflict } from './errors.ts';

export const acceptingBookings: MiddlewareHandler<AppEnv> = async function acceptingBookings(c, next) {
  if (c.get('property').status === 'paused') throw conflict('property_paused', 'This property is not taking bookings at the moment');
  await next();
};
