import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import type { AppDeps, AppEnv } from './app-env.ts';
import { ownerAuth } from './auth.ts';
import { ReadCache } from './read-cache.ts';
import { CurrentCatalogs } from './current-catalog.ts';
import { publicProperty } from './cors.ts';
import { acceptingBookings } from './profile-guard.ts';
import { Turns } from './turns.ts';
import { ApiError, createErrorHandler } from './errors.ts';
import { bookingAccess, publicBookingAccess, publicBookingCreation } from './routes/bookings-public.ts';
import { bookPage } from './routes/book-page.ts';
import { managePage } from './routes/manage-page.ts';
import { ownerPage } from './routes/owner-page.ts';
import { ownerSession } from './routes/owner-session.ts';
import { cardFrame, cardSubmission } from './routes/card.ts';
import { apiDocs } from './routes/docs.ts';
import { ownerBookings } from './routes/bookings-owner.ts';
import { resendConfirmation } from './routes/resend-confirmation.ts';
import { identifyClient } from './client-address.ts';
import { rateLimits } from './rate-limit.ts';
import { stripeWebhook } from './routes/stripe-webhook.ts';
import { calendars } from './routes/calendars.ts';
import { closures } from './routes/closures.ts';
import { holidays } from './routes/holidays.ts';
import { icalFeed } from './routes/ical-feed.ts';
import { roomTypeIcal } from './routes/room-type-ical.ts';
import { extras } from './routes/extras.ts';
import { promotions } from './routes/promotions.ts';
import { keys } from './routes/keys.ts';
import { adminProperties, ownerProperty } from './routes/properties.ts';
import { publicRoutes } from './routes/public.ts';
import { rates } from './routes/rates.ts';
import { restrictions } from './routes/restrictions.ts';
import { reports } from './routes/reports.ts';
import { roomTypes } from './routes/room-types.ts';
import { rejectNulInPath, requireJson } from './validate.ts';
import { limitedBody } from './request-body.ts';
import { noStore, securityHeaders } from './security-headers.ts';
import { health } from './health.ts';
import { metricsEndpoint } from './metrics.ts';
import { webhooks } from './webhooks/routes.ts';

export type { AppDeps } from './app-env.ts';

// Issue 13: measured on the holds rush (three runs each): 4 per turn, 475–543 holds/s with p99
// 197–252 ms; 8, 558–633 with 187–473 ms; 16, 670–806 with 487–1,023 ms. 8 halves the slowest
// guests' wait for a sixth of the throughput.
const BOOKINGS_PER_TURN = 8;

// SPEC 3: 413 past 64 KiB, before any body is parsed.
const MAX_BODY_BYTES = 64 * 1024;

