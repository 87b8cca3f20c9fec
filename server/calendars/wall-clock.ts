// Instants and wall clocks in IANA zones through Intl: ical.js only knows the zones a file defines in a
// VTIMEZONE, and the property's own zone (SPEC 2.2) never comes with one.
import { isTimeZone, wallClockAt } from '../../shared/dates.ts';

/** The instant at which `zone`'s clocks show `wall` (a wall clock written as if it were a UTC instant). */
export function instantOfWallClock(wall: number, zone: string): number {
  // The second pass corrects for an offset change between the guess and the answer; a wall time that a
  // DST change skips or repeats lands on one of its neighbours, which is all a night count needs.
  const guess = wall - (wallClockAt(wall, zone) - wall);
  return wall - (wallClockAt(guess, zone) - guess);
}

const resolved = new Map<string, string | undefined>();

/**
 * The IANA zone a TZID names, if any. Mozilla- and Citadel-style ids (`/mozilla.org/20050126_1/America/New_York`)
 * end in an IANA name; Windows names ("Eastern Standard Time") do not and yield undefined.
 */
export function ianaZoneOf(tzid: string): string | undefined {
  if (resolved.has(tzid)) return resolved.get(tzid);
  const segments = tzid.split('/').filter(Boolean);
  const candidates = [tzid, segments.slice(-3).join('/'), segments.slice(-2).join('/')];
  const zone = candidates.find((candidate) => candidate.length > 0 && isTimeZone(candidate));
  // Feeds are untrusted: a bounded cache keeps a flood of made-up ids from growing it for ever.
  if (resolved.size < 500) resolved.set(tzid, zone);
  return zone;
}
