// SPEC 2.22: rates' restrictions by date, read for a window of dates.
import { nightRestrictions } from '../shared/restrictions.ts';
import type { NightRestriction, RestrictionPattern } from '../shared/schemas/restrictions.ts';
import type { Rate } from '../shared/schemas/rate.ts';
import type { Store } from './store/store.ts';

/** Per rate, the restrictions covering some date with from <= date < to; a rate without any is left out. */
export async function rateRestrictions(store: Store, rateIds: readonly string[], from: string, to: string): Promise<Map<string, RestrictionPattern[]>> {
  const byRate = new Map<string, RestrictionPattern[]>();
  for (const { rateId, ...pattern } of await store.listRestrictions(rateIds, from, to)) {
    let list = byRate.get(rateId);
    if (!list) byRate.set(rateId, (list = []));
    list.push(pattern);
  }
  return byRate;
}

/** The rate's effective restriction of every date with from <= date < to. */
export async function effectiveRestrictions(store: Store, rate: Rate, from: string, to: string): Promise<NightRestriction[]> {
  const restrictions = (await rateRestrictions(store, [rate.id], from, to)).get(rate.id) ?? [];
  return nightRestrictions({ ...rate, restrictions }, from, to);
}
