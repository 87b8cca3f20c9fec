// Stripe's own currency rules (docs.stripe.com/currencies), written down independently of the
// server's ISO 4217 view so the stand-in catches an adapter that sends the wrong unit.
import { invalidParam, invalidRequest } from './errors.ts';

const ZERO_DECIMAL = new Set(['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Minimum charge amounts in Stripe's units for the currencies the stand-in checks. */
const MINIMUM_CHARGE: Readonly<Record<string, number>> = {
  usd: 50,
  eur: 50,
  gbp: 30,
  cad: 50,
  aud: 50,
  jpy: 50,
};

const KNOWN = new Set(Intl.supportedValuesOf('currency').map((code) => code.toLowerCase()));

/** Decimals Stripe's API uses; ISK and HUF stay two-decimal there although ISO says 0. */
export function stripeExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

/** `5000, 'usd'` → `$50.00`, as Stripe writes amounts in its messages. */
export function formatAmount(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: currency.toUpperCase(),
    minimumFractionDigits: stripeExponent(currency),
    maximumFractionDigits: stripeExponent(currency),
  }).format(amount / 10 ** stripeExponent(currency));
}

/** A lower-case currency Stripe knows, or the 400 Stripe gives. */
export function readCurrency(value: string): string {
  const currency = value.toLowerCase();
  if (!KNOWN.has(currency)) throw invalidParam('currency', `Invalid currency: ${value}.`);
  return currency;
}

/** The amount rules a PaymentIntent must pass on creation. */
export function checkChargeAmount(amount: number, currency: string): void {
  if (amount < 1) {
    throw invalidParam('amount', 'This value must be greater than or equal to 1.', 'parameter_invalid_integer');
  }
  if (amount > 99_999_999) {
    throw invalidRequest('Amount must be no more than 99999999', { param: 'amount', code: 'amount_too_large' });
  }
  const minimum = MINIMUM_CHARGE[currency];
  if (minimum !== undefined && amount < minimum) {
    throw invalidRequest(`Amount must be at least ${formatAmount(minimum, currency)} ${currency}`, {
      param: 'amount',
      code: 'amount_too_small',
    });
  }
  // docs.stripe.com/currencies#special-cases: whole krónur only, still written with two decimals.
  if (currency === 'isk' && amount % 100 !== 0) {
    throw invalidRequest('Invalid amount. Currency ISK has become effectively zero-decimal and charged amounts must be evenly divisible by 100.', {
      param: 'amount',
      code: 'invalid_charge_amount_no_decimal_compatible',
    });
  }
  // Three-decimal currencies must end in 0 for Stripe's card partners (docs.stripe.com/currencies).
  if (THREE_DECIMAL.has(currency) && amount % 10 !== 0) {
    throw invalidRequest(`Invalid amount. Amounts in ${currency.toUpperCase()} must be rounded to the nearest ten.`, {
      param: 'amount',
      code: 'invalid_charge_amount',
    });
  }
}
