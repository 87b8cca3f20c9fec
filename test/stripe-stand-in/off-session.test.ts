// The stand-in charges a saved card off-session as Stripe does (docs.stripe.com/payments/save-during-payment):
// the card saved on the Customer by setup_future_usage, off_session with confirm, a refusal as a 402
// card_error carrying the PaymentIntent, and the idempotency key replaying the first answer.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STRIPE_API_VERSION } from '../../server/payments/stripe-payments.ts';
import { startStripeStandIn, type PaymentIntent, type PaymentMethod, type SetupIntent, type StripeStandIn } from './server.ts';

let standIn: StripeStandIn;
let stripe: Stripe;

beforeAll(async () => {
  standIn = await startStripeStandIn();
  const url = new URL(standIn.apiBase);
  stripe = new Stripe(standIn.secretKey, { apiVersion: STRIPE_API_VERSION, host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 0 });
});
afterAll(() => standIn.close());

/** A deposit paid on session with `card` (3-D Secure completed), saved on a new Customer. */
async function saved(card: string) {
  const customer = await stripe.customers.create({ email: 'guest@example.com' });
  const deposit = await stripe.paymentIntents.create({ amount: 1500, currency: 'usd', customer: customer.id, setup_future_usage: 'off_session' });
  const paid = await standIn.confirm(deposit.id, card);
  if (paid.status === 'requires_action') await standIn.completeAction(deposit.id);
  const paymentMethod = standIn.get<PaymentMethod>(standIn.get<PaymentIntent>(deposit.id)!.payment_method!)!;
  expect(paymentMethod.customer).toBe(customer.id);
  return { customer: customer.id, paymentMethod: paymentMethod.id };
}

const offSession = (card: { customer: string; paymentMethod: string }, key?: string) =>
  stripe.paymentIntents.create(
    { amount: 3500, currency: 'usd', customer: card.customer, payment_method: card.paymentMethod, off_session: true, confirm: true },
    key ? { idempotencyKey: key } : {},
  );

async function refusal(promise: Promise<unknown>): Promise<Stripe.errors.StripeCardError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
  return error as Stripe.errors.StripeCardError;
}

describe('off-session charges on the stand-in', () => {
  test('a saved card is charged without the guest, and the same idempotency key replays that charge', async () => {
    const card = await saved('pm_card_visa');
    const first = await offSession(card, 'balance:bk_1');
    expect(first).toMatchObject({ status: 'succeeded', amount_received: 3500, customer: card.customer, payment_method: card.paymentMethod });
    expect((await offSession(card, 'balance:bk_1')).id).toBe(first.id);
    expect(standIn.requests({ path: '/v1/payment_intents', method: 'POST' }).at(-1)!.replayed).toBe(true);
  });

  test('a card declined off-session answers 402 card_error with the PaymentIntent left in requires_payment_method', async () => {
    const error = await refusal(offSession(await saved('pm_card_authenticationRequiredChargeDeclinedInsufficientFunds')));
    expect(error).toMatchObject({ statusCode: 402, code: 'card_declined', decline_code: 'insufficient_funds' });
    expect(error.payment_intent).toMatchObject({ status: 'requires_payment_method', last_payment_error: { code: 'card_declined' } });
  });

  test('a card whose bank always wants 3-D Secure is refused off-session with authentication_required', async () => {
    const error = await refusal(offSession(await saved('pm_card_authenticationRequired')));
    expect(error).toMatchObject({ statusCode: 402, code: 'authentication_required', decline_code: 'authentication_required' });
    expect(error.payment_intent?.status).toBe('requires_payment_method');
  });

  test('a card authenticated once when saved is charged off-session; one saved without a payment is declined when charged', async () => {
    expect((await offSession(await saved('pm_card_authenticationRequiredOnSetup'))).status).toBe('succeeded');
    const customer = await stripe.customers.create({});
    const setup = await stripe.setupIntents.create({ customer: customer.id, usage: 'off_session' });
    expect((await standIn.confirm(setup.id, 'pm_card_chargeCustomerFail')).status).toBe('succeeded');
    const paymentMethod = standIn.get<SetupIntent>(setup.id)!.payment_method!;
    expect(await refusal(offSession({ customer: customer.id, paymentMethod }))).toMatchObject({ code: 'card_declined' });
  });

  test('off_session needs confirm, and a saved card works only on its own Customer', async () => {
    const card = await saved('pm_card_visa');
    await expect(stripe.paymentIntents.create({ amount: 100, currency: 'usd', customer: card.customer, payment_method: card.paymentMethod, off_session: true })).rejects.toMatchObject({
      statusCode: 400,
      param: 'off_session',
    });
    const stranger = await stripe.customers.create({});
    await expect(offSession({ customer: stranger.id, paymentMethod: card.paymentMethod })).rejects.toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
  });
});
