// Public routes the widget calls: property info, calendar, availability and quotes (SPEC 3).
import { type Context, Hono } from 'hono';
import { availabilityFor, NEXT_AVAILABLE_SEARCH_DAYS, nextAvailableStay } from '../../shared/availability.ts';
import { addDays, daysBetween, nightsOf, todayIn } from '../../shared/dates.ts';
import { pickLocale } from '../../shared/locale.ts';
import { pricesChildren } from '../../shared/occupancy.ts';
import { calendarMarks } from '../../shared/restrictions.ts';
import { AvailabilityQuerySchema, CalendarQuerySchema, type PublicProperty, QuoteRequestSchema } from '../../shared/schemas/stay.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { promotionFor } from '../bookings/promotions.ts';
import { assertChildAges } from '../bookings/party.ts';
import { assertWithinHorizon, priceStay } from '../bookings/quote.ts';
import { loadCatalog, loadOccupancy, type PropertyCatalog } from '../catalog.ts';
import { catalogCovering, occupancyCovering } from '../catalog-window.ts';
import { closedDatesBetween, isPublicHoliday } from '../closures.ts';
import { embedAllowed } from '../cors.ts';
import { invalidField } from '../errors.ts';
import type { PropertyRecord } from '../store/store.ts';
import { ReadyAnswer, sendReady } from '../ready-answer.ts';
import { jsonBody, query } from '../validate.ts';
import { guestExtra, publicProfile } from '../profile-view.ts';
import { textIn } from '../../shared/localized-text.ts';
import type { Locale } from '../../shared/locale.ts';

const CALENDAR_MAX_DAYS = 400;

function requestLocale(c: Context, requested: string | undefined, property: PropertyRecord) {
  return pickLocale(requested, c.req.header('accept-language'), property.locale);
}

// A year of days checked one by one costs more than the rest of an answer: the list is kept per
// property record (a write to the property reads a new one) and day.
const closedDates = new WeakMap<PropertyRecord, { today: string; dates: string[] }>();

function closedDatesFrom(property: PropertyRecord, today: string): string[] {
  let kept = closedDates.get(property);
  if (kept?.today !== today) closedDates.set(property, (kept = { today, dates: closedDatesBetween(property.closures, property.country, today, addDays(today, 366)) }));
  return kept.dates;
}

/** SPEC 4: no dates asked, the first night from tomorrow (or the next stay available after it). */
function tomorrowsNight(property: PropertyRecord, now: Date) {
  const checkIn = addDays(todayIn(property.timezone, now), 1);
  return { checkIn, checkOut: addDays(checkIn, 1) };
}

/** What the widget needs of the property (SPEC 3): alone, or with its first availability answer. */
/**
 * `catalog`: the rates and extras an availability answer has just loaded, so the widget's first
 * request does not read them twice; without it they are read here.
 */
async function publicPropertyView(deps: AppDeps, property: PropertyRecord, locale: Locale, catalog?: Pick<PropertyCatalog, 'rates' | 'extras'>): Promise<PublicProperty> {
  const today = todayIn(property.timezone, deps.clock());
  const [rates, extras] = catalog ? [catalog.rates, catalog.extras] : await Promise.all([deps.store.listRates(property.id), deps.store.listExtras(property.id)]);
  return {
    id: property.id,
    name: textIn(property.name, locale, property.locale),
    currency: property.currency,
    timezone: property.timezone,
    locale: property.locale,
    today,
    paymentMode: property.paymentMode,
    stripePublishableKey: property.paymentMode === 'stripe' ? (deps.config.stripePublishableKey ?? null) : null,
    acceptedCardBrands: property.acceptedCardBrands,
    closedDates: closedDatesFrom(property, today),
    extras: extras.map((extra) => guestExtra(extra, locale, property.locale)),
    holdMinutes: deps.config.holdMinutes,
    priceDisplay: property.priceDisplay,
    asksChildAges: rates.some(pricesChildren),
    status: property.status,
    checkInTime: property.checkInTime,
    checkOutTime: property.checkOutTime,
  };
}

