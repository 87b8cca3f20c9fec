// Month arithmetic on ISO dates for the calendar grid; pure so it is easy to trust.
import { addDays, weekdayOf } from '../shared/dates.ts';

/** The first day of `date`'s month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month `count` months after `date`'s. */
export function addMonths(date: string, count: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + count;
  const y = year + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(y).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The weeks of a month as rows of seven cells; cells outside the month are null.
 * `firstDayOfWeek` is 0 for Sunday, 1 for Monday.
 */
export function monthWeeks(month: string, firstDayOfWeek: number): (string | null)[][] {
  const start = monthStart(month);
  const next = addMonths(start, 1);
  const lead = (weekdayOf(start) - firstDayOfWeek + 7) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let day = start; day < next; day = addDays(day, 1)) cells.push(day);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
