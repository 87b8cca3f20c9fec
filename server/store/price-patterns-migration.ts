import type { Kysely, Migration } from 'kysely';

/** SPEC 2.21: weekday patterns and open-ended prices of a rate, beside its single-date prices. */
export const pricePatternsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('price_patterns')
      .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
      // Grows with every entry written to the rate: the later entry wins.
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      // JSON array of weekdays (0 = Sunday); null for an open-ended price on every night.
      .addColumn('weekdays', 'text')
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('price_patterns_pk', ['rate_id', 'seq'])
      .execute();
  },
};
