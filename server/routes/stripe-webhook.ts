// POST /api/v1/stripe/webhook: verified on the raw body, handled once per event id, and the
// intent re-read from Stripe rather than trusted from the event (SPEC 2.8).
import { Hono } from 'hono';
import type { AppDeps } from '../app-env.ts';
import { ApiError, paymentsFailure } from '../errors.ts';
import { PaymentsError } from '../payments/payments.ts';
import { settleIntent } from '../payments/settle.ts';

export function stripeWebhook(deps: AppDeps) {
  return new Hono().post('/', async (c) => {
    const payments = deps.payments;
    if (!payments) throw new ApiError(404, 'not_found', 'Stripe is not configured');
    const raw = await c.req.text();
    let event;
    try {
      event = await payments.verifyWebhook(raw, c.req.header('stripe-signature'));
    } catch (error) {
      if (error instanceof PaymentsError && error.code === 'bad_signature') throw new ApiError(400, 'bad_signature', 'Webhook signature verification failed');
      throw error;
    }
    if (await deps.store.webhookEventSeen(event.eventId)) return c.json({ received: true, duplicate: true });
    if (event.intent) {
      const booking = await deps.store.bookingByIntent(event.intent.id);
      // Settling is idempotent, so a failure here is answered 503 and Stripe's retry finishes the job.
      if (booking) {
        await settleIntent(deps, payments, booking).catch((error) => {
          throw error instanceof PaymentsError ? paymentsFailure(error) : error;
        });
        // The webhook carries no property in its context: make this instance's cached public reads fresh.
        deps.cache?.invalidate(booking.propertyId);
      }
    }
    await deps.store.recordWebhookEvent(event.eventId, event.type, deps.clock().toISOString());
    return c.json({ received: true });
  });
}
