// SPEC 4 (first paint): the rates need one request, and it should leave the moment widget.js runs.
// A <direct-book> already on the page has its attributes then, so its first availability request is
// sent from here, before Lit is even evaluated, let alone the element defined and upgraded; the
// element's own first call takes that answer (Api.prefetchAvailability). Its language's strings
// leave beside it, and the browser loads its date and number data while both travel.
import { addDays, isCalendarDate } from '../shared/dates.ts';
import { asLocale, type Locale } from '../shared/locale.ts';
import { Api, type AvailabilityQuery } from './api.ts';
import type { StayValue } from './events.ts';
import { loadCatalog, warmFormats } from './i18n.ts';

/** The party the first request asks for; the page's `adults` applies once the property is known. */
export const FIRST_PARTY = { adults: 2, children: 0 } as const;

/** The API's base URL: the widget's `api`, else the origin widget.js was loaded from. */
export function apiBase(api?: string | null): string {
  return api ?? new URL(import.meta.url).origin;
}

/** The language the widget or the page asks for; without one the server answers in the guest's. */
export function askedLocale(attribute?: string | null): Locale | undefined {
  return asLocale(attribute) ?? asLocale(document.documentElement.lang);
}

/** The page's `?promo=` deep link (SPEC 2.14), '' without one. */
export function pagePromo(): string {
  return new URLSearchParams(location.search).get('promo') ?? '';
}

/** The page's stay: a valid check-in, and a check-out after it (else one night). */
export function stayFrom(checkIn?: string | null, checkOut?: string | null): StayValue | undefined {
  if (!checkIn || !isCalendarDate(checkIn)) return undefined;
  return { checkIn, checkOut: checkOut && isCalendarDate(checkOut) && checkOut > checkIn ? checkOut : addDays(checkIn, 1) };
}

/** The first availability question: the stay (else the server picks one), the code, the language, and the property. */
export function firstQuery(stay: StayValue | undefined, promo: string | undefined, locale: Locale | undefined): AvailabilityQuery {
  return { ...stay, ...FIRST_PARTY, promoCode: promo || undefined, locale, include: 'property' };
}

/**
 * Sends the first request of every <direct-book> the page (`root`) holds already. One added later,
 * or whose attributes change before it is upgraded, asks for itself as it always could.
 */
export function sendFirstRequests(root: ParentNode = document): void {
  for (const widget of root.querySelectorAll('direct-book')) {
    const attribute = (name: string) => widget.getAttribute(name);
    const property = attribute('property');
    if (!property) continue;
    const locale = askedLocale(attribute('locale'));
    const query = firstQuery(stayFrom(attribute('check-in'), attribute('check-out')), attribute('promo') ?? pagePromo(), locale);
    new Api(apiBase(attribute('api')), property).prefetchAvailability(query);
    // The element asks for these itself, and shows any failure; here they only start early.
    loadCatalog(locale ?? 'en').catch(() => undefined);
    warmFormats(locale);
  }
}
