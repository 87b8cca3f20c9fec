// POST /api/v1/stripe/webhook: verified on the raw body, handled once per event id, and the
// intent re-read from Stripe rather than trusted from the event (SPEC 2.8).
import { Hono } from 'hono';
import type { AppDeps } from '../app-env.ts';
import { settlePayment } from '../bookings/settle.ts';
import { settleBalanceIntent } from '../bookings/settle-balance.ts';
import { ApiError } from '../errors.ts';

export function stripeWebhook(deps: AppDeps) {
  return new Hono().post('/', async (c) => {
    const payments = deps.payments;
    if (!payments) throw new ApiError(404, 'not_found', 'Stripe is not configured');
    const event = await payments.verifyWebhook(await c.req.text(), c.req.header('stripe-signature'));
    if (await deps.store.webhookEventSeen(event.eventId)) return c.json({ received: true, duplicate: true });
    const booking = event.intent && (await deps.store.bookingByIntent(event.intent.id));
    if (booking) {
      // Settling is idempotent, so a failure here is answered 503 and Stripe's retry finishes the job.
      await settlePayment({ ...deps, payments }, booking);
      // The webhook carries no property in its context: make this instance's cached public reads fresh.
      deps.cache?.invalidate(booking.propertyId);
    } else {
      // SPEC 2.17: a balance intent is never a booking's own intent, so it is looked up apart.
      const balance = event.intent && (await deps.store.balanceIntent(event.intent.id));
      if (balance) await settleBalanceIntent({ ...deps, payments }, balance);
    }
    await deps.store.recordWebhookEvent(event.eventId, event.type, deps.clock().toISOString());
    return c.json({ received: true });
  });
}
