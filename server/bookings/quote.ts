// Price and check: the server's own quote of a stay and the SPEC 2.5 checks that it can be sold,
// shared by quotes and bookings. The server never trusts a client's prices (SPEC 2.7).
import { nightsOf, shiftMonths, todayIn } from '../../shared/dates.ts';
import { type Occupancy, type OfferContext, unavailableReason } from '../../shared/availability.ts';
import type { Locale } from '../../shared/locale.ts';
import { quoteStay, UnknownItemError } from '../../shared/pricing.ts';
import type { RoomRequest } from '../../shared/schemas/stay.ts';
import { planKey, planRoomsLeft, plansByKey } from '../../shared/rate-plans.ts';
import { type CatalogRate, loadCatalog, loadOccupancy, type PropertyCatalog, stayCatalog } from '../catalog.ts';
import { ApiError, conflict, invalidField, soldOut } from '../errors.ts';
import type { PropertyRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';
import { assertChildAges, assertFits } from './party.ts';
import { promotionFor } from './promotions.ts';
import { takesFor } from './takes.ts';
import { textIn } from '../../shared/localized-text.ts';
import { resolvePlanRooms } from '../rate-plan-rooms.ts';

export interface StayRequest {
  checkIn: string;
  checkOut: string;
  rooms: readonly RoomRequest[];
  promoCode?: string | undefined;
}

/**
 * SPEC 2.2: a stay may not start before today in the property's time zone. Issue 9: nor end after
 * the property's booking horizon, so no one holds rooms in 9999 (400 `beyond_horizon` on checkOut).
 */
export function assertWithinHorizon(property: PropertyRecord, stay: { checkIn: string; checkOut: string }, now: Date) {
  const today = todayIn(property.timezone, now);
  if (stay.checkIn < today) throw invalidField('checkIn', 'checkIn is in the past for this property');
  const last = shiftMonths(today, property.bookingHorizonMonths);
  if (stay.checkOut > last) {
    const message = `This property takes stays ending up to ${property.bookingHorizonMonths} months ahead: checkOut on or before ${last}`;
    throw new ApiError(400, 'beyond_horizon', message, [{ path: 'checkOut', message }]);
  }
}

/** Issue 9: the property's cap on rooms in one booking, so one request cannot hold the whole hotel. */
function assertRoomCount(property: PropertyRecord, rooms: number) {
  if (rooms <= property.maxRoomsPerBooking) return;
  const message = `This property takes at most ${property.maxRoomsPerBooking} rooms in one booking`;
  throw new ApiError(400, 'too_many_rooms', message, [{ path: 'rooms', message }]);
}

/** Checks every requested room against SPEC 2.5, counting rooms that share a rate or room type together. */
export function assertBookable(catalog: PropertyCatalog, stay: StayRequest, ctx: OfferContext) {
  const nights = nightsOf(stay.checkIn, stay.checkOut);
  const rates = plansByKey(catalog.rates);
  const roomTypes = new Map(catalog.roomTypes.map((r) => [r.id, r]));
  const perRate = new Map<string, number>();
  const perPlanRoomType = new Map<string, number>();
  const perRoomType = new Map<string, number>();
  stay.rooms.forEach((room, i) => {
    const rate = rates.get(planKey(room.rateId, room.roomTypeId));
    if (!rate) throw invalidField(`rooms.${i}.rateId`, 'No such rate');
    perRate.set(rate.id, (perRate.get(rate.id) ?? 0) + 1);
    const key = planKey(rate.id, rate.roomTypeId);
    perPlanRoomType.set(key, (perPlanRoomType.get(key) ?? 0) + 1);
    perRoomType.set(rate.roomTypeId, (perRoomType.get(rate.roomTypeId) ?? 0) + 1);
  });
  stay.rooms.forEach((room, i) => {
    const rate = rates.get(planKey(room.rateId, room.roomTypeId)) as CatalogRate;
    const roomType = roomTypes.get(rate.roomTypeId)!;
    const party = { adults: room.adults, children: room.childAges?.length ?? room.children ?? 0, childAges: room.childAges };
    assertFits(roomType, party, `rooms.${i}`);
    assertChildAges(rate, party, `rooms.${i}.childAges`);
    const request = {
      checkIn: stay.checkIn,
      checkOut: stay.checkOut,
      ...party,
      rooms: perPlanRoomType.get(planKey(rate.id, rate.roomTypeId))!,
      roomTypeRooms: perRoomType.get(rate.roomTypeId)!,
    };
    const reason = unavailableReason(rate, roomType, request, nights, ctx);
    if (reason === 'sold_out' || reason === 'rate_limit_reached') {
      throw conflict('sold_out', `${textIn(roomType.name, 'en')} is no longer available for these dates`);
    }
    // The code names the reason (min_nights, closed_to_arrival, …), as availability does, so a client can say why.
    if (reason) {
      const message = `This rate cannot be booked for this stay (${reason})`;
      throw new ApiError(400, reason, message, [{ path: `rooms.${i}.rateId`, message }]);
    }
    // SPEC 2.21: the plan's caps count its rooms in every room type of the booking together.
    if (planRoomsLeft(rate, nights, ctx.occupancy) < perRate.get(rate.id)!) throw conflict('sold_out', `${textIn(rate.name, 'en')} is no longer available for these dates`);
  });
}

/** Nothing sold: a hold's own transaction takes the units under their guards (SPEC 2.7), so reading them first would only repeat it. */
const UNCOUNTED: Occupancy = { roomTypeSold: () => 0, rateSold: () => 0, rateSoldTotal: () => 0 };

/**
 * Loads what a stay needs, prices it and checks it can be sold now. For a `hold` the catalog may
 * come from `deps.catalogs`, and what is sold is left to the hold's transaction (issue 13).
 */
export async function priceStay(deps: Pick<BookingDeps, 'store' | 'clock' | 'catalogs'>, property: PropertyRecord, stay: StayRequest, locale: Locale, purpose: 'quote' | 'hold' = 'quote') {
  const now = deps.clock();
  assertWithinHorizon(property, stay, now);
  assertRoomCount(property, stay.rooms.length);
  const held = purpose === 'hold';
  const catalog = held && deps.catalogs ? await deps.catalogs.catalog(property, stay.checkIn, stay.checkOut) : await loadCatalog(deps.store, property, stay.checkIn, stay.checkOut);
  const occupancy = held ? UNCOUNTED : await loadOccupancy(deps.store, catalog, stay.checkIn, stay.checkOut, now);
  const promo = stay.promoCode === undefined ? undefined : await promotionFor(deps, property, stay.promoCode, { ...stay, rateIds: stay.rooms.map((r) => r.rateId) });
  const planned = { ...stay, rooms: resolvePlanRooms(catalog.rates, stay.rooms) };
  // Issue 13: in a rush most holds ask for nights already gone; those are refused before pricing.
  if (held && (await deps.store.soldOutNow(takesFor(planned.rooms, stay.checkIn, stay.checkOut), now.toISOString()))) throw soldOut();
  try {
    const priced = quoteStay(stayCatalog(catalog), planned, locale, todayIn(property.timezone, now), promo?.promotion);
    assertBookable(catalog, planned, { now, isClosed: catalog.isClosed, occupancy });
    const quote = promo ? { ...priced, promo: promo.answer } : priced;
    return { catalog, quote, promotion: promo?.promotion };
  } catch (error) {
    if (error instanceof UnknownItemError) throw invalidField(error.path, error.message);
    throw error;
  }
}
