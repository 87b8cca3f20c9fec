// Migration 025_property_profile (SPEC 2.11): the property's profile as JSON, and texts per language
// for room types, rates and extras (server/profile-store.ts reads and writes them).
import type { Kysely, Migration } from 'kysely';

export const propertyProfileMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('properties').addColumn('profile', 'text').execute();
    for (const table of ['room_types', 'rates', 'extras']) await db.schema.alterTable(table).addColumn('texts', 'text').execute();
  },
};
