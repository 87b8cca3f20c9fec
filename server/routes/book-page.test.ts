// SPEC 2.11: the hosted booking page a property can share as a link.
import { describe, expect, test } from 'vitest';
import { backends, useTestApp } from '../../test/support/api.ts';

describe.each(backends)('the hosted booking page on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const page = async (path: string) => {
    const res = await app().request('GET', path);
    return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
  };

  test('shows the property by name, with a title, description and link preview, and the widget for it', async () => {
    const owner = await app().createProperty({ name: 'Pension Badasori', description: 'Five rooms by the sea in Gangneung.', locale: 'ko' });
    const { status, type, html } = await page(`/book/${owner.id}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html/);
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain('<title>Pension Badasori · Book direct</title>');
    expect(html).toContain('<meta name="description" content="Five rooms by the sea in Gangneung." />');
    expect(html).toContain('<meta property="og:title" content="Pension Badasori · Book direct" />');
    expect(html).toContain(`<meta property="og:url" content="http://localhost/book/${owner.id}" />`);
    expect(html).toContain('<script type="module" src="/widget.js"></script>');
    // The page's own CSS is written as is: an escaped quote would drop the font rule.
    expect(html).toContain("'Segoe UI'");
    expect(html).toMatch(new RegExp(`<direct-book\\s+property="${owner.id}"\\s*>`));
    expect(html).not.toContain('noindex');
  });

  test('a deep link preselects the dates and the party; a malformed one leaves the widget its own default', async () => {
    const owner = await app().createProperty();
    const linked = await page(`/book/${owner.id}?checkIn=2026-12-24&checkOut=2026-12-26&adults=3&locale=id`);
    expect(linked.html).toContain('check-in="2026-12-24" check-out="2026-12-26"');
    expect(linked.html).toContain('adults="3"');
    expect(linked.html).toContain('locale="id"');
    for (const query of [
      'checkIn=2026-12-26&checkOut=2026-12-24',
      'checkIn=2026-02-30&checkOut=2026-03-02',
      'checkIn=2025-12-24&checkOut=2025-12-26',
      'adults=0',
      'adults=lots',
      'locale=xx',
    ]) {
      const { html } = await page(`/book/${owner.id}?${query}`);
      expect(html, query).not.toMatch(/check-in=|adults=|locale="xx"/);
    }
  });

  test('what an owner typed is shown as text, never run as markup', async () => {
    const owner = await app().createProperty({ name: '<script>alert(1)</script> Inn', description: '"><img src=x onerror=alert(2)>' });
    const { html } = await page(`/book/${owner.id}?adults="><script>`);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Inn');
  });

  test('an owner can keep the page out of search engines, and an unknown property has no page', async () => {
    const owner = await app().createProperty();
    expect((await app().request('PATCH', `/api/v1/properties/${owner.id}`, { key: owner.key, body: { pageIndexed: false } })).status).toBe(200);
    expect((await page(`/book/${owner.id}`)).html).toContain('<meta name="robots" content="noindex" />');
    expect((await page('/book/prop_nosuchplace')).status).toBe(404);
  });
});
