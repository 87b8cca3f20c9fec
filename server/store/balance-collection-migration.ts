// Migration 014_balance_collection (SPEC 2.17): how many days before arrival a property collects the
// balance (null: at the property), and where each booking's balance stands (null: decided at confirmation).
import type { Kysely, Migration } from 'kysely';

export const balanceCollectionMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('properties').addColumn('balance_days_before_arrival', 'integer').execute();
    await db.schema.alterTable('bookings').addColumn('balance_status', 'text').execute();
  },
};
