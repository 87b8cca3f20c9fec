// Migration 020_owner_desk (SPEC 2.23): how long a manual-mode property keeps the stored card, and the
// balance payments an owner records by hand (cash, bank transfer, the card charged on their own terminal).
import type { Kysely, Migration } from 'kysely';

export const ownerDeskMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('properties')
      .addColumn('card_retention', 'text', (c) => c.notNull().defaultTo('until_deposit_charged'))
      .execute();
    await db.schema
      .createTable('recorded_payments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('recorded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('recorded_payments_booking').on('recorded_payments').column('booking_id').execute();
  },
};
