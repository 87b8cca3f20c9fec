import type { Kysely, Selectable } from 'kysely';
import { maxQuantityOf } from '../../shared/extra-quantity.ts';
import type { Extra } from '../../shared/schemas/extra.ts';
import type { ChildPrice } from '../../shared/schemas/occupancy.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import type { Fee, PriceDisplay, Tax } from '../../shared/schemas/taxes.ts';
import { balanceStore } from './balance-store.ts';
import { balanceCollectionStore } from './balance-collection-store.ts';
import { bookingStore, changingRateCap } from './booking-store.ts';
import { statement } from './raw-statements.ts';
import { channelStore } from './channel-store.ts';
import { insertOwnerKey, keyStore } from './key-store.ts';
import { jobQueueStore } from './job-queue-store.ts';
import { perTurn } from './per-turn.ts';
import { rateLimitStore } from './rate-limit-store.ts';
import { settlementStore } from './settlement-store.ts';
import { opsStore } from './ops-store.ts';
import { promotionStore } from './promotion-store.ts';
import { pricePatternStore } from './price-pattern-store.ts';
import { derivedColumns, derivedFromOf, dropRoomTypeFromRates, ratePlanStore, saveRoomTypes, withRoomTypes } from './rate-plan-store.ts';
import { restrictionStore } from './restriction-store.ts';
import { recordedPaymentStore } from './recorded-payment-store.ts';
import { webhookStore } from '../webhooks/store.ts';
import { ownerSessionStore } from '../owner-session-store.ts';
import { changedProfile, changedTexts, newProfile, newTexts, readProfile, readTexts } from '../profile-store.ts';
import type { Database, ExtrasTable, PropertiesTable, RatesTable, RoomTypesTable } from './schema.ts';
import type { PropertyChanges, PropertyRecord, RateRecord, Store } from './store.ts';

const json = (value: unknown) => JSON.stringify(value);
const bool = (value: boolean) => (value ? 1 : 0);

function toProperty(row: Selectable<PropertiesTable>): PropertyRecord {
  const record = {
    id: row.id,
    name: row.name,
    currency: row.currency,
    timezone: row.timezone,
    country: row.country,
    locale: row.locale as PropertyRecord['locale'],
    paymentMode: row.payment_mode as PropertyRecord['paymentMode'],
    acceptedCardBrands: JSON.parse(row.accepted_card_brands) as PropertyRecord['acceptedCardBrands'],
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    email: row.email,
    description: row.description,
    closures: JSON.parse(row.closures) as PropertyRecord['closures'],
    pageIndexed: row.page_indexed === 1,
    maxRoomsPerBooking: row.max_rooms_per_booking,
    bookingHorizonMonths: row.booking_horizon_months,
    balanceCollection: row.balance_days_before_arrival === null ? null : { daysBeforeArrival: row.balance_days_before_arrival },
    cardRetention: row.card_retention as PropertyRecord['cardRetention'],
    taxes: JSON.parse(row.taxes) as Tax[],
    fees: JSON.parse(row.fees) as Fee[],
    priceDisplay: row.price_display as PriceDisplay,
    createdAt: row.created_at,
  };
  return readProfile(record, row.profile);
}

