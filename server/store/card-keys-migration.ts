// Migration 007: each stored card's wrapped data key moves to a row of its own in card_keys, so
// that purging a card deletes that row and leaves any surviving ciphertext unreadable (issue 9).
import type { Kysely, Migration } from 'kysely';
import { splitV1Blob } from '../vault/card-vault.ts';

/** What 007 reads and writes, typed as the tables were then. */
interface CardTables {
  bookings: { id: string; card_blob: string | null; updated_at: string };
  card_keys: { booking_id: string; kid: string; wrapped_key: string; iv: string; tag: string; created_at: string };
}

export const cardKeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('card_keys')
      .addColumn('booking_id', 'text', (c) => c.primaryKey().references('bookings.id'))
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('wrapped_key', 'text', (c) => c.notNull())
      .addColumn('iv', 'text', (c) => c.notNull())
      .addColumn('tag', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // Start-up counts the cards per key, and re-wrapping finds the ones under old keys.
    await db.schema.createIndex('card_keys_kid').on('card_keys').column('kid').execute();

    // Version 1 blobs carried their wrapped key: split each into a v2 blob and a card_keys row.
    const tables = db as Kysely<CardTables>;
    const stored = await tables.selectFrom('bookings').select(['id', 'card_blob', 'updated_at']).where('card_blob', 'is not', null).execute();
    for (const row of stored) {
      const split = row.card_blob === null ? null : splitV1Blob(row.card_blob);
      if (!split) continue;
      const { kid, wrappedKey, iv, tag } = split.key;
      await tables.insertInto('card_keys').values({ booking_id: row.id, kid, wrapped_key: wrappedKey, iv, tag, created_at: row.updated_at }).execute();
      await tables.updateTable('bookings').set({ card_blob: split.blob }).where('id', '=', row.id).execute();
    }
  },
};
