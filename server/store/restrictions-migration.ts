import type { Kysely, Migration } from 'kysely';

/** SPEC 2.22: a rate's restrictions by date, one row per entry as the owner wrote it. */
export const restrictionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_restrictions')
      .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
      // Grows with every entry written to the rate: on a night two entries cover, the later one's rules win.
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      // JSON array of weekdays (0 = Sunday); null for every day.
      .addColumn('weekdays', 'text')
      // Each rule null where the entry leaves it to earlier entries; booleans as 0/1.
      .addColumn('min_nights', 'integer')
      .addColumn('max_nights', 'integer')
      .addColumn('closed_to_arrival', 'integer')
      .addColumn('closed_to_departure', 'integer')
      .addPrimaryKeyConstraint('rate_restrictions_pk', ['rate_id', 'seq'])
      .execute();
  },
};