function propertyColumns(p: PropertyChanges): Partial<Omit<PropertiesTable, 'catalog_version'>> {
  const row: Partial<Omit<PropertiesTable, 'catalog_version'>> = {};
  if (p.currency !== undefined) row.currency = p.currency;
  if (p.timezone !== undefined) row.timezone = p.timezone;
  if (p.country !== undefined) row.country = p.country;
  if (p.locale !== undefined) row.locale = p.locale;
  if (p.paymentMode !== undefined) row.payment_mode = p.paymentMode;
  if (p.acceptedCardBrands !== undefined) row.accepted_card_brands = json(p.acceptedCardBrands);
  if (p.allowedOrigins !== undefined) row.allowed_origins = json(p.allowedOrigins);
  if (p.email !== undefined) row.email = p.email;
  if (p.closures !== undefined) row.closures = json(p.closures);
  if (p.pageIndexed !== undefined) row.page_indexed = bool(p.pageIndexed);
  if (p.maxRoomsPerBooking !== undefined) row.max_rooms_per_booking = p.maxRoomsPerBooking;
  if (p.bookingHorizonMonths !== undefined) row.booking_horizon_months = p.bookingHorizonMonths;
  if (p.balanceCollection !== undefined) row.balance_days_before_arrival = p.balanceCollection?.daysBeforeArrival ?? null;
  if (p.cardRetention !== undefined) row.card_retention = p.cardRetention;
  if (p.taxes !== undefined) row.taxes = json(p.taxes);
  if (p.fees !== undefined) row.fees = json(p.fees);
  if (p.priceDisplay !== undefined) row.price_display = p.priceDisplay;
  return row;
}

function toRoomType(row: Selectable<RoomTypesTable>): RoomType {
  const record = {
    id: row.id,
    propertyId: row.property_id,
    name: row.name,
    description: row.description,
    maxGuests: row.max_guests,
    units: row.units,
    images: JSON.parse(row.images) as string[],
    baseOccupancy: row.base_occupancy ?? row.max_guests,
    maxAdults: row.max_adults ?? row.max_guests,
    maxChildren: row.max_children ?? row.max_guests,
  };
  return readTexts(record, row.texts);
}

function roomTypeColumns(r: Partial<Omit<RoomType, 'id' | 'propertyId'>>): Partial<RoomTypesTable> {
  const row: Partial<RoomTypesTable> = {};
  if (r.maxGuests !== undefined) row.max_guests = r.maxGuests;
  if (r.units !== undefined) row.units = r.units;
  if (r.images !== undefined) row.images = json(r.images);
  if (r.baseOccupancy !== undefined) row.base_occupancy = r.baseOccupancy;
  if (r.maxAdults !== undefined) row.max_adults = r.maxAdults;
  if (r.maxChildren !== undefined) row.max_children = r.maxChildren;
  return row;
}

function toRate(row: Selectable<RatesTable>): RateRecord {
  const record = {
    id: row.id,
    propertyId: row.property_id,
    roomTypeId: row.room_type_id,
    name: row.name,
    description: row.description,
    nightlyPrice: Number(row.nightly_price),
    deposit: JSON.parse(row.deposit) as Rate['deposit'],
    minNights: row.min_nights,
    maxNights: row.max_nights,
    bookableFrom: row.bookable_from,
    bookableUntil: row.bookable_until,
    maxRoomsPerNight: row.max_rooms_per_night,
    maxRoomsTotal: row.max_rooms_total,
    arrivalDates: row.arrival_dates === null ? null : (JSON.parse(row.arrival_dates) as string[]),
    refundable: row.refundable === 1,
    cancellationPolicy: row.cancellation_policy ? (JSON.parse(row.cancellation_policy) as Rate['cancellationPolicy']) : { tiers: [] },
    payInFullOption: Number(row.pay_in_full) === 1,
    extraAdultPrice: Number(row.extra_adult_price),
    childPrices: JSON.parse(row.child_prices) as ChildPrice[],
    soldTotal: row.sold_total,
    derivedFrom: derivedFromOf(row),
  };
  return readTexts(record, row.texts);
}

type RateFields = Partial<Omit<Rate, 'id' | 'propertyId'>>;

