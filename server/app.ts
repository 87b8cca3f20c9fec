import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps, AppEnv } from './app-env.ts';
import { ownerAuth } from './auth.ts';
import { publicProperty } from './cors.ts';
import { ApiError, createErrorHandler } from './errors.ts';
import { bookingAccess, publicBookingAccess, publicBookingCreation } from './routes/bookings-public.ts';
import { apiDocs } from './routes/docs.ts';
import { closures } from './routes/closures.ts';
import { extras } from './routes/extras.ts';
import { adminProperties, ownerProperty } from './routes/properties.ts';
import { publicRoutes } from './routes/public.ts';
import { rates } from './routes/rates.ts';
import { roomTypes } from './routes/room-types.ts';
import { requireJson } from './validate.ts';

export type { AppDeps } from './app-env.ts';

// SPEC 3: 413 past 64 KiB, before any body is parsed.
const MAX_BODY_BYTES = 64 * 1024;

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError(createErrorHandler(deps.logger));
  app.notFound(() => {
    throw new ApiError(404, 'not_found', 'No such route');
  });

  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `Bodies are limited to ${MAX_BODY_BYTES / 1024} KiB`);
      },
    }),
    requireJson,
  );

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.route('/api/v1', apiDocs());

  app.route('/api/v1/properties', adminProperties(deps));
  const owner = ownerAuth(deps);
  app.use('/api/v1/properties/:pid', owner);
  app.use('/api/v1/properties/:pid/*', owner);
  app.route('/api/v1/properties/:pid', ownerProperty(deps));
  app.route('/api/v1/properties/:pid/room-types', roomTypes(deps));
  app.route('/api/v1/properties/:pid/rates', rates(deps));
  app.route('/api/v1/properties/:pid/extras', extras(deps));
  app.route('/api/v1/properties/:pid/closures', closures(deps));

  const pub = publicProperty(deps);
  app.use('/api/v1/public/properties/:pid', pub);
  app.use('/api/v1/public/properties/:pid/*', pub);
  app.route('/api/v1/public/properties/:pid', publicRoutes(deps));
  app.route('/api/v1/public/properties/:pid/bookings', publicBookingCreation(deps));

  const access = bookingAccess(deps);
  app.use('/api/v1/public/bookings/:id', access);
  app.use('/api/v1/public/bookings/:id/*', access);
  app.route('/api/v1/public/bookings/:id', publicBookingAccess());

  return app;
}
