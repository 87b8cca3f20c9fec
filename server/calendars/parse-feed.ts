// SPEC 2.19: an imported channel calendar (Airbnb, Booking.com, VRBO iCal export) becomes the nights it
// occupies, on the property's own dates (SPEC 2.2). Pure: the caller fetches it, and runs this through
// parseFeedInWorker, because a hostile RRULE can keep ical.js busy for ever and only a worker can be stopped.
import ICAL from 'ical.js';
import { addDays, daysBetween, isCalendarDate, isTimeZone, wallClockAt } from '../../shared/dates.ts';
import { ianaZoneOf, instantOfWallClock } from './wall-clock.ts';

export interface FeedNight {
  /** YYYY-MM-DD in the property's time zone. */
  date: string;
  /**
   * The event's UID; for one occurrence of a recurring event, plus `#` and its original start
   * (`2027-03-08`, `2027-03-08T14:00:00Z`, or the wall time in the event's zone), stable from one sync to the next.
   */
  uid: string;
  summary: string;
}

export interface ParsedFeed {
  /** Occurrences (recurring events expanded) that occupy at least one night in the window. */
  events: number;
  /** Sorted by date, one per date; where events overlap, the one that starts first names the night. */
  nights: FeedNight[];
}

export interface ParseFeedOptions {
  /** The property's IANA time zone. */
  timezone: string;
  /** First night of the window (YYYY-MM-DD), usually today in the property's zone. */
  from: string;
  /** End of the window, exclusive (YYYY-MM-DD), usually 18 months after `from`. */
  until: string;
  /** Most occurrences a feed may expand to, every VEVENT counting once. */
  maxEvents?: number;
}

export type FeedErrorCode = 'not_icalendar' | 'malformed' | 'too_many_events' | 'too_slow' | 'too_large';

/** A feed that cannot be used; the message is written for the property owner (it is shown on the calendar). */
export class FeedError extends Error {
  override readonly name = 'FeedError';

  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_MAX_EVENTS = 20_000;
const SUMMARY_MAX = 200;

type Time = ICAL.Time;
type Event = ICAL.Event;
type Component = ICAL.Component;

interface Occurrence {
  /** The property's wall clock at the start, for "first event by start wins". */
  start: number;
  uid: string;
  summary: string;
  nights: string[];
}

interface Context {
  zone: string;
  from: string;
  until: string;
  budget: Budget;
  occurrences: Occurrence[];
}

class Budget {
  constructor(
    private spent: number,
    private readonly max: number,
  ) {}

  spend(): void {
    if (++this.spent > this.max) throw tooManyEvents(this.max);
  }
}

const tooManyEvents = (max: number) => new FeedError('too_many_events', `The calendar has more than ${max.toLocaleString('en')} events (recurring events counted once per occurrence)`);

/** The nights an iCalendar feed occupies in `from`..`until`, on the dates of the property's zone. */
export function parseFeed(text: string, options: ParseFeedOptions): ParsedFeed {
  const { timezone: zone, from, until } = options;
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!isTimeZone(zone)) throw new RangeError(`Unknown time zone: ${zone}`);
  if (!isCalendarDate(from) || !isCalendarDate(until) || until < from) throw new RangeError(`Bad window: ${from}..${until}`);
  if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new RangeError(`Bad maxEvents: ${maxEvents}`);

  const body = text.replace(/^\uFEFF/, '').trim();
  if (!/^BEGIN:VCALENDAR[ \t]*(\r?\n|$)/i.test(body)) {
    throw new FeedError('not_icalendar', 'This address does not serve an iCalendar feed (it should start with BEGIN:VCALENDAR)');
  }
  // ical.js would usually notice too, but a feed cut short must never read as "fewer bookings": that would release nights.
  if (!/(^|\n)END:VCALENDAR$/i.test(body)) throw new FeedError('malformed', 'The calendar ends before END:VCALENDAR: it was cut short');
  // Counted before parsing, so that an oversized feed costs milliseconds rather than the whole parse.
  const declared = body.match(/^BEGIN:VEVENT[ \t]*\r?$/gim)?.length ?? 0;
  if (declared > maxEvents) throw tooManyEvents(maxEvents);

