// SPEC 2.5: when a rate is offered for a stay, and the nearest later stay that would be.
import { cancellationTerms } from './cancellation.ts';
import { addDays, daysBetween, nightsOf } from './dates.ts';
import { depositFor, depositMessage } from './deposit.ts';
import { firstNightAfter } from './lines.ts';
import { coversRate, discountOn, type PromotionTerms } from './promotion.ts';
import type { Locale } from './locale.ts';
import { optionalTextIn, textIn } from './localized-text.ts';
import { nightlyPrices, type PricedRate } from './pricing.ts';
import { childCount, exceededLimit, limitsOf, occupancyCharge, pricesChildren, withOccupancy } from './occupancy.ts';
import { refusedArrivals, restrictionReason } from './restrictions.ts';
import type { RoomType } from './schemas/room-type.ts';
import type { Availability, RateOffer, UNAVAILABLE_REASONS } from './schemas/stay.ts';
import { addedCharges, type PropertyCharges } from './taxes.ts';

export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

export interface StayRequest {
  checkIn: string;
  checkOut: string;
  adults: number;
  children: number;
  /** SPEC 2.12: the children's ages, where given; they price the children beyond the base. */
  childAges?: readonly number[] | undefined;
  /** Rooms wanted on this rate. */
  rooms: number;
  /** Rooms wanted of the rate's room type over all rates, when more than `rooms`. */
  roomTypeRooms?: number;
}

/** What is already taken, read from committed rows (confirmed bookings and live holds). */
export interface Occupancy {
  roomTypeSold(roomTypeId: string, date: string): number;
  rateSold(rateId: string, date: string): number;
  rateSoldTotal(rateId: string): number;
}

export interface OfferContext {
  now: Date;
  /** Today in the property's zone: cancellation words leave out what can no longer be had (SPEC 2.16). */
  today?: string;
  isClosed: (date: string) => boolean;
  occupancy: Occupancy;
}

// SPEC 2.5: "next available" looks this far ahead.
export const NEXT_AVAILABLE_SEARCH_DAYS = 60;

/** The rooms of the room type free on every night of the stay (none asked: no limit). */
function roomTypeLeft(roomType: RoomType, nights: readonly string[], occupancy: Occupancy): number {
  let left = Number.POSITIVE_INFINITY;
  for (const date of nights) left = Math.min(left, roomType.units - occupancy.roomTypeSold(roomType.id, date));
  return left;
}

/** How many more rooms this rate can sell for every night of the stay, given what roomTypeLeft found for its room type. */
function rateUnitsLeft(rate: PricedRate, roomTypeFree: number, nights: readonly string[], occupancy: Occupancy): number {
  let left = roomTypeFree;
  if (rate.maxRoomsPerNight != null) for (const date of nights) left = Math.min(left, rate.maxRoomsPerNight - occupancy.rateSold(rate.id, date));
  if (rate.maxRoomsTotal != null) left = Math.min(left, rate.maxRoomsTotal - occupancy.rateSoldTotal(rate.id));
  return Math.max(0, Number.isFinite(left) ? left : 0);
}

/** What every rate of one room type shares for a stay, found once per room type rather than per rate. */
interface RoomTypeStay {
  tooManyGuests: boolean;
  /** Some night of the stay is closed (SPEC 2.6). */
  closed: boolean;
  /** roomTypeLeft for the stay. */
  left: number;
}

function reasonFor(rate: PricedRate, stay: StayRequest, nights: readonly string[], ctx: OfferContext, shared: RoomTypeStay): UnavailableReason | undefined {
  if (shared.tooManyGuests) return 'too_many_guests';
  const now = ctx.now.getTime();
  if (rate.bookableFrom && now < Date.parse(rate.bookableFrom)) return 'not_bookable_now';
  if (rate.bookableUntil && now >= Date.parse(rate.bookableUntil)) return 'not_bookable_now';
  if (rate.arrivalDates && !rate.arrivalDates.includes(stay.checkIn)) return 'arrival_date';
  // The nights are counted already; a stay of none is left for restrictionReason to judge as ever.
  const restricted = restrictionReason(rate, stay.checkIn, stay.checkOut, nights.length || undefined);
  if (restricted) return restricted;
  if (shared.closed) return 'closed';
  if (shared.left < (stay.roomTypeRooms ?? stay.rooms)) return 'sold_out';
  if (rateUnitsLeft(rate, shared.left, nights, ctx.occupancy) < stay.rooms) return 'rate_limit_reached';
  return undefined;
}

function roomTypeStay(roomType: RoomType, stay: StayRequest, nights: readonly string[], ctx: OfferContext, closed = nights.some((d) => ctx.isClosed(d))): RoomTypeStay {
  return { tooManyGuests: exceededLimit(roomType, stay) !== undefined, closed, left: roomTypeLeft(roomType, nights, ctx.occupancy) };
}

/** Why the rate cannot be sold for this stay, or undefined when it can. */
export function unavailableReason(rate: PricedRate, roomType: RoomType, stay: StayRequest, nights: readonly string[], ctx: OfferContext): UnavailableReason | undefined {
  return reasonFor(rate, stay, nights, ctx, roomTypeStay(roomType, stay, nights, ctx));
}

