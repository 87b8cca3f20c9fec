// Loads what pricing and availability need for one property and one window of nights,
// in a fixed number of queries whatever the number of rates (no N+1).
import { NEXT_AVAILABLE_SEARCH_DAYS, type Occupancy, type OfferCatalog } from '../shared/availability.ts';
import { addDays } from '../shared/dates.ts';
import type { PricedRate, StayCatalog } from '../shared/pricing.ts';
import { planKey, plansByKey } from '../shared/rate-plans.ts';
import type { Extra } from '../shared/schemas/extra.ts';
import type { RoomType } from '../shared/schemas/room-type.ts';
import { expireDueHolds } from './bookings/expire.ts';
import { closedChecker } from './closures.ts';
import { rateOverrides } from './prices.ts';
import { rateRestrictions } from './restrictions.ts';
import type { PropertyRecord, Store } from './store/store.ts';
import type { LocalizedText } from '../shared/localized-text.ts';

export interface CatalogRate extends PricedRate {
  soldTotal: number;
  roomTypeName: LocalizedText;
}

export interface PropertyCatalog extends OfferCatalog {
  property: PropertyRecord;
  roomTypes: RoomType[];
  rates: CatalogRate[];
  extras: Extra[];
  isClosed: (date: string) => boolean;
}

/** The property's room types, rates (with price overrides for from <= date < to) and extras. */
export async function loadCatalog(store: Store, property: PropertyRecord, from: string, to: string): Promise<PropertyCatalog> {
  const [roomTypes, rates, extras] = await Promise.all([store.listRoomTypes(property.id), store.listRates(property.id), store.listExtras(property.id)]);
  const rateIds = rates.map((r) => r.id);
  // SPEC 2.22: restrictions decide by arrival and departure dates, which the "next available" search takes up to 60 days on.
  const [byRate, restrictionsOf] = await Promise.all([rateOverrides(store, rates, from, to), rateRestrictions(store, rateIds, from, addDays(to, NEXT_AVAILABLE_SEARCH_DAYS + 1))]);
  const roomTypeNames = new Map(roomTypes.map((r) => [r.id, r.name]));
  return {
    property,
    currency: property.currency,
    roomTypes,
    // SPEC 2.21: a plan is offered under each of its room types, at that room type's prices; caps and rules stay the plan's.
    rates: rates.flatMap((r) =>
      (r.roomTypes ?? [r])
        .filter((e) => roomTypeNames.has(e.roomTypeId))
        .map((e) => ({
          ...r,
          roomTypeId: e.roomTypeId,
          nightlyPrice: e.nightlyPrice,
          overrides: byRate.get(planKey(r.id, e.roomTypeId)) ?? new Map<string, number>(),
          restrictions: restrictionsOf.get(r.id) ?? [],
          roomTypeName: roomTypeNames.get(e.roomTypeId)!,
        })),
    ),
    extras,
    charges: { taxes: property.taxes, fees: property.fees },
    locale: property.locale,
    isClosed: closedChecker(property.closures, property.country),
  };
}

export function stayCatalog(catalog: PropertyCatalog): StayCatalog {
  return {
    currency: catalog.currency,
    rates: plansByKey(catalog.rates),
    extras: new Map(catalog.extras.map((e) => [e.id, e])),
    roomTypes: new Map(catalog.roomTypes.map((r) => [r.id, r])),
    ...(catalog.charges ? { charges: catalog.charges } : {}),
    ...(catalog.locale ? { locale: catalog.locale } : {}),
  };
}

/**
 * What is sold per night in the window, read from committed inventory rows. Holds past their
 * expiry are released first (SPEC 2.7: expiry is decided by data), which is a write only when some are due.
 */
export async function loadOccupancy(store: Store, catalog: PropertyCatalog, from: string, to: string, now: Date): Promise<Occupancy> {
  await expireDueHolds(store, now);
  const [roomTypeRows, rateRows] = await Promise.all([
    store.roomTypeSold(
      catalog.roomTypes.map((r) => r.id),
      from,
      to,
    ),
    store.rateSold(
      catalog.rates.filter((r) => r.maxRoomsPerNight != null).map((r) => r.id),
      from,
      to,
    ),
  ]);
  const roomTypeSold = byIdAndDate(roomTypeRows);
  const rateSold = byIdAndDate(rateRows);
  const soldTotal = new Map(catalog.rates.map((r) => [r.id, r.soldTotal]));
  return {
    roomTypeSold: (id, date) => roomTypeSold.get(id)?.get(date) ?? 0,
    rateSold: (id, date) => rateSold.get(id)?.get(date) ?? 0,
    rateSoldTotal: (id) => soldTotal.get(id) ?? 0,
  };
}

// Looked up per rate and night of every answer: nested maps, so a lookup builds no key string.
function byIdAndDate(rows: readonly { id: string; date: string; sold: number }[]): Map<string, Map<string, number>> {
  const byId = new Map<string, Map<string, number>>();
  for (const { id, date, sold } of rows) {
    let dates = byId.get(id);
    if (!dates) byId.set(id, (dates = new Map<string, number>()));
    dates.set(date, sold);
  }
  return byId;
}
