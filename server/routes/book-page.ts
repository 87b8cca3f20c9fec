// SPEC 2.11: /book/:pid, the hosted booking page for owners without a site of their own or a link
// to share. Deep links preselect the stay: /book/:pid?checkIn=2026-12-24&checkOut=2026-12-26&adults=2.
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { daysBetween, isCalendarDate, todayIn } from '../../shared/dates.ts';
import { asLocale } from '../../shared/locale.ts';
import type { AppDeps } from '../app-env.ts';
import { widgetPageSecurity } from '../security-headers.ts';

/** What the widget can preselect (SPEC 4 attributes); anything malformed is left to the widget's default stay. */
function deepLink(query: Record<string, string>, today: string) {
  const { checkIn, checkOut, adults } = query;
  const stay =
    checkIn && checkOut && isCalendarDate(checkIn) && isCalendarDate(checkOut) && checkIn >= today && daysBetween(checkIn, checkOut) > 0 && daysBetween(checkIn, checkOut) <= 60
      ? { checkIn, checkOut }
      : undefined;
  const party = adults && /^\d{1,2}$/.test(adults) && Number(adults) >= 1 ? Number(adults) : undefined;
  return { stay, adults: party, locale: asLocale(query['locale']) };
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif; color: #1d232b; background: #f6f5f2; }
  body { margin: 0; }
  main { max-width: 960px; margin: 0 auto; padding: 32px 16px 64px; }
  h1 { font-size: clamp(1.6rem, 5vw, 2.4rem); margin: 0 0 8px; letter-spacing: -0.01em; }
  p.about { margin: 0 0 24px; color: #4a525c; line-height: 1.5; max-width: 60ch; }
`;

export function bookPage(deps: AppDeps) {
  return new Hono().get('/:pid', widgetPageSecurity, async (c) => {
    const property = await deps.store.getProperty(c.req.param('pid'));
    if (!property) {
      return c.html(html`<!doctype html><html lang="en"><meta charset="utf-8" /><title>Not found</title><p>This booking page does not exist.</p></html>`, 404);
    }
    const link = deepLink(c.req.query(), todayIn(property.timezone, deps.clock()));
    const own = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const title = `${property.name} · Book direct`;
    const description = property.description ?? `Book your stay at ${property.name} directly.`;
    return c.html(html`<!doctype html>
<html lang="${link.locale ?? property.locale}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <meta name="description" content="${description}" />
    ${property.pageIndexed ? '' : html`<meta name="robots" content="noindex" />`}
    <meta property="og:type" content="website" />
    <meta property="og:title" content="${title}" />
    <meta property="og:description" content="${description}" />
    <meta property="og:url" content="${new URL(`/book/${encodeURIComponent(property.id)}`, own).toString()}" />
    <style nonce="${c.get('secureHeadersNonce')}">${raw(STYLE)}</style>
    <script type="module" src="/widget.js"></script>
  </head>
  <body>
    <main>
      <h1>${property.name}</h1>
      ${property.description ? html`<p class="about">${property.description}</p>` : ''}
      <direct-book
        property="${property.id}"
        ${link.locale ? html`locale="${link.locale}"` : ''}
        ${link.stay ? html`check-in="${link.stay.checkIn}" check-out="${link.stay.checkOut}"` : ''}
        ${link.adults ? html`adults="${link.adults}"` : ''}
      ></direct-book>
    </main>
  </body>
</html>`);
  });
}
