import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  BRAND_RULES,
  CardSubmissionSchema,
  brandAccepted,
  detectBrand,
  isExpired,
  luhnValid,
  normalizeCardNumber,
  sensitiveAuthDataIssues,
  validateCardSubmission,
  withoutSensitiveAuthData,
} from './card.ts';
import { CARD_BRANDS } from './schemas/property.ts';

/** The digit that makes `body + digit` pass the mod-10 check. */
/** ISO/IEC 7812-1 Annex B written out here, so the tests do not lean on the code they check. */
function checkDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

const digitString = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(''));

// Published test numbers (Stripe, PayPal) for every brand we know.
const TEST_CARDS = {
  visa: ['4242424242424242', '4000056655665556', '4222222222222'],
  mastercard: ['5555555555554444', '2223003122003222', '5200828282828210', '2720990000000007'],
  amex: ['378282246310005', '371449635398431'],
  discover: ['6011111111111117', '6011000990139424', '6445644564456445', '6500000000000002'],
  jcb: ['3566002020360505', '3528000000000007'],
  diners: ['3056930009020004', '36227206271667', '38520000023237'],
  unionpay: ['6200000000000005', '6205500000000000004'],
} as const;

const JAN_2026 = new Date('2026-01-15T10:00:00Z');
const goodCard = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2028, holderName: 'Ji-woo Park' };
const policy = { acceptedBrands: ['visa', 'mastercard', 'amex'] as const, now: JAN_2026 };

describe('luhnValid', () => {
  it('accepts any number whose last digit is its check digit, and no other last digit', () => {
    fc.assert(
      fc.property(digitString(1, 18), (body) => {
        const valid = [...'0123456789'].filter((d) => luhnValid(body + d));
        return valid.length === 1 && valid[0] === checkDigit(body);
      }),
    );
  });

  it('rejects a valid number with any one digit changed', () => {
    fc.assert(
      fc.property(digitString(1, 18), fc.nat(), fc.integer({ min: 1, max: 9 }), (body, at, delta) => {
        const number = body + checkDigit(body);
        const i = at % number.length;
        const changed = number.slice(0, i) + ((Number(number[i]) + delta) % 10) + number.slice(i + 1);
        return !luhnValid(changed);
      }),
    );
  });

  it('ignores the spaces and dashes guests type between groups', () => {
    expect(luhnValid('4242 4242-4242 4242')).toBe(true);
  });

  it('rejects anything that is not digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4242x4242')).toBe(false);
  });
});

describe('normalizeCardNumber', () => {
  it('keeps only the digits of a number typed in groups', () => {
    expect(normalizeCardNumber(' 3782-822463 10005 ')).toBe('378282246310005');
  });
});

describe('detectBrand', () => {
  it.each(Object.entries(TEST_CARDS))('knows the %s test numbers', (brand, numbers) => {
    for (const number of numbers) expect(detectBrand(number)).toBe(brand);
  });

  it('recognises Mastercard 2-series across 2221 to 2720 and nothing either side', () => {
    expect(detectBrand('2221')).toBe('mastercard');
    expect(detectBrand('2720')).toBe('mastercard');
    expect(detectBrand('2220')).toBeNull();
    expect(detectBrand('2721')).toBeNull();
  });

  it('names a brand as soon as the first digits decide it, for live display', () => {
    expect(detectBrand('4')).toBe('visa');
    expect(detectBrand('37')).toBe('amex');
    expect(detectBrand('35')).toBeNull();
    expect(detectBrand('3528')).toBe('jcb');
  });

  it('does not guess a brand for numbers outside every known range', () => {
    expect(detectBrand('')).toBeNull();
    expect(detectBrand('1234567812345678')).toBeNull();
    expect(detectBrand('6761000000000006')).toBeNull(); // Maestro
  });

  it('never gives one number two brands', () => {
    fc.assert(
      fc.property(digitString(1, 19), (number) => {
        const matches = BRAND_RULES.filter((rule) =>
          rule.ranges.some(([from, to]) => {
            const prefix = number.slice(0, from.length);
            return prefix.length === from.length && prefix >= from && prefix <= to;
          }),
        );
        return matches.length <= 1 && (matches[0]?.brand ?? null) === detectBrand(number);
      }),
    );
  });

  it('has a rule for every brand a property can accept', () => {
    expect(BRAND_RULES.map((r) => r.brand).sort()).toEqual([...CARD_BRANDS].sort());
  });
});

