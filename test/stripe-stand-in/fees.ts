// Stripe's standard card pricing, 2.9% + 30¢ (stripe.com/pricing), as a charge's balance transaction
// records it: the fee on the settled amount, rounded half up to the settlement currency's minor unit.
import { stripeExponent } from './currencies.ts';

/** The account's settlement: every charge stays in its own currency unless `currency` is set. */
export interface Settlement {
  currency: string;
  /** Charge currency (lower case) → settlement currency, per major unit, as `exchange_rate` states it. */
  exchangeRates: Record<string, number>;
}

const PERCENT_TENTHS = 29;
/** 30¢, in hundredths of the major unit. */
const FIXED_HUNDREDTHS = 30;

/** Gross, fee and exchange rate of the balance transaction for `amount` (Stripe units) in `currency`. */
export function settle(amount: number, currency: string, settlement?: Settlement): { amount: number; currency: string; fee: number; exchangeRate: number | null } {
  const converted = settlement && settlement.currency !== currency;
  const rate = converted ? settlement.exchangeRates[currency] : undefined;
  if (converted && rate === undefined) throw new Error(`The stand-in has no exchange rate from ${currency} to ${settlement.currency}`);
  const to = converted ? settlement.currency : currency;
  const gross = rate === undefined ? amount : Math.round((amount / 10 ** stripeExponent(currency)) * rate * 10 ** stripeExponent(to));
  return { amount: gross, currency: to, fee: feeOn(gross, to), exchangeRate: rate ?? null };
}

/**
 * The percentage in integers, so no float decides a rounding; the fixed 30¢ counts only where the
 * currency has a hundredth to charge it in (a zero-decimal currency such as KRW has none).
 */
export function feeOn(amount: number, currency: string): number {
  const percent = Math.floor((amount * PERCENT_TENTHS + 500) / 1000);
  const exponent = stripeExponent(currency);
  return percent + (exponent >= 2 ? FIXED_HUNDREDTHS * 10 ** (exponent - 2) : 0);
}
