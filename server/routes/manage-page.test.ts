// SPEC 2.16: /manage/:id, the guest's manage page the confirmation e-mail links to.
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test/support/api.ts';

describe('the guest’s manage page', () => {
  const app = useTestApp(undefined);

  test('runs manage.js under a CSP whose only inline code is the style under this answer’s nonce', async () => {
    const res = await app().request('GET', '/manage/bk_123');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("script-src 'self' https://js.stripe.com");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(html).toContain(`<style nonce="${nonce}">`);
    expect(html).toContain('<script type="module" src="/manage.js"></script>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<db-manage booking="bk_123"></db-manage>');
    // A fresh nonce each time, or it would protect nothing.
    const again = (await app().request('GET', '/manage/bk_123')).headers.get('content-security-policy')!;
    expect(again).not.toContain(nonce);
  });

  test('is kept by no cache and listed by no search engine', async () => {
    const res = await app().request('GET', '/manage/bk_123');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(await res.text()).toContain('<meta name="robots" content="noindex, nofollow" />');
  });

  test('is the same page for every id, so it tells nobody without the token whether a booking exists', async () => {
    const unknown = await (await app().request('GET', '/manage/bk_nosuchbooking')).text();
    const other = await (await app().request('GET', '/manage/bk_123')).text();
    const withoutNonce = (page: string) => page.replace(/nonce="[^"]+"/, '').replace(/booking="[^"]+"/, '');
    expect(withoutNonce(unknown)).toBe(withoutNonce(other));
  });

  test('an id is written into the page as text, never as markup', async () => {
    const html = await (await app().request('GET', `/manage/${encodeURIComponent('"><script>alert(1)</script>')}`)).text();
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('booking="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});
