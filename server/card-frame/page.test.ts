import fc from 'fast-check';
import { Script, createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BRAND_RULES, cardNumberProblem, detectBrand, isExpired, luhnValid } from '../../shared/card.ts';
import type { CardBrand } from '../../shared/schemas/property.ts';
import { FRAME_CARD_RULES, cardFrameHeaders, createCardFrameNonce, frameAccent, renderCardFrame } from './page.ts';

const nonce = createCardFrameNonce();
const options = {
  locale: 'en',
  acceptedBrands: ['visa', 'mastercard', 'amex'] as CardBrand[],
  parentOrigin: 'https://hotel.example',
  apiBase: '',
  nonce,
};
const render = (overrides: Partial<typeof options> = {}) => renderCardFrame({ ...options, ...overrides });
const scriptOf = (html: string) => /<script nonce="[^"]+">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

describe('renderCardFrame', () => {
  it('asks for no card security code (PCI DSS 3.3.1)', () => {
    const html = render();
    expect(html).not.toMatch(/<input[^>]*(cvc|cvv|csc|security)/i);
    expect(html.match(/<input/g)).toHaveLength(3);
  });

  it('labels every input', () => {
    const html = render();
    const ids = [...html.matchAll(/<input id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['number', 'expiry', 'name']);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
  });

  it('tells browsers which card field is which, so autofill works', () => {
    const html = render();
    for (const token of ['cc-number', 'cc-exp', 'cc-name']) expect(html).toContain(`autocomplete="${token}"`);
  });

  it('ties each input to its error message and has a live region for errors', () => {
    const html = render();
    for (const id of ['number', 'expiry', 'name']) {
      expect(html).toMatch(new RegExp(`<input id="${id}"[^>]*aria-describedby="${id}-error`));
      expect(html).toContain(`id="${id}-error"`);
    }
    expect(html).toMatch(/id="status"[^>]*aria-live="polite"/);
  });

  it('gives the nonce to its only script and its only style', () => {
    const html = render();
    expect(html.match(/<script/g)).toEqual(['<script']);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain(`<style nonce="${nonce}">`);
  });

  it('has nothing the CSP would block: no inline handlers, style attributes or external resources', () => {
    const html = render();
    expect(html).not.toMatch(/\son[a-z]+=/);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/\s(src|href)=/);
  });

  it('cannot be broken out of by a hostile parent origin', () => {
    const parentOrigin = '"></script><script>alert(1)</script><!--';
    const html = render({ parentOrigin });
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html.match(/<script/g)).toHaveLength(1);
    const context = createContext({});
    const config = runInContext(`(${/const CONFIG = (.*);\n/.exec(scriptOf(html))?.[1]})`, context);
    expect(config.parentOrigin).toBe(parentOrigin);
  });

  it('falls back to English for a locale it does not ship, however it is written', () => {
    const html = render({ locale: '"><img src=x onerror=alert(1)>' });
    expect(html).toContain('<html lang="en">');
    expect(html).not.toContain('<img');
    expect(html).toContain('Card number');
  });

  it.each([
    ['ko', '카드 번호', '유효기간', '카드 소유자 이름'],
    ['id', 'Nomor kartu', 'Masa berlaku', 'Nama pada kartu'],
    ['en', 'Card number', 'Expiry date', 'Name on card'],
  ])('speaks %s', (locale, number, expiry, name) => {
    const html = render({ locale });
    expect(html).toContain(`<html lang="${locale}">`);
    for (const label of [number, expiry, name]) expect(html).toContain(label);
  });

  it('shows a badge for each brand the property accepts, and only those', () => {
    const html = render({ acceptedBrands: ['jcb', 'visa'] });
    const badges = [...html.matchAll(/<li data-brand="([a-z]+)">/g)].map((m) => m[1]);
    expect(badges).toEqual(['visa', 'jcb']);
    expect(html).toContain('aria-label="JCB"');
  });

  it('tells the guest the property charges the deposit and no CVC is needed', () => {
    expect(render()).toContain('which charges the deposit. No security code (CVC) needed.');
  });

  it('ships a script that parses', () => {
    expect(() => new Script(scriptOf(render()))).not.toThrow();
  });

  it('talks only to the parent origin: no wildcard target, and init only from that origin', () => {
    const script = scriptOf(render());
    const targets = [...script.matchAll(/postMessage\(([^)]*)\)/g)].map((m) => m[1]);
    expect(targets).toEqual(['message, CONFIG.parentOrigin']);
    expect(script).toContain('event.origin !== CONFIG.parentOrigin');
  });

  it('posts the card with the client token to the booking card endpoint', () => {
    const script = scriptOf(render());
    expect(script).toContain("CONFIG.apiBase + '/api/v1/public/bookings/' + encodeURIComponent(booking.bookingId) + '/card'");
    expect(script).toContain("Authorization: 'Bearer ' + booking.clientToken");
  });

  it('refuses a nonce that could break out of the attribute or the header', () => {
    expect(() => render({ nonce: 'abc"><script>' })).toThrow(/nonce/);
    expect(() => render({ nonce: 'short' })).toThrow(/nonce/);
  });
});

