import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeForm, FormError } from './form.ts';

describe("decoding Stripe's form bodies", () => {
  it('reads nested hashes, indexed and appended arrays the way Stripe does', () => {
    const body =
      'amount=5000&metadata[bookingId]=bk_1&automatic_payment_methods[enabled]=true' +
      '&payment_method_types[0]=card&payment_method_types[1]=link&expand[]=latest_charge&expand[]=customer' +
      '&description=Harbour+Inn%3A+2+nights';
    expect(decodeForm(body)).toEqual({
      amount: '5000',
      metadata: { bookingId: 'bk_1' },
      automatic_payment_methods: { enabled: 'true' },
      payment_method_types: ['card', 'link'],
      expand: ['latest_charge', 'customer'],
      description: 'Harbour Inn: 2 nights',
    });
  });

  it('decodes whatever nested parameters the SDK-style encoder produced', () => {
    const key = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);
    const leaf = fc.string({ minLength: 1, maxLength: 12 });
    const hash = fc.dictionary(key, fc.oneof(leaf, fc.dictionary(key, leaf, { minKeys: 1, maxKeys: 3 }), fc.array(leaf, { minLength: 1, maxLength: 3 })), { minKeys: 1, maxKeys: 5 });
    fc.assert(
      fc.property(hash, (params) => {
        expect(decodeForm(encode(params))).toEqual(params);
      }),
    );
  });

  it('keeps a `__proto__` parameter as data', () => {
    const decoded = decodeForm('__proto__[polluted]=yes');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__']);
  });

  it('refuses a parameter used both as a value and as a hash', () => {
    expect(() => decodeForm('metadata=x&metadata[bookingId]=bk_1')).toThrow(FormError);
  });
});

/** Stripe's bracket encoding, as stripe-node writes request bodies (`key[sub]`, `key[0]`). */
function encode(params: Record<string, unknown>, prefix = ''): string {
  return Object.entries(params)
    .map(([key, value]) => {
      const name = prefix ? `${prefix}[${key}]` : key;
      if (typeof value === 'string') return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
      const entries = Array.isArray(value) ? Object.fromEntries(value.map((item, i) => [String(i), item])) : value;
      return encode(entries as Record<string, unknown>, name);
    })
    .join('&');
}