export function createApp(given: AppDeps) {
  const deps: AppDeps = { ...given, cache: given.cache ?? new ReadCache(), catalogs: given.catalogs ?? new CurrentCatalogs(given.store) };
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such route');
  });
  if (deps.metrics) app.use('*', deps.metrics.observe);
  // Before any other work, so that a rush of bookings leaves the event loop turns to accept connections in.
  const bookingTurns = new Turns(BOOKINGS_PER_TURN).middleware();
  for (const path of ['/quotes', '/bookings']) app.post(`/api/v1/public/properties/:pid${path}`, bookingTurns);
  app.use('*', securityHeaders);
  if (deps.metrics && deps.config.metricsToken) app.route('/metrics', metricsEndpoint(deps.metrics.registry, deps.config.metricsToken));
  app.use('*', rejectNulInPath);
  app.use('*', identifyClient(deps.config.trustProxy));
  const limits = rateLimits(deps);
  for (const path of ['/api/v1/properties', '/api/v1/properties/*', '/api/v1/public/bookings/*']) app.use(path, noStore);
  app.post('/api/v1/public/properties/:pid/bookings', noStore);

  // Public CORS first, so that even a 413 or 415 reaches the property's own site readably.
  const pub = publicProperty(deps);
  app.use('/api/v1/public/properties/:pid', publicProperty(deps, { anyOrigin: true }));
  app.use('/api/v1/public/properties/:pid/*', pub);
  for (const path of ['/quotes', '/bookings']) app.post(`/api/v1/public/properties/:pid${path}`, acceptingBookings);
  const access = bookingAccess(deps);
  app.use('/api/v1/public/bookings/:id', access);
  app.use('/api/v1/public/bookings/:id/*', access);

  // Only requests that may carry a body.
  app.on(
    ['POST', 'PUT', 'PATCH', 'DELETE'],
    '/api/*',
    limitedBody(MAX_BODY_BYTES, () => {
      throw new ApiError(413, 'payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES / 1024} KiB`);
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

  // Any write that touched a property makes this instance's cached public reads of it fresh; an
  // owner's write also moves its catalog version, which every instance checks before a booking.
  // A refused request wrote nothing: in a rush most holds are refused, and each one emptied the
  // cache that the guests still choosing dates were reading from (issue 13).
  app.use('*', async function invalidateOnWrite(c, next) {
    await next();
    const property = c.get('property');
    if (!property || c.res.status >= 400 || ['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return;
    if (c.req.path.startsWith('/api/v1/properties/')) await deps.store.touchCatalog(property.id);
    deps.cache!.invalidate(property.id);
  });

  app.route('/health', health(deps));
  app.route('/api/v1', apiDocs());

  // Issue 9: failed admin and owner authentication, per client; /* matches /api/v1/properties itself too.
  app.use('/api/v1/properties/*', limits.authFailures);
  app.route('/api/v1/properties', adminProperties(deps));
  const owner = ownerAuth(deps);
  app.use('/api/v1/properties/:pid', owner);
  app.use('/api/v1/properties/:pid/*', owner);
  app.route('/api/v1/properties/:pid', ownerProperty(deps));
  app.route('/api/v1/properties/:pid/room-types', roomTypes(deps));
  app.route('/api/v1/properties/:pid/room-types', roomTypeIcal(deps));
  app.route('/api/v1/properties/:pid/rates', rates(deps));
  app.route('/api/v1/properties/:pid/rates/:id/restrictions', restrictions(deps));
  app.route('/api/v1/properties/:pid/extras', extras(deps));
  app.route('/api/v1/properties/:pid/promotions', promotions(deps));
  app.route('/api/v1/properties/:pid/closures', closures(deps));
  app.route('/api/v1/properties/:pid/holidays', holidays(deps));
  app.route('/api/v1/properties/:pid/bookings', ownerBookings(deps));
  app.route('/api/v1/properties/:pid/bookings', resendConfirmation(deps));
  app.route('/api/v1/properties/:pid/keys', keys(deps));
  app.route('/api/v1/properties/:pid/reports', reports(deps));
  app.route('/api/v1/properties/:pid/webhooks', webhooks(deps));
  app.route('/api/v1/properties/:pid/room-types/:id/calendars', calendars(deps));

  for (const path of ['', '/calendar', '/availability']) app.get(`/api/v1/public/properties/:pid${path}`, limits.reads);
  app.post('/api/v1/public/properties/:pid/quotes', limits.reads);
  app.route('/api/v1/public/properties/:pid', publicRoutes(deps));
  app.post('/api/v1/public/properties/:pid/bookings', limits.bookings);
  app.route('/api/v1/public/properties/:pid/bookings', publicBookingCreation(deps));

  app.post('/api/v1/public/bookings/:id/card', limits.cards);
  app.post('/api/v1/public/bookings/:id/confirm', limits.confirms);
  app.route('/api/v1/public/bookings/:id/card', cardSubmission(deps));
  app.route('/api/v1/public/bookings/:id', publicBookingAccess(deps));
  app.route('/card-frame', cardFrame(deps));
  app.route('/ical', icalFeed(deps));
  app.route('/book', bookPage(deps));
  app.route('/manage', managePage());
  // SPEC 2.23: the owner console; a wrong key at sign-in counts as a failed authentication.
  app.use('/owner/api/session', limits.authFailures);
  app.route('/owner/api/session', ownerSession(deps));
  app.route('/owner', ownerPage());
  app.route('/api/v1/stripe/webhook', stripeWebhook(deps));

  return app;
}