describe('the page script card rules', () => {
  const frame = runInContext(`${FRAME_CARD_RULES}\n({ luhnValid, detectBrand, isExpired, numberProblem })`, createContext({ BRAND_RULES }));
  const cardLike = fc.oneof(
    fc.stringMatching(/^[0-9]{0,20}$/),
    fc.constantFrom(...BRAND_RULES.flatMap((r) => r.ranges.map(([from]) => from))).chain((prefix) =>
      fc.stringMatching(/^[0-9]{8,16}$/).map((rest) => prefix + rest),
    ),
    fc.string({ maxLength: 20 }),
  );

  it('agree with shared/card.ts on the check digit', () => {
    fc.assert(fc.property(cardLike, (number) => frame.luhnValid(number) === luhnValid(number)));
  });

  it('agree with shared/card.ts on the brand', () => {
    fc.assert(fc.property(cardLike, (number) => frame.detectBrand(number) === detectBrand(number)));
  });

  it('agree with shared/card.ts on which numbers are acceptable', () => {
    fc.assert(
      fc.property(cardLike, (number) => (frame.numberProblem(number) === null) === (cardNumberProblem(number) === null)),
    );
  });

  it('agree with shared/card.ts on expiry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 2020, max: 2040 }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2041-01-01'), noInvalidDate: true }),
        (month, year, now) => frame.isExpired(month, year, now) === isExpired(month, year, now),
      ),
    );
  });
});

describe('cardFrameHeaders', () => {
  const directives = (headers: Record<string, string>) =>
    new Map(
      (headers['Content-Security-Policy'] ?? '').split('; ').map((d) => {
        const [name = '', ...values] = d.split(' ');
        return [name, values.join(' ')];
      }),
    );

  it("lets only the property's own sites and directbook itself frame the card fields", () => {
    const csp = directives(cardFrameHeaders({ allowedOrigins: ['https://hotel.example', 'http://localhost:5173'], nonce }));
    expect(csp.get('frame-ancestors')).toBe("'self' https://hotel.example http://localhost:5173");
  });

  it('lets only directbook frame the card fields when no origin is allowed', () => {
    expect(directives(cardFrameHeaders({ allowedOrigins: [], nonce })).get('frame-ancestors')).toBe("'self'");
  });

  it('drops an origin that would smuggle in another directive', () => {
    const csp = directives(cardFrameHeaders({ allowedOrigins: ['https://a.example; script-src *', 'https://b.example'], nonce }));
    expect(csp.get('frame-ancestors')).toBe("'self' https://b.example");
    expect(csp.get('script-src')).toBe(`'nonce-${nonce}'`);
  });

  it('allows nothing but its own nonce-carrying script and style, and requests to its own origin', () => {
    const csp = directives(cardFrameHeaders({ allowedOrigins: [], nonce }));
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe(`'nonce-${nonce}'`);
    expect(csp.get('style-src')).toBe(`'nonce-${nonce}'`);
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'none'");
  });

  it('is never cached and sends no referrer', () => {
    const headers = cardFrameHeaders({ allowedOrigins: [], nonce });
    expect(headers['Cache-Control']).toBe('no-store');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });

  it('gives a fresh nonce every time', () => {
    expect(createCardFrameNonce()).not.toBe(createCardFrameNonce());
  });
});

describe('the card frame takes the widget accent', () => {
  it('a plain colour becomes the button colour; anything else falls back to the frame blue', () => {
    expect(frameAccent('#0b6e5f')).toBe('#0b6e5f');
    expect(frameAccent(' rgb(10, 20, 30) ')).toBe('rgb(10, 20, 30)');
    expect(frameAccent('red;}</style><script>alert(1)</script>')).toBe('#2563eb');
    expect(frameAccent(undefined)).toBe('#2563eb');
    const page = renderCardFrame({ locale: 'en', acceptedBrands: ['visa'], parentOrigin: 'https://a.example', apiBase: '', nonce: createCardFrameNonce(), accent: '#0b6e5f' });
    expect(page).toContain(':root{--accent:#0b6e5f}');
  });
});
