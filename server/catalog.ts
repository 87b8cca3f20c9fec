// Loads what pricing and availability need for one property and one window of nights,
// in a fixed number of queries whatever the number of rates (no N+1).
import type { Occupancy, OfferCatalog } from '../shared/availability.ts';
import type { PricedRate, StayCatalog } from '../shared/pricing.ts';
import type { Extra } from '../shared/schemas/extra.ts';
import type { RoomType } from '../shared/schemas/room-type.ts';
import { expireDueHolds } from './bookings/expire.ts';
import { closedChecker } from './closures.ts';
import { rateOverrides } from './prices.ts';
import type { PropertyRecord, Store } from './store/store.ts';

export interface CatalogRate extends PricedRate {
  soldTotal: number;
  roomTypeName: string;
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
  const byRate = await rateOverrides(
    store,
    rates.map((r) => r.id),
    from,
    to,
  );
  const roomTypeNames = new Map(roomTypes.map((r) => [r.id, r.name]));
  return {
    property,
    currency: property.currency,
    roomTypes,
    rates: rates.filter((r) => roomTypeNames.has(r.roomTypeId)).map((r) => ({ ...r, overrides: byRate.get(r.id) ?? new Map(), roomTypeName: roomTypeNames.get(r.roomTypeId)! })),
    extras,
    charges: { taxes: property.taxes, fees: property.fees },
    isClosed: closedChecker(property.closures, property.country),
  };
}

export function stayCatalog(catalog: PropertyCatalog): StayCatalog {
  return {
    currency: catalog.currency,
    rates: new Map(catalog.rates.map((r) => [r.id, r])),
    extras: new Map(catalog.extras.map((e) => [e.id, e])),
    roomTypes: new Map(catalog.roomTypes.map((r) => [r.id, r])),
    ...(catalog.charges ? { charges: catalog.charges } : {}),
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
  const key = (id: string, date: string) => `${id}|${date}`;
  const roomTypeSold = new Map(roomTypeRows.map((r) => [key(r.id, r.date), r.sold]));
  const rateSold = new Map(rateRows.map((r) => [key(r.id, r.date), r.sold]));
  const soldTotal = new Map(catalog.rates.map((r) => [r.id, r.soldTotal]));
  return {
    roomTypeSold: (id, date) => roomTypeSold.get(key(id, date)) ?? 0,
    rateSold: (id, date) => rateSold.get(key(id, date)) ?? 0,
    rateSoldTotal: (id) => soldTotal.get(id) ?? 0,
  };
}
