// SPEC 2.21: rates' nightly prices for a window of nights, from their single dates and patterns,
// per room type of a plan; a derived rate's are its parent's, adjusted, read now.
import { nightPrices, priceOverrides } from '../shared/price-patterns.ts';
import { adjustOverrides, adjustPrice, planKey } from '../shared/rate-plans.ts';
import type { NightPrice, PricePattern } from '../shared/schemas/prices.ts';
import type { Rate } from '../shared/schemas/rate.ts';
import type { Store } from './store/store.ts';

async function storedPrices(store: Store, rateIds: readonly string[], from: string, to: string) {
  const stored = await store.listRatePrices(rateIds, from, to);
  const dates = new Map<string, Map<string, number>>();
  for (const o of stored.dates) {
    const key = planKey(o.rateId, o.roomTypeId);
    let map = dates.get(key);
    if (!map) dates.set(key, (map = new Map<string, number>()));
    map.set(o.date, o.amount);
  }
  const patternsOf = new Map<string, PricePattern[]>();
  for (const { rateId, roomTypeId, ...pattern } of stored.patterns) {
    const key = planKey(rateId, roomTypeId);
    let list = patternsOf.get(key);
    if (!list) patternsOf.set(key, (list = []));
    list.push(pattern);
  }
  return { dates: (key: string) => dates.get(key) ?? new Map<string, number>(), patterns: (key: string) => patternsOf.get(key) ?? [] };
}

const roomTypesOf = (rate: Rate) => rate.roomTypes ?? [{ roomTypeId: rate.roomTypeId, nightlyPrice: rate.nightlyPrice }];

/**
 * Per rate and room type (`planKey(rateId, roomTypeId)`), the nights with from <= date < to whose
 * price is not the default: what pricing looks up per night. Parents of derived rates are read too.
 */
export async function rateOverrides(store: Store, rates: readonly Rate[], from: string, to: string): Promise<Map<string, ReadonlyMap<string, number>>> {
  const ids = new Set(rates.flatMap((r) => [r.id, ...(r.derivedFrom ? [r.derivedFrom.rateId] : [])]));
  const stored = await storedPrices(store, [...ids], from, to);
  const overrides = new Map<string, ReadonlyMap<string, number>>();
  for (const rate of rates) {
    for (const { roomTypeId } of roomTypesOf(rate)) {
      const source = planKey(rate.derivedFrom?.rateId ?? rate.id, roomTypeId);
      const own = priceOverrides(stored.dates(source), stored.patterns(source), from, to);
      overrides.set(planKey(rate.id, roomTypeId), rate.derivedFrom ? adjustOverrides(own, rate.derivedFrom.adjust) : own);
    }
  }
  return overrides;
}

/**
 * One room type's price of every night with from <= date < to, and where it comes from; for a
 * derived rate, its parent's (given) adjusted, with the parent's source.
 */
export async function effectivePrices(store: Store, rate: Rate, roomTypeId: string, from: string, to: string, parent?: Rate): Promise<NightPrice[]> {
  const priced = rate.derivedFrom && parent ? parent : rate;
  const key = planKey(priced.id, roomTypeId);
  const stored = await storedPrices(store, [priced.id], from, to);
  const defaultPrice = roomTypesOf(priced).find((e) => e.roomTypeId === roomTypeId)?.nightlyPrice ?? priced.nightlyPrice;
  const nights = nightPrices(defaultPrice, stored.dates(key), stored.patterns(key), from, to);
  const adjust = priced === rate ? undefined : rate.derivedFrom?.adjust;
  return adjust ? nights.map((n) => ({ ...n, amount: adjustPrice(n.amount, adjust) })) : nights;
}
