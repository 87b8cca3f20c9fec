// POST /api/v1/public/properties/:pid/bookings: price on the server, hold the units, start payment
// (SPEC 2.7, 2.8); GET /api/v1/public/bookings/:id for the guest holding the clientToken.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { nightsOf } from '../../shared/dates.ts';
import { pickLocale } from '../../shared/locale.ts';
import { BookingRequestSchema } from '../../shared/schemas/stay.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { bearer } from '../auth.ts';
import { ApiError, conflict, notFound, paymentsFailure } from '../errors.ts';
import { clientTokenFor, newId, newReference, sameSecret, sha256 } from '../ids.ts';
import type { BookingRecord, Take } from '../store/booking-store.ts';
import { PaymentsError } from '../payments/payments.ts';
import { settleIntent } from '../payments/settle.ts';
import type { PropertyRecord } from '../store/store.ts';
import { jsonBody } from '../validate.ts';
import { bookingView } from '../views.ts';
import { priceStay } from './public.ts';

export type BookingEnv = { Variables: AppEnv['Variables'] & { booking: BookingRecord } };

function takesFor(rooms: readonly { rateId: string; roomTypeId: string }[], checkIn: string, checkOut: string): Take[] {
  const byKey = new Map<string, Take>();
  for (const room of rooms) {
    for (const date of nightsOf(checkIn, checkOut)) {
      const key = `${room.rateId}|${date}`;
      const take = byKey.get(key) ?? { roomTypeId: room.roomTypeId, rateId: room.rateId, date, rooms: 0 };
      take.rooms += 1;
      byKey.set(key, take);
    }
  }
  return [...byKey.values()];
}

function baseUrl(c: Context, deps: AppDeps) {
  return deps.config.publicUrl ?? new URL(c.req.url).origin;
}

/** The manual-mode card frame, served from this server's origin (SPEC 2.8). */
function cardFrameStep(c: Context, deps: AppDeps, property: PropertyRecord, booking: BookingRecord) {
  const frame = new URL('/card-frame', baseUrl(c, deps));
  frame.searchParams.set('property', property.id);
  frame.searchParams.set('parent', c.req.header('origin') ?? baseUrl(c, deps));
  frame.searchParams.set('locale', booking.locale);
  return { provider: 'manual' as const, cardFrameUrl: frame.toString() };
}

/** Starts (or, for a replay, finds again) the Stripe intent; a provider failure gives the hold back. */
async function stripeStep(deps: AppDeps, booking: BookingRecord, fresh: boolean) {
  const payments = deps.payments!;
  try {
    const intent = await payments.createIntent({
      bookingId: booking.id,
      amount: booking.depositDue,
      currency: booking.currency,
      email: booking.guest.email,
      name: `${booking.guest.firstName} ${booking.guest.lastName}`,
      description: `Booking ${booking.reference}`,
    });
    if (fresh) await deps.store.setIntent(booking.id, intent, deps.clock().toISOString());
    return { provider: 'stripe' as const, clientSecret: intent.clientSecret, publishableKey: deps.config.stripePublishableKey ?? '', intentType: intent.type };
  } catch (error) {
    if (fresh) await deps.store.releaseHold(booking.id, deps.clock().toISOString());
    if (error instanceof PaymentsError) throw paymentsFailure(error);
    throw error;
  }
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export function publicBookingCreation(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>().post('/', jsonBody(BookingRequestSchema), async (c) => {
    const property = c.get('property');
    const body = c.req.valid('json');
    const idempotencyKey = c.req.header('idempotency-key') ?? null;
    if (idempotencyKey !== null && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw new ApiError(400, 'invalid_input', 'Idempotency-Key must be 1 to 255 printable characters', [{ path: 'Idempotency-Key', message: 'Invalid' }]);
    }
    if (property.paymentMode === 'stripe' && !deps.payments) {
      throw new ApiError(503, 'payment_unavailable', 'This property takes payment through Stripe, which is not configured on this server');
    }
    const now = deps.clock();
    const locale = pickLocale(body.locale, c.req.header('accept-language'), property.locale);
    const { quote } = await priceStay(deps, property, body, locale);

    const id = newId('bk');
    const result = await store.holdBooking(
      {
        id,
        reference: newReference(),
        propertyId: property.id,
        checkIn: quote.checkIn,
        checkOut: quote.checkOut,
        nights: quote.nights,
        currency: quote.currency,
        locale,
        guest: body.guest,
        rooms: quote.rooms,
        deposits: quote.deposits,
        total: quote.total,
        depositDue: quote.depositDue,
        balanceDue: quote.balanceDue,
        paymentMode: property.paymentMode,
        clientTokenHash: sha256(clientTokenFor(deps.config.tokenSecret, id)),
        idempotencyKey,
        requestHash: idempotencyKey ? sha256(JSON.stringify(body)) : null,
        expiresAt: new Date(now.getTime() + deps.config.holdMinutes * 60_000).toISOString(),
        createdAt: now.toISOString(),
      },
      takesFor(quote.rooms, quote.checkIn, quote.checkOut),
      now.toISOString(),
    );
    if (result.status === 'sold_out') throw conflict('sold_out', 'Those rooms were just taken; choose again');
    if (result.status === 'idempotency_mismatch') {
      throw conflict('idempotency_mismatch', 'This Idempotency-Key was used with a different request');
    }
    const booking = result.booking;
    return c.json(
      {
        booking: bookingView(booking),
        clientToken: clientTokenFor(deps.config.tokenSecret, booking.id),
        payment:
          booking.paymentMode === 'stripe'
            ? await stripeStep(deps, booking, result.status === 'held')
            : cardFrameStep(c, deps, property, booking),
      },
      201,
    );
  });
}

/** Loads /public/bookings/:id, applies its property's CORS and checks the clientToken. */
export function bookingAccess(deps: AppDeps): MiddlewareHandler<BookingEnv> {
  const policy = cors({
    origin: (origin, c) => ((c.get('property')?.allowedOrigins ?? []).includes(origin) ? origin : null),
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
      const token = bearer(c);
      if (!token) throw new ApiError(401, 'unauthorized', 'Send the booking’s clientToken as Authorization: Bearer <token>');
      if (!sameSecret(token, clientTokenFor(deps.config.tokenSecret, booking.id))) throw notFound('Booking');
      await next();
    });
  };
}

export function publicBookingAccess(deps: AppDeps) {
  return new Hono<BookingEnv>()
    .get('/', (c) => c.json({ booking: bookingView(c.get('booking')) }))
    .post('/confirm', async (c) => {
      const booking = c.get('booking');
      if (booking.paymentMode !== 'stripe' || !deps.payments) throw conflict('not_stripe', 'This booking is not paid through Stripe');
      const settled = await settleIntent(deps, deps.payments, booking).catch((error) => {
        throw error instanceof PaymentsError ? paymentsFailure(error) : error;
      });
      switch (settled.outcome) {
        case 'refunded':
          throw conflict('hold_expired', 'The hold expired and the room was taken; the payment has been refunded');
        case 'final':
          throw conflict('booking_final', 'This booking can no longer be confirmed');
        case 'incomplete':
          throw conflict('payment_incomplete', `The payment is not complete (${settled.status})`);
        default:
          return c.json({ booking: bookingView(settled.booking) });
      }
    });
}

