import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CardFrameMessage } from '../../shared/card-frame.ts';
import { chromiumArgs, chromiumPath } from '../../test/chromium.mjs';
import { ensureBuilt } from '../../test/support/build.ts';
import { CONFIG_ELEMENT_ID } from '../../widget/card-frame/config.ts';
import { cardFrameHeaders, createCardFrameNonce, frameAccent, renderCardFrame, type CardFrameOptions } from './page.ts';
import { cardFrameScript } from './script.ts';

const nonce = createCardFrameNonce();
const options: CardFrameOptions = {
  locale: 'en',
  acceptedBrands: ['visa', 'mastercard', 'amex'],
  parentOrigin: 'https://hotel.example',
  apiBase: '',
  nonce,
  script: 'void 0',
};
const render = (overrides: Partial<CardFrameOptions> = {}) => renderCardFrame({ ...options, ...overrides });
const configOf = (html: string) => JSON.parse(new RegExp(`<script type="application/json" id="${CONFIG_ELEMENT_ID}">(.*?)</script>`).exec(html)?.[1] ?? '');

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

  it('inlines the built script under the nonce, beside its settings as a data block that never runs', () => {
    const html = render({ script: 'console.log("frame")' });
    expect(html.match(/<script[^>]*>/g)).toEqual([`<script type="application/json" id="${CONFIG_ELEMENT_ID}">`, `<script nonce="${nonce}">`]);
    expect(html).toContain(`<script nonce="${nonce}">console.log("frame")</script>`);
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
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(configOf(html).parentOrigin).toBe(parentOrigin);
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
    expect(configOf(html).accepted).toEqual(['visa', 'jcb']);
  });

  it('tells the guest the property charges the deposit and no CVC is needed', () => {
    expect(render()).toContain('which charges the deposit. No security code (CVC) needed.');
  });

  it('refuses a nonce that could break out of the attribute or the header', () => {
    expect(() => render({ nonce: 'abc"><script>' })).toThrow(/nonce/);
    expect(() => render({ nonce: 'short' })).toThrow(/nonce/);
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
    expect(render({ accent: '#0b6e5f' })).toContain(':root{--accent:#0b6e5f}');
  });
});