export function publicRoutes(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      // SPEC 2.23: an unlisted site learns that it is not listed, and nothing else about the property.
      if (!embedAllowed(c, deps.config.publicUrl)) return c.json({ embedAllowed: false });
      const property = c.get('property');
      const locale = requestLocale(c, c.req.query('locale'), property);
      return c.json({ ...(await publicPropertyView(deps, property, locale)), ...publicProfile(property, locale), embedAllowed: true });
    })
    .get('/calendar', query(CalendarQuerySchema), async (c) => {
      const property = c.get('property');
      const { from, to } = c.req.valid('query');
      // SPEC 2.21: ranges are inclusive everywhere, so the days are from..to and the nights end the day after.
      const end = addDays(to, 1);
      const days = daysBetween(from, end);
      if (days <= 0) throw invalidField('to', 'to must not be before from');
      if (days > CALENDAR_MAX_DAYS) throw invalidField('to', `At most ${CALENDAR_MAX_DAYS} days at a time`);
      const catalog = await deps.cache!.get(property.id, `catalog|${from}|${end}`, () => loadCatalog(store, property, from, end));
      const occupancy = await loadOccupancy(store, catalog, from, end, deps.clock());
      const marks = calendarMarks(catalog.rates, from, days);
      return c.json({
        from,
        to,
        currency: property.currency,
        days: nightsOf(from, end).map((date, i) => {
          const open = catalog.roomTypes.filter((rt) => rt.units - occupancy.roomTypeSold(rt.id, date) > 0);
          const openIds = new Set(open.map((rt) => rt.id));
          const prices = catalog.rates.filter((r) => openIds.has(r.roomTypeId)).map((r) => r.overrides.get(date) ?? r.nightlyPrice);
          return {
            date,
            closed: catalog.isClosed(date),
            soldOut: open.length === 0,
            fromPrice: prices.length ? Math.min(...prices) : null,
            ...marks[i],
            ...(isPublicHoliday(property.country, date) && { holiday: true as const }),
          };
        }),
      });
    })
    .get('/availability', query(AvailabilityQuerySchema), async (c) => {
      const property = c.get('property');
      const { checkIn: askedIn, checkOut: askedOut, include, ...party } = c.req.valid('query');
      const now = deps.clock();
      const picked = askedIn === undefined || askedOut === undefined;
      const stay = { ...party, ...(picked ? tomorrowsNight(property, now) : { checkIn: askedIn, checkOut: askedOut }) };
      const locale = requestLocale(c, stay.locale, property);
      const second = Math.floor(now.getTime() / 1000);
      const { checkIn, checkOut, adults, children, childAges, rooms, promoCode } = stay;
      // The same question within the same second of the property's clock gets the same answer.
      const key = `availability|${checkIn}|${checkOut}|${picked}|${include}|${adults}|${children}|${childAges?.join(',') ?? ''}|${rooms}|${locale}|${promoCode ?? ''}|${second}`;
      const body = await deps.cache!.get(
        property.id,
        key,
        async () => {
          // Checked when the answer is made: a cached one was made for the same dates, day and property.
          assertWithinHorizon(property, stay, now);
          const first = await ratesFor(stay);
          const offered = first.answer.roomTypes.some((rt) => rt.rates.some((r) => r.available));
          const { answer, catalog } = picked && !offered && first.answer.nextAvailable ? await ratesFor({ ...stay, ...first.answer.nextAvailable }) : first;
          return new ReadyAnswer(JSON.stringify(include === 'property' ? { ...answer, property: await publicPropertyView(deps, property, locale, catalog) } : answer));
        },
        1_000,
      );
      return sendReady(c, body);

      async function ratesFor(asked: typeof stay) {
        // The catalog and what is sold cover the stay and the "next available" search after it, and
        // are shared with other questions about nearby stays (server/catalog-window.ts).
        const until = addDays(asked.checkOut, NEXT_AVAILABLE_SEARCH_DAYS);
        const catalog = await catalogCovering(deps.cache!, store, property, asked.checkIn, asked.checkOut);
        const occupancy = await occupancyCovering(deps.cache!, store, catalog, asked.checkIn, until, now);
        for (const rate of catalog.rates) assertChildAges(rate, asked, 'childAges');
        const ctx = { now, today: todayIn(property.timezone, now), isClosed: catalog.isClosed, occupancy };
        const promo = asked.promoCode === undefined ? undefined : await promotionFor(deps, property, asked.promoCode, { ...asked, rateIds: catalog.rates.map((r) => r.id) });
        const answer = availabilityFor(catalog, asked, ctx, locale, promo?.promotion);
        const offered = answer.roomTypes.some((rt) => rt.rates.some((r) => r.available));
        const next = offered ? undefined : nextAvailableStay(catalog, asked, ctx);
        return { answer: { ...answer, ...(next ? { nextAvailable: next } : {}), ...(promo ? { promo: promo.answer } : {}) }, catalog };
      }
    })
    .post('/quotes', jsonBody(QuoteRequestSchema), async (c) => {
      const property = c.get('property');
      const body = c.req.valid('json');
      const { quote } = await priceStay(deps, property, body, requestLocale(c, body.locale, property));
      return c.json(quote);
    });
}
