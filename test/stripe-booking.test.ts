// SPEC 2.8 stripe mode against the Stripe stand-in: exact deposit, webhook confirmation,
// and a payment after an expired, resold hold refunded exactly once.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp, WEBHOOK_URL as WEBHOOK } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const guest = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };

describe('deposits paid through Stripe', () => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ t, stripe, close } = await startStripeApp());
  });
  afterEach(() => close());

  async function hotel(units: number) {
    const p = await t.createProperty({ paymentMode: 'stripe' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Suite', maxGuests: 2, units } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Suite', nightlyPrice: 25_000, deposit: { type: 'percentage', percent: 30 } },
      })
    ).json();
    return { id: p.id, rateId: rate.rate.id as string };
  }

  const book = async (h: { id: string; rateId: string }) => {
    const res = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, {
      body: { checkIn: '2026-12-05', checkOut: '2026-12-07', rooms: [{ rateId: h.rateId, adults: 2 }], guest },
    });
    return { status: res.status, body: await res.json() };
  };

  test('the guest is asked for exactly the deposit, the card is kept for the balance, and the webhook confirms', async () => {
    const h = await hotel(2);
    const { status, body } = await book(h);
    expect(status).toBe(201);
    expect(body.payment).toMatchObject({ provider: 'stripe', intentType: 'payment', publishableKey: 'pk_test_directbook' });
    const created = stripe.requests({ method: 'POST', path: '/v1/payment_intents' })[0]!;
    expect(created.params).toMatchObject({ amount: '15000', currency: 'usd', setup_future_usage: 'off_session', metadata: { bookingId: body.booking.id } });
    expect(created.idempotencyKey).toBe(`deposit:${body.booking.id}`);

    const intentId = (await t.store.getBooking(body.booking.id))!.intentId!;
    await stripe.succeed(intentId);
    expect(await t.store.getBooking(body.booking.id)).toMatchObject({ status: 'confirmed', amountPaid: 15_000 });
  });

  test('the confirm call also confirms, by asking Stripe rather than trusting the browser', async () => {
    const h = await hotel(2);
    const { body } = await book(h);
    const confirmEarly = await t.request('POST', `/api/v1/public/bookings/${body.booking.id}/confirm`, { key: body.clientToken });
    expect(confirmEarly.status).toBe(409);
    expect((await confirmEarly.json()).error.code).toBe('payment_incomplete');
    stripe.setWebhookEndpoint(null);
    await stripe.succeed((await t.store.getBooking(body.booking.id))!.intentId!);
    const confirm = await t.request('POST', `/api/v1/public/bookings/${body.booking.id}/confirm`, { key: body.clientToken });
    expect(confirm.status).toBe(200);
    expect((await confirm.json()).booking.status).toBe('confirmed');
  });

  test('a payment that succeeds after its hold expired and the room was resold is refunded exactly once', async () => {
    const h = await hotel(1);
    const late = await book(h);
    t.setNow(new Date(t.now().getTime() + 16 * 60_000));
    const other = await book(h);
    expect(other.status).toBe(201);

    const intentId = (await t.store.getBooking(late.body.booking.id))!.intentId!;
    await stripe.succeed(intentId);
    const event = stripe.events('payment_intent.succeeded')[0]!;
    for (let i = 0; i < 4; i++) await stripe.redeliver(event.id);
    await t.request('POST', `/api/v1/public/bookings/${late.body.booking.id}/confirm`, { key: late.body.clientToken });

    expect(stripe.list('refund')).toHaveLength(1);
    expect(stripe.list('refund')[0]).toMatchObject({ amount: 15_000 });
    expect(await t.store.getBooking(late.body.booking.id)).toMatchObject({ status: 'expired', amountRefunded: 15_000 });
    expect((await t.store.getBooking(other.body.booking.id))!.status).toBe('pending');
  });

  test('events delivered out of order or five times move the booking once', async () => {
    const h = await hotel(2);
    const { body } = await book(h);
    const intentId = (await t.store.getBooking(body.booking.id))!.intentId!;
    await stripe.decline(intentId);
    await stripe.succeed(intentId);
    const failed = stripe.events('payment_intent.payment_failed')[0]!;
    const succeeded = stripe.events('payment_intent.succeeded')[0]!;
    for (let i = 0; i < 4; i++) await stripe.redeliver(succeeded.id);
    const late = await stripe.redeliver(failed.id);
    expect(late.status).toBe(200);
    expect(await t.store.getBooking(body.booking.id)).toMatchObject({ status: 'confirmed', amountPaid: 15_000, amountRefunded: 0 });
  });

  test('webhooks with a tampered body, a wrong secret, no signature or a stale timestamp are refused and change nothing', async () => {
    const h = await hotel(1);
    const { body } = await book(h);
    stripe.setWebhookEndpoint(null);
    const intentId = (await t.store.getBooking(body.booking.id))!.intentId!;
    await stripe.succeed(intentId);
    const event = stripe.events('payment_intent.succeeded')[0]!;
    const endpoint = { url: WEBHOOK, fetch: t.app.fetch };
    const stale = Math.floor(t.now().getTime() / 1000) - 3600;
    const attempts = [
      await stripe.sendWebhook(endpoint, event, { tamper: (p) => p.replace('succeeded', 'succeeded ') }),
      await stripe.sendWebhook(endpoint, event, { secret: 'whsec_wrong' }),
      await stripe.sendWebhook(endpoint, event, { timestamp: stale }),
    ];
    for (const delivery of attempts) expect(delivery.status).toBe(400);
    const unsigned = await t.app.request('/api/v1/stripe/webhook', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);
    expect((await t.store.getBooking(body.booking.id))!.status).toBe('pending');
  });

  test('a deposit Stripe refuses (under its minimum charge) is a clear error for the property, and no room is held', async () => {
    const p = await t.createProperty({ paymentMode: 'stripe' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Bunk', maxGuests: 1, units: 1 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Bunk', nightlyPrice: 100, deposit: { type: 'percentage', percent: 10 } },
      })
    ).json();
    const attempt = () =>
      t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, {
        body: { checkIn: '2026-12-05', checkOut: '2026-12-06', rooms: [{ rateId: rate.rate.id, adults: 1 }], guest },
      });
    const refused = await attempt();
    expect(refused.status).toBe(502);
    expect((await refused.json()).error.code).toBe('payment_refused');
    expect(await t.store.soldFromBookings(rt.roomType.id, '2026-12-05', t.now().toISOString())).toBe(0);
  });

  test('when Stripe cannot be reached the guest gets a retryable error and the room is not held', async () => {
    const h = await hotel(1);
    stripe.failNext(10, 'error');
    const failed = await book(h);
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('payment_unavailable');
    stripe.clearFaults();
    expect((await book(h)).status).toBe(201);
  });
});
