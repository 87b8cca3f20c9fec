import type { Kysely, Migration } from 'kysely';

/** SPEC 2.14, 2.15: promotion codes with their use counter, rates that may be paid in full, and the code a booking used. */
export const promotionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('promotions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
      .addColumn('code', 'text', (c) => c.notNull())
      // Codes are matched case-insensitively: the unique index is on the lower-cased code.
      .addColumn('code_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('discount', 'text', (c) => c.notNull())
      .addColumn('rate_ids', 'text')
      .addColumn('stay_from', 'text')
      .addColumn('stay_until', 'text')
      .addColumn('book_from', 'text')
      .addColumn('book_until', 'text')
      .addColumn('min_nights', 'integer')
      .addColumn('max_uses', 'integer')
      .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('promotions_code').on('promotions').columns(['property_id', 'code_key']).unique().execute();
    await db.schema
      .alterTable('rates')
      .addColumn('pay_in_full', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('bookings').addColumn('promo_id', 'text').execute();
    await db.schema.alterTable('bookings').addColumn('promo_code', 'text').execute();
  },
};