  const calendars = parseCalendars(body);
  const groups = calendars.flatMap(groupByUid);
  const components = groups.reduce((sum, group) => sum + group.masters.length + group.exceptions.length, 0);
  const context: Context = { zone, from, until, budget: new Budget(components, maxEvents), occurrences: [] };
  for (const group of groups) {
    try {
      expandGroup(group, context);
    } catch (error) {
      if (error instanceof FeedError) throw error;
      // Skipping the event would release its nights; refusing the feed keeps the last good state instead.
      const reason = error instanceof Error ? error.message : String(error);
      throw new FeedError('malformed', `The calendar has an event that cannot be read (UID ${group.uid || 'missing'}): ${reason}`);
    }
  }

  const byDate = new Map<string, FeedNight>();
  const sorted = context.occurrences.sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  for (const occurrence of sorted) {
    for (const date of occurrence.nights) {
      if (!byDate.has(date)) byDate.set(date, { date, uid: occurrence.uid, summary: occurrence.summary });
    }
  }
  const nights = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { events: sorted.length, nights };
}

function parseCalendars(body: string): Component[] {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError('malformed', `The calendar is not valid iCalendar: ${reason}`);
  }
  // ICAL.parse answers one component, or a list of them when a feed concatenates several calendars.
  const list = (Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : jcal) as unknown[];
  const calendars = list.map((item) => new ICAL.Component(item as unknown[])).filter((component) => component.name === 'vcalendar');
  if (calendars.length === 0) throw new FeedError('not_icalendar', 'This address does not serve an iCalendar feed (no VCALENDAR in it)');
  return calendars;
}

interface Group {
  uid: string;
  masters: Component[];
  /** Components with a RECURRENCE-ID: one occurrence of a master, changed or cancelled. */
  exceptions: Component[];
}

// Exceptions belong to the master with their UID in the same calendar; ical.js would otherwise relate every
// RECURRENCE-ID in the file to every master, and scan the whole file for each event to do it.
function groupByUid(calendar: Component): Group[] {
  const groups = new Map<string, Group>();
  const anonymous: Group[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = textOf(vevent, 'uid');
    const isException = vevent.hasProperty('recurrence-id');
    if (!uid) {
      anonymous.push({ uid: '', masters: isException ? [] : [vevent], exceptions: isException ? [vevent] : [] });
      continue;
    }
    let group = groups.get(uid);
    if (!group) groups.set(uid, (group = { uid, masters: [], exceptions: [] }));
    (isException ? group.exceptions : group.masters).push(vevent);
  }
  return [...groups.values(), ...anonymous];
}

function expandGroup(group: Group, context: Context): void {
  const handled = new Set<Component>();
  for (const master of group.masters) {
    if (!master.hasProperty('dtstart')) continue;
    // A cancelled series takes its changed occurrences with it.
    if (isCancelled(master)) {
      for (const exception of group.exceptions) handled.add(exception);
      continue;
    }
    const event = new ICAL.Event(master, { exceptions: group.exceptions });
    const recurring = event.isRecurring();
    const startTzid = tzidOf(master, 'dtstart');
    const iterator = event.iterator();
    for (let first = true; ; first = false) {
      const start = iterator.next();
      if (!start) break;
      // Each VEVENT was counted already; its further occurrences are what can run away.
      if (!first) context.budget.spend();
      // Occurrences come in order, so the first one starting on or after `until` ends the series: an RRULE
      // without UNTIL or COUNT stops here. A changed occurrence moved into the window is still read below.
      if (localDay(start, startTzid, context.zone) >= context.until) break;
      const details = event.getOccurrenceDetails(start);
      if (details.item !== event) handled.add(details.item.component);
      const uid = group.uid || anonymousUid(event);
      occupy(details.item, details.startDate, details.endDate, recurring ? `${uid}#${start.toString()}` : uid, context);
    }
  }
  for (const exception of group.exceptions) {
    if (handled.has(exception) || !exception.hasProperty('dtstart')) continue;
    // A changed occurrence whose master is missing, or whose original date lies beyond the window.
    const event = new ICAL.Event(exception, { exceptions: [] });
    const uid = `${group.uid || anonymousUid(event)}#${event.recurrenceId.toString()}`;
    occupy(event, event.startDate, event.endDate, uid, context);
  }
}

const anonymousUid = (event: Event) => `(no UID) ${event.startDate.toString()}`;

