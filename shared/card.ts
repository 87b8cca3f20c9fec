// SPEC 2.8 manual mode: the card rules the server, the card frame and the widget all apply.
import * as v from 'valibot';
import type { CardBrand } from './schemas/property.ts';

/** One line of an error body's `details`: the field it names and what is wrong. */
export interface CardIssue {
  path: string;
  message: string;
}

/** IIN ranges as equal-length digit strings, so the card frame can reuse them as plain JSON. */
export interface BrandRule {
  brand: CardBrand;
  ranges: readonly (readonly [from: string, to: string])[];
  lengths: readonly number[];
}

// Ranges from the networks' published IIN tables (ISO/IEC 7812). 62 is UnionPay as a whole,
// as Stripe treats it: the 622126–622925 Discover co-brand is a UnionPay card to the guest.
export const BRAND_RULES: readonly BrandRule[] = [
  { brand: 'visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  {
    brand: 'mastercard',
    ranges: [
      ['51', '55'],
      ['2221', '2720'],
    ],
    lengths: [16],
  },
  {
    brand: 'amex',
    ranges: [
      ['34', '34'],
      ['37', '37'],
    ],
    lengths: [15],
  },
  {
    brand: 'discover',
    ranges: [
      ['6011', '6011'],
      ['644', '649'],
      ['65', '65'],
    ],
    lengths: [16, 17, 18, 19],
  },
  { brand: 'jcb', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  {
    brand: 'diners',
    ranges: [
      ['300', '305'],
      ['3095', '3095'],
      ['36', '36'],
      ['38', '39'],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { brand: 'unionpay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
];

export const BRAND_NAMES: Record<CardBrand, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  jcb: 'JCB',
  diners: 'Diners Club',
  unionpay: 'UnionPay',
};

/** The number as digits only: guests type and paste groups separated by spaces or dashes. */
export function normalizeCardNumber(number: string): string {
  return number.replace(/[\s-]/g, '');
}

/** The mod-10 check digit is right (spaces and dashes ignored). */
export function luhnValid(number: string): boolean {
  const digits = normalizeCardNumber(number);
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The brand of a full or partly typed number, once its first digits decide it
 * (`4` is Visa at once; Mastercard's 2-series needs four digits).
 */
export function detectBrand(number: string): CardBrand | null {
  const digits = normalizeCardNumber(number);
  if (!/^\d+$/.test(digits)) return null;
  const rule = BRAND_RULES.find((r) =>
    r.ranges.some(([from, to]) => {
      const prefix = digits.slice(0, from.length);
      return prefix.length === from.length && prefix >= from && prefix <= to;
    }),
  );
  return rule?.brand ?? null;
}

/**
 * A card is good through the last day of its expiry month. The guest may be anywhere, so the
 * month ends when it has ended in the last time zone on Earth (UTC−12).
 */
export function isExpired(expMonth: number, expYear: number, now: Date): boolean {
  const lastZone = new Date(now.getTime() - 12 * 60 * 60 * 1000);
  const current = lastZone.getUTCFullYear() * 12 + lastZone.getUTCMonth() + 1;
  return expYear * 12 + expMonth < current;
}

/** Whether the property takes this brand (SPEC 2.8: `acceptedCardBrands` is per property). */
export function brandAccepted(brand: CardBrand | null, accepted: readonly CardBrand[]): boolean {
  return brand !== null && accepted.includes(brand);
}

/** What is wrong with a typed number, checked in the order a guest would fix it; null when fine. */
export function cardNumberProblem(number: string): string | null {
  const digits = normalizeCardNumber(number);
  if (digits === '') return 'Enter the card number';
  if (!/^\d+$/.test(digits)) return 'A card number has digits only';
  const brand = detectBrand(digits);
  const rule = BRAND_RULES.find((r) => r.brand === brand);
  // Four digits decide every brand we know, so from there on no brand means an unknown one.
  if (!rule) return digits.length < 4 ? 'This card number is too short' : 'This card brand is not recognised';
  if (!rule.lengths.includes(digits.length)) {
    return `A ${BRAND_NAMES[rule.brand]} card number has ${rule.lengths.join(', ')} digits`;
  }
  if (!luhnValid(digits)) return 'This card number is not valid: check it for a typo';
  return null;
}

export const CardSubmissionSchema = v.object({
  number: v.pipe(
    v.string('Enter the card number'),
    v.transform(normalizeCardNumber),
    v.rawCheck(({ dataset, addIssue }) => {
      const problem = dataset.typed ? cardNumberProblem(dataset.value) : null;
      if (problem) addIssue({ message: problem });
    }),
  ),
  expMonth: v.pipe(
    v.number('Expected the expiry month as a number'),
    v.integer('Expected the expiry month as a whole number'),
    v.minValue(1, 'The expiry month is 1 to 12'),
    v.maxValue(12, 'The expiry month is 1 to 12'),
  ),
  expYear: v.pipe(
    v.number('Expected the expiry year as a number'),
    v.integer('Expected the expiry year as a whole number'),
    v.minValue(1000, 'Expected a 4-digit expiry year such as 2030'),
    v.maxValue(9999, 'Expected a 4-digit expiry year such as 2030'),
  ),
  holderName: v.pipe(v.string('Enter the name on the card'), v.trim(), v.minLength(1, 'Enter the name on the card'), v.maxLength(100, 'The name on the card is at most 100 characters')),
});
export type CardSubmissionInput = v.InferInput<typeof CardSubmissionSchema>;
export type CardSubmission = v.InferOutput<typeof CardSubmissionSchema>;

// PCI DSS 3.3.1: the card security code is sensitive authentication data and is never stored.
// Spellings compared lower-case without separators, so `security_code` and `CVV2` count too.
const SENSITIVE_AUTH_KEYS = new Set([
  'cvc',
  'cvc2',
  'cvv',
  'cvv2',
  'cid',
  'csc',
  'cvd',
  'cvn',
  'cav2',
  'securitycode',
  'cardcode',
  'cardsecuritycode',
  'cardverificationcode',
  'cardverificationvalue',
]);

export const CVC_REFUSED_MESSAGE = 'Do not send the card security code (CVC): it is never accepted or stored (PCI DSS 3.3.1)';

const isSensitiveAuthKey = (key: string) => SENSITIVE_AUTH_KEYS.has(key.toLowerCase().replace(/[\s_-]/g, ''));

/** One step down a body, linked to its parent rather than copying paths, because bodies can nest deep. */
interface BodyStep {
  input: object;
  key: string;
  value: unknown;
  parent: BodyStep | undefined;
}

/** Every place a body carries a card security code, in nested objects and arrays too. */
function securityCodeSteps(body: unknown): BodyStep[] {
  const found: BodyStep[] = [];
  const stack: [unknown, BodyStep | undefined][] = [[body, undefined]];
  while (stack.length > 0) {
    const [current, parent] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    for (const [key, value] of Object.entries(current) as [string, unknown][]) {
      const step: BodyStep = { input: current, key, value, parent };
      if (isSensitiveAuthKey(key)) found.push(step);
      stack.push([value, step]);
    }
  }
  return found;
}

function stepsOf(step: BodyStep): BodyStep[] {
  const steps: BodyStep[] = [];
  for (let at: BodyStep | undefined = step; at; at = at.parent) steps.unshift(at);
  return steps;
}

/** A 400 issue for each place a request body carries a card security code under any usual name, with its dot path. */
export function sensitiveAuthDataIssues(body: unknown): CardIssue[] {
  return securityCodeSteps(body).map((step) => ({
    path: stepsOf(step)
      .map((s) => s.key)
      .join('.'),
    message: CVC_REFUSED_MESSAGE,
  }));
}

const refuseSensitiveAuthData = v.rawCheck<unknown>(({ dataset, addIssue }) => {
  for (const step of securityCodeSteps(dataset.value)) {
    const [first, ...rest] = stepsOf(step).map(({ input, key, value }): v.UnknownPathItem => ({ type: 'unknown', origin: 'value', input, key, value }));
    addIssue({ message: CVC_REFUSED_MESSAGE, path: first && [first, ...rest] });
  }
});

/** `schema` behind the same refusal: a schema alone strips unknown keys, so a CVC would pass unseen. */
export const withoutSensitiveAuthData = <S extends v.GenericSchema>(schema: S) => v.pipe(v.unknown(), refuseSensitiveAuthData, schema);

// Cards are issued for at most a few years; a year further out than this is a typo (2092 for 2029).
export const MAX_EXPIRY_YEARS_AHEAD = 20;

/** What API answers may show of a stored card (SPEC 2.8). */
export interface CardSummary {
  brand: CardBrand;
  last4: string;
  expMonth: number;
  expYear: number;
}

export type CardCheck = { success: true; card: CardSubmission; summary: CardSummary } | { success: false; issues: CardIssue[] };

/**
 * Everything the card endpoint checks, in one place (SPEC 2.8): no CVC, the schema,
 * not expired, and a brand the property accepts.
 */
export function validateCardSubmission(body: unknown, options: { acceptedBrands: readonly CardBrand[]; now: Date }): CardCheck {
  const refused = sensitiveAuthDataIssues(body);
  if (refused.length > 0) return { success: false, issues: refused };

  const parsed = v.safeParse(CardSubmissionSchema, body);
  if (!parsed.success) {
    const issues = parsed.issues.map((issue) => ({ path: v.getDotPath(issue) ?? '', message: issue.message }));
    return { success: false, issues };
  }

  const card = parsed.output;
  const issues: CardIssue[] = [];
  const brand = detectBrand(card.number);
  if (brand === null || !brandAccepted(brand, options.acceptedBrands)) {
    const name = brand ? BRAND_NAMES[brand] : 'This';
    issues.push({ path: 'number', message: `${name} cards are not accepted here` });
  }
  if (isExpired(card.expMonth, card.expYear, options.now)) {
    const yearPassed = card.expYear < options.now.getUTCFullYear();
    issues.push({ path: yearPassed ? 'expYear' : 'expMonth', message: 'This card has expired' });
  } else if (card.expYear > options.now.getUTCFullYear() + MAX_EXPIRY_YEARS_AHEAD) {
    issues.push({ path: 'expYear', message: 'Check the expiry year' });
  }
  if (brand === null || issues.length > 0) return { success: false, issues };

  const summary = { brand, last4: card.number.slice(-4), expMonth: card.expMonth, expYear: card.expYear };
  return { success: true, card, summary };
}
