// Issue 9 in a real Chromium: the demo page and the hosted booking page show the widget's rates
// under their Content-Security-Policy without a single violation, and a script slipped into
// either page does not run.
import { describe, expect, test } from 'vitest';
import { ratesShown, useServerAndBrowser } from './browser.ts';

describe('pages under their Content-Security-Policy', () => {
  const e2e = useServerAndBrowser();

  test.each([
    ['the demo hotel page', '/'],
    ['the hosted booking page', '/book/demo'],
  ])('%s shows the rates with no CSP violation, and an injected inline script is refused', async (_page, path) => {
    const page = await e2e.browser.newPage();
    page.setDefaultTimeout(30_000);
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const res = await page.goto(`${e2e.server.url}${path}`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await ratesShown(page).waitFor();
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return (window as unknown as { injected?: boolean }).injected ?? false;
    });
    expect(ran).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual(['script-src-elem inline']);
    await page.close();
  });
});
