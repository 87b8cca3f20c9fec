// SPEC 2.7, 2.8: a booking request is priced by the server, its units are held until expiresAt,
// and in stripe mode the deposit's intent is started; a provider failure gives the hold back.
import type { Locale } from '../../shared/locale.ts';
import type { BookingRequest } from '../../shared/schemas/stay.ts';
import { ApiError, conflict, invalidField, soldOut } from '../errors.ts';
import { clientTokenFor, newId, newReference, sha256 } from '../ids.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';
import { deliverSoon } from './events.ts';
import { promoNotApplicable } from './promotions.ts';
import { priceStay } from './quote.ts';
import { takesFor } from './takes.ts';

export type HoldPayment = { provider: 'stripe'; clientSecret: string; publishableKey: string; intentType: 'payment' | 'setup' } | { provider: 'manual' };

export interface Held {
  booking: BookingRecord;
  clientToken: string;
  payment: HoldPayment;
}

/** SPEC 2.15: paying in full is a stripe-mode choice, and every rate booked must offer it. */
function assertPayInFull(property: PropertyRecord, rates: readonly { id: string; payInFullOption?: boolean }[], rooms: readonly { rateId: string }[]) {
  if (property.paymentMode !== 'stripe') throw invalidField('payNow', 'Paying in full is possible only where the property takes payment through Stripe');
  const offering = new Set(rates.filter((r) => r.payInFullOption).map((r) => r.id));
  const index = rooms.findIndex((r) => !offering.has(r.rateId));
  if (index >= 0) throw invalidField('payNow', `The rate of rooms.${index} cannot be paid in full`);
}

/** Issue 9: 429 naming the limit, so a guest who already holds rooms knows to finish or wait rather than retry. */
function tooManyHolds(limit: 'client' | 'email', max: number) {
  const message =
    limit === 'client'
      ? `This connection already holds ${max} unfinished bookings at this property; complete one or wait for it to expire`
      : `This e-mail address already has ${max} unfinished bookings at this property; complete one or wait for it to expire`;
  return new ApiError(429, 'too_many_holds', message, [{ path: limit === 'client' ? 'client' : 'guest.email', message }]);
}

/** Starts (or, for a replay, finds again) the deposit's intent; a provider failure gives a fresh hold back. */
async function startStripePayment(deps: BookingDeps, booking: BookingRecord, fresh: boolean): Promise<HoldPayment> {
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
    return { provider: 'stripe', clientSecret: intent.clientSecret, publishableKey: deps.config.stripePublishableKey ?? '', intentType: intent.type };
  } catch (error) {
    if (fresh) await deps.store.releaseHold(booking.id, deps.clock().toISOString());
    throw error;
  }
}

/**
 * Holds the rooms of a booking request. The same `idempotencyKey` with the same request answers
 * with the first booking (SPEC 2.7); with another request it is 409.
 */
export async function holdBooking(
  deps: BookingDeps,
  property: PropertyRecord,
  request: { body: BookingRequest; locale: Locale; idempotencyKey: string | null; clientKey?: string },
): Promise<Held> {
  const { body, locale, idempotencyKey, clientKey } = request;
  if (property.paymentMode === 'stripe' && !deps.payments) {
    throw new ApiError(503, 'payment_unavailable', 'This property takes payment through Stripe, which is not configured on this server');
  }
  const now = deps.clock();
  const { catalog, quote, promotion } = await priceStay(deps, property, body, locale, 'hold');
  if (quote.promo && !quote.promo.applied) throw promoNotApplicable(quote.promo.reason ?? 'unknown');
  const payInFull = body.payNow === 'full';
  if (payInFull) assertPayInFull(property, catalog.rates, body.rooms);
  const id = newId('bk');
  const clientToken = clientTokenFor(deps.config.tokenSecret, id);
  const result = await deps.store.holdBooking(
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
      lines: quote.lines,
      promoCode: promotion ? body.promoCode : null,
      promoId: promotion?.id,
      total: quote.total,
      // SPEC 2.15: paying in full, the deposit due is the whole total.
      depositDue: payInFull ? quote.total : quote.depositDue,
      balanceDue: payInFull ? 0 : quote.balanceDue,
      paymentMode: property.paymentMode,
      clientTokenHash: sha256(clientToken),
      idempotencyKey,
      requestHash: idempotencyKey ? sha256(JSON.stringify(body)) : null,
      expiresAt: new Date(now.getTime() + deps.config.holdMinutes * 60_000).toISOString(),
      createdAt: now.toISOString(),
      clientKey,
    },
    takesFor(quote.rooms, quote.checkIn, quote.checkOut),
    now.toISOString(),
    { perClient: deps.config.holdsPerClient ?? 0, perEmail: deps.config.holdsPerEmail ?? 0 },
  );
  if (result.status === 'too_many_holds') throw tooManyHolds(result.limit, result.max);
  if (result.status === 'sold_out') throw soldOut();
  if (result.status === 'promo_used_up') throw promoNotApplicable('used_up');
  if (result.status === 'idempotency_mismatch') throw conflict('idempotency_mismatch', 'This Idempotency-Key was used with a different request');
  const booking = result.booking;
  // SPEC 2.18: the hold's transaction enqueued booking.held. Only then: in a rush of holds at a
  // property without webhooks, each kick was a claim transaction that found nothing (issue 13).
  if (result.status === 'held' && result.announced) deliverSoon(deps);
  return {
    booking,
    // A replay answers with the first booking, and so with its token.
    clientToken: booking.id === id ? clientToken : clientTokenFor(deps.config.tokenSecret, booking.id),
    payment: booking.paymentMode === 'stripe' ? await startStripePayment(deps, booking, result.status === 'held') : { provider: 'manual' },
  };
}
