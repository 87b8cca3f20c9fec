import { Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import type { AppDeps, AppEnv } from './app-env.ts';
import { ownerAuth } from './auth.ts';
import { ReadCache } from './read-cache.ts';
import { publicProperty } from './cors.ts';
import { ApiError, createErrorHandler } from './errors.ts';
import { bookingAccess, publicBookingAccess, publicBookingCreation } from './routes/bookings-public.ts';
import { bookPage } from './routes/book-page.ts';
import { cardFrame, cardSubmission } from './routes/card.ts';
import { apiDocs } from './routes/docs.ts';
import { ownerBookings } from './routes/bookings-owner.ts';
import { perAddressLimit } from './rate-limit.ts';
import { stripeWebhook } from './routes/stripe-webhook.ts';
import { calendars } from './routes/calendars.ts';
import { closures } from './routes/closures.ts';
import { icalFeed } from './routes/ical-feed.ts';
import { roomTypeIcal } from './routes/room-type-ical.ts';
import { extras } from './routes/extras.ts';
import { adminProperties, ownerProperty } from './routes/properties.ts';
import { publicRoutes } from './routes/public.ts';
import { rates } from './routes/rates.ts';
import { roomTypes } from './routes/room-types.ts';
import { rejectNulInPath, requireJson } from './validate.ts';

export type { AppDeps } from './app-env.ts';

// SPEC 3: 413 past 64 KiB, before any body is parsed.
const MAX_BODY_BYTES = 64 * 1024;

export function createApp(given: AppDeps) {
  const deps: AppDeps = { ...given, cache: given.cache ?? new ReadCache() };
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such route');
  });
  app.use('*', rejectNulInPath);

  // Public CORS first, so that even a 413 or 415 reaches the property's own site readably.
  const pub = publicProperty(deps);
  app.use('/api/v1/public/properties/:pid', pub);
  app.use('/api/v1/public/properties/:pid/*', pub);
  const access = bookingAccess(deps);
  app.use('/api/v1/public/bookings/:id', access);
  app.use('/api/v1/public/bookings/:id/*', access);

  // Only requests that may carry a body: reading c.req.raw.body on a GET makes @hono/node-server
  // build a full undici Request (with an AbortSignal and a body stream) for nothing.
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES / 1024} KiB`);
      },
    }),
    requireJson,
  );

  // JSON answers of 1 KiB and more go compressed to clients that take it; cached public reads
  // come already compressed (server/ready-answer.ts) and pass through untouched. A client that
  // takes no encoding skips it: marking its answer (Vary) would copy the whole response.
  const compressed = compress();
  const compressWhenAccepted: MiddlewareHandler = async (c, next) => {
    if (c.req.header('accept-encoding')) return compressed(c, next);
    await next();
  };
  app.use('/api/*', compressWhenAccepted);

  // Any write that touched a property makes this instance's cached public reads of it fresh.
  app.use('*', async function invalidateOnWrite(c, next) {
    await next();
    const property = c.get('property');
    if (property && !['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) deps.cache!.invalidate(property.id);
  });

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/api/v1', apiDocs());

  app.route('/api/v1/properties', adminProperties(deps));
  const owner = ownerAuth(deps);
  app.use('/api/v1/properties/:pid', owner);
  app.use('/api/v1/properties/:pid/*', owner);
  app.route('/api/v1/properties/:pid', ownerProperty(deps));
  app.route('/api/v1/properties/:pid/room-types', roomTypes(deps));
  app.route('/api/v1/properties/:pid/room-types', roomTypeIcal(deps));
  app.route('/api/v1/properties/:pid/rates', rates(deps));
  app.route('/api/v1/properties/:pid/extras', extras(deps));
  app.route('/api/v1/properties/:pid/closures', closures(deps));
  app.route('/api/v1/properties/:pid/bookings', ownerBookings(deps));
  app.route('/api/v1/properties/:pid/room-types/:id/calendars', calendars(deps));

  app.route('/api/v1/public/properties/:pid', publicRoutes(deps));
  app.post('/api/v1/public/properties/:pid/bookings', perAddressLimit(deps.config.rateLimitPerMinute, 'bookings'));
  app.route('/api/v1/public/properties/:pid/bookings', publicBookingCreation(deps));

  app.post('/api/v1/public/bookings/:id/card', perAddressLimit(deps.config.rateLimitPerMinute, 'cards'));
  app.route('/api/v1/public/bookings/:id/card', cardSubmission(deps));
  app.route('/api/v1/public/bookings/:id', publicBookingAccess(deps));
  app.route('/card-frame', cardFrame(deps));
  app.route('/ical', icalFeed(deps));
  app.route('/book', bookPage(deps));
  app.route('/api/v1/stripe/webhook', stripeWebhook(deps));

  return app;
}
