// SPEC 2.16: /manage/:bookingId, the guest's own page, linked from the confirmation e-mail with the
// booking's clientToken in the fragment. The fragment never reaches this server, so the page is the
// same for every id: it says nothing about a booking until the API has checked the token.
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import type { MiddlewareHandler } from 'hono';
import { setAnswerHeader } from '../answer-headers.ts';
import { noStore, widgetPageSecurity } from '../security-headers.ts';

// The same ground as /book/:pid, so the guest recognises the hotel's booking pages.
const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif; color: #1d232b; background: #f6f5f2; }
  body { margin: 0; }
  main { max-width: 960px; margin: 0 auto; padding: 24px 16px 64px; }
  @media (max-width: 480px) { main { padding: 12px 8px 32px; } }
`;

/** A guest's booking is nobody else's business: not for caches, search engines or other sites' frames. */
const privatePage: MiddlewareHandler = async function privatePage(c, next) {
  await next();
  setAnswerHeader(c, 'X-Robots-Tag', 'noindex, nofollow');
};

export function managePage() {
  return new Hono().get('/:bookingId', widgetPageSecurity, noStore, privatePage, (c) =>
    c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>Your booking</title>
    <style nonce="${c.get('secureHeadersNonce')}">${raw(STYLE)}</style>
    <script type="module" src="/manage.js"></script>
  </head>
  <body>
    <main><db-manage booking="${c.req.param('bookingId')}"></db-manage></main>
  </body>
</html>`),
  );
}
