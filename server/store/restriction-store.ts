// SPEC 2.22: a rate's restrictions by date. An update replaces the rate's entries with the merge of
// what was stored and what was sent, in one transaction: all there or not at all.
import type { Kysely, Selectable } from 'kysely';
import { mergeRestrictions } from '../../shared/restrictions.ts';
import { MAX_RESTRICTIONS, type RestrictionEntry, type RestrictionPattern } from '../../shared/schemas/restrictions.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database, RateRestrictionsTable } from './schema.ts';

const flag = (value: number | null) => (value === null ? null : Number(value) === 1);
const toFlag = (value: boolean | null) => (value === null ? null : value ? 1 : 0);

const toPattern = (r: Selectable<RateRestrictionsTable>): RestrictionPattern => ({
  seq: Number(r.seq),
  from: r.from_date,
  to: r.to_date,
  weekdays: r.weekdays === null ? null : (JSON.parse(r.weekdays) as number[]),
  minNights: r.min_nights === null ? null : Number(r.min_nights),
  maxNights: r.max_nights === null ? null : Number(r.max_nights),
  closedToArrival: flag(r.closed_to_arrival),
  closedToDeparture: flag(r.closed_to_departure),
});

export interface RestrictionStore {
  /** Merges one update into the rate's restrictions; nothing is written when the rate would keep more than MAX_RESTRICTIONS. */
  updateRestrictions(rateId: string, entries: readonly RestrictionEntry[]): Promise<{ restrictions: number } | 'too_many_restrictions'>;
  /** The restrictions of the given rates that cover some date with from <= date < to. */
  listRestrictions(rateIds: readonly string[], from: string, to: string): Promise<(RestrictionPattern & { rateId: string })[]>;
}

export function restrictionStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): RestrictionStore {
  return {
    updateRestrictions(rateId, entries) {
      return writeTransaction(db, dialect, async (tx) => {
        // Two updates of one rate at once would both number their entries after the same one.
        const lock = tx.selectFrom('rates').select('id').where('id', '=', rateId);
        await (dialect === 'postgres' ? lock.forUpdate() : lock).execute();
        const rows = await tx.selectFrom('rate_restrictions').selectAll().where('rate_id', '=', rateId).execute();
        const patterns = mergeRestrictions(rows.map(toPattern), entries);
        if (patterns.length > MAX_RESTRICTIONS) return 'too_many_restrictions' as const;
        await tx.deleteFrom('rate_restrictions').where('rate_id', '=', rateId).execute();
        // Chunked so that 200 entries stay under SQLite's bound-parameter limit.
        for (let i = 0; i < patterns.length; i += 100) {
          await tx
            .insertInto('rate_restrictions')
            .values(
              patterns.slice(i, i + 100).map((p) => ({
                rate_id: rateId,
                seq: p.seq,
                from_date: p.from,
                to_date: p.to,
                weekdays: p.weekdays && JSON.stringify(p.weekdays),
                min_nights: p.minNights,
                max_nights: p.maxNights,
                closed_to_arrival: toFlag(p.closedToArrival),
                closed_to_departure: toFlag(p.closedToDeparture),
              })),
            )
            .execute();
        }
        return { restrictions: patterns.length };
      });
    },

    async listRestrictions(rateIds, from, to) {
      if (rateIds.length === 0) return [];
      const rows = await db
        .selectFrom('rate_restrictions')
        .selectAll()
        .where('rate_id', 'in', rateIds)
        .where('from_date', '<', to)
        .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', from)]))
        .execute();
      return rows.map((r) => ({ rateId: r.rate_id, ...toPattern(r) }));
    },
  };
}
