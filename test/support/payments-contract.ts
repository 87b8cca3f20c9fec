// What the Stripe adapter promises, checked the same way against the stand-in and against real
// Stripe test mode (test/stripe-live.test.ts), so the stand-in cannot drift from Stripe unnoticed.
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { expect, it } from 'vitest';
import { PaymentsError, type DepositIntentRequest, type IntentRef, type Payments } from '../../server/payments/payments.ts';

export interface StripeHarness {
  /** The adapter under test; its clock reads `clock.now`. */
  payments: Payments;
  /** A plain SDK client on the same account, to see what the adapter created. */
  stripe: Stripe;
  webhookSecret: string;
  clock: { now: Date };
  /** An adapter built the same way but with another webhook secret. */
  withWebhookSecret(secret: string): Payments;
}

export function deposit(overrides: Partial<DepositIntentRequest> = {}): DepositIntentRequest {
  return {
    bookingId: `bk_${randomUUID()}`,
    amount: 12_345,
    currency: 'USD',
    email: 'guest@example.com',
    name: 'Ada Guest',
    description: 'Deposit for booking at Harbour Inn, 2026-12-01 to 2026-12-03',
    ...overrides,
  };
}

/** The guest confirms in the browser, as Stripe.js would, with a test PaymentMethod. */
export async function payAsGuest(stripe: Stripe, ref: IntentRef, paymentMethod: string): Promise<void> {
  const confirmation = { payment_method: paymentMethod, return_url: 'https://example.com/booking/return' };
  try {
    if (ref.type === 'payment') await stripe.paymentIntents.confirm(ref.id, confirmation);
    else await stripe.setupIntents.confirm(ref.id, confirmation);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
  }
}

/** The `PaymentsError` a call fails with; fails the test if it succeeds or throws anything else. */
export async function rejection(promise: Promise<unknown>): Promise<PaymentsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PaymentsError);
  return error as PaymentsError;
}

