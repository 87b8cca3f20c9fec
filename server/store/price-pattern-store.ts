// SPEC 2.21: a rate's weekday patterns and open-ended prices, written with its single-date prices
// in one transaction so that an update is all there or not at all.
import type { Kysely, Selectable } from 'kysely';
import { mergePrices } from '../../shared/price-patterns.ts';
import { MAX_PRICE_PATTERNS, type PriceEntry, type PricePattern } from '../../shared/schemas/prices.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database, PricePatternsTable } from './schema.ts';

/** A stored price pattern as the API gives it; rate plans read them too. */
export const toPattern = (r: Selectable<PricePatternsTable>): PricePattern => ({
  seq: Number(r.seq),
  from: r.from_date,
  to: r.to_date,
  weekdays: r.weekdays === null ? null : (JSON.parse(r.weekdays) as number[]),
  amount: Number(r.amount),
});

export interface PricePatternStore {
  /** Merges one price update into the rate's prices, per room type; nothing is written when one would keep too many patterns. */
  updatePrices(rateId: string, entries: readonly (PriceEntry & { roomTypeId?: string | undefined })[]): Promise<{ datesUpdated: number; patterns: number } | 'too_many_patterns'>;
  /** The patterns of the given rates that cover some night with from <= date < to. */
  listPricePatterns(rateIds: readonly string[], from: string, to: string): Promise<(PricePattern & { rateId: string })[]>;
}

export function pricePatternStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): PricePatternStore {
  return {
    updatePrices(rateId, entries) {
      return writeTransaction(db, dialect, async (tx) => {
        // Two updates of one rate at once would both number their entries after the same one.
        const lock = tx.selectFrom('rates').select(['id', 'room_type_id']).where('id', '=', rateId);
        const rate = await (dialect === 'postgres' ? lock.forUpdate() : lock).executeTakeFirst();
        // SPEC 2.21: an entry without a room type prices the rate's (first) room type.
        const byRoomType = new Map<string, PriceEntry[]>();
        for (const { roomTypeId, ...entry } of entries) {
          const key = roomTypeId ?? rate?.room_type_id ?? '';
          byRoomType.set(key, [...(byRoomType.get(key) ?? []), entry]);
        }
        const changes = [];
        for (const [roomTypeId, group] of byRoomType) {
          const rows = await tx.selectFrom('price_patterns').selectAll().where('rate_id', '=', rateId).where('room_type_id', '=', roomTypeId).execute();
          const change = mergePrices(rows.map(toPattern), group);
          if (change.patterns.length > MAX_PRICE_PATTERNS) return 'too_many_patterns' as const;
          changes.push({ roomTypeId, change });
        }
        let datesUpdated = 0;
        let patterns = 0;
        for (const { roomTypeId, change } of changes) {
          const of = { rate_id: rateId, room_type_id: roomTypeId };
          if (change.clearDatesFrom !== undefined) {
            await tx.deleteFrom('price_overrides').where('rate_id', '=', rateId).where('room_type_id', '=', roomTypeId).where('date', '>=', change.clearDatesFrom).execute();
          }
          const dates = [...change.dates].map(([date, amount]) => ({ ...of, date, amount }));
          // Chunked so that three years of dates stay under SQLite's bound-parameter limit.
          for (let i = 0; i < dates.length; i += 300) {
            await tx
              .insertInto('price_overrides')
              .values(dates.slice(i, i + 300))
              .onConflict((oc) => oc.columns(['rate_id', 'room_type_id', 'date']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })))
              .execute();
          }
          await tx.deleteFrom('price_patterns').where('rate_id', '=', rateId).where('room_type_id', '=', roomTypeId).execute();
          if (change.patterns.length > 0) {
            await tx
              .insertInto('price_patterns')
              .values(change.patterns.map((p) => ({ ...of, seq: p.seq, from_date: p.from, to_date: p.to, weekdays: p.weekdays && JSON.stringify(p.weekdays), amount: p.amount })))
              .execute();
          }
          datesUpdated += dates.length;
          patterns += change.patterns.length;
        }
        return { datesUpdated, patterns };
      });
    },

    async listPricePatterns(rateIds, from, to) {
      if (rateIds.length === 0) return [];
      const rows = await db
        .selectFrom('price_patterns')
        .selectAll()
        .where('rate_id', 'in', rateIds)
        .where('from_date', '<', to)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
        .execute();
      return rows.map((r) => ({ rateId: r.rate_id, ...toPattern(r) }));
    },
  };
}
