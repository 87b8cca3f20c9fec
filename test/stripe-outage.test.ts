// SPEC 2.7/2.8 when Stripe is down or slow: booking creation fails with a retryable 503 and gives
// the rooms back at once; payments and webhooks that land after the outage still settle.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp, WEBHOOK_URL as WEBHOOK } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const guest = { firstName: 'Hana', lastName: 'Seo', email: 'hana@example.com' };
const stay = { checkIn: '2026-12-05', checkOut: '2026-12-07' };
// Per attempt, and one retry: a hung Stripe costs the guest about a second here, not 30 s.
const TIMEOUT_MS = 300;

describe('bookings while Stripe is down or slow', () => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ t, stripe, close } = await startStripeApp({ payments: { timeoutMs: TIMEOUT_MS, maxNetworkRetries: 1 } }));
  });
  afterEach(() => close());

  async function hotel(units: number) {
    const p = await t.createProperty({ paymentMode: 'stripe' });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Suite', maxGuests: 2, units } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Suite', nightlyPrice: 20_000, deposit: { type: 'percentage', percent: 50 } },
      })
    ).json();
    return { id: p.id, key: p.key, roomTypeId: rt.roomType.id as string, rateId: rate.rate.id as string };
  }

  type Hotel = Awaited<ReturnType<typeof hotel>>;

  const book = async (h: Hotel) => {
    const res = await t.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest } });
    return { status: res.status, body: await res.json() };
  };

  /** Rooms taken on the first night, counted from committed bookings, and what availability offers. */
  async function roomsTaken(h: Hotel) {
    const sold = await t.store.soldFromBookings(h.roomTypeId, stay.checkIn, t.now().toISOString());
    const avail = await (await t.request('GET', `/api/v1/public/properties/${h.id}/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}`)).json();
    return { sold, unitsLeft: avail.roomTypes[0].rates[0].unitsLeft as number };
  }

  async function pendingBookings(h: Hotel) {
    const res = await t.request('GET', `/api/v1/properties/${h.id}/bookings?status=pending`, { key: h.key });
    expect(res.status).toBe(200);
    return (await res.json()).bookings as { id: string }[];
  }

  test('Stripe answering 500s: the guest gets a retryable 503 and the last room stays free for the next guest', async () => {
    const h = await hotel(1);
    stripe.failNext(20, 'error');
    for (let i = 0; i < 3; i++) {
      const failed = await book(h);
      expect(failed.status).toBe(503);
      expect(failed.body.error.code).toBe('payment_unavailable');
    }
    expect(await roomsTaken(h)).toEqual({ sold: 0, unitsLeft: 1 });
    expect(await pendingBookings(h)).toEqual([]);

    stripe.clearFaults();
    const retried = await book(h);
    expect(retried.status).toBe(201);
    expect(await roomsTaken(h)).toEqual({ sold: 1, unitsLeft: 0 });
  });

  test('Stripe hanging past the client timeout: the guest hears 503 within seconds and no hold is left behind', async () => {
    const h = await hotel(2);
    stripe.failNext(4, 'hang');
    const started = performance.now();
    const failed = await book(h);
    const waited = performance.now() - started;
    expect(failed.status).toBe(503);
    expect(failed.body.error.code).toBe('payment_unavailable');
    // Two attempts of TIMEOUT_MS plus the SDK's back-off: the guest is not kept waiting indefinitely.
    expect(waited).toBeLessThan(5_000);
    expect(await roomsTaken(h)).toEqual({ sold: 0, unitsLeft: 2 });
    expect(await pendingBookings(h)).toEqual([]);
    // Nor does anything come back once the hold would have expired.
    t.setNow(new Date(t.now().getTime() + 16 * 60_000));
    expect(await roomsTaken(h)).toEqual({ sold: 0, unitsLeft: 2 });
  });

  test('a dropped connection before Stripe answers is retried with the same idempotency key: one booking, one PaymentIntent', async () => {
    const h = await hotel(1);
    stripe.failNext(1, 'drop', { afterProcessing: true, path: '/v1/payment_intents' });
    const { status, body } = await book(h);
    expect(status).toBe(201);
    const intents = stripe.list('payment_intent');
    expect(intents).toHaveLength(1);
    expect(intents[0]).toMatchObject({ amount: 20_000, metadata: { bookingId: body.booking.id } });
    const attempts = stripe.requests({ method: 'POST', path: '/v1/payment_intents' });
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.idempotencyKey).toBe(`deposit:${body.booking.id}`);
    expect(attempts[1]!.replayed).toBe(true);
  });

  test('Stripe slow but inside the timeout: the booking is held as usual', async () => {
    const h = await hotel(1);
    stripe.setLatency(TIMEOUT_MS / 3);
    const { status, body } = await book(h);
    expect(status).toBe(201);
    expect(body.payment).toMatchObject({ provider: 'stripe', intentType: 'payment' });
    expect(await roomsTaken(h)).toEqual({ sold: 1, unitsLeft: 0 });
  });

  test('a webhook that arrives while Stripe cannot be re-read is answered 503, and its retry after the outage confirms the booking', async () => {
    const h = await hotel(1);
    const { body } = await book(h);
    stripe.setWebhookEndpoint(null);
    const intentId = (await t.store.getBooking(body.booking.id))!.intentId!;
    await stripe.succeed(intentId);
    const event = stripe.events('payment_intent.succeeded')[0]!;
    const endpoint = { url: WEBHOOK, fetch: t.app.fetch };

    stripe.failNext(10, 'error');
    const during = await stripe.redeliver(event.id, endpoint);
    expect(during.status).toBe(503);
    expect((await t.store.getBooking(body.booking.id))!.status).toBe('pending');
    // The guest's own confirm call also says "try again", and keeps the hold.
    const confirm = await t.request('POST', `/api/v1/public/bookings/${body.booking.id}/confirm`, { key: body.clientToken });
    expect(confirm.status).toBe(503);
    expect(await roomsTaken(h)).toEqual({ sold: 1, unitsLeft: 0 });

    stripe.clearFaults();
    const after = await stripe.redeliver(event.id, endpoint);
    expect(after.status).toBe(200);
    expect(await t.store.getBooking(body.booking.id)).toMatchObject({ status: 'confirmed', amountPaid: 20_000 });
    expect(await roomsTaken(h)).toEqual({ sold: 1, unitsLeft: 0 });
  });

  test('a webhook delayed past the hold still confirms the paid booking when its room is free, and counts the room once', async () => {
    const h = await hotel(1);
    const { body } = await book(h);
    stripe.setWebhookEndpoint(null);
    await stripe.succeed((await t.store.getBooking(body.booking.id))!.intentId!);
    t.setNow(new Date(t.now().getTime() + 40 * 60_000));
    expect((await roomsTaken(h)).unitsLeft).toBe(1);

    const event = stripe.events('payment_intent.succeeded')[0]!;
    const delivery = await stripe.redeliver(event.id, { url: WEBHOOK, fetch: t.app.fetch });
    expect(delivery.status).toBe(200);
    expect(await t.store.getBooking(body.booking.id)).toMatchObject({ status: 'confirmed', amountPaid: 20_000, amountRefunded: 0 });
    expect(await roomsTaken(h)).toEqual({ sold: 1, unitsLeft: 0 });
    expect(stripe.list('refund')).toHaveLength(0);
  });
});
