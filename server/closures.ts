// SPEC 2.6: weekly closed days, the country's public holidays (opt-in) and temporary dates.
import Holidays from 'date-holidays';
import { addDays, daysBetween, weekdayOf } from '../shared/dates.ts';
import type { Closures } from '../shared/schemas/property.ts';

const holidayCache = new Map<string, ReadonlySet<string>>();

/** Public holidays of a country in a year, as YYYY-MM-DD; the library's data does not change at run time. */
function publicHolidays(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = holidayCache.get(key);
  if (!dates) {
    const calendar = new Holidays(country);
    dates = new Set((calendar.getHolidays(year) || []).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(key, dates);
  }
  return dates;
}

export function isKnownCountry(country: string): boolean {
  return Boolean(new Holidays().getCountries()[country]);
}

/** A predicate telling whether the property is closed on a night. */
export function closedChecker(closures: Closures, country: string | null): (date: string) => boolean {
  const weekdays = new Set(closures.weekdays);
  const dates = new Set(closures.dates);
  const holidays = closures.publicHolidays && country !== null;
  return (date) => weekdays.has(weekdayOf(date)) || dates.has(date) || (holidays && publicHolidays(country, Number(date.slice(0, 4))).has(date));
}

/** Every closed night from `from` up to (not including) `to`. */
export function closedDatesBetween(closures: Closures, country: string | null, from: string, to: string): string[] {
  const isClosed = closedChecker(closures, country);
  const closed: string[] = [];
  for (let i = 0; i < daysBetween(from, to); i++) {
    const date = addDays(from, i);
    if (isClosed(date)) closed.push(date);
  }
  return closed;
}
