// SPEC 2.19: an imported calendar (Airbnb, Booking.com, VRBO…) is fetched under the URL rule of
// 2.18, parsed off the event loop, and its event nights held one unit each through the same
// atomic inventory as holds. A failed fetch or parse keeps the last good state and says why.
import { addDays, todayIn } from '../../shared/dates.ts';
import type { CalendarSyncResult } from '../../shared/schemas/calendar.ts';
import { FeedError } from '../calendars/parse-feed.ts';
import { parseFeedInWorker } from '../calendars/parse-in-worker.ts';
import { guardedFetch, OutgoingError } from '../outgoing/guarded-fetch.ts';
import type { CalendarRecord } from '../store/store.ts';
import { propertyView } from '../views.ts';
import { textIn } from '../../shared/localized-text.ts';
import type { BookingDeps } from './ports.ts';

/** SPEC 2.19: imported nights are held for the next 18 months. */
export const SYNC_WINDOW_DAYS = 548;
const FETCH_TIMEOUT_MS = 10_000;
const MAX_FEED_BYTES = 2 * 1024 * 1024;
const MAX_REDIRECTS = 3;
/** Long enough for one fetch and parse; a crashed instance's claim lapses after it. */
export const CLAIM_MS = 2 * 60_000;

export type SyncOutcome = ({ ok: true } & CalendarSyncResult) | { ok: false; error: string };

class UnusableAnswer extends Error {}

const nextSyncAt = (deps: BookingDeps, now: Date) => new Date(now.getTime() + (deps.config.icalSyncMinutes ?? 15) * 60_000).toISOString();

/** Syncs one calendar whose claim this caller holds. */
export async function syncCalendar(deps: BookingDeps, calendar: CalendarRecord): Promise<SyncOutcome> {
  const { store } = deps;
  const now = deps.clock();
  const next = nextSyncAt(deps, now);
  const property = await store.getProperty(calendar.propertyId);
  if (!property) return { ok: false, error: 'The property no longer exists' };
  try {
    const answer = await guardedFetch(calendar.url, {
      allowPrivate: deps.config.allowPrivateUrls ?? false,
      timeoutMs: FETCH_TIMEOUT_MS,
      maxBytes: MAX_FEED_BYTES,
      maxRedirects: MAX_REDIRECTS,
      headers: { accept: 'text/calendar, text/plain;q=0.5' },
    });
    if (answer.status < 200 || answer.status > 299) throw new UnusableAnswer(`The calendar's server answered ${answer.status}`);
    const today = todayIn(property.timezone, now);
    const feed = await parseFeedInWorker(answer.body, { timezone: property.timezone, from: today, until: addDays(today, SYNC_WINDOW_DAYS) });
    const sync = await store.applyCalendarSync(calendar.id, { nights: feed.nights, events: feed.events, now: now.toISOString(), nextSyncAt: next });
    if (!sync) return { ok: false, error: 'The calendar was removed during the sync' };
    deps.cache?.invalidate(property.id);
    if (sync.newConflicts.length > 0) {
      const roomType = await store.getRoomType(property.id, calendar.roomTypeId);
      await deps.mailer?.calendarConflicts(
        propertyView(property),
        { id: calendar.id, name: calendar.name, roomType: roomType ? textIn(roomType.name, property.locale) : '' },
        sync.newConflicts,
      );
    }
    return { ok: true, events: feed.events, blocked: sync.blocked, released: sync.released, conflicts: sync.conflicts };
  } catch (error) {
    if (!(error instanceof OutgoingError || error instanceof FeedError || error instanceof UnusableAnswer)) throw error;
    await store.recordCalendarFailure(calendar.id, { error: error.message, now: now.toISOString(), nextSyncAt: next });
    return { ok: false, error: error.message };
  }
}

/** Syncs the calendars that are due, each claimed in the database so one instance at a time fetches it. */
export async function syncDueCalendars(deps: BookingDeps, limit = 20): Promise<number> {
  const now = deps.clock();
  const due = await deps.store.claimDueCalendars(now.toISOString(), new Date(now.getTime() + CLAIM_MS).toISOString(), limit);
  for (const calendar of due) await syncCalendar(deps, calendar);
  return due.length;
}

/** An owner's "sync now": false while another instance is syncing it. */
export async function syncCalendarNow(deps: BookingDeps, calendar: CalendarRecord): Promise<SyncOutcome | undefined> {
  const now = deps.clock();
  if (!(await deps.store.claimCalendar(calendar.id, now.toISOString(), new Date(now.getTime() + CLAIM_MS).toISOString()))) return undefined;
  return syncCalendar(deps, calendar);
}