export interface OfferCatalog {
  currency: string;
  roomTypes: readonly RoomType[];
  rates: readonly PricedRate[];
  /** SPEC 2.13: the property's mandatory fees and taxes, in every rate's `total`; none when absent. */
  charges?: PropertyCharges;
  /** SPEC 2.11: the property's locale, for names not written in the guest's. */
  locale?: Locale;
}

/** A rate as every answer in one locale shows it. */
interface RateView {
  rate: PricedRate;
  name: string;
  description: string | null;
  pricesChildren: boolean;
  /** The rate's deposit and cancellation policies written out: rates with the same policy share their words. */
  depositKey: string;
  cancellationKey: string;
}

interface RoomTypeView {
  roomType: RoomType;
  head: Omit<Availability['roomTypes'][number], 'rates'>;
  rates: RateView[];
}

/** What answers in one locale show of a catalog, and the words already written for their stays. */
interface CatalogView {
  roomTypes: RoomTypeView[];
  /** By deposit policy, then amount. */
  depositMessages: Map<string, Map<number, string>>;
  /** By cancellation policy, then check-in and today. */
  cancellations: Map<string, Map<string, ReturnType<typeof cancellationTerms>>>;
}

// Bounds the words kept per policy when a catalog lives long (the server keeps one for seconds, a caller may keep one for ever).
const MEMO_ENTRIES = 1_024;

// Two levels, so that each lookup hashes strings the view or the request already holds rather than a new key per rate.
function remembered<K, V>(memo: Map<string, Map<K, V>>, policy: string, key: K, make: () => V): V {
  let byKey = memo.get(policy);
  if (!byKey) memo.set(policy, (byKey = new Map<K, V>()));
  let value = byKey.get(key);
  if (value === undefined) {
    if (byKey.size >= MEMO_ENTRIES) byKey.clear();
    byKey.set(key, (value = make()));
  }
  return value;
}

// A catalog is read, never changed, once loaded: what it says in a locale is worked out once per
// catalog, not once per question (issue 13: the server keeps one catalog for many questions).
const views = new WeakMap<OfferCatalog, Map<Locale, CatalogView>>();

function viewOf(catalog: OfferCatalog, locale: Locale): CatalogView {
  let byLocale = views.get(catalog);
  if (!byLocale) views.set(catalog, (byLocale = new Map<Locale, CatalogView>()));
  let view = byLocale.get(locale);
  if (!view) {
    const roomTypes = catalog.roomTypes.map((roomType) => {
      const limits = limitsOf(roomType);
      return {
        roomType,
        head: {
          id: roomType.id,
          name: textIn(roomType.name, locale, catalog.locale),
          description: optionalTextIn(roomType.description, locale, catalog.locale),
          maxGuests: roomType.maxGuests,
          maxAdults: limits.maxAdults,
          maxChildren: limits.maxChildren,
          images: roomType.images,
        },
        rates: catalog.rates
          .filter((rate) => rate.roomTypeId === roomType.id)
          .map((rate) => ({
            rate,
            name: textIn(rate.name, locale, catalog.locale),
            description: optionalTextIn(rate.description, locale, catalog.locale),
            pricesChildren: pricesChildren(rate),
            depositKey: JSON.stringify(rate.deposit),
            cancellationKey: JSON.stringify(rate.cancellationPolicy),
          })),
      };
    });
    view = { roomTypes, depositMessages: new Map(), cancellations: new Map() };
    byLocale.set(locale, view);
  }
  return view;
}

