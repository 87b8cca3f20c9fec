import { Hono } from 'hono';
import { etag } from 'hono/etag';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { roomTypeFeed } from '../bookings/calendar-feed.ts';
import { writeExportFeed } from '../calendars/export-feed.ts';
import { notFound } from '../errors.ts';
import { textIn } from '../../shared/localized-text.ts';

const SUFFIX = '.ics';

/** A file name any client accepts: the room type's name in ASCII, else its id. */
function fileName(name: string, fallback: string): string {
  const ascii = name
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${ascii || fallback}${SUFFIX}`;
}

/**
 * GET /ical/:roomTypeId/:token.ics (public, the token is the credential), SPEC 2.19: the nights
 * Airbnb, Booking.com or VRBO should block. Channels poll it, so an unchanged feed answers 304.
 */
export function icalFeed(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:roomTypeId/:file', etag(), async (c) => {
    const file = c.req.param('file');
    if (!file.endsWith(SUFFIX) || file.length === SUFFIX.length) throw notFound('Calendar');
    const feed = await roomTypeFeed(deps, c.req.param('roomTypeId'), file.slice(0, -SUFFIX.length));
    // SPEC 2.11: channels read the names in the property's own language.
    const [propertyName, roomTypeName] = [textIn(feed.property.name, feed.property.locale), textIn(feed.roomType.name, feed.property.locale)];
    const body = writeExportFeed({
      roomTypeId: feed.roomType.id,
      name: `${propertyName}: ${roomTypeName}`,
      // DTSTAMP is the day the feed describes, not this instant: an unchanged calendar keeps the same body and ETag all day.
      stamp: new Date(`${feed.from}T00:00:00Z`),
      runs: feed.runs,
    });
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    // Short: a booking made here should reach the channels within minutes.
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Content-Disposition', `inline; filename="${fileName(roomTypeName, feed.roomType.id)}"`);
    return c.body(body);
  });
}
