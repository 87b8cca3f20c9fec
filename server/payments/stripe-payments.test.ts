import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStripeStandIn, type StripeStandIn } from '../../test/stripe-stand-in/server.ts';
import type { Payments, VerifiedEvent } from './payments.ts';
import { deposit, payAsGuest, paymentsContract, rejection, type StripeHarness } from '../../test/support/payments-contract.ts';
import { createStripePayments, STRIPE_API_VERSION, type StripePaymentsOptions } from './stripe-payments.ts';

let standIn: StripeStandIn;
let harness: StripeHarness;
/** An adapter on the stand-in sharing the harness clock, with `options` changed. */
let adapter: (options?: Partial<StripePaymentsOptions>) => Payments;

beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());
beforeEach(() => {
  const clock = { now: new Date() };
  adapter = (options = {}) =>
    createStripePayments({
      secretKey: standIn.secretKey,
      webhookSecret: standIn.webhookSecret,
      apiBase: standIn.apiBase,
      clock: () => clock.now,
      ...options,
    });
  const url = new URL(standIn.apiBase);
  harness = {
    payments: adapter(),
    stripe: new Stripe(standIn.secretKey, { host: url.hostname, port: url.port, protocol: 'http' }),
    webhookSecret: standIn.webhookSecret,
    clock,
    withWebhookSecret: (webhookSecret) => adapter({ webhookSecret }),
  };
});
afterEach(() => {
  standIn.clearFaults();
  standIn.setWebhookEndpoint(null);
});

describe('the Stripe adapter, against the stand-in', () => {
  paymentsContract(() => harness);
});

