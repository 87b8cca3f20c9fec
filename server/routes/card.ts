// Manual mode (SPEC 2.8): GET /card-frame serves the card form from this origin;
// POST /api/v1/public/bookings/:id/card stores the card encrypted and confirms the booking.
import { Hono } from 'hono';
import { asLocale } from '../../shared/locale.ts';
import type { AppDeps, BookingEnv } from '../app-env.ts';
import { submitCard } from '../bookings/submit-card.ts';
import { cardFrameHeaders, createCardFrameNonce, renderCardFrame } from '../card-frame/page.ts';
import { cardFrameScript } from '../card-frame/script.ts';
import { ApiError, invalidField, notFound } from '../errors.ts';
import { bookingView } from '../views.ts';

export function cardFrame(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const property = await deps.store.getProperty(c.req.query('property') ?? '');
    if (!property) throw notFound('Property');
    const own = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const parent = c.req.query('parent') ?? '';
    // The frame talks only to a parent the property allowed (or this server's own pages).
    if (parent !== own && !property.allowedOrigins.includes(parent)) throw invalidField('parent', 'This origin may not embed the card form');
    const script = cardFrameScript();
    if (!script) return c.text('The card frame is not built: run `npm run build`.', 503, { 'Cache-Control': 'no-store' });
    const nonce = createCardFrameNonce();
    const page = renderCardFrame({
      locale: asLocale(c.req.query('locale')) ?? property.locale,
      acceptedBrands: property.acceptedCardBrands,
      parentOrigin: parent,
      apiBase: '',
      nonce,
      accent: c.req.query('accent'),
      script,
    });
    return c.html(page, 200, cardFrameHeaders({ allowedOrigins: [...property.allowedOrigins, own], nonce }));
  });
}

export function cardSubmission(deps: AppDeps) {
  return new Hono<BookingEnv>().post('/', async (c) => {
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      throw new ApiError(400, 'malformed_json', 'Malformed JSON in request body');
    }
    const confirmed = await submitCard(deps, c.get('property'), c.get('booking'), body);
    return c.json({ booking: bookingView(confirmed) });
  });
}
