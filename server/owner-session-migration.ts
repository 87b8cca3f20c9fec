// Migration 022_owner_sessions (SPEC 2.23): the owner console's sign-ins (server/owner-session-store.ts).
import type { Kysely, Migration } from 'kysely';

export const ownerSessionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('owner_sessions')
      .addColumn('id_hash', 'text', (c) => c.primaryKey())
      .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
      .addColumn('key_hash', 'text', (c) => c.notNull())
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Each sign-in clears the sessions that ran out.
    await db.schema.createIndex('owner_sessions_expiry').on('owner_sessions').column('expires_at').execute();
  },
};
