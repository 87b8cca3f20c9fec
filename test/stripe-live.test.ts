// The adapter's contract against real Stripe test mode, to keep the stand-in honest.
// Runs only with STRIPE_SECRET_KEY=sk_test_… set; webhooks are signed locally, as Stripe cannot reach us.
import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { beforeEach, describe } from 'vitest';
import { paymentsContract, type StripeHarness } from './support/payments-contract.ts';
import { createStripePayments, STRIPE_API_VERSION } from '../server/payments/stripe-payments.ts';

const secretKey = process.env['STRIPE_SECRET_KEY'] ?? '';

describe.skipIf(!secretKey)('the Stripe adapter, against Stripe test mode', { timeout: 60_000 }, () => {
  let harness: StripeHarness;

  beforeEach(() => {
    const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
    const clock = { now: new Date() };
    const adapter = (secret: string) => createStripePayments({ secretKey, webhookSecret: secret, timeoutMs: 30_000, clock: () => clock.now });
    harness = {
      payments: adapter(webhookSecret),
      stripe: new Stripe(secretKey, { apiVersion: STRIPE_API_VERSION }),
      webhookSecret,
      clock,
      withWebhookSecret: adapter,
    };
  });

  paymentsContract(() => harness);
});
