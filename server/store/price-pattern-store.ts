// SPEC 2.21: a rate's weekday patterns and open-ended prices, written with its single-date prices
// in one transaction so that an update is all there or not at all.
import type { Kysely, Selectable } from 'kysely';
import { mergePrices } from '../../shared/price-patterns.ts';
import { MAX_PRICE_PATTERNS, type PriceEntry, type PricePattern } from '../../shared/schemas/prices.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database, PricePatternsTable } from './schema.ts';

const toPattern = (r: Selectable<PricePatternsTable>): PricePattern => ({
  seq: Number(r.seq),
  from: r.from_date,
  to: r.to_date,
  weekdays: r.weekdays === null ? null : (JSON.parse(r.weekdays) as number[]),
  amount: Number(r.amount),
});

export interface PricePatternStore {
  /** Merges one price update into the rate's prices; nothing is written when the rate would keep too many patterns. */
  updatePrices(rateId: string, entries: readonly PriceEntry[]): Promise<{ datesUpdated: number; patterns: number } | 'too_many_patterns'>;
  /** The patterns of the given rates that cover some night with from <= date < to. */
  listPricePatterns(rateIds: readonly string[], from: string, to: string): Promise<(PricePattern & { rateId: string })[]>;
}

export function pricePatternStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): PricePatternStore {
  return {
    updatePrices(rateId, entries) {
      return writeTransaction(db, dialect, async (tx) => {
        // Two updates of one rate at once would both number their entries after the same one.
        const lock = tx.selectFrom('rates').select('id').where('id', '=', rateId);
        await (dialect === 'postgres' ? lock.forUpdate() : lock).execute();
        const rows = await tx.selectFrom('price_patterns').selectAll().where('rate_id', '=', rateId).execute();
        const change = mergePrices(rows.map(toPattern), entries);
        if (change.patterns.length > MAX_PRICE_PATTERNS) return 'too_many_patterns' as const;
        if (change.clearDatesFrom !== undefined) {
          await tx.deleteFrom('price_overrides').where('rate_id', '=', rateId).where('date', '>=', change.clearDatesFrom).execute();
        }
        const dates = [...change.dates].map(([date, amount]) => ({ rate_id: rateId, date, amount }));
        // Chunked so that three years of dates stay under SQLite's bound-parameter limit.
        for (let i = 0; i < dates.length; i += 300) {
          await tx
            .insertInto('price_overrides')
            .values(dates.slice(i, i + 300))
            .onConflict((oc) => oc.columns(['rate_id', 'date']).doUpdateSet((eb) => ({ amount: eb.ref('excluded.amount') })))
            .execute();
        }
        await tx.deleteFrom('price_patterns').where('rate_id', '=', rateId).execute();
        if (change.patterns.length > 0) {
          await tx
            .insertInto('price_patterns')
            .values(change.patterns.map((p) => ({ rate_id: rateId, seq: p.seq, from_date: p.from, to_date: p.to, weekdays: p.weekdays && JSON.stringify(p.weekdays), amount: p.amount })))
            .execute();
        }
        return { datesUpdated: dates.length, patterns: change.patterns.length };
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
