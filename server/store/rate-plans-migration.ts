import { type Kysely, type Migration, sql } from 'kysely';

/**
 * SPEC 2.21: a rate (plan) covers room types, each with its own default price, and its single-date
 * prices and weekday patterns name the room type they price. Every existing rate becomes a plan of
 * its one room type. A derived rate names its parent and the adjustment (JSON `{percent}` or `{amount}`).
 */
export const ratePlansMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('rate_room_types')
      .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
      .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_types.id'))
      // The order the owner listed them in; the first is the rate's `roomTypeId`.
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('nightly_price', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_room_types_pk', ['rate_id', 'room_type_id'])
      .execute();
    await sql`insert into rate_room_types (rate_id, room_type_id, position, nightly_price) select id, room_type_id, 0, nightly_price from rates`.execute(db);
    await db.schema.alterTable('rates').addColumn('derived_from_rate_id', 'text').execute();
    await db.schema.alterTable('rates').addColumn('derived_adjust', 'text').execute();
    await db.schema.createIndex('rates_derived_from').on('rates').column('derived_from_rate_id').execute();

    // The keys grow a room type: the tables are rebuilt, since SQLite cannot change a primary key.
    await db.schema
      .createTable('price_overrides_by_room_type')
      .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
      .addColumn('room_type_id', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('price_overrides_room_type_pk', ['rate_id', 'room_type_id', 'date'])
      .execute();
    await sql`insert into price_overrides_by_room_type (rate_id, room_type_id, date, amount)
      select o.rate_id, r.room_type_id, o.date, o.amount from price_overrides o join rates r on r.id = o.rate_id`.execute(db);
    await db.schema.dropTable('price_overrides').execute();
    await db.schema.alterTable('price_overrides_by_room_type').renameTo('price_overrides').execute();

    await db.schema
      .createTable('price_patterns_by_room_type')
      .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
      .addColumn('room_type_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('from_date', 'text', (c) => c.notNull())
      .addColumn('to_date', 'text')
      .addColumn('weekdays', 'text')
      .addColumn('amount', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('price_patterns_room_type_pk', ['rate_id', 'room_type_id', 'seq'])
      .execute();
    await sql`insert into price_patterns_by_room_type (rate_id, room_type_id, seq, from_date, to_date, weekdays, amount)
      select p.rate_id, r.room_type_id, p.seq, p.from_date, p.to_date, p.weekdays, p.amount from price_patterns p join rates r on r.id = p.rate_id`.execute(db);
    await db.schema.dropTable('price_patterns').execute();
    await db.schema.alterTable('price_patterns_by_room_type').renameTo('price_patterns').execute();
  },
};
