// Migration 012_settlement (SPEC 2.20): each succeeded Stripe charge a booking received, with when the
// server counted it and Stripe's fee, so the settlement report reads neither Stripe nor guesses.
import type { Kysely, Migration } from 'kysely';

export const settlementMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('stripe_charges')
      .addColumn('intent_id', 'text', (c) => c.primaryKey())
      .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
      .addColumn('paid_at', 'text', (c) => c.notNull())
      // Null until Stripe's balance transaction has been read; the report reads it then.
      .addColumn('fee', 'bigint')
      .execute();
    await db.schema.createIndex('stripe_charges_booking').on('stripe_charges').column('booking_id').execute();
  },
};
