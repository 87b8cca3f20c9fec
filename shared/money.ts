// SPEC 2.1: every amount is an integer in the currency's minor unit.

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** True when `code` is an ISO 4217 currency this runtime knows. */
export function isCurrency(code: string): boolean {
  return currencies.has(code);
}

// Building an Intl formatter costs far more than using one; prices are formatted per rate per request.
const formatters = new Map<string, Intl.NumberFormat>();

function currencyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(locale, { style: 'currency', currency })));
  return format;
}

/** ISO 4217 exponent as Intl reports it: USD 2, KRW 0, BHD 3. */
export function currencyExponent(currency: string): number {
  return currencyFormat('en', currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Formats minor units for people, e.g. 5000 USD in en → "$50.00". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return currencyFormat(locale, currency).format(minor / 10 ** currencyExponent(currency));
}

/**
 * `percent`% of `amount`, rounded half-up to the minor unit. Percent has at most two
 * decimals, so the product is computed on integers (BigInt) and never goes through a float.
 */
export function percentOf(amount: number, percent: number): number {
  const hundredths = Math.round(percent * 100);
  // While exact in a double (every everyday amount), the same integer division without BigInt's cost.
  const half = amount * hundredths + 5000;
  if (Number.isSafeInteger(half) && Number.isInteger(amount)) return (half - (half % 10000)) / 10000;
  const scaled = BigInt(amount) * BigInt(hundredths);
  return Number((scaled + 5000n) / 10000n);
}

export function sum(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
