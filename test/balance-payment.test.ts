// SPEC 2.16, 2.17: the guest pays the balance on their manage page, against the Stripe stand-in:
// POST /api/v1/public/bookings/:id/balance makes a PaymentIntent for exactly what is owed, and the
// webhook or the confirm call counts it once, never as the deposit.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backends } from './support/api.ts';
import type { TestApp } from './support/test-app.ts';
import { startStripeApp } from './stripe-app.ts';
import type { StripeStandIn } from './stripe-stand-in/server.ts';

const guest = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };

describe.each(backends)('the balance paid on the manage page, on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let stripe: StripeStandIn;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ t, stripe, close } = await startStripeApp({ app: { databaseUrl } }));
  });
  afterEach(() => close());

  /** A 2-night stay at 250.00 a night with a 30% deposit: 500.00 in all, 150.00 now, 350.00 owed. */
  async function booked(paymentMode: 'stripe' | 'manual' = 'stripe') {
    const p = await t.createProperty({ paymentMode });
    const rt = await (await t.request('POST', `/api/v1/properties/${p.id}/room-types`, { key: p.key, body: { name: 'Suite', maxGuests: 2, units: 2 } })).json();
    const rate = await (
      await t.request('POST', `/api/v1/properties/${p.id}/rates`, {
        key: p.key,
        body: { roomTypeId: rt.roomType.id, name: 'Suite', nightlyPrice: 25_000, deposit: { type: 'percentage', percent: 30 } },
      })
    ).json();
    const res = await t.request('POST', `/api/v1/public/properties/${p.id}/bookings`, {
      body: { checkIn: '2026-12-05', checkOut: '2026-12-07', rooms: [{ rateId: rate.rate.id, adults: 2 }], guest },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    return { owner: p, id: body.booking.id as string, token: body.clientToken as string };
  }

  async function confirmed() {
    const b = await booked();
    await stripe.succeed((await t.store.getBooking(b.id))!.intentId!);
    expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'confirmed', amountPaid: 15_000 });
    return b;
  }

  const askForBalance = (b: { id: string; token: string }) => t.request('POST', `/api/v1/public/bookings/${b.id}/balance`, { key: b.token });

  test('asks Stripe for exactly what is owed, on the deposit’s customer, marked as the balance; asking again gives the same intent', async () => {
    const b = await confirmed();
    const res = await askForBalance(b);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const payment = await res.json();
    expect(payment).toEqual({ clientSecret: expect.stringMatching(/_secret_/), publishableKey: 'pk_test_directbook', amount: 35_000 });
    const [deposit, balance] = stripe.requests({ method: 'POST', path: '/v1/payment_intents' });
    expect(balance!.params).toMatchObject({ amount: '35000', currency: 'usd', metadata: { bookingId: b.id, purpose: 'balance' } });
    expect(balance!.params['customer']).toBe(deposit!.params['customer']);
    expect(balance!.idempotencyKey).toBe(`balance-guest:${b.id}:15000`);
    const again = await (await askForBalance(b)).json();
    expect(again.clientSecret).toBe(payment.clientSecret);
    expect(stripe.list('payment_intent')).toHaveLength(2);
  });

  test('the webhook counts the balance once, however often it comes, and the deposit stays the booking’s intent', async () => {
    const b = await confirmed();
    const depositIntent = (await t.store.getBooking(b.id))!.intentId;
    const { clientSecret } = await (await askForBalance(b)).json();
    const balanceIntent = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
    await stripe.succeed(balanceIntent);
    const event = stripe.events('payment_intent.succeeded').find((e) => (e.data.object as { id: string }).id === balanceIntent)!;
    for (let i = 0; i < 3; i++) expect((await stripe.redeliver(event.id)).status).toBe(200);
    expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'confirmed', amountPaid: 50_000, amountRefunded: 0, intentId: depositIntent });
    expect(stripe.list('refund')).toHaveLength(0);
    const nothingLeft = await askForBalance(b);
    expect(nothingLeft.status).toBe(409);
    expect((await nothingLeft.json()).error.code).toBe('no_balance_due');
  });

  test('without the webhook, the manage page’s confirm call counts it, by asking Stripe rather than the browser', async () => {
    const b = await confirmed();
    const { clientSecret } = await (await askForBalance(b)).json();
    stripe.setWebhookEndpoint(null);
    const early = await t.request('POST', `/api/v1/public/bookings/${b.id}/confirm`, { key: b.token });
    expect((await early.json()).booking.amountPaid).toBe(15_000);
    await stripe.succeed(clientSecret.slice(0, clientSecret.indexOf('_secret_')));
    for (let i = 0; i < 2; i++) {
      const res = await t.request('POST', `/api/v1/public/bookings/${b.id}/confirm`, { key: b.token });
      expect(res.status).toBe(200);
      expect((await res.json()).booking).toMatchObject({ status: 'confirmed', amountPaid: 50_000 });
    }
  });

  test('a full refund after the balance was paid goes back on each intent for what it took', async () => {
    const b = await confirmed();
    const depositIntent = (await t.store.getBooking(b.id))!.intentId!;
    const { clientSecret } = await (await askForBalance(b)).json();
    const balanceIntent = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
    await stripe.succeed(balanceIntent);
    const cancel = await t.request('POST', `/api/v1/properties/${b.owner.id}/bookings/${b.id}/cancel`, { key: b.owner.key, body: { scope: 'booking', refund: 'full' } });
    expect(cancel.status).toBe(200);
    expect((await cancel.json()).refunded).toBe(50_000);
    const refunds = stripe.requests({ method: 'POST', path: '/v1/refunds' }).map((r) => ({ intent: r.params['payment_intent'], amount: r.params['amount'], key: r.idempotencyKey }));
    expect(refunds).toEqual([
      { intent: depositIntent, amount: '15000', key: `refund:${b.id}:booking` },
      { intent: balanceIntent, amount: '35000', key: `refund:${b.id}:booking:${balanceIntent}` },
    ]);
    expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'cancelled', amountPaid: 50_000, amountRefunded: 50_000 });
  });

  test('a balance counted before the booking was cancelled is not refunded again when Stripe reports it late', async () => {
    const b = await confirmed();
    const { clientSecret } = await (await askForBalance(b)).json();
    const balanceIntent = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
    await stripe.succeed(balanceIntent);
    const cancel = await t.request('POST', `/api/v1/properties/${b.owner.id}/bookings/${b.id}/cancel`, { key: b.owner.key, body: { scope: 'booking', refund: 'none' } });
    expect(cancel.status).toBe(200);
    const event = stripe.events('payment_intent.succeeded').find((e) => (e.data.object as { id: string }).id === balanceIntent)!;
    expect((await stripe.redeliver(event.id)).status).toBe(200);
    expect(stripe.list('refund')).toHaveLength(0);
    expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'cancelled', amountPaid: 50_000, amountRefunded: 0 });
  });

  test('a balance paid after the booking was cancelled goes back in full', async () => {
    const b = await confirmed();
    const { clientSecret } = await (await askForBalance(b)).json();
    const cancel = await t.request('POST', `/api/v1/properties/${b.owner.id}/bookings/${b.id}/cancel`, { key: b.owner.key, body: { scope: 'booking', refund: 'none' } });
    expect(cancel.status).toBe(200);
    const balanceIntent = clientSecret.slice(0, clientSecret.indexOf('_secret_'));
    await stripe.succeed(balanceIntent);
    const refunds = stripe.list('refund');
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amount: 35_000, payment_intent: balanceIntent });
    expect(await t.store.getBooking(b.id)).toMatchObject({ status: 'cancelled', amountPaid: 50_000, amountRefunded: 35_000 });
  });

  test('there is no balance to pay before the booking is confirmed, nor when the property charges it itself', async () => {
    const pending = await booked();
    const early = await askForBalance(pending);
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('not_confirmed');
    const manual = await booked('manual');
    const res = await askForBalance(manual);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('not_stripe');
    expect(stripe.requests({ method: 'POST', path: '/v1/payment_intents' })).toHaveLength(1);
  });

  test('a wrong or missing token is 404, as for every guest route, and asks Stripe for nothing', async () => {
    const b = await confirmed();
    expect((await askForBalance({ id: b.id, token: 'not-the-token' })).status).toBe(404);
    expect((await t.request('POST', `/api/v1/public/bookings/${b.id}/balance`)).status).toBe(404);
    expect(stripe.requests({ method: 'POST', path: '/v1/payment_intents' })).toHaveLength(1);
  });
});
