// Stripe's Payment Element as the widget shows it, for the deposit (db-payment-stripe.ts) and for
// the balance on the guest's manage page (manage/db-pay-balance.ts): the widget's colours, the
// guest's language, Stripe.js fetched only now.
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import type { Locale } from '../shared/locale.ts';
import { loadStripe } from './stripe-loader.ts';

/**
 * Mounts the Payment Element for `payment` into `mount`, a light-DOM element (it cannot live in a
 * shadow root), coloured after `host`'s theme; `onReady` once it can take a card.
 */
export async function mountPaymentElement(
  host: HTMLElement,
  payment: { publishableKey: string; clientSecret: string },
  locale: Locale,
  mount: HTMLElement,
  onReady: () => void,
): Promise<{ stripe: Stripe; elements: StripeElements }> {
  const stripe = await loadStripe(payment.publishableKey);
  const style = getComputedStyle(host);
  const elements = stripe.elements({
    clientSecret: payment.clientSecret,
    locale,
    appearance: {
      theme: 'stripe',
      variables: {
        colorPrimary: style.getPropertyValue('--_accent').trim() || '#0b6e5f',
        colorText: style.getPropertyValue('--_text').trim() || '#1d1d1f',
        colorDanger: style.getPropertyValue('--_danger').trim() || '#b42318',
        borderRadius: '10px',
      },
    },
  });
  const element = elements.create('payment', { layout: 'tabs' });
  element.on('ready', onReady);
  element.mount(mount);
  return { stripe, elements };
}
