// SPEC 2.22: restrictions by date. A stay's arrival night decides its minimum and maximum length
// (instead of the rate's own), no stay arrives on a night closed to arrival, none leaves on a date
// closed to departure. Entries merge by date and rule: on a night, each rule comes from the latest
// entry that sets it, so "minimum 2 nights in summer" and "no Saturday arrivals" hold together.
import { addDays, daysBetween, weekdayOf } from './dates.ts';
import type { NightRestriction, RestrictionEntry, RestrictionPattern } from './schemas/restrictions.ts';
import type { Calendar } from './schemas/stay.ts';

export const RESTRICTION_REASONS = ['min_nights', 'max_nights', 'closed_to_arrival', 'closed_to_departure'] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];

/** A rate as far as restrictions go: its own stay limits and its stored entries. */
export interface RestrictedRate {
  minNights: number | null;
  maxNights: number | null;
  restrictions?: readonly RestrictionPattern[] | undefined;
}

const RULES = ['minNights', 'maxNights', 'closedToArrival', 'closedToDeparture'] as const;

const coversNights = (later: RestrictionPattern, earlier: RestrictionPattern) =>
  later.from <= earlier.from &&
  (later.to === null || (earlier.to !== null && earlier.to <= later.to)) &&
  (later.weekdays === null || (earlier.weekdays !== null && earlier.weekdays.every((d) => later.weekdays!.includes(d))));

/** True when `later` decides every rule `earlier` sets on every night `earlier` covers. */
const hides = (later: RestrictionPattern, earlier: RestrictionPattern) => coversNights(later, earlier) && RULES.every((rule) => earlier[rule] === null || later[rule] !== null);

/**
 * The rate's entries after one update, in the order written. Entries a later one hides entirely are
 * dropped, so writing the same season again each year does not pile up entries toward the cap.
 */
export function mergeRestrictions(stored: readonly RestrictionPattern[], entries: readonly RestrictionEntry[]): RestrictionPattern[] {
  let seq = stored.reduce((max, p) => Math.max(max, p.seq), 0);
  let patterns = [...stored];
  for (const entry of entries) {
    const pattern: RestrictionPattern = {
      seq: ++seq,
      from: entry.from,
      to: entry.to ?? null,
      weekdays: entry.weekdays ?? null,
      minNights: entry.minNights ?? null,
      maxNights: entry.maxNights ?? null,
      closedToArrival: entry.closedToArrival ?? null,
      closedToDeparture: entry.closedToDeparture ?? null,
    };
    patterns = patterns.filter((p) => !hides(pattern, p));
    patterns.push(pattern);
  }
  return patterns;
}

interface Painted {
  minNights: (number | null)[];
  maxNights: (number | null)[];
  closedToArrival: boolean[];
  closedToDeparture: boolean[];
}

/**
 * Each rule of the `count` dates from `from`, painted once in the order written: each entry touches
 * only the dates it covers, so a search pays for its window once per rate, not once per candidate stay.
 */
function paint(rate: RestrictedRate, from: string, count: number): Painted {
  const painted: Painted = {
    minNights: new Array<number | null>(count).fill(rate.minNights),
    maxNights: new Array<number | null>(count).fill(rate.maxNights),
    closedToArrival: new Array<boolean>(count).fill(false),
    closedToDeparture: new Array<boolean>(count).fill(false),
  };
  const firstWeekday = weekdayOf(from);
  for (const p of [...(rate.restrictions ?? [])].sort((a, b) => a.seq - b.seq)) {
    const mask = p.weekdays === null ? 0x7f : p.weekdays.reduce((m, d) => m | (1 << d), 0);
    const last = p.to === null ? count - 1 : Math.min(count - 1, daysBetween(from, p.to));
    for (let i = Math.max(0, daysBetween(from, p.from)); i <= last; i++) {
      if (!(mask & (1 << ((firstWeekday + i) % 7)))) continue;
      if (p.minNights !== null) painted.minNights[i] = p.minNights;
      if (p.maxNights !== null) painted.maxNights[i] = p.maxNights;
      if (p.closedToArrival !== null) painted.closedToArrival[i] = p.closedToArrival;
      if (p.closedToDeparture !== null) painted.closedToDeparture[i] = p.closedToDeparture;
    }
  }
  return painted;
}

/** The effective restriction of every date from `from` to `to` (exclusive). */
export function nightRestrictions(rate: RestrictedRate, from: string, to: string): NightRestriction[] {
  const count = Math.max(0, daysBetween(from, to));
  const p = paint(rate, from, count);
  return Array.from({ length: count }, (_, i) => ({
    date: addDays(from, i),
    minNights: p.minNights[i]!,
    maxNights: p.maxNights[i]!,
    closedToArrival: p.closedToArrival[i]!,
    closedToDeparture: p.closedToDeparture[i]!,
  }));
}

function reasonAt(p: Painted, arrival: number, length: number): RestrictionReason | undefined {
  const min = p.minNights[arrival];
  const max = p.maxNights[arrival];
  if (min != null && length < min) return 'min_nights';
  if (max != null && length > max) return 'max_nights';
  if (p.closedToArrival[arrival]) return 'closed_to_arrival';
  if (p.closedToDeparture[arrival + length]) return 'closed_to_departure';
  return undefined;
}

/**
 * Why the rate's restrictions (or its own stay limits) refuse this stay, or undefined when they allow
 * it; `length` is the stay's nights, when the caller has counted them already.
 */
export function restrictionReason(rate: RestrictedRate, checkIn: string, checkOut: string, length = daysBetween(checkIn, checkOut)): RestrictionReason | undefined {
  // Without entries, the rate's own stay limits are all there is to paint: asked per rate of every answer.
  if (!rate.restrictions?.length && length >= 0) {
    if (rate.minNights != null && length < rate.minNights) return 'min_nights';
    if (rate.maxNights != null && length > rate.maxNights) return 'max_nights';
    return undefined;
  }
  // Only the arrival night and the checkout date matter; painting the nights between costs little beside the stay's other checks.
  return reasonAt(paint(rate, checkIn, length + 1), 0, length);
}

/** For each of the `count` arrivals from `from`, whether the rate's restrictions refuse a stay of `length` nights. */
export function refusedArrivals(rate: RestrictedRate, from: string, count: number, length: number): boolean[] {
  const p = paint(rate, from, count + length);
  return Array.from({ length: count }, (_, i) => reasonAt(p, i, length) !== undefined);
}

/** What the calendar tells a guest about a date; each mark only where it applies, to keep the answer small. */
export type CalendarMarks = Pick<Calendar['days'][number], 'noArrival' | 'noDeparture' | 'minNights'>;

/** The marks of the `count` dates from `from`, over the given rates. */
export function calendarMarks(rates: readonly RestrictedRate[], from: string, count: number): CalendarMarks[] {
  const painted = rates.map((rate) => paint(rate, from, count));
  return Array.from({ length: count }, (_, i) => {
    if (painted.length === 0) return {};
    const open = painted.filter((p) => !p.closedToArrival[i]);
    const shortest = open.length ? Math.min(...open.map((p) => p.minNights[i] ?? 1)) : 1;
    return {
      ...(open.length === 0 ? { noArrival: true as const } : {}),
      ...(painted.every((p) => p.closedToDeparture[i]) ? { noDeparture: true as const } : {}),
      ...(shortest > 1 ? { minNights: shortest } : {}),
    };
  });
}
