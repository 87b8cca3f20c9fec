// The stand-in driven by the real stripe SDK: each behaviour here is one real Stripe test mode has.
import { createServer } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStripeStandIn, type PaymentMethod, type StripeStandIn } from './server.ts';

let standIn: StripeStandIn;

beforeAll(async () => {
  standIn = await startStripeStandIn();
});
afterAll(() => standIn.close());
afterEach(() => {
  standIn.clearFaults();
  standIn.setWebhookEndpoint(null);
});

function sdk(config: Stripe.StripeConfig = {}, key = 'sk_test_stand_in_suite'): Stripe {
  const url = new URL(standIn.apiBase);
  return new Stripe(key, { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0, ...config });
}

async function failure<T extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => T): Promise<T> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

const depositParams = (amount = 5_000): Stripe.PaymentIntentCreateParams => ({
  amount,
  currency: 'usd',
  setup_future_usage: 'off_session',
  automatic_payment_methods: { enabled: true },
  metadata: { bookingId: 'bk_42' },
});

async function paidIntent(stripe: Stripe, amount = 5_000): Promise<Stripe.PaymentIntent> {
  const intent = await stripe.paymentIntents.create(depositParams(amount));
  return stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' });
}

describe('the Stripe stand-in', () => {
  it('creates PaymentIntents shaped like Stripe’s, with a client secret for the browser', async () => {
    const intent = await sdk().paymentIntents.create(depositParams());
    expect(intent).toMatchObject({
      object: 'payment_intent',
      amount: 5_000,
      amount_received: 0,
      currency: 'usd',
      status: 'requires_payment_method',
      setup_future_usage: 'off_session',
      livemode: false,
      latest_charge: null,
      metadata: { bookingId: 'bk_42' },
    });
    expect(intent.id).toMatch(/^pi_\w{24}$/);
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_\\w+$`));
    expect(intent.created).toBeCloseTo(Date.now() / 1000, -1);
  });

  it('answers a repeated idempotency key with the first answer, marked as replayed', async () => {
    const stripe = sdk();
    const first = await stripe.paymentIntents.create(depositParams(), { idempotencyKey: 'deposit:replay' });
    const second = await stripe.paymentIntents.create(depositParams(), { idempotencyKey: 'deposit:replay' });

    expect(second.id).toBe(first.id);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(standIn.list('payment_intent').filter((intent) => intent.id === first.id)).toHaveLength(1);
  });

  it('refuses an idempotency key reused with other parameters, as Stripe does', async () => {
    const stripe = sdk();
    await stripe.paymentIntents.create(depositParams(5_000), { idempotencyKey: 'deposit:mismatch' });
    const error = await failure(stripe.paymentIntents.create(depositParams(6_000), { idempotencyKey: 'deposit:mismatch' }), Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('same parameters');
  });

  it('tells a request whose key is still in progress to wait (409), so its retry gets the first answer', async () => {
    standIn.setLatency(200);
    const stripe = sdk({ maxNetworkRetries: 2 });
    const [first, second] = await Promise.all([
      stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'customer:concurrent' }),
      stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'customer:concurrent' }),
    ]);
    expect(second.id).toBe(first.id);
    expect(standIn.requests({ path: '/v1/customers' }).some((request) => request.status === 409)).toBe(true);
  });

  it('declines pm_card_chargeDeclined with a 402 card_error and leaves the intent awaiting a new card', async () => {
    const stripe = sdk();
    const intent = await stripe.paymentIntents.create(depositParams());
    const error = await failure(stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_chargeDeclined' }), Stripe.errors.StripeCardError);
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'generic_decline' });

    const after = await stripe.paymentIntents.retrieve(intent.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.decline_code).toBe('generic_decline');
    expect(standIn.events('payment_intent.payment_failed').at(-1)?.data.object).toMatchObject({ id: intent.id });
  });

  it('holds a 3D Secure card in requires_action until the guest authenticates, then takes the money', async () => {
    const stripe = sdk();
    const intent = await stripe.paymentIntents.create(depositParams());
    const waiting = await stripe.paymentIntents.confirm(intent.id, {
      payment_method: 'pm_card_threeDSecure2Required',
      return_url: 'https://hotel.example/return',
    });
    expect(waiting.status).toBe('requires_action');
    expect(waiting.next_action?.redirect_to_url?.return_url).toBe('https://hotel.example/return');

    await standIn.completeAction(intent.id);
    expect(await stripe.paymentIntents.retrieve(intent.id)).toMatchObject({ status: 'succeeded', amount_received: 5_000 });
  });

  it('returns a failed 3D Secure payment to awaiting a new card', async () => {
    const stripe = sdk();
    const intent = await stripe.paymentIntents.create(depositParams());
    await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_authenticationRequired' });
    await standIn.failAction(intent.id);
    const after = await stripe.paymentIntents.retrieve(intent.id);
    expect(after.status).toBe('requires_payment_method');
    expect(after.last_payment_error?.code).toBe('payment_intent_authentication_failure');
  });

  it('saves a card with a SetupIntent and attaches it to the customer for off-session use', async () => {
    const stripe = sdk();
    const customer = await stripe.customers.create({ email: 'keep@example.com' });
    const setup = await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session', metadata: { bookingId: 'bk_7' } });
    expect(setup).toMatchObject({ object: 'setup_intent', status: 'requires_payment_method', usage: 'off_session' });

    const saved = await stripe.setupIntents.confirm(setup.id, { payment_method: 'pm_card_visa' });
    expect(saved.status).toBe('succeeded');
    expect(standIn.get<PaymentMethod>(saved.payment_method as string)?.customer).toBe(customer.id);
    expect(standIn.events('setup_intent.succeeded').at(-1)?.data.object).toMatchObject({ id: setup.id });
  });

  it('refunds up to what was received and refuses more, leaving the charge untouched', async () => {
    const stripe = sdk();
    const intent = await paidIntent(stripe);
    const error = await failure(stripe.refunds.create({ payment_intent: intent.id, amount: 5_001 }), Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: 'amount' });
    expect(error.message).toBe('Refund amount ($50.01) is greater than unrefunded amount on charge ($50.00)');

    const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 1_500 });
    expect(refund).toMatchObject({ object: 'refund', amount: 1_500, status: 'succeeded', payment_intent: intent.id });
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ amount_refunded: 1_500, refunded: false });
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({ id: refund.id, amount: 1_500 });
  });

  it('says a fully refunded charge has already been refunded', async () => {
    const stripe = sdk();
    const intent = await paidIntent(stripe);
    await stripe.refunds.create({ payment_intent: intent.id });
    const error = await failure(stripe.refunds.create({ payment_intent: intent.id }), Stripe.errors.StripeInvalidRequestError);
    expect(error.code).toBe('charge_already_refunded');
    expect(standIn.events('charge.refunded').at(-1)?.data.object).toMatchObject({ amount_refunded: 5_000, refunded: true });
  });

  it('refuses a wrong API key with 401', async () => {
    const error = await failure(sdk({}, 'sk_live_wrong_mode').customers.create({}), Stripe.errors.StripeAuthenticationError);
    expect(error.statusCode).toBe(401);
    expect(error.message).toMatch(/^Invalid API Key provided: sk_live_\**mode$/);
  });

  it('answers 404 resource_missing for an intent that does not exist', async () => {
    const error = await failure(sdk().paymentIntents.retrieve('pi_missing'), Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: 'resource_missing', message: "No such payment_intent: 'pi_missing'" });
  });

  it('refuses unknown parameters like Stripe, naming them', async () => {
    const error = await failure(sdk().rawRequest('POST', '/v1/payment_intents', { amount: 5_000, currency: 'usd', colour: 'blue' }), Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ code: 'parameter_unknown', param: 'colour' });
  });

  it.each([
    ['a charge below the currency minimum', 30, 'usd', 'amount_too_small'],
    ['fractional Icelandic krónur', 1_050, 'isk', 'invalid_charge_amount_no_decimal_compatible'],
    ['a three-decimal amount not ending in 0', 12_345, 'bhd', 'invalid_charge_amount'],
  ])('refuses %s, as Stripe’s currency rules do', async (_, amount, currency, code) => {
    const error = await failure(sdk().paymentIntents.create({ amount, currency }), Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code, param: 'amount' });
  });

  it('records each request with its decoded parameters and idempotency key', async () => {
    await sdk().paymentIntents.create(depositParams(7_000), { idempotencyKey: 'deposit:recorded' });
    expect(standIn.requests({ method: 'POST', path: '/v1/payment_intents' }).at(-1)).toMatchObject({
      idempotencyKey: 'deposit:recorded',
      params: {
        amount: '7000',
        currency: 'usd',
        setup_future_usage: 'off_session',
        automatic_payment_methods: { enabled: 'true' },
        metadata: { bookingId: 'bk_42' },
      },
    });
  });

  it('surfaces a server error as StripeAPIError once the retries are spent', async () => {
    standIn.failNext(2, 'error');
    const error = await failure(sdk({ maxNetworkRetries: 1 }).customers.create({}), Stripe.errors.StripeAPIError);
    expect(error.statusCode).toBe(500);
  });

  it('lets a request hang until the client gives up with a connection error', async () => {
    standIn.failNext(1, 'hang');
    const error = await failure(sdk({ timeout: 200 }).customers.create({}), Stripe.errors.StripeConnectionError);
    expect(error.message).toContain('timeout');
  });

  it('replays a created intent when the connection dropped before the answer arrived', async () => {
    // stripe-node retries a closed connection once, even with retries turned off.
    standIn.failNext(1, 'drop', { afterProcessing: true });
    const before = standIn.list('payment_intent').length;
    const intent = await sdk().paymentIntents.create(depositParams(), { idempotencyKey: 'deposit:dropped' });
    expect(standIn.list('payment_intent')).toHaveLength(before + 1);
    expect(intent.lastResponse.headers['idempotent-replayed']).toBe('true');
  });

  it('delays answers by the configured latency', async () => {
    standIn.setLatency(150);
    const started = performance.now();
    await sdk().customers.create({});
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('signs delivered webhooks so that Stripe’s own verifier accepts them', async () => {
    const received: { payload: string; signature: string }[] = [];
    const endpoint = createServer((request, response) => {
      let payload = '';
      request.on('data', (chunk: Buffer) => (payload += chunk.toString('utf8')));
      request.on('end', () => {
        received.push({ payload, signature: String(request.headers['stripe-signature']) });
        response.end();
      });
    });
    endpoint.listen(0, '127.0.0.1');
    await once(endpoint, 'listening');
    standIn.setWebhookEndpoint(`http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/webhook`);

    const intent = await sdk().paymentIntents.create(depositParams());
    await standIn.succeed(intent.id);
    endpoint.close();

    expect(received).toHaveLength(1);
    const [delivery] = received as [{ payload: string; signature: string }];
    const event = await Stripe.webhooks.constructEventAsync(delivery.payload, delivery.signature, standIn.webhookSecret);
    expect(event).toMatchObject({ object: 'event', type: 'payment_intent.succeeded', livemode: false, data: { object: { id: intent.id, status: 'succeeded' } } });
    expect(standIn.deliveries().at(-1)).toMatchObject({ eventId: event.id, status: 200 });
  });

  it('builds signed payloads that fail Stripe’s verifier when tampered, stale or signed with another secret', async () => {
    const event = standIn.buildEvent('payment_intent.succeeded', { id: 'pi_test', object: 'payment_intent' });
    const verify = (payload: string, signature: string) => Stripe.webhooks.constructEventAsync(payload, signature, standIn.webhookSecret);

    const good = standIn.signedPayload(event);
    await expect(verify(good.payload, good.signature)).resolves.toMatchObject({ id: event.id });
    await expect(verify(good.payload.replace('pi_test', 'pi_evil'), good.signature)).rejects.toThrow(Stripe.errors.StripeSignatureVerificationError);
    const stale = standIn.signedPayload(event, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    await expect(verify(stale.payload, stale.signature)).rejects.toThrow('tolerance');
    const foreign = standIn.signedPayload(event, { secret: 'whsec_other' });
    await expect(verify(foreign.payload, foreign.signature)).rejects.toThrow(Stripe.errors.StripeSignatureVerificationError);
  });

  it('delivers an event again with the same id when asked, as Stripe retries', async () => {
    const seen: string[] = [];
    const endpoint = {
      url: 'http://directbook.test/webhook',
      fetch: async (request: Request) => {
        seen.push((JSON.parse(await request.text()) as { id: string }).id);
        return new Response(null, { status: seen.length === 1 ? 500 : 200 });
      },
    };
    standIn.setWebhookEndpoint(endpoint);
    const intent = await sdk().paymentIntents.create(depositParams());
    await standIn.succeed(intent.id);
    const redelivery = await standIn.redeliver(seen[0] as string);

    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    expect(redelivery.status).toBe(200);
    expect(
      standIn
        .deliveries()
        .slice(-2)
        .map((d) => d.status),
    ).toEqual([500, 200]);
  });
});