function rateColumns(r: RateFields): Partial<RatesTable> {
  const row: Partial<RatesTable> = {};
  if (r.roomTypeId !== undefined) row.room_type_id = r.roomTypeId;
  if (r.nightlyPrice !== undefined) row.nightly_price = r.nightlyPrice;
  if (r.deposit !== undefined) row.deposit = json(r.deposit);
  if (r.minNights !== undefined) row.min_nights = r.minNights;
  if (r.maxNights !== undefined) row.max_nights = r.maxNights;
  if (r.bookableFrom !== undefined) row.bookable_from = r.bookableFrom;
  if (r.bookableUntil !== undefined) row.bookable_until = r.bookableUntil;
  if (r.maxRoomsPerNight !== undefined) row.max_rooms_per_night = r.maxRoomsPerNight;
  if (r.maxRoomsTotal !== undefined) row.max_rooms_total = r.maxRoomsTotal;
  if (r.arrivalDates !== undefined) row.arrival_dates = r.arrivalDates === null ? null : json(r.arrivalDates);
  if (r.refundable !== undefined) row.refundable = bool(r.refundable);
  if (r.cancellationPolicy !== undefined) row.cancellation_policy = json(r.cancellationPolicy);
  if (r.payInFullOption !== undefined) row.pay_in_full = bool(r.payInFullOption);
  if (r.extraAdultPrice !== undefined) row.extra_adult_price = r.extraAdultPrice;
  if (r.childPrices !== undefined) row.child_prices = json(r.childPrices);
  Object.assign(row, derivedColumns(r));
  return row;
}

function toExtra(row: Selectable<ExtrasTable>): Extra {
  const record = {
    id: row.id,
    propertyId: row.property_id,
    name: row.name,
    description: row.description,
    price: Number(row.price),
    per: row.per as Extra['per'],
    maxQuantity: row.max_quantity ?? maxQuantityOf({ per: row.per as Extra['per'] }),
  };
  return readTexts(record, row.texts);
}

function extraColumns(e: Partial<Omit<Extra, 'id' | 'propertyId'>>): Partial<ExtrasTable> {
  const row: Partial<ExtrasTable> = {};
  if (e.price !== undefined) row.price = e.price;
  if (e.per !== undefined) row.per = e.per;
  if (e.maxQuantity !== undefined) row.max_quantity = e.maxQuantity;
  return row;
}

const isEmpty = (row: object) => Object.keys(row).length === 0;

