// Migration 019_taxes_fees (SPEC 2.13): a property's taxes and mandatory fees as JSON lists, and how
// its rate cards show prices. Bookings need no column: each keeps its lines in its quote.
import type { Kysely, Migration } from 'kysely';

export const taxesFeesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('properties')
      .addColumn('taxes', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('properties')
      .addColumn('fees', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema
      .alterTable('properties')
      .addColumn('price_display', 'text', (c) => c.notNull().defaultTo('total'))
      .execute();
  },
};
