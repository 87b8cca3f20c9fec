// SPEC 2.21: rates' nightly prices for a window of nights, from their single dates and patterns.
import { nightPrices, priceOverrides } from '../shared/price-patterns.ts';
import type { NightPrice, PricePattern } from '../shared/schemas/prices.ts';
import type { Rate } from '../shared/schemas/rate.ts';
import type { Store } from './store/store.ts';

async function storedPrices(store: Store, rateIds: readonly string[], from: string, to: string) {
  const [dated, patterns] = await Promise.all([store.listPriceOverrides(rateIds, from, to), store.listPricePatterns(rateIds, from, to)]);
  const dates = new Map<string, Map<string, number>>();
  for (const o of dated) {
    let map = dates.get(o.rateId);
    if (!map) dates.set(o.rateId, (map = new Map<string, number>()));
    map.set(o.date, o.amount);
  }
  const patternsOf = new Map<string, PricePattern[]>();
  for (const { rateId, ...pattern } of patterns) {
    let list = patternsOf.get(rateId);
    if (!list) patternsOf.set(rateId, (list = []));
    list.push(pattern);
  }
  return { dates: (id: string) => dates.get(id) ?? new Map<string, number>(), patterns: (id: string) => patternsOf.get(id) ?? [] };
}

/** Per rate, the nights with from <= date < to whose price is not the rate's default: what pricing looks up per night. */
export async function rateOverrides(store: Store, rateIds: readonly string[], from: string, to: string): Promise<Map<string, ReadonlyMap<string, number>>> {
  const stored = await storedPrices(store, rateIds, from, to);
  return new Map(rateIds.map((id) => [id, priceOverrides(stored.dates(id), stored.patterns(id), from, to)]));
}

/** The rate's price of every night with from <= date < to, and where it comes from. */
export async function effectivePrices(store: Store, rate: Rate, from: string, to: string): Promise<NightPrice[]> {
  const stored = await storedPrices(store, [rate.id], from, to);
  return nightPrices(rate.nightlyPrice, stored.dates(rate.id), stored.patterns(rate.id), from, to);
}
