// SPEC 2.21: the room types a rate (plan) covers with their default prices, its derivation from a
// parent, and the per-room-type prices pricing reads. A derived rate's prices are computed at read.
import type { Kysely, Selectable, Transaction } from 'kysely';
import { adjustPrice } from '../../shared/rate-plans.ts';
import type { PricePattern } from '../../shared/schemas/prices.ts';
import type { DerivedFrom, PriceAdjust, RatePlanRoomType } from '../../shared/schemas/rate-plan.ts';
import { toPattern } from './price-pattern-store.ts';
import type { Database, RatesTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Prices stored for one room type of one rate. */
export interface RoomTypePrices {
  rateId: string;
  roomTypeId: string;
}

export interface RatePlanStore {
  /** Single-date prices and patterns of the given rates (every room type) covering some night with from <= date < to. */
  listRatePrices(
    rateIds: readonly string[],
    from: string,
    to: string,
  ): Promise<{ dates: (RoomTypePrices & { date: string; amount: number })[]; patterns: (RoomTypePrices & PricePattern)[] }>;
  /** The live rates derived from this one. */
  listDerivedRates(propertyId: string, rateId: string): Promise<{ id: string; name: string; roomTypeIds: string[] }[]>;
}

export function derivedFromOf(row: Pick<Selectable<RatesTable>, 'derived_from_rate_id' | 'derived_adjust'>): DerivedFrom | null {
  return row.derived_from_rate_id === null || row.derived_adjust === null ? null : { rateId: row.derived_from_rate_id, adjust: JSON.parse(row.derived_adjust) as PriceAdjust };
}

export function derivedColumns(r: { derivedFrom?: DerivedFrom | null | undefined }): Partial<Pick<RatesTable, 'derived_from_rate_id' | 'derived_adjust'>> {
  if (r.derivedFrom === undefined) return {};
  return { derived_from_rate_id: r.derivedFrom?.rateId ?? null, derived_adjust: r.derivedFrom ? JSON.stringify(r.derivedFrom.adjust) : null };
}

/**
 * Replaces the room types a rate covers. A one-room-type rate moved to another room type keeps its
 * prices on the new one (as before plans, when prices belonged to the rate); a room type dropped
 * from a plan takes its prices with it, so adding it back later starts from the default.
 */
export async function saveRoomTypes(tx: Db, rateId: string, entries: readonly RatePlanRoomType[]) {
  const before = (await tx.selectFrom('rate_room_types').select('room_type_id').where('rate_id', '=', rateId).execute()).map((r) => r.room_type_id);
  const after = entries.map((e) => e.roomTypeId);
  if (before.length === 1 && after.length === 1 && before[0] !== after[0]) {
    for (const table of ['price_overrides', 'price_patterns'] as const) {
      await tx.updateTable(table).set({ room_type_id: after[0]! }).where('rate_id', '=', rateId).where('room_type_id', '=', before[0]!).execute();
    }
  } else {
    const dropped = before.filter((id) => !after.includes(id));
    if (dropped.length > 0) {
      for (const table of ['price_overrides', 'price_patterns'] as const) {
        await tx.deleteFrom(table).where('rate_id', '=', rateId).where('room_type_id', 'in', dropped).execute();
      }
    }
  }
  await tx.deleteFrom('rate_room_types').where('rate_id', '=', rateId).execute();
  await tx
    .insertInto('rate_room_types')
    .values(entries.map((e, position) => ({ rate_id: rateId, room_type_id: e.roomTypeId, position, nightly_price: e.nightlyPrice })))
    .execute();
}

/**
 * Gives each rate its room types, first one first; a derived rate's default prices are its parent's
 * adjusted, read now, so that they follow every change of the parent.
 */
export async function withRoomTypes<R extends { id: string; roomTypeId: string; nightlyPrice: number; derivedFrom?: DerivedFrom | null }>(db: Db, rates: R[]): Promise<R[]> {
  if (rates.length === 0) return rates;
  const ids = [...new Set([...rates.map((r) => r.id), ...rates.flatMap((r) => (r.derivedFrom ? [r.derivedFrom.rateId] : []))])];
  const rows = await db.selectFrom('rate_room_types').selectAll().where('rate_id', 'in', ids).orderBy('rate_id').orderBy('position').execute();
  const byRate = new Map<string, RatePlanRoomType[]>();
  for (const row of rows) {
    const list = byRate.get(row.rate_id) ?? [];
    list.push({ roomTypeId: row.room_type_id, nightlyPrice: Number(row.nightly_price) });
    byRate.set(row.rate_id, list);
  }
  return rates.map((rate) => {
    let roomTypes = byRate.get(rate.id) ?? [{ roomTypeId: rate.roomTypeId, nightlyPrice: rate.nightlyPrice }];
    const derived = rate.derivedFrom;
    if (derived) {
      const parent = new Map((byRate.get(derived.rateId) ?? []).map((e) => [e.roomTypeId, e.nightlyPrice]));
      roomTypes = roomTypes.map((e) => ({ roomTypeId: e.roomTypeId, nightlyPrice: adjustPrice(parent.get(e.roomTypeId) ?? 0, derived.adjust) }));
    }
    return { ...rate, roomTypeId: roomTypes[0]!.roomTypeId, nightlyPrice: roomTypes[0]!.nightlyPrice, roomTypes };
  });
}

export function ratePlanStore(db: Kysely<Database>): RatePlanStore {
  return {
    async listRatePrices(rateIds, from, to) {
      if (rateIds.length === 0) return { dates: [], patterns: [] };
      const [dates, patterns] = await Promise.all([
        db.selectFrom('price_overrides').selectAll().where('rate_id', 'in', rateIds).where('date', '>=', from).where('date', '<', to).execute(),
        db
          .selectFrom('price_patterns')
          .selectAll()
          .where('rate_id', 'in', rateIds)
          .where('from_date', '<', to)
          .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
          .execute(),
      ]);
      return {
        dates: dates.map((r) => ({ rateId: r.rate_id, roomTypeId: r.room_type_id, date: r.date, amount: Number(r.amount) })),
        patterns: patterns.map((r) => ({ rateId: r.rate_id, roomTypeId: r.room_type_id, ...toPattern(r) })),
      };
    },

    async listDerivedRates(propertyId, rateId) {
      const rows = await db
        .selectFrom('rates')
        .select(['id', 'name'])
        .where('property_id', '=', propertyId)
        .where('derived_from_rate_id', '=', rateId)
        .where('archived_at', 'is', null)
        .orderBy('id')
        .execute();
      if (rows.length === 0) return [];
      const covered = await db
        .selectFrom('rate_room_types')
        .select(['rate_id', 'room_type_id'])
        .where(
          'rate_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      return rows.map((r) => ({ id: r.id, name: r.name, roomTypeIds: covered.filter((c) => c.rate_id === r.id).map((c) => c.room_type_id) }));
    },
  };
}

/**
 * A room type taken out of service leaves every plan that covers it: a plan of that room type alone
 * is archived with it, a plan of several keeps the others (its first one becoming the rate's own).
 */
export async function dropRoomTypeFromRates(tx: Db, propertyId: string, roomTypeId: string, at: string) {
  const covering = await tx
    .selectFrom('rate_room_types')
    .innerJoin('rates', 'rates.id', 'rate_room_types.rate_id')
    .select('rates.id')
    .where('rates.property_id', '=', propertyId)
    .where('rate_room_types.room_type_id', '=', roomTypeId)
    .where('rates.archived_at', 'is', null)
    .orderBy('rates.id')
    .execute();
  for (const { id } of covering) {
    const rest = await tx.selectFrom('rate_room_types').selectAll().where('rate_id', '=', id).where('room_type_id', '!=', roomTypeId).orderBy('position').execute();
    if (rest.length === 0) {
      await tx.updateTable('rates').set({ archived_at: at }).where('id', '=', id).execute();
      continue;
    }
    await saveRoomTypes(
      tx,
      id,
      rest.map((e) => ({ roomTypeId: e.room_type_id, nightlyPrice: Number(e.nightly_price) })),
    );
    await tx.updateTable('rates').set({ room_type_id: rest[0]!.room_type_id, nightly_price: rest[0]!.nightly_price }).where('id', '=', id).execute();
  }
}
