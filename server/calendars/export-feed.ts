// SPEC 2.19 export: the nights a room type cannot sell, as an RFC 5545 calendar that Airbnb,
// Booking.com and VRBO subscribe to. Pure: the caller decides the nights, the name and the stamp.
import ical, { ICalEventTransparency } from 'ical-generator';
import { addDays } from '../../shared/dates.ts';

/** Consecutive nights with no free unit: `first` night and `end`, the day after the last one (exclusive, like a checkout). */
export interface BlockedRun {
  first: string;
  end: string;
}

export interface ExportFeed {
  roomTypeId: string;
  /** The calendar's name, for the channels and calendar apps that show one. */
  name: string;
  /** DTSTAMP of every event. */
  stamp: Date;
  runs: readonly BlockedRun[];
}

export const BLOCKED_SUMMARY = 'Not available';

// Calendar apps that honour it refresh about as often as directbook itself syncs calendars (ICAL_SYNC_MINUTES).
const REFRESH_SECONDS = 15 * 60;

/** Groups nights (any order, repeats allowed) into runs of consecutive nights. */
export function blockedRuns(nights: Iterable<string>): BlockedRun[] {
  const runs: BlockedRun[] = [];
  for (const night of [...new Set(nights)].sort()) {
    const last = runs.at(-1);
    if (last && last.end === night) last.end = addDays(night, 1);
    else runs.push({ first: night, end: addDays(night, 1) });
  }
  return runs;
}

/**
 * The UID depends only on the room type and the run's first night, so a feed fetched again
 * describes the same blocks with the same UIDs and the channels see no churn.
 */
export const runUid = (roomTypeId: string, first: string) => `${roomTypeId}-${first}@directbook`;

/**
 * An RFC 5545 TEXT value. ical-generator writes the calendar's name as given, and an owner's
 * room type name may hold a comma, a semicolon or even a line break that would start a new property.
 */
export function icsText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(/[\x00-\x09\x0b-\x1f\x7f]/g, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

// All-day values are written from the UTC date: with no time zone set, ical-generator formats dates in UTC.
const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/** The feed: one all-day, busy VEVENT per run, and nothing about who booked. */
export function writeExportFeed(feed: ExportFeed): string {
  const calendar = ical({ prodId: { company: 'directbook', product: 'Availability', language: 'EN' }, name: icsText(feed.name), ttl: REFRESH_SECONDS });
  for (const run of feed.runs) {
    calendar.createEvent({
      id: runUid(feed.roomTypeId, run.first),
      start: utcMidnight(run.first),
      end: utcMidnight(run.end),
      allDay: true,
      stamp: feed.stamp,
      summary: BLOCKED_SUMMARY,
      transparency: ICalEventTransparency.OPAQUE,
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator stops before it.
  return `${calendar.toString()}\r\n`;
}
