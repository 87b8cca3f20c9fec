// SPEC 2.6: weekly closed days, the country's public holidays (opt-in) and temporary dates.
import Holidays from 'date-holidays';
import { addDays, daysBetween, weekdayOf } from '../shared/dates.ts';
import type { Closures } from '../shared/schemas/property.ts';
import { completeKoreanHolidays, type Holiday } from './korean-holidays.ts';

const holidayCache = new Map<string, readonly Holiday[]>();

/**
 * Public holidays of a country in a year, named in `locale` where the library has names in it; for
 * Korea with 설날 and 추석 completed (SPEC 2.22). The library's data does not change at run time.
 */
export function publicHolidays(country: string, year: number, locale = 'en'): readonly Holiday[] {
  const key = `${country}:${year}:${locale}`;
  let holidays = holidayCache.get(key);
  if (!holidays) {
    const library = (new Holidays(country, { languages: [locale] }).getHolidays(year) || [])
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name, rule: h.rule, substitute: h.substitute }));
    holidays = country === 'KR' ? completeKoreanHolidays(year, library, locale) : [...new Map(library.map((h) => [h.date, { date: h.date, name: h.name }])).values()];
    holidayCache.set(key, holidays);
  }
  return holidays;
}

const dateCache = new Map<string, ReadonlySet<string>>();

function holidayDates(country: string, year: number): ReadonlySet<string> {
  const key = `${country}:${year}`;
  let dates = dateCache.get(key);
  if (!dates) dateCache.set(key, (dates = new Set(publicHolidays(country, year).map((h) => h.date))));
  return dates;
}

/** Whether `date` is a public holiday of `country`, whatever the property's closures say. */
export const isPublicHoliday = (country: string | null, date: string) => country !== null && holidayDates(country, Number(date.slice(0, 4))).has(date);

export function isKnownCountry(country: string): boolean {
  return Boolean(new Holidays().getCountries()[country]);
}

/** A predicate telling whether the property is closed on a night. */
export function closedChecker(closures: Closures, country: string | null): (date: string) => boolean {
  const weekdays = new Set(closures.weekdays);
  const dates = new Set(closures.dates);
  const holidays = closures.publicHolidays && country !== null;
  // SPEC 2.22: a holiday the owner keeps open is open unless another closure closes it.
  const open = new Set(closures.openHolidays);
  return (date) => weekdays.has(weekdayOf(date)) || dates.has(date) || (holidays && !open.has(date) && isPublicHoliday(country, date));
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
