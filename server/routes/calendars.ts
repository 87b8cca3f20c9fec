// SPEC 2.19 import: /api/v1/properties/:pid/room-types/:id/calendars (owner). A calendar is
// checked against the URL rule of 2.18 when added, synced at once, then every ICAL_SYNC_MINUTES.
import { Hono } from 'hono';
import { CalendarCreateSchema } from '../../shared/schemas/calendar.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { syncCalendarNow } from '../bookings/sync-calendar.ts';
import { ApiError, conflict, invalidField, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { checkOutgoingUrl, OutgoingError } from '../outgoing/guarded-fetch.ts';
import type { CalendarRecord } from '../store/store.ts';
import { jsonBody } from '../validate.ts';

export function calendars(deps: AppDeps) {
  const { store } = deps;
  const roomTypeOf = async (propertyId: string, id: string) => (await store.getRoomType(propertyId, id)) ?? Promise.reject(notFound('Room type'));
  const find = async (propertyId: string, roomTypeId: string, id: string) => {
    const calendar = await store.getCalendar(propertyId, id);
    if (!calendar || calendar.roomTypeId !== roomTypeId) throw notFound('Calendar');
    return calendar;
  };
  const view = async (calendar: CalendarRecord) => {
    const { propertyId: _propertyId, ...record } = calendar;
    return { ...record, conflicts: await store.calendarConflicts(calendar.id) };
  };
  const sync = async (calendar: CalendarRecord) => {
    const outcome = await syncCalendarNow(deps, calendar);
    if (!outcome) throw conflict('sync_in_progress', 'This calendar is being synced right now; try again in a moment');
    return outcome;
  };

  return new Hono<AppEnv>()
    .post('/', jsonBody(CalendarCreateSchema), async (c) => {
      const propertyId = c.get('property').id;
      const roomType = await roomTypeOf(propertyId, c.req.param('id') ?? '');
      const { name, url } = c.req.valid('json');
      try {
        await checkOutgoingUrl(url, { allowPrivate: deps.config.allowPrivateUrls ?? false });
      } catch (error) {
        if (error instanceof OutgoingError) throw invalidField('url', error.message);
        throw error;
      }
      const now = deps.clock().toISOString();
      const calendar = { id: newId('cal'), propertyId, roomTypeId: roomType.id, name, url, createdAt: now, nextSyncAt: now };
      await store.createCalendar(calendar);
      // The first sync runs now, so the owner sees at once whether the feed works.
      const created = (await store.getCalendar(propertyId, calendar.id))!;
      const outcome = await sync(created);
      return c.json({ calendar: await view((await store.getCalendar(propertyId, calendar.id))!), sync: outcome }, 201);
    })
    .get('/', async (c) => {
      const propertyId = c.get('property').id;
      const roomType = await roomTypeOf(propertyId, c.req.param('id') ?? '');
      return c.json({ calendars: await Promise.all((await store.listCalendars(propertyId, roomType.id)).map(view)) });
    })
    .get('/:cid', async (c) => c.json({ calendar: await view(await find(c.get('property').id, c.req.param('id') ?? '', c.req.param('cid'))) }))
    .delete('/:cid', async (c) => {
      const calendar = await find(c.get('property').id, c.req.param('id') ?? '', c.req.param('cid'));
      await store.deleteCalendar(calendar.id);
      return c.body(null, 204);
    })
    .post('/:cid/sync', async (c) => {
      const calendar = await find(c.get('property').id, c.req.param('id') ?? '', c.req.param('cid'));
      const outcome = await sync(calendar);
      if (!outcome.ok) throw new ApiError(502, 'calendar_unavailable', `The calendar could not be synced: ${outcome.error}`);
      const { ok: _ok, ...counts } = outcome;
      return c.json(counts);
    });
}
