// The app on a fake clock, paying through the Stripe stand-in with the real SDK, webhooks wired
// straight to app.fetch: what every stripe-mode test starts from.
import type { Payments } from '../server/payments/payments.ts';
import { createStripePayments, type StripePaymentsOptions } from '../server/payments/stripe-payments.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';
import { startStripeStandIn, type StripeStandIn } from './stripe-stand-in/server.ts';

export const WEBHOOK_URL = 'http://directbook.test/api/v1/stripe/webhook';

export async function startStripeApp(
  options: { payments?: Partial<StripePaymentsOptions>; app?: Parameters<typeof createTestApp>[0] } = {},
): Promise<{ t: TestApp; stripe: StripeStandIn; payments: Payments; close(): Promise<void> }> {
  // Both sides read the app's clock, so signed webhooks are never stale to a server on a fake clock.
  let now = () => new Date(options.app?.now ?? '2026-11-24T03:00:00Z');
  const stripe = await startStripeStandIn({ clock: () => now() });
  const payments = createStripePayments({
    secretKey: stripe.secretKey,
    webhookSecret: stripe.webhookSecret,
    apiBase: stripe.apiBase,
    clock: () => now(),
    ...options.payments,
  });
  const t = await createTestApp({ ...options.app, payments });
  now = () => t.now();
  stripe.setWebhookEndpoint({ url: WEBHOOK_URL, fetch: t.app.fetch });
  return {
    t,
    stripe,
    payments,
    async close() {
      await t.close();
      await stripe.close();
    },
  };
}
