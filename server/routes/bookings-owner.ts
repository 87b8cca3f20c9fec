// The owner's bookings (SPEC 3, 2.8, 2.9, 2.23): list and search, read, cancel, reveal a stored card, mark the
// deposit charged, record balance payments.
import { Hono } from 'hono';
import { BookingListQuerySchema, CancelBookingSchema } from '../../shared/schemas/stay.ts';
import { CardRevealRequestSchema } from '../../shared/schemas/owner-key.ts';
import { RecordPaymentSchema } from '../../shared/schemas/recorded-payment.ts';
import { statusAt } from '../../shared/status-at.ts';
import { deliverSoon } from '../bookings/events.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { cancelByOwner } from '../bookings/cancel.ts';
import { ApiError, conflict, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { clientAddress } from '../client-address.ts';
import { jsonBody, query } from '../validate.ts';
import { CardVaultError } from '../vault/card-vault.ts';
import { openStoredCard } from '../vault/stored-cards.ts';
import type { BookingRecord } from '../store/store.ts';
import { bookingView, ownerBookingView, propertyView } from '../views.ts';

// Issue 9: a leaked key can read a handful of cards, not the whole book, before anyone notices.
export const REVEALS_PER_KEY_PER_HOUR = 10;

/** Issue 9: a card whose key left the ring (or was altered) is a state the operator can fix, not a server error. */
function unreadable(error: unknown): never {
  if (error instanceof CardVaultError) throw conflict('card_unreadable', `The stored card cannot be opened: ${error.message}`);
  throw error;
}

export function ownerBookings(deps: AppDeps) {
  const { store } = deps;
  const now = () => deps.clock().toISOString();
  const find = async (propertyId: string, id: string) => {
    const booking = await store.getBooking(id);
    if (!booking || booking.propertyId !== propertyId) throw notFound('Booking');
    return booking;
  };
  const ownerView = (booking: BookingRecord) => ownerBookingView(statusAt(booking, now()));

  return new Hono<AppEnv>()
    .get('/', query(BookingListQuerySchema), async (c) => {
      const bookings = await store.listBookings(c.get('property').id, { ...c.req.valid('query'), asOf: now() });
      return c.json({ bookings: bookings.map(ownerView) });
    })
    .get('/:id', async (c) => {
      const booking = await find(c.get('property').id, c.req.param('id'));
      return c.json({ booking: ownerView(booking), payments: await store.recordedPayments(booking.id) });
    })
    .post('/:id/payments', jsonBody(RecordPaymentSchema), async (c) => {
      const booking = await find(c.get('property').id, c.req.param('id'));
      const payment = { ...c.req.valid('json'), id: newId('pay') };
      const result = await store.recordPayment(booking.id, payment, now());
      if (result === 'not_confirmed') throw conflict('not_confirmed', 'Payments are recorded on confirmed bookings only');
      if (result === 'over_balance') throw conflict('over_balance', `More than the balance due (${booking.balanceDue})`);
      deliverSoon(deps);
      const [updated, payments] = await Promise.all([store.getBooking(booking.id), store.recordedPayments(booking.id)]);
      // SPEC 2.23: the guest gets a receipt for what the owner recorded.
      await deps.mailer?.paymentRecorded(bookingView(updated!), propertyView(c.get('property')), payment);
      return c.json({ booking: ownerView(updated!), payment: payments.find((p) => p.id === payment.id)! }, 201);
    })
    .post('/:id/cancel', jsonBody(CancelBookingSchema), async (c) => {
      const property = c.get('property');
      const { booking, ...refund } = await cancelByOwner(deps, property, await find(property.id, c.req.param('id')), c.req.valid('json'));
      return c.json({ booking: ownerView(booking), ...refund });
    })
    .post('/:id/card/reveal', jsonBody(CardRevealRequestSchema), async (c) => {
      const property = c.get('property');
      const booking = await find(property.id, c.req.param('id'));
      if (booking.paymentMode !== 'manual' || !booking.cardBlob || !deps.vault) throw conflict('no_card', 'No stored card for this booking (never given, or purged)');
      const card = await openStoredCard(store, deps.vault, { id: booking.id, cardBlob: booking.cardBlob }).catch(unreadable);
      const key = c.get('ownerKey');
      const now = deps.clock();
      const recorded = await store.recordCardReveal(
        {
          bookingId: booking.id,
          propertyId: property.id,
          keyId: key.id,
          keyName: key.name,
          keyFingerprint: c.var.ownerKeyHash.slice(0, 16),
          reason: c.req.valid('json').reason,
          ip: clientAddress(c),
          userAgent: c.req.header('user-agent') ?? null,
          at: now.toISOString(),
        },
        { max: REVEALS_PER_KEY_PER_HOUR, since: new Date(now.getTime() - 3_600_000).toISOString() },
      );
      if (!recorded) throw new ApiError(429, 'rate_limited', `A key may reveal at most ${REVEALS_PER_KEY_PER_HOUR} cards an hour`);
      c.header('Cache-Control', 'no-store');
      return c.json({ card: { number: card.number, expMonth: card.expMonth, expYear: card.expYear, holderName: card.holderName } });
    })
    .get('/:id/card/reveals', async (c) => {
      const booking = await find(c.get('property').id, c.req.param('id'));
      const reveals = await store.cardReveals(booking.id);
      return c.json({ reveals: reveals.map(({ keyFingerprint: _fingerprint, ...reveal }) => reveal) });
    })
    .post('/:id/deposit-charged', async (c) => {
      const property = c.get('property');
      const booking = await find(property.id, c.req.param('id'));
      // SPEC 2.23: kept for the balance or a no-show fee; housekeeping erases it CARD_PURGE_DAYS after checkout.
      const keepCard = property.cardRetention === 'until_checkout';
      if (!(await store.markDepositCharged(booking.id, now(), { keepCard }))) {
        throw conflict('booking_final', 'Only a confirmed booking whose deposit is not yet marked can be marked charged');
      }
      return c.json({ booking: ownerView((await store.getBooking(booking.id))!) });
    });
}
