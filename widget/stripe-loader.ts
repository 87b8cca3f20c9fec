// Stripe.js must come from js.stripe.com and is never bundled (PCI DSS; Stripe's terms). This
// injects it only when the payment step asks, and uses a `window.Stripe` already on the page.
import type { Stripe } from '@stripe/stripe-js';

// The release train of the API version the server pins (server/payments/stripe-payments.ts).
const STRIPE_JS = 'https://js.stripe.com/endive/stripe.js';

let loading: Promise<NonNullable<Window['Stripe']>> | undefined;

export function loadStripe(publishableKey: string): Promise<Stripe> {
  loading ??= new Promise((resolve, reject) => {
    if (window.Stripe) return resolve(window.Stripe);
    const script = document.createElement('script');
    const fail = () => {
      // A failed script is dropped so the guest's "Try again" injects a fresh one.
      script.remove();
      loading = undefined;
      reject(new Error('Stripe.js unavailable'));
    };
    script.src = STRIPE_JS;
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : fail());
    script.onerror = fail;
    document.head.append(script);
  });
  return loading.then((Stripe) => Stripe(publishableKey));
}