/** One room's offer on each rate, grouped by room type (SPEC 3 availability). */
/** `promotion`, already found to apply to the stay, shows each rate it covers at its price after the discount, beside the price before (SPEC 2.14). */
export function availabilityFor(catalog: OfferCatalog, stay: StayRequest, ctx: OfferContext, locale: Locale, promotion?: PromotionTerms): Availability {
  const nights = nightsOf(stay.checkIn, stay.checkOut);
  // SPEC 2.13: each rate's `total` is one room's all-in price for the asked party, without extras.
  const children = childCount(stay);
  const chargesOn = (roomPrice: number) => (catalog.charges ? addedCharges({ roomPrice, extrasTotal: 0, nights: nights.length, adults: stay.adults, children }, catalog.charges) : 0);
  const closed = nights.some((d) => ctx.isClosed(d));
  const view = viewOf(catalog, locale);
  const stayKey = `${stay.checkIn}|${ctx.today}`;
  const roomTypes = view.roomTypes.map(({ roomType, head, rates }) => {
    const shared = roomTypeStay(roomType, stay, nights, ctx, closed);
    return {
      ...head,
      rates: rates.map((shown): RateOffer => {
        const { rate } = shown;
        const nightly = withOccupancy(nightlyPrices(rate, nights), occupancyCharge(rate, roomType, stay));
        let before = 0;
        for (const night of nightly) before += night.amount;
        const discount = promotion && coversRate(promotion, rate.id) ? discountOn(promotion.discount, before) : 0;
        const roomTotal = before - discount;
        const firstNight = firstNightAfter(nightly[0]?.amount ?? 0, before, discount);
        const added = chargesOn(roomTotal);
        const amount = depositFor(rate.deposit, [{ roomTotal, extrasTotal: 0, firstNight, feesAndTaxes: added }]);
        const reason = reasonFor(rate, stay, nights, ctx, shared);
        // Built field by field in the answer's order: conditional spreads cost more than the rest of a rate.
        const offer = {
          id: rate.id,
          name: shown.name,
          description: shown.description,
          refundable: rate.refundable,
          payInFullOption: rate.payInFullOption ?? false,
          pricesChildren: shown.pricesChildren,
          available: reason === undefined,
        } as RateOffer;
        if (reason) offer.reason = reason;
        offer.unitsLeft = rateUnitsLeft(rate, shared.left, nights, ctx.occupancy);
        offer.nightly = nightly;
        offer.roomTotal = roomTotal;
        if (discount > 0) offer.roomTotalBefore = before;
        offer.total = roomTotal + added;
        if (discount > 0) offer.totalBefore = before + chargesOn(before);
        const message = remembered(view.depositMessages, shown.depositKey, amount, () => depositMessage(rate.deposit, amount, catalog.currency, locale));
        offer.deposit = { type: rate.deposit.type, amount, message };
        offer.cancellation = remembered(view.cancellations, shown.cancellationKey, stayKey, () => cancellationTerms(rate.cancellationPolicy, stay.checkIn, locale, ctx.today));
        return offer;
      }),
    };
  });
  return { checkIn: stay.checkIn, checkOut: stay.checkOut, nights: nights.length, currency: catalog.currency, locale, roomTypes };
}

/**
 * SPEC 2.5: the nearest later stay of the same length that would be offered, within 60 days: the
 * first shift for which some rate has no unavailableReason. Asking unavailableReason for 60 shifts
 * × every rate × every night took seconds for a large property (issue 13), so this reads each night
 * once per room type and rate and slides the stay over prefix sums of the nights that cannot be sold;
 * shared/availability.test.ts holds it equal to the plain definition. `ctx.occupancy` must cover the window.
 */
export function nextAvailableStay(catalog: OfferCatalog, stay: StayRequest, ctx: OfferContext): { checkIn: string; checkOut: string } | undefined {
  const length = daysBetween(stay.checkIn, stay.checkOut);
  const first = addDays(stay.checkIn, 1);
  // Night i is first + i days; the stay shifted by s covers nights s - 1 .. s - 2 + length.
  const window = nightsOf(first, addDays(first, NEXT_AVAILABLE_SEARCH_DAYS - 1 + length));
  const closed = window.map((date) => ctx.isClosed(date));
  const now = ctx.now.getTime();
  const roomTypes = new Map(catalog.roomTypes.map((r) => [r.id, r]));
  const roomTypeFull = new Map<string, boolean[]>();
  let best = NEXT_AVAILABLE_SEARCH_DAYS + 1;
  for (const rate of catalog.rates) {
    const roomType = roomTypes.get(rate.roomTypeId);
    if (!roomType) continue;
    // The rules of unavailableReason that do not depend on the dates.
    if (exceededLimit(roomType, stay)) continue;
    if ((rate.bookableFrom && now < Date.parse(rate.bookableFrom)) || (rate.bookableUntil && now >= Date.parse(rate.bookableUntil))) continue;
    if (rate.maxRoomsTotal != null && rate.maxRoomsTotal - ctx.occupancy.rateSoldTotal(rate.id) < stay.rooms) continue;
    let full = roomTypeFull.get(roomType.id);
    if (!full) {
      const wanted = Math.max(stay.roomTypeRooms ?? stay.rooms, stay.rooms);
      full = window.map((date) => roomType.units - ctx.occupancy.roomTypeSold(roomType.id, date) < wanted);
      roomTypeFull.set(roomType.id, full);
    }
    // SPEC 2.22: the arrival night's stay limits and the closed arrivals and departures, read once per rate.
    const refused = refusedArrivals(rate, first, NEXT_AVAILABLE_SEARCH_DAYS, length);
    const unsellable = [0];
    for (let i = 0; i < window.length; i++) {
      const capped = rate.maxRoomsPerNight != null && rate.maxRoomsPerNight - ctx.occupancy.rateSold(rate.id, window[i]!) < stay.rooms;
      unsellable.push(unsellable[i]! + (closed[i] || full[i] || capped ? 1 : 0));
    }
    for (let shift = 1; shift < best; shift++) {
      if (refused[shift - 1] || (rate.arrivalDates && !rate.arrivalDates.includes(window[shift - 1]!))) continue;
      if (unsellable[shift - 1 + length]! - unsellable[shift - 1]! === 0) best = shift;
    }
  }
  if (best > NEXT_AVAILABLE_SEARCH_DAYS) return undefined;
  const checkIn = addDays(stay.checkIn, best);
  return { checkIn, checkOut: addDays(checkIn, length) };
}
