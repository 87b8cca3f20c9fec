// SPEC 2.11: /book/:pid, the hosted booking page for owners without a site of their own or a link
// to share. Deep links preselect the stay: /book/:pid?checkIn=2026-12-24&checkOut=2026-12-26&adults=2.
// Above the widget it shows the property's profile in the guest's language.
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { daysBetween, isCalendarDate, todayIn } from '../../shared/dates.ts';
import { asLocale, type Locale, pickLocale } from '../../shared/locale.ts';
import type { AppDeps } from '../app-env.ts';
import { type GuestProperty, guestProperty } from '../profile-view.ts';
import { widgetPageSecurity } from '../security-headers.ts';
import { propertyView } from '../views.ts';

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

const LABELS: Record<Locale, { address: string; phone: string; checkIn: string; checkOut: string; directions: string; amenities: string; photos: string }> = {
  en: { address: 'Address', phone: 'Phone', checkIn: 'Check-in from', checkOut: 'Check-out until', directions: 'Getting here', amenities: 'Amenities', photos: 'Photos' },
  ko: { address: '주소', phone: '전화', checkIn: '체크인 시간', checkOut: '체크아웃 시간', directions: '오시는 길', amenities: '편의 시설', photos: '사진' },
  id: { address: 'Alamat', phone: 'Telepon', checkIn: 'Check-in mulai', checkOut: 'Check-out paling lambat', directions: 'Petunjuk arah', amenities: 'Fasilitas', photos: 'Foto' },
};

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans KR', sans-serif; color: #1d232b; background: #f6f5f2; }
  body { margin: 0; }
  main { max-width: 960px; margin: 0 auto; padding: 32px 16px 64px; }
  h1 { font-size: clamp(1.6rem, 5vw, 2.4rem); margin: 0 0 8px; letter-spacing: -0.01em; }
  h2 { font-size: 1rem; margin: 16px 0 4px; }
  p.about { margin: 0 0 24px; color: #4a525c; line-height: 1.5; max-width: 60ch; }
  .profile { margin: 0 0 24px; color: #30363d; line-height: 1.5; }
  .profile dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
  .profile dt { color: #4a525c; }
  .profile dd { margin: 0; }
  .profile ul.amenities { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; margin: 0; padding: 0; }
  .profile ul.amenities li { background: #fff; border: 1px solid #d8d6d0; border-radius: 999px; padding: 2px 10px; font-size: 0.9rem; }
  .profile .photos { display: flex; gap: 8px; overflow-x: auto; margin: 16px 0 0; padding: 0; list-style: none; }
  .profile .photos img { height: 160px; width: auto; border-radius: 8px; display: block; }
`;

/** The profile a guest reads before choosing a room: where, whom to call, when, how to get there. */
function profileSection(property: GuestProperty, locale: Locale) {
  const t = LABELS[locale];
  const facts = [
    property.address ? html`<dt>${t.address}</dt><dd>${property.address}</dd>` : '',
    property.phone ? html`<dt>${t.phone}</dt><dd><a href="tel:${property.phone.replace(/[^+\d]/g, '')}">${property.phone}</a></dd>` : '',
    property.checkInTime ? html`<dt>${t.checkIn}</dt><dd>${property.checkInTime}</dd>` : '',
    property.checkOutTime ? html`<dt>${t.checkOut}</dt><dd>${property.checkOutTime}</dd>` : '',
  ];
  return html`<section class="profile">
    ${facts.some((f) => f !== '') ? html`<dl>${facts}</dl>` : ''}
    ${property.directions ? html`<h2>${t.directions}</h2><p>${property.directions}</p>` : ''}
    ${property.amenities.length > 0 ? html`<h2>${t.amenities}</h2><ul class="amenities">${property.amenities.map((a) => html`<li>${a}</li>`)}</ul>` : ''}
    ${property.images.length > 0 ? html`<ul class="photos" aria-label="${t.photos}">${property.images.map((src, i) => html`<li><img src="${src}" alt="${property.name} ${i + 1}" loading="lazy" /></li>`)}</ul>` : ''}
  </section>`;
}

export function bookPage(deps: AppDeps) {
  return new Hono().get('/:pid', widgetPageSecurity, async (c) => {
    const stored = await deps.store.getProperty(c.req.param('pid'));
    // SPEC 2.11: a hidden property's page is as absent as an unknown one's.
    if (!stored || !stored.visible) {
      return c.html(html`<!doctype html><html lang="en"><meta charset="utf-8" /><title>Not found</title><p>This booking page does not exist.</p></html>`, 404);
    }
    const link = deepLink(c.req.query(), todayIn(stored.timezone, deps.clock()));
    const locale = pickLocale(link.locale, c.req.header('accept-language'), stored.locale);
    const property = guestProperty(propertyView(stored), locale);
    const own = deps.config.publicUrl ?? new URL(c.req.url).origin;
    const title = `${property.name} · Book direct`;
    const description = property.description ?? `Book your stay at ${property.name} directly.`;
    return c.html(html`<!doctype html>
<html lang="${locale}">
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
    ${property.images[0] ? html`<meta property="og:image" content="${property.images[0]}" />` : ''}
    <style nonce="${c.get('secureHeadersNonce')}">${raw(STYLE)}</style>
    <script type="module" src="/widget.js"></script>
  </head>
  <body>
    <main>
      <h1>${property.name}</h1>
      ${property.description ? html`<p class="about">${property.description}</p>` : ''}
      ${profileSection(property, locale)}
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