describe('isExpired', () => {
  it('keeps a card good through the last day of its expiry month', () => {
    expect(isExpired(1, 2026, new Date('2026-01-31T23:59:00Z'))).toBe(false);
    expect(isExpired(1, 2026, new Date('2026-02-01T11:59:00Z'))).toBe(false);
  });

  it('expires a card once its month has ended everywhere', () => {
    expect(isExpired(1, 2026, new Date('2026-02-01T12:00:00Z'))).toBe(true);
    expect(isExpired(12, 2025, JAN_2026)).toBe(true);
  });

  it('keeps later months and years good', () => {
    expect(isExpired(2, 2026, JAN_2026)).toBe(false);
    expect(isExpired(1, 2027, JAN_2026)).toBe(false);
  });
});

describe('brandAccepted', () => {
  it('accepts only the brands the property lists', () => {
    expect(brandAccepted('visa', ['visa', 'jcb'])).toBe(true);
    expect(brandAccepted('amex', ['visa', 'jcb'])).toBe(false);
    expect(brandAccepted(null, ['visa'])).toBe(false);
  });
});

describe('CardSubmissionSchema', () => {
  const pathsOf = (input: unknown) => {
    const result = v.safeParse(CardSubmissionSchema, input);
    return result.success ? [] : result.issues.map((issue) => v.getDotPath(issue));
  };

  it('accepts a good card and stores the number as digits only', () => {
    const result = v.parse(CardSubmissionSchema, { ...goodCard, holderName: '  Ji-woo Park ' });
    expect(result).toEqual({ ...goodCard, number: '4242424242424242', holderName: 'Ji-woo Park' });
  });

  it('names the number when its check digit is wrong', () => {
    expect(pathsOf({ ...goodCard, number: '4242424242424241' })).toEqual(['number']);
  });

  it('names the number when its length does not fit its brand', () => {
    expect(pathsOf({ ...goodCard, number: '378282246310005' + '0' })).toEqual(['number']);
    expect(pathsOf({ ...goodCard, number: '42424242424242' })).toEqual(['number']);
  });

  it('names the number when no brand is recognised', () => {
    expect(pathsOf({ ...goodCard, number: '1234567812345670' })).toEqual(['number']);
  });

  it('gives exactly one message for a bad number', () => {
    const result = v.safeParse(CardSubmissionSchema, { ...goodCard, number: 'abcd' });
    expect(result.issues?.map((i) => i.message)).toEqual(['A card number has digits only']);
  });

  it('takes expiry months 1 to 12 only', () => {
    expect(pathsOf({ ...goodCard, expMonth: 0 })).toEqual(['expMonth']);
    expect(pathsOf({ ...goodCard, expMonth: 13 })).toEqual(['expMonth']);
    expect(pathsOf({ ...goodCard, expMonth: 1.5 })).toEqual(['expMonth']);
    expect(pathsOf({ ...goodCard, expMonth: 1 })).toEqual([]);
  });

  it('takes a 4-digit expiry year only', () => {
    expect(pathsOf({ ...goodCard, expYear: 28 })).toEqual(['expYear']);
    expect(pathsOf({ ...goodCard, expYear: 20280 })).toEqual(['expYear']);
  });

  it('requires a holder name of at most 100 characters', () => {
    expect(pathsOf({ ...goodCard, holderName: '   ' })).toEqual(['holderName']);
    expect(pathsOf({ ...goodCard, holderName: 'a'.repeat(101) })).toEqual(['holderName']);
    expect(pathsOf({ ...goodCard, holderName: 'a'.repeat(100) })).toEqual([]);
  });

  it('accepts every generated number of a known brand with a valid check digit', () => {
    const validNumber = fc
      .constantFrom(...BRAND_RULES)
      .chain((rule) =>
        fc.record({
          range: fc.constantFrom(...rule.ranges),
          length: fc.constantFrom(...rule.lengths),
          tail: digitString(19, 19),
        }),
      )
      .map(({ range: [from], length, tail }) => {
        const body = (from + tail).slice(0, length - 1);
        return body + checkDigit(body);
      });
    fc.assert(fc.property(validNumber, (number) => pathsOf({ ...goodCard, number }).length === 0));
  });
});