describe('the Stripe adapter, as the stand-in sees it', () => {
  it('marks every Stripe write with the idempotency key of its booking', async () => {
    const paid = deposit();
    const kept = deposit({ amount: 0 });
    await harness.payments.createIntent(paid);
    await harness.payments.createIntent(kept);

    const keys = standIn
      .requests({ method: 'POST' })
      .slice(-4)
      .map((request) => [request.path, request.idempotencyKey]);
    expect(keys).toEqual([
      ['/v1/customers', `customer:${paid.bookingId}`],
      ['/v1/payment_intents', `deposit:${paid.bookingId}`],
      ['/v1/customers', `customer:${kept.bookingId}`],
      ['/v1/setup_intents', `setup:${kept.bookingId}`],
    ]);
  });

  it('sends the deposit amount, currency and off-session card saving exactly as computed', async () => {
    const request = deposit({ amount: 9_950, currency: 'EUR' });
    await harness.payments.createIntent(request);
    const [sent] = standIn.requests({ path: '/v1/payment_intents' }).slice(-1);
    expect(sent?.params).toMatchObject({
      amount: '9950',
      currency: 'eur',
      setup_future_usage: 'off_session',
      capture_method: 'automatic',
      metadata: { bookingId: request.bookingId },
    });
  });

  it('creates nothing new at Stripe when a booking asks for its deposit again', async () => {
    const before = standIn.list('payment_intent').length;
    const request = deposit();
    await harness.payments.createIntent(request);
    await harness.payments.createIntent(request);

    expect(standIn.list('payment_intent')).toHaveLength(before + 1);
    const replays = standIn.requests({ path: '/v1/payment_intents' }).filter((r) => r.idempotencyKey === `deposit:${request.bookingId}`);
    expect(replays.map((r) => r.replayed)).toEqual([false, true]);
  });

  it('always speaks the pinned Stripe API version', async () => {
    const ref = await harness.payments.createIntent(deposit());
    await harness.payments.retrieveIntent(ref);
    const versions = new Set(
      standIn
        .requests()
        .slice(-3)
        .map((request) => request.stripeVersion),
    );
    expect([...versions]).toEqual([STRIPE_API_VERSION]);
  });

  it('rides out a brief Stripe outage with retries under the same idempotency key', async () => {
    const request = deposit();
    standIn.failNext(1, 'error', { path: '/v1/payment_intents' });
    const ref = await harness.payments.createIntent(request);

    expect(ref.id).toMatch(/^pi_/);
    const attempts = standIn.requests({ path: '/v1/payment_intents' }).slice(-2);
    expect(attempts.map((a) => [a.status, a.idempotencyKey])).toEqual([
      [500, `deposit:${request.bookingId}`],
      [200, `deposit:${request.bookingId}`],
    ]);
  });

  it('reports Stripe being down as an unavailable error worth retrying', async () => {
    standIn.failNext(3, 'error');
    const error = await rejection(harness.payments.createIntent(deposit()));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
  });

  it('reports Stripe not answering in time as an unavailable error worth retrying', async () => {
    standIn.failNext(3, 'hang');
    const error = await rejection(adapter({ timeoutMs: 150 }).createIntent(deposit()));
    expect(error).toMatchObject({ code: 'unavailable', retryable: true });
  });

  it('still ends with one PaymentIntent when the answer is lost after Stripe created it', async () => {
    const before = standIn.list('payment_intent').length;
    standIn.failNext(1, 'drop', { path: '/v1/payment_intents', afterProcessing: true });
    const ref = await harness.payments.createIntent(deposit());

    expect(standIn.list('payment_intent')).toHaveLength(before + 1);
    expect(standIn.get(ref.id)).toBeDefined();
    expect(
      standIn
        .requests({ path: '/v1/payment_intents' })
        .slice(-2)
        .map((r) => [r.fault, r.replayed]),
    ).toEqual([
      ['drop', false],
      [null, true],
    ]);
  });

  it('reports a rejected API key as unavailable, and not worth retrying', async () => {
    const error = await rejection(adapter({ secretKey: 'sk_live_not_for_tests' }).createIntent(deposit()));
    expect(error).toMatchObject({ code: 'unavailable', retryable: false });
  });

  it('refuses a deposit below Stripe’s minimum charge as an invalid request', async () => {
    const error = await rejection(harness.payments.createIntent(deposit({ amount: 30 })));
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
  });

  it.each([-100, 10.5])('refuses a deposit of %s minor units without asking Stripe', async (amount) => {
    const before = standIn.requests().length;
    const error = await rejection(harness.payments.createIntent(deposit({ amount })));
    expect(error.code).toBe('invalid_request');
    expect(standIn.requests()).toHaveLength(before);
  });

  it('sends Icelandic króna in Stripe’s two-decimal form and reads it back in whole krónur', async () => {
    const ref = await harness.payments.createIntent(deposit({ amount: 15_000, currency: 'ISK' }));
    expect(standIn.requests({ path: '/v1/payment_intents' }).at(-1)?.params).toMatchObject({ amount: '1500000', currency: 'isk' });
    expect(await harness.payments.retrieveIntent(ref)).toMatchObject({ amount: 15_000, currency: 'ISK' });

    await payAsGuest(harness.stripe, ref, 'pm_card_visa');
    const refund = await harness.payments.refund({ intentId: ref.id, amount: 5_000, idempotencyKey: `refund:${ref.id}:1` });
    expect(refund.amount).toBe(5_000);
    expect(standIn.requests({ path: '/v1/refunds' }).at(-1)?.params).toMatchObject({ amount: '500000' });
  });

  it('verifies the webhooks Stripe sends when the guest pays, and names the paid intent', async () => {
    const received: VerifiedEvent[] = [];
    standIn.setWebhookEndpoint({
      url: 'http://directbook.test/api/v1/stripe/webhook',
      fetch: async (request) => {
        received.push(await harness.payments.verifyWebhook(await request.text(), request.headers.get('stripe-signature') ?? undefined));
        return new Response(null, { status: 204 });
      },
    });
    const ref = await harness.payments.createIntent(deposit());
    await standIn.succeed(ref.id);

    expect(received).toEqual([{ eventId: expect.stringMatching(/^evt_/), type: 'payment_intent.succeeded', intent: { id: ref.id, type: 'payment' } }]);
  });
});

describe('the Stripe fee of a payment (SPEC 2.20)', () => {
  it('reads the fee from the balance transaction of the intent’s charge, in the intent’s currency', async () => {
    const ref = await harness.payments.createIntent(deposit({ amount: 15_000, currency: 'USD' }));
    expect(await harness.payments.chargeFee(ref.id)).toBeNull();
    await standIn.succeed(ref.id);
    expect(await harness.payments.chargeFee(ref.id)).toBe(465);
    expect(standIn.requests({ method: 'GET', path: `/v1/payment_intents/${ref.id}` }).at(-1)?.params).toEqual({ expand: ['latest_charge.balance_transaction'] });
  });

  it('takes a fee Stripe kept in the account’s settlement currency back into the charge’s currency', async () => {
    const settling = await startStripeStandIn({ settlement: { currency: 'usd', exchangeRates: { eur: 1.1 } } });
    try {
      const payments = createStripePayments({ secretKey: settling.secretKey, webhookSecret: settling.webhookSecret, apiBase: settling.apiBase });
      const ref = await payments.createIntent(deposit({ amount: 10_000, currency: 'EUR' }));
      await settling.succeed(ref.id);
      // €100.00 settles as $110.00, of which Stripe keeps $3.49: €3.17 at 1.1.
      expect(await payments.chargeFee(ref.id)).toBe(317);
    } finally {
      await settling.close();
    }
  });
});