// The built script in Chromium, on pages served with the real headers: what the guest gets.
describe('the card frame in a browser', () => {
  const DIRECTBOOK = 'https://directbook.example';
  const HOTEL = 'https://hotel.example';
  const OTHER = 'https://other.example';
  const CARD = '4242424242424242';
  const yy = String((new Date().getUTCFullYear() + 2) % 100).padStart(2, '0');
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureBuilt();
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 60_000 });
  }, 120_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  afterAll(async () => {
    await browser?.close();
  });

  interface Opened {
    page: Page;
    frame: Frame;
    /** What the embedding page received, with the sender's origin. */
    received(): Promise<{ origin: string; data: CardFrameMessage }[]>;
    /** The card POSTs that reached the server. */
    posted: { path: string; authorization: string | undefined; body: Record<string, unknown> }[];
    /** CSP violations in the frame. */
    violations(): Promise<string[]>;
  }

  /**
   * `embedder`'s page frames the card frame, which is told hotel.example is its parent; the page
   * answers `ready` with `init`. The card endpoint answers `cardAnswer`.
   */
  async function open(setup: { embedder?: string; locale?: string; cardAnswer?: { status: number; body: unknown } } = {}): Promise<Opened> {
    const { embedder = HOTEL, locale = 'en', cardAnswer = { status: 200, body: { booking: {} } } } = setup;
    const context = await browser.newContext();
    contexts.push(context);
    const posted: Opened['posted'] = [];
    await context.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { violations: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await context.route('**/*', async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if (url.origin === DIRECTBOOK && url.pathname === '/card-frame') {
        const frameNonce = createCardFrameNonce();
        const body = renderCardFrame({ ...options, locale, nonce: frameNonce, script: cardFrameScript()! });
        const headers = cardFrameHeaders({ allowedOrigins: [HOTEL, OTHER], nonce: frameNonce });
        return route.fulfill({ status: 200, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' }, body });
      }
      if (url.origin === DIRECTBOOK && request.method() === 'POST') {
        posted.push({ path: url.pathname, authorization: request.headers()['authorization'], body: request.postDataJSON() });
        return route.fulfill({ status: cardAnswer.status, contentType: 'application/json', body: JSON.stringify(cardAnswer.body) });
      }
      return route.fulfill({
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><title>Hotel</title><script>
          window.received = [];
          addEventListener('message', (e) => {
            received.push({ origin: e.origin, data: e.data });
            if (e.data.type === 'directbook:card-frame:ready') {
              e.source.postMessage({ type: 'directbook:card-frame:init', bookingId: 'bk_1', clientToken: 'token-1', locale: 'en' }, e.origin);
            }
          });
        </script><iframe src="${DIRECTBOOK}/card-frame" title="Card"></iframe>`,
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${embedder}/`);
    const frame = (await (await page.waitForSelector('iframe')).contentFrame())!;
    await frame.waitForLoadState();
    return {
      page,
      frame,
      received: () => page.evaluate(() => (window as unknown as { received: { origin: string; data: CardFrameMessage }[] }).received),
      posted,
      violations: () => frame.evaluate(() => (window as unknown as { violations: string[] }).violations),
    };
  }

  const typeCard = async (frame: Frame, card: { number: string; expiry: string; name: string }) => {
    await frame.locator('#number').pressSequentially(card.number);
    await frame.locator('#expiry').pressSequentially(card.expiry);
    await frame.locator('#name').fill(card.name);
  };

  it('runs under its CSP, tells its parent it is ready and takes init from it', async () => {
    const { frame, received, violations } = await open();
    await expect.poll(async () => (await received()).map((m) => m.data.type)).toContain('directbook:card-frame:ready');
    await expect.poll(() => frame.locator('#submit').isEnabled()).toBe(true);
    expect((await received()).every((m) => m.origin === DIRECTBOOK)).toBe(true);
    expect(await violations()).toEqual([]);
  });

  it('speaks only to the parent origin it was given, and ignores init from any other', async () => {
    const { page, frame, received } = await open({ embedder: OTHER });
    // The script runs (it shows the brand), but its messages are for hotel.example only.
    await frame.locator('#number').pressSequentially('42');
    await expect.poll(() => frame.locator('[data-brand="visa"]').first().isVisible()).toBe(true);
    await frame.evaluate(() => {
      const arrived = new Promise((resolve) => addEventListener('message', resolve, { once: true }));
      Object.assign(window, { arrived });
    });
    await page.evaluate(() =>
      document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'directbook:card-frame:init', bookingId: 'bk_1', clientToken: 'token-1', locale: 'en' }, '*'),
    );
    // Handled by then: the frame's own listener was added first.
    await frame.evaluate(() => (window as unknown as { arrived: Promise<unknown> }).arrived);
    expect(await frame.locator('#submit').isDisabled()).toBe(true);
    expect(await received()).toEqual([]);
  });

  it('shows the brand as it is typed, and refuses one the property does not take at once', async () => {
    const { frame } = await open();
    await frame.locator('#number').pressSequentially('5555');
    expect(await frame.locator('#brand-slot [data-brand="mastercard"]').isVisible()).toBe(true);
    expect(await frame.locator('#brand-slot [data-brand="none"]').isHidden()).toBe(true);
    expect(await frame.locator('#brands li.match').getAttribute('data-brand')).toBe('mastercard');
    expect(await frame.locator('#brand-name').textContent()).toBe('Mastercard');
    await frame.locator('#number').fill('');
    await frame.locator('#number').pressSequentially('3056');
    expect(await frame.locator('#number-error').textContent()).toBe('Diners Club cards aren’t accepted here');
    expect(await frame.locator('#number').getAttribute('aria-invalid')).toBe('true');
  });

  it.for([
    ['ko', 'Diners Club 카드는 사용할 수 없습니다', '유효하지 않은 카드 번호입니다'],
    ['id', 'Kartu Diners Club tidak diterima di sini', 'Nomor kartu tidak valid'],
  ])('refuses in %s', async ([locale, brandRefused, invalid]) => {
    const { frame } = await open({ locale });
    await frame.locator('#number').pressSequentially('3056');
    expect(await frame.locator('#number-error').textContent()).toBe(brandRefused);
    await frame.locator('#number').fill('');
    await typeCard(frame, { number: '4242424242424241', expiry: `12${yy}`, name: 'Sari Wijaya' });
    await frame.locator('#submit').click();
    expect(await frame.locator('#number-error').textContent()).toBe(invalid);
  });

  it('checks the card with the server’s rules and posts nothing it would refuse', async () => {
    const { frame, posted } = await open();
    const lastYear = String((new Date().getUTCFullYear() - 1) % 100).padStart(2, '0');
    await typeCard(frame, { number: '4242424242424241', expiry: `12${lastYear}`, name: 'Sari Wijaya' });
    await frame.locator('#submit').click();
    expect(await frame.locator('#number-error').textContent()).toBe('Your card number is invalid');
    expect(await frame.locator('#expiry-error').textContent()).toBe('Your card has expired');
    expect(await frame.locator('#status').textContent()).toBe('Check the highlighted fields');
    expect(await frame.evaluate(() => document.activeElement?.id)).toBe('number');
    expect(posted).toEqual([]);
  });

  it('posts the card straight to the server with the client token, and tells the parent only brand and last 4', async () => {
    const { frame, received, posted } = await open();
    await typeCard(frame, { number: CARD, expiry: `12${yy}`, name: ' Sari Wijaya ' });
    expect(await frame.locator('#number').inputValue()).toBe('4242 4242 4242 4242');
    expect(await frame.locator('#expiry').inputValue()).toBe(`12 / ${yy}`);
    await frame.locator('#submit').click();
    await expect.poll(() => frame.locator('#status').textContent()).toBe('Card saved. Your booking is confirmed.');
    expect(posted).toEqual([
      {
        path: '/api/v1/public/bookings/bk_1/card',
        authorization: 'Bearer token-1',
        body: { number: CARD, expMonth: 12, expYear: 2000 + Number(yy), holderName: 'Sari Wijaya' },
      },
    ]);
    const messages = await received();
    expect(messages.find((m) => m.data.type === 'directbook:card-frame:result')?.data).toEqual({
      type: 'directbook:card-frame:result',
      ok: true,
      brand: 'visa',
      last4: '4242',
    });
    expect(JSON.stringify(messages)).not.toContain(CARD);
    expect(await frame.locator('#number').inputValue()).toBe('');
  });

  it('shows the server’s refusal on the field it names', async () => {
    const details = [{ path: 'expYear', message: 'This card has expired' }];
    const { frame } = await open({ cardAnswer: { status: 400, body: { error: { code: 'invalid_card', message: 'This card has expired', details } } } });
    await typeCard(frame, { number: CARD, expiry: `12${yy}`, name: 'Sari Wijaya' });
    await frame.locator('#submit').click();
    await expect.poll(() => frame.locator('#expiry-error').textContent()).toBe('This card has expired');
    expect(await frame.locator('#status').textContent()).toBe('Check the highlighted fields');
    expect(await frame.locator('#submit').isEnabled()).toBe(true);
  });
});
