// SPEC 2.23: the owner console at /owner and its screens' paths (/owner/bookings/:id …), one shell
// for all of them: the console (dist/owner.js) reads the path and asks the API for everything else.
import { Hono, type MiddlewareHandler } from 'hono';
import { html, raw } from 'hono/html';
import { setAnswerHeader } from '../answer-headers.ts';
import { noStore, widgetPageSecurity } from '../security-headers.ts';

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif; color: #1d232b; background: #f6f5f2; }
  body { margin: 0; }
`;

/** The console is the property's back office: not for search engines or other sites' frames. */
const privatePage: MiddlewareHandler = async function privatePage(c, next) {
  await next();
  setAnswerHeader(c, 'X-Robots-Tag', 'noindex, nofollow');
};

/**
 * The console's API lives under /owner/api/ (server/routes/owner-session.ts, mounted first): a path
 * there that no API route answered is not found, not a screen. Checked here rather than in the
 * route's pattern: a pattern with a lookahead is one Hono's RegExpRouter cannot compile, and one
 * such route put the whole app on the slower TrieRouter (issue 13).
 */
const notApi: MiddlewareHandler = async function notApi(c, next) {
  if (c.req.path.startsWith('/owner/api/')) return c.notFound();
  await next();
};

export function ownerPage() {
  const shell: MiddlewareHandler = (c) =>
    Promise.resolve(
      c.html(html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex, nofollow" />
    <title>directbook · Owner</title>
    <style nonce="${c.get('secureHeadersNonce')}">${raw(STYLE)}</style>
    <script type="module" src="/owner.js"></script>
  </head>
  <body>
    <db-owner-app></db-owner-app>
  </body>
</html>`),
    );
  return new Hono().get('/', widgetPageSecurity, noStore, privatePage, shell).get('/*', notApi, widgetPageSecurity, noStore, privatePage, shell);
}
