// SPEC 2.21: weekday patterns and open-ended prices beside per-date prices. A specific date beats a
// weekday pattern beats the default; between patterns the later one wins. Writes merge by date.
import { addDays, daysBetween, weekdayOf } from './dates.ts';
import type { NightPrice, PriceEntry, PricePattern } from './schemas/prices.ts';

/** What one PUT …/prices does to a rate's stored prices. */
export interface PriceChange {
  /** Single-date prices to write (replacing what those dates had). */
  dates: Map<string, number>;
  /** Stored single-date prices from this date on are covered by an open-ended price of this update. */
  clearDatesFrom: string | undefined;
  /** The rate's patterns after the update, kept and new. */
  patterns: PricePattern[];
}

const covers = (later: PricePattern, earlier: PricePattern) =>
  earlier.weekdays !== null &&
  later.weekdays !== null &&
  earlier.weekdays.every((d) => later.weekdays!.includes(d)) &&
  later.from <= earlier.from &&
  (later.to === null || (earlier.to !== null && earlier.to <= later.to));

/**
 * Applies the entries in the order written to what is stored. Patterns another later one hides on
 * every night are dropped, so repeating a weekend price does not pile up entries.
 */
export function mergePrices(stored: readonly PricePattern[], entries: readonly PriceEntry[]): PriceChange {
  let seq = stored.reduce((max, p) => Math.max(max, p.seq), 0);
  let patterns = [...stored];
  const dates = new Map<string, number>();
  let clearDatesFrom: string | undefined;
  for (const entry of entries) {
    if (entry.weekdays === undefined && entry.to !== undefined) {
      for (let i = 0; i <= daysBetween(entry.from, entry.to); i++) dates.set(addDays(entry.from, i), entry.amount);
      continue;
    }
    const pattern: PricePattern = { seq: ++seq, from: entry.from, to: entry.to ?? null, weekdays: entry.weekdays ?? null, amount: entry.amount };
    if (pattern.weekdays === null) {
      // An open-ended price is a date price for every night from `from`: it replaces what was there.
      for (const date of dates.keys()) if (date >= pattern.from) dates.delete(date);
      patterns = patterns.filter((p) => p.weekdays !== null || p.from < pattern.from);
      if (clearDatesFrom === undefined || pattern.from < clearDatesFrom) clearDatesFrom = pattern.from;
    } else {
      patterns = patterns.filter((p) => !covers(pattern, p));
    }
    patterns.push(pattern);
  }
  return { dates, clearDatesFrom, patterns };
}

interface Painted {
  amounts: (number | undefined)[];
  sources: ('weekday' | 'date' | undefined)[];
}

/**
 * Paints the nights from `from` (inclusive) to `to` (exclusive) once, lowest precedence first:
 * weekday patterns in the order written, open-ended prices, then single dates. Each entry touches
 * only the nights it covers, so a stay costs its few nights, not a scan of every pattern per night.
 */
function paint(dates: ReadonlyMap<string, number>, patterns: readonly PricePattern[], from: string, to: string): Painted {
  const count = Math.max(0, daysBetween(from, to));
  const painted: Painted = { amounts: new Array<number | undefined>(count).fill(undefined), sources: new Array<'weekday' | 'date' | undefined>(count).fill(undefined) };
  const firstWeekday = weekdayOf(from);
  const ordered = [...patterns].sort((a, b) => Number(a.weekdays === null) - Number(b.weekdays === null) || a.seq - b.seq);
  for (const p of ordered) {
    const mask = p.weekdays === null ? 0x7f : p.weekdays.reduce((m, d) => m | (1 << d), 0);
    const source = p.weekdays === null ? 'date' : 'weekday';
    const last = p.to === null ? count - 1 : Math.min(count - 1, daysBetween(from, p.to));
    for (let i = Math.max(0, daysBetween(from, p.from)); i <= last; i++) {
      if (mask & (1 << ((firstWeekday + i) % 7))) {
        painted.amounts[i] = p.amount;
        painted.sources[i] = source;
      }
    }
  }
  for (const [date, amount] of dates) {
    const i = daysBetween(from, date);
    if (i >= 0 && i < count) {
      painted.amounts[i] = amount;
      painted.sources[i] = 'date';
    }
  }
  return painted;
}

/** Every night's price from `from` to `to` (exclusive) and where it comes from. */
export function nightPrices(defaultPrice: number, dates: ReadonlyMap<string, number>, patterns: readonly PricePattern[], from: string, to: string): NightPrice[] {
  const { amounts, sources } = paint(dates, patterns, from, to);
  return amounts.map((amount, i) => ({ date: addDays(from, i), amount: amount ?? defaultPrice, source: sources[i] ?? 'default' }));
}

/**
 * The nights from `from` to `to` (exclusive) whose price is not the default, as the date → amount
 * map pricing looks each night up in. A rate without patterns keeps its single dates as they are.
 */
export function priceOverrides(dates: ReadonlyMap<string, number>, patterns: readonly PricePattern[], from: string, to: string): ReadonlyMap<string, number> {
  if (patterns.length === 0) return dates;
  const { amounts } = paint(dates, patterns, from, to);
  const overrides = new Map<string, number>();
  amounts.forEach((amount, i) => {
    if (amount !== undefined) overrides.set(addDays(from, i), amount);
  });
  return overrides;
}