function occupy(item: Event, start: Time, end: Time, uid: string, context: Context): void {
  // TRANSP:TRANSPARENT ("free") still blocks: channels mark blocked dates either way, and a night held by
  // mistake costs far less than a double booking.
  if (isCancelled(item.component)) return;
  const { zone, from, until } = context;
  let startWall: number;
  let endWall: number;
  if (start.isDate) {
    // All-day: DTEND is exclusive, like a check-out date (ical.js gives one day when DTEND is missing).
    startWall = Date.UTC(start.year, start.month - 1, start.day);
    endWall = Date.UTC(end.year, end.month - 1, end.day);
  } else {
    // Timed events: both instants are read on the property's clock, and the nights run from the start's
    // local date to the day before the end's, as for a stay: a guest arriving at 15:00 on the 10th and
    // leaving at 11:00 on the 12th occupies the 10th and the 11th; a start and end on the same local date
    // occupy that one night. A feed kept in another zone moves with the clock: 15:00 in London on the 10th
    // is 00:00 on the 11th in Seoul, so for a Seoul property that same stay holds the 11th only.
    const startInstant = instantOf(start, tzidOf(item.component, 'dtstart'), zone);
    startWall = wallClockAt(startInstant, zone);
    endWall = wallClockAt(startInstant + durationOf(item, zone), zone);
  }
  const firstNight = isoDate(startWall);
  // An end on or before the start (DTEND == DTSTART is common for one-day blocks) still means that night.
  const count = Math.max(1, daysBetween(firstNight, isoDate(endWall)));
  const nights: string[] = [];
  const last = Math.min(count, daysBetween(firstNight, until));
  for (let i = Math.max(0, daysBetween(firstNight, from)); i < last; i++) nights.push(addDays(firstNight, i));
  if (nights.length === 0) return;
  context.occurrences.push({ start: startWall, uid, summary: summaryOf(item), nights });
}

const durations = new WeakMap<Component, number>();

// Exact milliseconds from DTSTART to DTEND, each read in its own zone (they may differ), or DURATION.
function durationOf(item: Event, zone: string): number {
  const component = item.component;
  let duration = durations.get(component);
  if (duration === undefined) {
    const dtend = component.getFirstProperty('dtend');
    const value = component.getFirstPropertyValue('duration');
    if (dtend) {
      duration = instantOf(dtend.getFirstValue() as Time, tzidOf(component, 'dtend'), zone) - instantOf(item.startDate, tzidOf(component, 'dtstart'), zone);
    } else {
      duration = value instanceof ICAL.Duration ? value.toSeconds() * 1000 : 0;
    }
    duration = Math.max(0, duration);
    durations.set(component, duration);
  }
  return duration;
}

/**
 * ical.js places UTC times and zones defined by a VTIMEZONE in the file. It reads any other TZID as floating,
 * so a well-known IANA name is placed through Intl; a floating time, or a zone no one knows, is read on the
 * property's own clock (the calendar describes this property).
 */
function instantOf(time: Time, tzid: string | undefined, zone: string): number {
  if (time.zone && time.zone.tzid !== 'floating') return time.toUnixTime() * 1000;
  const wall = Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  return instantOfWallClock(wall, (tzid && ianaZoneOf(tzid)) || zone);
}

function localDay(time: Time, tzid: string | undefined, zone: string): string {
  if (time.isDate) return isoDate(Date.UTC(time.year, time.month - 1, time.day));
  return isoDate(wallClockAt(instantOf(time, tzid, zone), zone));
}

const isoDate = (wall: number) => new Date(wall).toISOString().slice(0, 10);

function tzidOf(component: Component, property: string): string | undefined {
  const tzid: unknown = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
}

function textOf(component: Component, property: string): string {
  const value = component.getFirstPropertyValue(property);
  return typeof value === 'string' ? value.trim() : '';
}

const isCancelled = (component: Component) => textOf(component, 'status').toUpperCase() === 'CANCELLED';

function summaryOf(item: Event): string {
  const summary = textOf(item.component, 'summary');
  // By code points, so that an emoji at the cut is not split in half.
  return summary.length > SUMMARY_MAX ? Array.from(summary).slice(0, SUMMARY_MAX).join('').trim() : summary;
}
