// POST /api/v1/public/properties/:pid/bookings: hold the rooms and start payment (SPEC 2.7, 2.8);
// GET /api/v1/public/bookings/:id, POST …/confirm, …/balance and …/cancel (SPEC 2.16) for the guest holding the clientToken.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { withoutSensitiveAuthData } from '../../shared/card.ts';
import { pickLocale } from '../../shared/locale.ts';
import { BookingRequestSchema, GuestCancelRequestSchema } from '../../shared/schemas/stay.ts';
import type { AppDeps, AppEnv, BookingEnv } from '../app-env.ts';
import { bearer } from '../auth.ts';
import { cancelByGuest, guestCancellationView } from '../bookings/cancel-by-guest.ts';
import { holdBooking } from '../bookings/hold.ts';
import { clientKey } from '../client-address.ts';
import { settlePayment } from '../bookings/settle.ts';
import { payBalance } from '../bookings/pay-balance.ts';
import { settleBalance } from '../bookings/settle-balance.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { clientTokenFor, sameSecret } from '../ids.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import { jsonBody } from '../validate.ts';
import { bookingView } from '../views.ts';
import { statusAt } from '../../shared/status-at.ts';

/** The manual-mode card frame, served from this server's origin (SPEC 2.8). */
function cardFrameUrl(c: Context, deps: AppDeps, property: PropertyRecord, booking: BookingRecord) {
  const own = deps.config.publicUrl ?? new URL(c.req.url).origin;
  const frame = new URL('/card-frame', own);
  frame.searchParams.set('property', property.id);
  frame.searchParams.set('parent', c.req.header('origin') ?? own);
  frame.searchParams.set('locale', booking.locale);
  return frame.toString();
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function publicBookingCreation(deps: AppDeps) {
  return new Hono<AppEnv>().post('/', jsonBody(withoutSensitiveAuthData(BookingRequestSchema)), async (c) => {
    const property = c.get('property');
    const body = c.req.valid('json');
    const idempotencyKey = c.req.header('idempotency-key') ?? null;
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiError(400, 'invalid_input', 'Idempotency-Key must be 1 to 255 printable characters', [{ path: 'Idempotency-Key', message: 'Invalid' }]);
    }
    const locale = pickLocale(body.locale, c.req.header('accept-language'), property.locale);
    const { booking, clientToken, payment } = await holdBooking(deps, property, { body, locale, idempotencyKey, clientKey: clientKey(c) });
    return c.json(
      {
        booking: bookingView(booking),
        clientToken,
        payment: payment.provider === 'manual' ? { provider: 'manual' as const, cardFrameUrl: cardFrameUrl(c, deps, property, booking) } : payment,
      },
      201,
    );
  });
}

/** Loads /public/bookings/:id, applies its property's CORS and checks the clientToken. */
export function bookingAccess(deps: AppDeps): MiddlewareHandler<BookingEnv> {
  const policy = cors({
    origin: (origin, c) => (((c.get('property') as PropertyRecord | undefined)?.allowedOrigins ?? []).includes(origin) ? origin : null),
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    allowHeaders: ['Content-Type', 'Authorization'],
    maxAge: 600,
  });
  return async function bookingAccess(c, next) {
    const booking = await deps.store.getBooking(c.req.param('id') ?? '');
    const property = booking && (await deps.store.getProperty(booking.propertyId));
    if (!booking || !property) throw notFound('Booking');
    c.set('property', property);
    c.set('booking', booking);
    return policy(c, async () => {
      // A missing token is answered like a wrong one: a 401 would tell which booking ids exist (SPEC 3).
      const token = bearer(c);
      if (!token || !sameSecret(token, clientTokenFor(deps.config.tokenSecret, booking.id))) throw notFound('Booking');
      await next();
    });
  };
}

export function publicBookingAccess(deps: AppDeps) {
  return new Hono<BookingEnv>()
    .get('/', async (c) =>
      c.json({ booking: bookingView(statusAt(c.get('booking'), deps.clock().toISOString())), cancellation: await guestCancellationView(deps, c.get('property'), c.get('booking')) }),
    )
    .post('/cancel', jsonBody(GuestCancelRequestSchema), async (c) => {
      const { booking, ...refund } = await cancelByGuest(deps, c.get('property'), c.get('booking'), c.req.valid('json'));
      return c.json({ booking: bookingView(booking), ...refund });
    })
    .post('/confirm', async (c) => {
      const booking = c.get('booking');
      const payments = deps.payments;
      if (booking.paymentMode !== 'stripe' || !payments) throw conflict('not_stripe', 'This booking is not paid through Stripe');
      const settled = await settlePayment({ ...deps, payments }, booking);
      switch (settled.outcome) {
        case 'refunded':
          throw conflict('hold_expired', 'The hold expired and the room was taken; the payment has been refunded');
        case 'cancelled':
          throw conflict('booking_final', 'This booking was cancelled; any payment has been refunded');
        case 'incomplete':
          throw conflict('payment_incomplete', `The payment is not complete (${settled.status})`);
        default: {
          // SPEC 2.17: a booking confirmed before is here for its balance, paid on the manage page.
          const current = settled.outcome === 'already_confirmed' ? await settleBalance({ ...deps, payments }, settled.booking) : settled.booking;
          return c.json({ booking: bookingView(current) });
        }
      }
    })
    .post('/balance', async (c) => {
      const payments = deps.payments;
      if (c.get('booking').paymentMode !== 'stripe' || !payments) throw conflict('not_stripe', 'This booking is not paid through Stripe');
      return c.json(await payBalance({ ...deps, payments }, c.get('booking')));
    });
}
