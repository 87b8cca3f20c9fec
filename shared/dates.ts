// SPEC 2.2: stays are ISO local dates in the property's time zone; checkOut is exclusive.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True when `zone` is an IANA time zone this runtime can use. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

// Dates are handled as UTC midnights so that DST changes never add or lose a night.
function toEpochDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(toEpochDay(date) + days);
}

/** The same day `months` later, or that month's last day when it is shorter (31 Jan + 1 = 28/29 Feb). */
export function shiftMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** The nights of a stay: checkIn up to the day before checkOut. */
export function nightsOf(checkIn: string, checkOut: string): string[] {
  const count = daysBetween(checkIn, checkOut);
  const nights: string[] = [];
  for (let i = 0; i < count; i++) nights.push(addDays(checkIn, i));
  return nights;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: constructing Intl.DateTimeFormat is the expensive part.
function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

function wallClockParts(timeZone: string, instant: Date | number) {
  const parts = wallClock(timeZone).formatToParts(instant);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
}

/** Today's date in `timeZone` at the instant `now`. */
export function todayIn(timeZone: string, now: Date): string {
  return localDateTime(timeZone, now).slice(0, 10);
}

// A request asks for the same zone's clock several times within one second, and offsets are whole
// seconds, so the last answer per zone is kept for the second it was asked in.
const lastLocalDateTime = new Map<string, { second: number; value: string }>();

/** `YYYY-MM-DDTHH:mm` of the instant `now` on the wall clock of `timeZone`. */
export function localDateTime(timeZone: string, now: Date): string {
  const second = Math.floor(now.getTime() / 1000);
  const last = lastLocalDateTime.get(timeZone);
  if (last?.second === second) return last.value;
  const get = wallClockParts(timeZone, second * 1000);
  const value = `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
  lastLocalDateTime.set(timeZone, { second, value });
  return value;
}

/** The wall clock of `timeZone` at `instant` (ms since the epoch), written as if it were a UTC instant. */
export function wallClockAt(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const part = wallClockParts(timeZone, whole);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(part(type));
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) + (instant - whole);
}
