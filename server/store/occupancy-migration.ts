// Migration 018_occupancy (SPEC 2.12): room types' base occupancy and adult and child limits (null:
// maxGuests, so they follow it), and rates' extra adult price and child price bands (JSON text).
// A booking's rooms, with their childAges, are kept in its quote JSON, so bookings need no column.
import type { Kysely, Migration } from 'kysely';

export const occupancyMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('room_types').addColumn('base_occupancy', 'integer').execute();
    await db.schema.alterTable('room_types').addColumn('max_adults', 'integer').execute();
    await db.schema.alterTable('room_types').addColumn('max_children', 'integer').execute();
    await db.schema
      .alterTable('rates')
      .addColumn('extra_adult_price', 'bigint', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('rates')
      .addColumn('child_prices', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },
};