describe('sensitiveAuthDataIssues', () => {
  it.each(['cvc', 'cvv', 'cvc2', 'cid', 'csc', 'cvd', 'securityCode', 'security_code', 'card-security-code', 'CVV2'])('refuses a body carrying %s with an issue at that key', (key) => {
    expect(sensitiveAuthDataIssues({ ...goodCard, [key]: '123' })).toEqual([{ path: key, message: expect.stringMatching(/PCI DSS 3.3.1/) }]);
  });

  it('refuses a security code at any depth, in objects and arrays, naming each path', () => {
    const body = { card: { ...goodCard, details: { CVV: '123' } }, rooms: [{ adults: 2 }, { extras: [{ cvc: 1 }] }] };
    expect(
      sensitiveAuthDataIssues(body)
        .map((issue) => issue.path)
        .sort(),
    ).toEqual(['card.details.CVV', 'rooms.1.extras.0.cvc']);
  });

  it('looks through bodies nested far deeper than any request needs', () => {
    let body: object = { cvc: '123' };
    for (let i = 0; i < 10_000; i++) body = { a: body };
    expect(sensitiveAuthDataIssues(body)).toHaveLength(1);
  });

  it('lets a body without a security code through, whatever its values say', () => {
    expect(sensitiveAuthDataIssues(goodCard)).toEqual([]);
    expect(sensitiveAuthDataIssues({ ...goodCard, holderName: 'cvc', note: ['cvv'] })).toEqual([]);
    expect(sensitiveAuthDataIssues('not an object')).toEqual([]);
    expect(sensitiveAuthDataIssues(null)).toEqual([]);
  });
});

describe('withoutSensitiveAuthData', () => {
  const Schema = withoutSensitiveAuthData(v.object({ guest: v.object({ name: v.string() }) }));

  it('refuses a security code the schema would have stripped, with its dot path', () => {
    const result = v.safeParse(Schema, { guest: { name: 'Sari', securityCode: '123' } });
    expect(result.success).toBe(false);
    expect(result.issues?.map((issue) => v.getDotPath(issue))).toEqual(['guest.securityCode']);
  });

  it('lets a clean body on to the schema', () => {
    expect(v.safeParse(Schema, { guest: { name: 'Sari' } }).success).toBe(true);
  });
});

describe('validateCardSubmission', () => {
  it('returns the card and a summary showing only brand, last 4 and expiry', () => {
    const result = validateCardSubmission(goodCard, policy);
    expect(result).toEqual({
      success: true,
      card: { ...goodCard, number: '4242424242424242' },
      summary: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2028 },
    });
  });

  it('refuses a CVC before looking at anything else', () => {
    const result = validateCardSubmission({ ...goodCard, number: '1', cvc: '123' }, policy);
    expect(result).toEqual({ success: false, issues: [expect.objectContaining({ path: 'cvc' })] });
  });

  it('reports schema problems with their field paths', () => {
    const result = validateCardSubmission({ ...goodCard, expMonth: 13, holderName: '' }, policy);
    expect(result.success === false && result.issues.map((i) => i.path)).toEqual(['expMonth', 'holderName']);
  });

  it('refuses a brand the property does not accept, naming the number', () => {
    const result = validateCardSubmission({ ...goodCard, number: '3566002020360505' }, policy);
    expect(result).toEqual({
      success: false,
      issues: [{ path: 'number', message: 'JCB cards are not accepted here' }],
    });
  });

  it('refuses an expired card, naming the month within this year and the year before it', () => {
    const lastYear = validateCardSubmission({ ...goodCard, expMonth: 12, expYear: 2025 }, policy);
    expect(lastYear.success === false && lastYear.issues).toEqual([{ path: 'expYear', message: 'This card has expired' }]);
    const now = new Date('2026-05-10T00:00:00Z');
    const thisYear = validateCardSubmission({ ...goodCard, expMonth: 4, expYear: 2026 }, { ...policy, now });
    expect(thisYear.success === false && thisYear.issues.map((i) => i.path)).toEqual(['expMonth']);
  });

  it('refuses an expiry year too far ahead to be real', () => {
    const result = validateCardSubmission({ ...goodCard, expYear: 2092 }, policy);
    expect(result.success === false && result.issues.map((i) => i.path)).toEqual(['expYear']);
  });
});
