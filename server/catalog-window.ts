// The public availability route's reads, shared between different questions (issue 13): the
// catalog of an aligned window of nights, so a year of different check-ins hits a handful of
// entries, and what is sold in such a window for one second of the property's clock. Both live in
// the read cache: a write through this instance makes them fresh at once (server/app.ts), and a
// write through another instance shows within their TTL: the catalog's 2 s (as before), what is
// sold 1 s (as long as a cached answer is kept).
import { addDays, daysBetween } from '../shared/dates.ts';
import type { Occupancy } from '../shared/availability.ts';
import { loadCatalog, loadOccupancy, type PropertyCatalog } from './catalog.ts';
import type { ReadCache } from './read-cache.ts';
import type { PropertyRecord, Store } from './store/store.ts';

/** Windows start every WINDOW_DAYS nights from 1970-01-01, so the questions about stays starting in one step share one. */
const WINDOW_DAYS = 64;
const EPOCH = '1970-01-01';
const SOLD_TTL_MS = 1_000;

// Dates are asked about again and again; working one out costs more than looking it up.
const starts = new Map<string, string>();
const MAX_STARTS = 10_000;

function windowStart(date: string): string {
  let start = starts.get(date);
  if (start === undefined) {
    const day = daysBetween(EPOCH, date);
    start = addDays(EPOCH, day - (((day % WINDOW_DAYS) + WINDOW_DAYS) % WINDOW_DAYS));
    if (starts.size >= MAX_STARTS) starts.clear();
    starts.set(date, start);
  }
  return start;
}

/**
 * The aligned window covering the nights from..to (to exclusive): at least two steps long, so a
 * stay that crosses a step shares the window of those that start in the same step.
 */
export function windowOf(from: string, to: string): { from: string; to: string } {
  const start = windowStart(from);
  const end = windowStart(addDays(to, WINDOW_DAYS - 1));
  const least = addDays(start, 2 * WINDOW_DAYS);
  return { from: start, to: end > least ? end : least };
}

// Which load of a catalog an occupancy was counted for: a catalog loaded again (say with a new room
// type) must not be answered with counts made for the one before.
const loads = new WeakMap<PropertyCatalog, number>();
let lastLoad = 0;

/** The property's catalog covering the nights from..to: prices for them, restrictions for the search after them. */
export function catalogCovering(cache: ReadCache, store: Store, property: PropertyRecord, from: string, to: string): Promise<PropertyCatalog> {
  const window = windowOf(from, to);
  return cache.get(property.id, `catalog-window|${window.from}|${window.to}`, async () => {
    const catalog = await loadCatalog(store, property, window.from, window.to);
    loads.set(catalog, ++lastLoad);
    return catalog;
  });
}

/** What is sold on the nights from..to, counted at most once per second of `now` for the window around them. */
export function occupancyCovering(cache: ReadCache, store: Store, catalog: PropertyCatalog, from: string, to: string, now: Date): Promise<Occupancy> {
  const window = windowOf(from, to);
  const second = Math.floor(now.getTime() / 1000);
  const key = `sold|${loads.get(catalog) ?? 0}|${window.from}|${window.to}|${second}`;
  return cache.get(catalog.property.id, key, () => loadOccupancy(store, catalog, window.from, window.to, now), SOLD_TTL_MS);
}