/** Registers the contract's tests; call it inside a describe whose hooks fill `harness`. */
export function paymentsContract(harness: () => StripeHarness): void {
  it('turns a deposit into one PaymentIntent for exactly that amount, in the property currency, captured automatically', async () => {
    const { payments, stripe } = harness();
    const request = deposit();
    const ref = await payments.createIntent(request);

    expect(ref.type).toBe('payment');
    expect(ref.clientSecret.startsWith(`${ref.id}_secret_`)).toBe(true);
    const intent = await stripe.paymentIntents.retrieve(ref.id, { expand: ['customer'] });
    expect(intent).toMatchObject({
      amount: 12_345,
      currency: 'usd',
      capture_method: 'automatic',
      setup_future_usage: 'off_session',
      status: 'requires_payment_method',
      metadata: { bookingId: request.bookingId },
      customer: { email: 'guest@example.com', name: 'Ada Guest' },
    });
  });

  it('gives the same PaymentIntent when asked twice for one booking, so a guest is never charged twice', async () => {
    const { payments } = harness();
    const request = deposit();
    const first = await payments.createIntent(request);
    const second = await payments.createIntent(request);
    expect(second).toEqual(first);
  });

  it('keeps the card with a SetupIntent for later off-session charges when no deposit is due', async () => {
    const { payments, stripe } = harness();
    const request = deposit({ amount: 0 });
    const ref = await payments.createIntent(request);

    expect(ref.type).toBe('setup');
    const intent = await stripe.setupIntents.retrieve(ref.id);
    expect(intent).toMatchObject({ usage: 'off_session', metadata: { bookingId: request.bookingId } });
    expect(intent.customer).toEqual(expect.stringMatching(/^cus_/));
    expect(await payments.createIntent(request)).toEqual(ref);
  });

  it('reads a deposit as awaiting a card until the guest pays, then as succeeded', async () => {
    const { payments, stripe } = harness();
    const request = deposit();
    const ref = await payments.createIntent(request);
    expect(await payments.retrieveIntent(ref)).toEqual({
      id: ref.id,
      type: 'payment',
      status: 'requires_payment_method',
      amount: 12_345,
      currency: 'USD',
      bookingId: request.bookingId,
    });

    await payAsGuest(stripe, ref, 'pm_card_visa');
    expect(await payments.retrieveIntent(ref)).toMatchObject({ status: 'succeeded', amount: 12_345 });
  });

  it('leaves the deposit unpaid and awaiting another card when the card is declined', async () => {
    const { payments, stripe } = harness();
    const ref = await payments.createIntent(deposit());
    await payAsGuest(stripe, ref, 'pm_card_chargeDeclined');
    expect((await payments.retrieveIntent(ref)).status).toBe('requires_payment_method');
  });

  it('reads a kept card as succeeded once the guest has saved it', async () => {
    const { payments, stripe } = harness();
    const request = deposit({ amount: 0 });
    const ref = await payments.createIntent(request);
    await payAsGuest(stripe, ref, 'pm_card_visa');
    expect(await payments.retrieveIntent(ref)).toEqual({
      id: ref.id,
      type: 'setup',
      status: 'succeeded',
      amount: 0,
      currency: null,
      bookingId: request.bookingId,
    });
  });

  it('charges zero-decimal currencies as they are: ₩50,000 is 50000 won', async () => {
    const { payments, stripe } = harness();
    const ref = await payments.createIntent(deposit({ amount: 50_000, currency: 'KRW' }));
    expect(await stripe.paymentIntents.retrieve(ref.id)).toMatchObject({ amount: 50_000, currency: 'krw' });
    expect(await payments.retrieveIntent(ref)).toMatchObject({ amount: 50_000, currency: 'KRW' });
  });

  it('refunds part of a paid deposit, then the rest, and never more than was paid', async () => {
    const { payments, stripe } = harness();
    const request = deposit();
    const ref = await payments.createIntent(request);
    await payAsGuest(stripe, ref, 'pm_card_visa');

    const part = await payments.refund({ intentId: ref.id, amount: 2_000, idempotencyKey: `refund:${request.bookingId}:1` });
    expect(part.amount).toBe(2_000);
    const tooMuch = await rejection(payments.refund({ intentId: ref.id, amount: 20_000, idempotencyKey: `refund:${request.bookingId}:2` }));
    expect(tooMuch).toMatchObject({ code: 'invalid_request', retryable: false });
    const rest = await payments.refund({ intentId: ref.id, idempotencyKey: `refund:${request.bookingId}:3` });
    expect(rest.amount).toBe(12_345 - 2_000);
  });

  it('refunds once when the same refund is asked for twice', async () => {
    const { payments, stripe } = harness();
    const request = deposit();
    const ref = await payments.createIntent(request);
    await payAsGuest(stripe, ref, 'pm_card_visa');
    const refund = { intentId: ref.id, amount: 1_000, idempotencyKey: `refund:${request.bookingId}:1` };

    const first = await payments.refund(refund);
    const second = await payments.refund(refund);
    expect(second.id).toBe(first.id);
    const intent = await stripe.paymentIntents.retrieve(ref.id, { expand: ['latest_charge'] });
    expect((intent.latest_charge as Stripe.Charge).amount_refunded).toBe(1_000);
  });

  it('refuses to refund a deposit that was never paid', async () => {
    const { payments } = harness();
    const request = deposit();
    const ref = await payments.createIntent(request);
    const error = await rejection(payments.refund({ intentId: ref.id, idempotencyKey: `refund:${request.bookingId}:1` }));
    expect(error.code).toBe('invalid_request');
  });

  const events = [
    ['payment_intent.succeeded', { id: 'pi_123', object: 'payment_intent' }, { id: 'pi_123', type: 'payment' }],
    ['setup_intent.succeeded', { id: 'seti_123', object: 'setup_intent' }, { id: 'seti_123', type: 'setup' }],
    ['charge.refunded', { id: 'ch_123', object: 'charge', payment_intent: 'pi_456' }, { id: 'pi_456', type: 'payment' }],
    ['customer.created', { id: 'cus_123', object: 'customer' }, null],
  ] as const;

  it.each(events)('accepts a correctly signed %s event and names the intent it concerns', async (type, object, intent) => {
    const { payments } = harness();
    const { payload, signature } = await signed(harness(), { type, data: { object } });
    expect(await payments.verifyWebhook(payload, signature)).toEqual({ eventId: 'evt_contract', type, intent });
  });

  it('refuses an event whose body was changed after Stripe signed it', async () => {
    const { payments } = harness();
    const { payload, signature } = await signed(harness());
    const tampered = payload.replace('"succeeded"', '"canceled"');
    expect(tampered).not.toBe(payload);
    expect(await rejection(payments.verifyWebhook(tampered, signature))).toMatchObject({ code: 'bad_signature' });
  });

  it('refuses an event signed with another secret', async () => {
    const { payments } = harness();
    const { payload, signature } = await signed(harness(), {}, { secret: 'whsec_someone_else' });
    expect(await rejection(payments.verifyWebhook(payload, signature))).toMatchObject({ code: 'bad_signature' });
  });

  it('refuses an event that comes without a signature', async () => {
    const { payments } = harness();
    const { payload } = await signed(harness());
    expect(await rejection(payments.verifyWebhook(payload, undefined))).toMatchObject({ code: 'bad_signature' });
  });

  it('refuses an event signed more than five minutes before it arrives, by the server clock', async () => {
    const h = harness();
    const signedAt = Math.floor(h.clock.now.getTime() / 1000);
    const { payload, signature } = await signed(h, {}, { timestamp: signedAt });

    h.clock.now = new Date((signedAt + 299) * 1000);
    await expect(h.payments.verifyWebhook(payload, signature)).resolves.toMatchObject({ eventId: 'evt_contract' });
    h.clock.now = new Date((signedAt + 301) * 1000);
    expect(await rejection(h.payments.verifyWebhook(payload, signature))).toMatchObject({ code: 'bad_signature' });
  });

  it('reads Stripe’s fee on a paid deposit from its charge’s balance transaction, and none before it is paid (SPEC 2.20)', async () => {
    const { payments, stripe } = harness();
    const ref = await payments.createIntent(deposit());
    expect(await payments.chargeFee(ref.id)).toBeNull();
    await payAsGuest(stripe, ref, 'pm_card_visa');
    const fee = await payments.chargeFee(ref.id);
    expect(Number.isSafeInteger(fee) && fee! > 0 && fee! < deposit().amount).toBe(true);
  });

  it('accepts no event at all when no webhook secret is configured', async () => {
    const h = harness();
    const { payload, signature } = await signed(h, {}, { secret: '' });
    const error = await rejection(h.withWebhookSecret('').verifyWebhook(payload, signature));
    expect(error.code).toBe('bad_signature');
  });
}

/** An event payload and a `Stripe-Signature` made with Stripe's own test helper. */
async function signed(
  h: StripeHarness,
  event: { type?: string; data?: { object: object } } = {},
  options: { secret?: string; timestamp?: number } = {},
): Promise<{ payload: string; signature: string }> {
  const payload = JSON.stringify(
    {
      id: 'evt_contract',
      object: 'event',
      type: event.type ?? 'payment_intent.succeeded',
      data: event.data ?? { object: { id: 'pi_123', object: 'payment_intent', status: 'succeeded' } },
    },
    null,
    2,
  );
  const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
    payload,
    secret: options.secret ?? h.webhookSecret,
    timestamp: options.timestamp ?? Math.floor(h.clock.now.getTime() / 1000),
  });
  return { payload, signature };
}
