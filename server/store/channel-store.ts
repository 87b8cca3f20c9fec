// SPEC 2.19: imported calendars hold units night by night through the same conditional update
// as holds (`sold + 1 <= units`), in a transaction that holds the calendar's row, so two
// instances syncing the same calendar, or a sync racing a booking, never count a night twice.
import { type Kysely, type Selectable, type Transaction } from 'kysely';
import { holdsRooms, writeTransaction } from './booking-store.ts';
import type { CalendarConflictsTable, CalendarsTable, Database } from './schema.ts';
import type { CalendarConflict, CalendarNight, CalendarRecord, ChannelStore } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

function toCalendar(row: Selectable<CalendarsTable>): CalendarRecord {
  return {
    id: row.id,
    propertyId: row.property_id,
    roomTypeId: row.room_type_id,
    name: row.name,
    url: row.url,
    createdAt: row.created_at,
    nextSyncAt: row.next_sync_at,
    lastSyncAt: row.last_sync_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    events: row.event_count,
    blocked: row.blocked_count,
  };
}

const toConflict = (row: Selectable<CalendarConflictsTable>): CalendarConflict => ({
  date: row.date,
  uid: row.uid,
  summary: row.summary,
  bookingId: row.booking_id,
  foundAt: row.found_at,
});

/** Takes one unit of the night for a block; false when none is free. */
async function takeNight(tx: Db, roomTypeId: string, date: string): Promise<boolean> {
  await tx
    .insertInto('inventory')
    .values({ room_type_id: roomTypeId, date, sold: 0 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const result = await tx
    .updateTable('inventory')
    .set((eb) => ({ sold: eb('sold', '+', 1) }))
    .where('room_type_id', '=', roomTypeId)
    .where('date', '=', date)
    .where((eb) => eb(eb('sold', '+', 1), '<=', eb.selectFrom('room_types').select('units').where('id', '=', roomTypeId)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function releaseNight(tx: Db, roomTypeId: string, date: string) {
  await tx
    .updateTable('inventory')
    .set((eb) => ({ sold: eb('sold', '-', 1) }))
    .where('room_type_id', '=', roomTypeId)
    .where('date', '=', date)
    .execute();
}

/** The live booking that holds a unit on a night, to name it in a conflict. */
async function bookingOn(tx: Db, roomTypeId: string, date: string, now: string): Promise<string | null> {
  const row = await tx
    .selectFrom('booking_nights')
    .innerJoin('bookings', 'bookings.id', 'booking_nights.booking_id')
    .select('bookings.id')
    .where('booking_nights.room_type_id', '=', roomTypeId)
    .where('booking_nights.date', '=', date)
    .where(holdsRooms(now))
    .orderBy('bookings.created_at')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}

export function channelStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): ChannelStore {
  const lockCalendar = async (tx: Db, id: string) => {
    const query = tx.selectFrom('calendars').selectAll().where('id', '=', id);
    const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    return row && toCalendar(row);
  };
  const claim = (now: string, until: string) => ({ claimed_until: until, last_sync_at: now });

  return {
    async icalToken(roomTypeId) {
      const row = await db.selectFrom('room_types').select('ical_token').where('id', '=', roomTypeId).executeTakeFirst();
      return row?.ical_token ?? null;
    },

    async setIcalToken(roomTypeId, expected, token) {
      const result = await db
        .updateTable('room_types')
        .set({ ical_token: token })
        .where('id', '=', roomTypeId)
        .where((eb) => (expected === null ? eb('ical_token', 'is', null) : eb('ical_token', '=', expected)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async createCalendar(c) {
      await db
        .insertInto('calendars')
        .values({
          id: c.id,
          property_id: c.propertyId,
          room_type_id: c.roomTypeId,
          name: c.name,
          url: c.url,
          created_at: c.createdAt,
          next_sync_at: c.nextSyncAt,
          claimed_until: null,
          last_sync_at: null,
          last_success_at: null,
          last_error: null,
          event_count: 0,
          blocked_count: 0,
        })
        .execute();
    },

    async listCalendars(propertyId, roomTypeId) {
      const rows = await db.selectFrom('calendars').selectAll().where('property_id', '=', propertyId).where('room_type_id', '=', roomTypeId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toCalendar);
    },

    async getCalendar(propertyId, id) {
      const row = await db.selectFrom('calendars').selectAll().where('property_id', '=', propertyId).where('id', '=', id).executeTakeFirst();
      return row && toCalendar(row);
    },

    async calendarConflicts(calendarId) {
      const rows = await db.selectFrom('calendar_conflicts').selectAll().where('calendar_id', '=', calendarId).orderBy('date').orderBy('uid').execute();
      return rows.map(toConflict);
    },

    async deleteCalendar(id) {
      await writeTransaction(db, dialect, async (tx) => {
        if (!(await lockCalendar(tx, id))) return;
        const blocks = await tx.selectFrom('calendar_blocks').select(['room_type_id', 'date']).where('calendar_id', '=', id).orderBy('date').execute();
        for (const b of blocks) await releaseNight(tx, b.room_type_id, b.date);
        await tx.deleteFrom('calendar_blocks').where('calendar_id', '=', id).execute();
        await tx.deleteFrom('calendar_conflicts').where('calendar_id', '=', id).execute();
        await tx.deleteFrom('calendars').where('id', '=', id).execute();
      });
    },

    async claimDueCalendars(now, until, limit) {
      return writeTransaction(db, dialect, async (tx) => {
        let due = tx
          .selectFrom('calendars')
          .selectAll()
          .where('next_sync_at', '<=', now)
          .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
          .orderBy('next_sync_at')
          .limit(limit);
        // Another instance skips the rows this one is claiming instead of waiting for them.
        if (dialect === 'postgres') due = due.forUpdate().skipLocked();
        const rows = await due.execute();
        if (rows.length === 0) return [];
        await tx
          .updateTable('calendars')
          .set(claim(now, until))
          .where(
            'id',
            'in',
            rows.map((r) => r.id),
          )
          .execute();
        return rows.map(toCalendar);
      });
    },

    async claimCalendar(id, now, until) {
      const result = await db
        .updateTable('calendars')
        .set(claim(now, until))
        .where('id', '=', id)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async applyCalendarSync(id, { nights, events, now, nextSyncAt }) {
      return writeTransaction(db, dialect, async (tx) => {
        const calendar = await lockCalendar(tx, id);
        if (!calendar) return undefined;
        const wanted = new Map<string, CalendarNight>();
        for (const night of nights) if (!wanted.has(night.date)) wanted.set(night.date, night);
        const held = await tx.selectFrom('calendar_blocks').select(['date']).where('calendar_id', '=', id).orderBy('date').execute();
        let released = 0;
        for (const { date } of held) {
          if (wanted.has(date)) continue;
          await releaseNight(tx, calendar.roomTypeId, date);
          await tx.deleteFrom('calendar_blocks').where('calendar_id', '=', id).where('date', '=', date).execute();
          released++;
        }
        const heldDates = new Set(held.map((h) => h.date));
        const known = new Set((await tx.selectFrom('calendar_conflicts').select(['date', 'uid']).where('calendar_id', '=', id).execute()).map((c) => `${c.date}|${c.uid}`));
        const standing = new Set<string>();
        const newConflicts: CalendarConflict[] = [];
        let added = 0;
        for (const night of [...wanted.values()].sort((a, b) => a.date.localeCompare(b.date))) {
          if (heldDates.has(night.date)) continue;
          if (await takeNight(tx, calendar.roomTypeId, night.date)) {
            await tx.insertInto('calendar_blocks').values({ calendar_id: id, room_type_id: calendar.roomTypeId, date: night.date, uid: night.uid, summary: night.summary }).execute();
            added++;
            continue;
          }
          const key = `${night.date}|${night.uid}`;
          standing.add(key);
          if (known.has(key)) continue;
          const conflict = { ...night, bookingId: await bookingOn(tx, calendar.roomTypeId, night.date, now), foundAt: now };
          await tx
            .insertInto('calendar_conflicts')
            .values({ calendar_id: id, date: conflict.date, uid: conflict.uid, summary: conflict.summary, booking_id: conflict.bookingId, found_at: now })
            .execute();
          newConflicts.push(conflict);
        }
        // A conflict ends when its event goes or its night could be held after all.
        for (const key of known) {
          if (standing.has(key)) continue;
          const date = key.slice(0, 10);
          const uid = key.slice(11);
          await tx.deleteFrom('calendar_conflicts').where('calendar_id', '=', id).where('date', '=', date).where('uid', '=', uid).execute();
        }
        const blocked = held.length - released + added;
        await tx
          .updateTable('calendars')
          .set({ claimed_until: null, last_sync_at: now, last_success_at: now, last_error: null, event_count: events, blocked_count: blocked, next_sync_at: nextSyncAt })
          .where('id', '=', id)
          .execute();
        return { blocked, added, released, newConflicts, conflicts: standing.size };
      });
    },

    async recordCalendarFailure(id, { error, now, nextSyncAt }) {
      await db.updateTable('calendars').set({ claimed_until: null, last_sync_at: now, last_error: error, next_sync_at: nextSyncAt }).where('id', '=', id).execute();
    },
  };
}