export function createKyselyStore(db: Kysely<Database>, dialect: Store['dialect']): Store {
  // Issue 13: read before every booking, so written once rather than built each time; on
  // PostgreSQL the reads of one turn go as one statement (per-turn.ts).
  const selectCatalogVersion = statement<{ catalog_version: number }>('sqlite', 'select catalog_version from properties where id = ?');
  const selectCatalogVersions = statement<{ id: string; catalog_version: number }>('postgres', 'select id, catalog_version from properties where id = any(cast(? as text[]))');
  const catalogVersions = perTurn<string, number | undefined>(async (ids) => {
    const { rows } = await selectCatalogVersions(db, [[...new Set(ids)]]);
    const versions = new Map(rows.map((row) => [row.id, row.catalog_version]));
    return ids.map((id) => versions.get(id));
  });
  return {
    ...bookingStore(db, dialect),
    ...balanceStore(db, dialect),
    ...balanceCollectionStore(db, dialect),
    ...settlementStore(db),
    ...channelStore(db, dialect),
    ...keyStore(db, dialect, toProperty),
    jobs: jobQueueStore(db, dialect),
    webhooks: webhookStore(db, dialect),
    ownerSessions: ownerSessionStore(db),
    rateLimitStore: (windowMs) => rateLimitStore(db, dialect, windowMs),
    ...opsStore(db),
    ...promotionStore(db),
    ...pricePatternStore(db, dialect),
    ...ratePlanStore(db),
    ...restrictionStore(db, dialect),
    ...recordedPaymentStore(db, dialect),
    dialect,
    close: () => db.destroy(),

    async createProperty(p, firstKey) {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('properties')
          .values({
            id: p.id,
            ...newProfile(p),
            currency: p.currency,
            timezone: p.timezone,
            country: p.country,
            locale: p.locale,
            payment_mode: p.paymentMode,
            accepted_card_brands: json(p.acceptedCardBrands),
            allowed_origins: json(p.allowedOrigins),
            email: p.email,
            closures: json(p.closures),
            page_indexed: bool(p.pageIndexed),
            max_rooms_per_booking: p.maxRoomsPerBooking,
            booking_horizon_months: p.bookingHorizonMonths,
            balance_days_before_arrival: p.balanceCollection?.daysBeforeArrival ?? null,
            card_retention: p.cardRetention,
            taxes: json(p.taxes),
            fees: json(p.fees),
            price_display: p.priceDisplay,
            created_at: p.createdAt,
          })
          .execute();
        await insertOwnerKey(tx, firstKey);
      });
    },
    async getProperty(id) {
      const row = await db.selectFrom('properties').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProperty(row);
    },
    async catalogVersion(id) {
      if (dialect === 'postgres') return catalogVersions.load(id);
      const { rows } = await selectCatalogVersion(db, [id]);
      return rows[0]?.catalog_version;
    },
    async touchCatalog(id) {
      await db
        .updateTable('properties')
        .set((eb) => ({ catalog_version: eb('catalog_version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    async updateProperty(id, changes) {
      await db.transaction().execute(async (tx) => {
        const row = { ...propertyColumns(changes), ...(await changedProfile(tx, dialect, id, changes)) };
        if (!isEmpty(row)) await tx.updateTable('properties').set(row).where('id', '=', id).execute();
      });
    },
    async countProperties() {
      const row = await db
        .selectFrom('properties')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },

    async createRoomType(r) {
      await db
        .insertInto('room_types')
        .values({
          id: r.id,
          property_id: r.propertyId,
          ...newTexts(r),
          max_guests: r.maxGuests,
          units: r.units,
          images: json(r.images),
          base_occupancy: r.baseOccupancy ?? null,
          max_adults: r.maxAdults ?? null,
          max_children: r.maxChildren ?? null,
          archived_at: null,
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    async listRoomTypes(propertyId) {
      const rows = await db.selectFrom('room_types').selectAll().where('property_id', '=', propertyId).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRoomType);
    },
    async getRoomType(propertyId, id) {
      const row = await db.selectFrom('room_types').selectAll().where('property_id', '=', propertyId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
      return row && toRoomType(row);
    },
    async updateRoomType(propertyId, id, patch) {
      await db.transaction().execute(async (tx) => {
        const row = { ...roomTypeColumns(patch), ...(await changedTexts(tx, dialect, 'room_types', id, patch)) };
        if (!isEmpty(row)) await tx.updateTable('room_types').set(row).where('property_id', '=', propertyId).where('id', '=', id).execute();
      });
    },
    async archiveRoomType(propertyId, id, at) {
      await db.transaction().execute(async (tx) => {
        await tx.updateTable('room_types').set({ archived_at: at }).where('property_id', '=', propertyId).where('id', '=', id).execute();
        await dropRoomTypeFromRates(tx, propertyId, id, at);
      });
    },

    async createRate(r) {
      await db.transaction().execute(async (tx) => {
        await tx
          .insertInto('rates')
          .values({
            id: r.id,
            property_id: r.propertyId,
            room_type_id: r.roomTypeId,
            ...newTexts(r),
            nightly_price: r.nightlyPrice,
            deposit: json(r.deposit),
            min_nights: r.minNights,
            max_nights: r.maxNights,
            bookable_from: r.bookableFrom,
            bookable_until: r.bookableUntil,
            max_rooms_per_night: r.maxRoomsPerNight,
            max_rooms_total: r.maxRoomsTotal,
            arrival_dates: r.arrivalDates === null ? null : json(r.arrivalDates),
            refundable: bool(r.refundable),
            cancellation_policy: json(r.cancellationPolicy),
            pay_in_full: bool(r.payInFullOption ?? false),
            extra_adult_price: r.extraAdultPrice ?? 0,
            child_prices: json(r.childPrices ?? []),
            sold_total: 0,
            archived_at: null,
            created_at: new Date().toISOString(),
            ...derivedColumns(r),
          })
          .execute();
        await saveRoomTypes(tx, r.id, r.roomTypes ?? [{ roomTypeId: r.roomTypeId, nightlyPrice: r.nightlyPrice }]);
      });
    },
    async listRates(propertyId) {
      const rows = await db.selectFrom('rates').selectAll().where('property_id', '=', propertyId).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute();
      return withRoomTypes(db, rows.map(toRate));
    },
    async getRate(propertyId, id) {
      const row = await db.selectFrom('rates').selectAll().where('property_id', '=', propertyId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
      return row && (await withRoomTypes(db, [toRate(row)]))[0];
    },
    async updateRate(propertyId, id, patch) {
      await db.transaction().execute(async (tx) => {
        const row = { ...rateColumns(patch), ...(await changedTexts(tx, dialect, 'rates', id, patch)) };
        const update = async () => {
          if (!isEmpty(row)) await tx.updateTable('rates').set(row).where('property_id', '=', propertyId).where('id', '=', id).execute();
        };
        await (patch.maxRoomsTotal == null ? update() : changingRateCap(tx, dialect, id, update));
        if (patch.roomTypes) await saveRoomTypes(tx, id, patch.roomTypes);
      });
    },
    async archiveRate(propertyId, id, at) {
      await db.updateTable('rates').set({ archived_at: at }).where('property_id', '=', propertyId).where('id', '=', id).execute();
    },
    async listPriceOverrides(rateIds, from, to) {
      if (rateIds.length === 0) return [];
      const rows = await db.selectFrom('price_overrides').select(['rate_id', 'date', 'amount']).where('rate_id', 'in', rateIds).where('date', '>=', from).where('date', '<', to).execute();
      return rows.map((r) => ({ rateId: r.rate_id, date: r.date, amount: Number(r.amount) }));
    },

    async createExtra(e) {
      await db
        .insertInto('extras')
        .values({
          id: e.id,
          property_id: e.propertyId,
          ...newTexts(e),
          price: e.price,
          per: e.per,
          max_quantity: e.maxQuantity ?? null,
          archived_at: null,
          created_at: new Date().toISOString(),
        })
        .execute();
    },
    async listExtras(propertyId) {
      const rows = await db.selectFrom('extras').selectAll().where('property_id', '=', propertyId).where('archived_at', 'is', null).orderBy('created_at').orderBy('id').execute();
      return rows.map(toExtra);
    },
    async getExtra(propertyId, id) {
      const row = await db.selectFrom('extras').selectAll().where('property_id', '=', propertyId).where('id', '=', id).where('archived_at', 'is', null).executeTakeFirst();
      return row && toExtra(row);
    },
    async updateExtra(propertyId, id, patch) {
      await db.transaction().execute(async (tx) => {
        const row = { ...extraColumns(patch), ...(await changedTexts(tx, dialect, 'extras', id, patch)) };
        if (!isEmpty(row)) await tx.updateTable('extras').set(row).where('property_id', '=', propertyId).where('id', '=', id).execute();
      });
    },
    async archiveExtra(propertyId, id, at) {
      await db.updateTable('extras').set({ archived_at: at }).where('property_id', '=', propertyId).where('id', '=', id).execute();
    },

    async roomTypeSold(roomTypeIds, from, to) {
      if (roomTypeIds.length === 0) return [];
      const rows = await db
        .selectFrom('inventory')
        .select(['room_type_id', 'date', 'sold'])
        .where('room_type_id', 'in', roomTypeIds)
        .where('date', '>=', from)
        .where('date', '<', to)
        .where('sold', '>', 0)
        .execute();
      return rows.map((r) => ({ id: r.room_type_id, date: r.date, sold: r.sold }));
    },
    async rateSold(rateIds, from, to) {
      if (rateIds.length === 0) return [];
      const rows = await db
        .selectFrom('rate_inventory')
        .select(['rate_id', 'date', 'sold'])
        .where('rate_id', 'in', rateIds)
        .where('date', '>=', from)
        .where('date', '<', to)
        .where('sold', '>', 0)
        .execute();
      return rows.map((r) => ({ id: r.rate_id, date: r.date, sold: r.sold }));
    },
  };
}
