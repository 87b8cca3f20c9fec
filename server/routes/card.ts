// Manual mode (SPEC 2.8): GET /card-frame serves the card form from this origin;
// POST /api/v1/public/bookings/:id/card stores the card encrypted and confirms the booking.
import { Hono } from 'hono';
import { validateCardSubmission } from '../../shared/card.ts';
import { asLocale } from '../../shared/locale.ts';
import type { AppDeps } from '../app-env.ts';
import { cardFrameHeaders, createCardFrameNonce, renderCardFrame } from '../card-frame/page.ts';
import { ApiError, conflict, invalidField, notFound } from '../errors.ts';
import { bookingView, propertyView } from '../views.ts';
import type { BookingEnv } from './bookings-public.ts';

export function cardFrame(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const property = await deps.store.getProperty(c.req.query('property') ?? '');
    if (!property) throw notFound('Property');
    const own = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const parent = c.req.query('parent') ?? '';
    // The frame talks only to a parent the property allowed (or this server's own pages).
    if (parent !== own && !property.allowedOrigins.includes(parent)) throw invalidField('parent', 'This origin may not embed the card form');
    const nonce = createCardFrameNonce();
    const page = renderCardFrame({
      locale: asLocale(c.req.query('locale')) ?? property.locale,
      acceptedBrands: property.acceptedCardBrands,
      parentOrigin: parent,
      apiBase: '',
      nonce,
      accent: c.req.query('accent'),
    });
    return c.html(page, 200, cardFrameHeaders({ allowedOrigins: [...property.allowedOrigins, own], nonce }));
  });
}

export function cardSubmission(deps: AppDeps) {
  return new Hono<BookingEnv>().post('/', async (c) => {
    const booking = c.get('booking');
    const property = c.get('property');
    const vault = deps.vault;
    if (booking.paymentMode !== 'manual' || !vault) throw conflict('not_manual', 'This booking does not take a card here');
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, 'malformed_json', 'Malformed JSON in request body');
    }
    const now = deps.clock();
    const check = validateCardSubmission(body, { acceptedBrands: property.acceptedCardBrands, now });
    if (!check.success) {
      const first = check.issues[0]!;
      throw new ApiError(400, 'invalid_card', first.message, check.issues);
    }
    if (booking.status !== 'pending') throw conflict('booking_final', 'This booking is no longer waiting for a card');
    const { brand, last4, expMonth, expYear } = check.summary;
    const blob = vault.seal(check.card, booking.id);
    const result = await deps.store.confirmBooking(booking.id, now.toISOString(), { card: { blob, brand, last4, expMonth, expYear } });
    if (result === 'sold_out') throw conflict('hold_expired', 'The hold expired and the room was taken; please choose again');
    if (result === 'final') throw conflict('booking_final', 'This booking is no longer waiting for a card');
    const confirmed = bookingView((await deps.store.getBooking(booking.id))!);
    if (result === 'confirmed') await deps.mailer?.bookingConfirmed(confirmed, propertyView(property));
    return c.json({ booking: confirmed });
  });
}
