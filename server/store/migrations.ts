import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import { KEY_SCOPES } from '../../shared/schemas/owner-key.ts';
import { FULL_REFUND_UNTIL_ARRIVAL } from '../../shared/schemas/rate.ts';
import { newId } from '../ids.ts';
import { cardKeysMigration } from './card-keys-migration.ts';
import { jobsMigration } from './jobs-migration.ts';
import { settlementMigration } from './settlement-migration.ts';
import { webhooksMigration } from '../webhooks/migration.ts';
import { balanceCollectionMigration } from './balance-collection-migration.ts';
import { promotionsMigration } from './promotions-migration.ts';
import { occupancyMigration } from './occupancy-migration.ts';
import { ownerDeskMigration } from './owner-desk-migration.ts';
import { pricePatternsMigration } from './price-patterns-migration.ts';
import { restrictionsMigration } from './restrictions-migration.ts';
import { ratePlansMigration } from './rate-plans-migration.ts';
import { taxesFeesMigration } from './taxes-fees-migration.ts';
import { ownerSessionsMigration } from '../owner-session-migration.ts';
import { propertyProfileMigration } from '../profile-migration.ts';

// Column types that mean the same on SQLite and PostgreSQL. Money is bigint so that large
// zero-decimal totals (IDR, KRW) never overflow; the pg pool parses int8 back to number.
const migrations: Record<string, Migration> = {
  '001_catalog': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('properties')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('timezone', 'text', (c) => c.notNull())
        .addColumn('country', 'text')
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('payment_mode', 'text', (c) => c.notNull())
        .addColumn('accepted_card_brands', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull())
        .addColumn('email', 'text')
        .addColumn('description', 'text')
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('closures', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('room_types')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('max_guests', 'integer', (c) => c.notNull())
        .addColumn('units', 'integer', (c) => c.notNull())
        .addColumn('images', 'text', (c) => c.notNull())
        .addColumn('archived_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('room_types_property').on('room_types').column('property_id').execute();

      await db.schema
        .createTable('rates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
        .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_types.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('nightly_price', 'bigint', (c) => c.notNull())
        .addColumn('deposit', 'text', (c) => c.notNull())
        .addColumn('min_nights', 'integer')
        .addColumn('max_nights', 'integer')
        .addColumn('bookable_from', 'text')
        .addColumn('bookable_until', 'text')
        .addColumn('max_rooms_per_night', 'integer')
        .addColumn('max_rooms_total', 'integer')
        .addColumn('arrival_dates', 'text')
        .addColumn('refundable', 'integer', (c) => c.notNull())
        .addColumn('sold_total', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('archived_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rates_property').on('rates').column('property_id').execute();

      await db.schema
        .createTable('price_overrides')
        .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('price_overrides_pk', ['rate_id', 'date'])
        .execute();

      await db.schema
        .createTable('extras')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('price', 'bigint', (c) => c.notNull())
        .addColumn('per', 'text', (c) => c.notNull())
        .addColumn('archived_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('extras_property').on('extras').column('property_id').execute();

      await db.schema
        .createTable('inventory')
        .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_types.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('sold', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('inventory_pk', ['room_type_id', 'date'])
        .execute();

      await db.schema
        .createTable('rate_inventory')
        .addColumn('rate_id', 'text', (c) => c.notNull().references('rates.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('sold', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_inventory_pk', ['rate_id', 'date'])
        .execute();
    },
  },
  '002_bookings': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('bookings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('check_in', 'text', (c) => c.notNull())
        .addColumn('check_out', 'text', (c) => c.notNull())
        .addColumn('currency', 'text', (c) => c.notNull())
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('guest', 'text', (c) => c.notNull())
        .addColumn('quote', 'text', (c) => c.notNull())
        .addColumn('total', 'bigint', (c) => c.notNull())
        .addColumn('deposit_due', 'bigint', (c) => c.notNull())
        .addColumn('balance_due', 'bigint', (c) => c.notNull())
        .addColumn('payment_mode', 'text', (c) => c.notNull())
        .addColumn('amount_paid', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('amount_refunded', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('client_token_hash', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text')
        .addColumn('request_hash', 'text')
        .addColumn('intent_id', 'text')
        .addColumn('intent_type', 'text')
        .addColumn('card_blob', 'text')
        .addColumn('card_brand', 'text')
        .addColumn('card_last4', 'text')
        .addColumn('card_exp_month', 'integer')
        .addColumn('card_exp_year', 'integer')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('bookings_idempotency', ['property_id', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('bookings_property_status').on('bookings').columns(['property_id', 'status']).execute();
      // Finding holds past their expiry must stay cheap: it runs before every availability read.
      await db.schema.createIndex('bookings_pending_expiry').on('bookings').columns(['status', 'expires_at']).execute();
      await db.schema.createIndex('bookings_intent').on('bookings').column('intent_id').execute();

      await db.schema
        .createTable('booking_nights')
        .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
        .addColumn('room_type_id', 'text', (c) => c.notNull())
        .addColumn('rate_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('rooms', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('booking_nights_booking').on('booking_nights').column('booking_id').execute();
    },
  },
  '003_payments_and_mail': {
    async up(db: Kysely<unknown>) {
      // Stripe delivers an event at least once; its id is recorded once it has been handled.
      await db.schema
        .createTable('webhook_events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '004_owner_bookings_and_mail_queue': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('bookings').addColumn('cancelled_at', 'text').execute();
      await db.schema.alterTable('bookings').addColumn('deposit_charged_at', 'text').execute();
      await db.schema.alterTable('bookings').addColumn('card_purged_at', 'text').execute();
      await db.schema.createIndex('bookings_card_purge').on('bookings').columns(['card_purged_at', 'check_out']).execute();

      // SPEC 2.8: every reveal of a stored card is recorded: who, when, from where.
      await db.schema
        .createTable('card_reveals')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
        .addColumn('property_id', 'text', (c) => c.notNull())
        .addColumn('key_fingerprint', 'text', (c) => c.notNull())
        .addColumn('ip', 'text', (c) => c.notNull())
        .addColumn('user_agent', 'text')
        .addColumn('revealed_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('mail_queue')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('message_id', 'text', (c) => c.notNull().unique())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('sent_at', 'text')
        .execute();
      await db.schema.createIndex('mail_queue_due').on('mail_queue').columns(['status', 'next_attempt_at']).execute();
    },
  },
  '005_booking_lifecycle': {
    async up(db: Kysely<unknown>) {
      // A late payment refused because the rooms were gone: that booking is never confirmed afterwards.
      await db.schema.alterTable('bookings').addColumn('payment_refused_at', 'text').execute();
      // One row per provider refund, so a refund reported twice (a retry, a second instance) counts once.
      await db.schema
        .createTable('booking_refunds')
        .addColumn('refund_id', 'text', (c) => c.primaryKey())
        .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('booking_refunds_booking').on('booking_refunds').column('booking_id').execute();
    },
  },
  '006_channel_sync': {
    async up(db: Kysely<unknown>) {
      // SPEC 2.19: the secret of a room type's export feed; made on first use, replaced on rotation.
      await db.schema.alterTable('room_types').addColumn('ical_token', 'text').execute();
      // SPEC 2.11: whether search engines may list the hosted booking page.
      await db.schema
        .alterTable('properties')
        .addColumn('page_indexed', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema
        .createTable('calendars')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
        .addColumn('room_type_id', 'text', (c) => c.notNull().references('room_types.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('next_sync_at', 'text', (c) => c.notNull())
        // One instance syncs a calendar at a time: it claims the row until this instant.
        .addColumn('claimed_until', 'text')
        .addColumn('last_sync_at', 'text')
        .addColumn('last_success_at', 'text')
        .addColumn('last_error', 'text')
        .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('blocked_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('calendars_due').on('calendars').column('next_sync_at').execute();
      await db.schema.createIndex('calendars_room_type').on('calendars').column('room_type_id').execute();
      // One unit of the room type per night an imported event occupies, counted in inventory like a hold.
      await db.schema
        .createTable('calendar_blocks')
        .addColumn('calendar_id', 'text', (c) => c.notNull().references('calendars.id'))
        .addColumn('room_type_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('uid', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('calendar_blocks_pk', ['calendar_id', 'date'])
        .execute();
      await db.schema.createIndex('calendar_blocks_night').on('calendar_blocks').columns(['room_type_id', 'date']).execute();
      // An event on a night that was already sold out here: kept while it lasts, so the owner is told once.
      await db.schema
        .createTable('calendar_conflicts')
        .addColumn('calendar_id', 'text', (c) => c.notNull().references('calendars.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('uid', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('booking_id', 'text')
        .addColumn('found_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('calendar_conflicts_pk', ['calendar_id', 'date', 'uid'])
        .execute();
    },
  },
  '007_card_keys': cardKeysMigration,
  '008_abuse_limits': {
    async up(db: Kysely<unknown>) {
      // Issue 9: live holds are counted per client (address or IPv6 /64) and per guest e-mail (lower case).
      await db.schema.alterTable('bookings').addColumn('client_key', 'text').execute();
      await db.schema.alterTable('bookings').addColumn('guest_email', 'text').execute();
      await db.schema
        .alterTable('properties')
        .addColumn('max_rooms_per_booking', 'integer', (c) => c.notNull().defaultTo(4))
        .execute();
      await db.schema
        .alterTable('properties')
        .addColumn('booking_horizon_months', 'integer', (c) => c.notNull().defaultTo(18))
        .execute();
      // Rate-limit buckets every instance shares on PostgreSQL (SQLite counts in memory: one process).
      await db.schema
        .createTable('rate_limit_buckets')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('reset_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limit_buckets_reset').on('rate_limit_buckets').column('reset_at').execute();
    },
  },
  '009_property_keys': {
    async up(db: Kysely<unknown>) {
      // Issue 9: named keys with scopes. The unique hash is the one indexed lookup that authenticates an owner.
      await db.schema
        .createTable('property_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('property_id', 'text', (c) => c.notNull().references('properties.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('property_keys_property').on('property_keys').column('property_id').execute();
      // Each property's one key becomes its first named key, with every scope, so it keeps working unchanged.
      const legacy = db as Kysely<LegacyKeys>;
      const properties = await legacy.selectFrom('properties').select(['id', 'key_hash', 'created_at']).execute();
      for (const p of properties) {
        await legacy
          .insertInto('property_keys')
          .values({ id: newId('key'), property_id: p.id, name: 'First key', scopes: JSON.stringify(KEY_SCOPES), key_hash: p.key_hash, created_at: p.created_at })
          .execute();
      }
      await db.schema.alterTable('properties').dropColumn('key_hash').execute();
      // Which key revealed a card and why; the reveal limit counts one key's reveals of the last hour.
      await db.schema.alterTable('card_reveals').addColumn('key_id', 'text').execute();
      await db.schema.alterTable('card_reveals').addColumn('key_name', 'text').execute();
      await db.schema.alterTable('card_reveals').addColumn('reason', 'text').execute();
      await db.schema.createIndex('card_reveals_key').on('card_reveals').columns(['key_id', 'revealed_at']).execute();
      await db.schema.createIndex('card_reveals_booking').on('card_reveals').column('booking_id').execute();
    },
  },
  '010_jobs': jobsMigration,
  '011_cancellation_policies': {
    async up(db: Kysely<unknown>) {
      // SPEC 2.16: a policy per rate. Rates made before keep their meaning: refundable gave
      // everything back (until arrival), non-refundable nothing.
      await db.schema.alterTable('rates').addColumn('cancellation_policy', 'text').execute();
      await sql`update rates set cancellation_policy = case when refundable = 1 then ${JSON.stringify(FULL_REFUND_UNTIL_ARRIVAL)} else '{"tiers":[]}' end`.execute(db);
      // Manual mode: what a cancellation decided the property must give back by hand.
      await db.schema
        .alterTable('bookings')
        .addColumn('refund_owed', 'bigint', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '012_settlement': settlementMigration,
  '013_balance_payments': {
    async up(db: Kysely<unknown>) {
      // SPEC 2.16, 2.17: the guest's balance PaymentIntents, apart from the deposit's, so paying one
      // is never taken for the deposit and its money is counted once however often it is reported.
      await db.schema
        .createTable('balance_payments')
        .addColumn('intent_id', 'text', (c) => c.primaryKey())
        .addColumn('booking_id', 'text', (c) => c.notNull().references('bookings.id'))
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('paid_at', 'text')
        .execute();
      await db.schema.createIndex('balance_payments_booking').on('balance_payments').column('booking_id').execute();
    },
  },
  '014_balance_collection': balanceCollectionMigration,
  '015_webhooks': webhooksMigration,
  '016_refund_intents': {
    async up(db: Kysely<unknown>) {
      // SPEC 2.17: a balance is an intent of its own, and Stripe refunds an intent only up to what it
      // took, so each refund names its intent. Refunds recorded before were all the deposit's.
      await db.schema.alterTable('booking_refunds').addColumn('intent_id', 'text').execute();
    },
  },
  '017_promotions': promotionsMigration,
  '018_occupancy': occupancyMigration,
  '019_taxes_fees': taxesFeesMigration,
  '020_owner_desk': ownerDeskMigration,
  '021_price_patterns': pricePatternsMigration,
  '022_owner_sessions': ownerSessionsMigration,
  '023_restrictions': restrictionsMigration,
  '024_rate_plans': ratePlansMigration,
  '025_property_profile': propertyProfileMigration,
  '026_extra_max_quantity': {
    async up(db: Kysely<unknown>) {
      // SPEC 2.3: null keeps the default for the extra's `per` (shared/extra-quantity.ts).
      await db.schema.alterTable('extras').addColumn('max_quantity', 'integer').execute();
    },
  },
  '027_catalog_version': {
    async up(db: Kysely<unknown>) {
      // Issue 13: bumped by every owner write, so each instance can keep a property's catalog until it changes.
      await db.schema
        .alterTable('properties')
        .addColumn('catalog_version', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  },
  '028_hold_limit_indexes': {
    async up(db: Kysely<unknown>) {
      // Issue 13: a hold counts the guest's and the connection's unfinished holds at the property.
      // Without these the count read every pending hold in the database: ~0.5 ms each at 1,000
      // pending, paid by every hold of a rush; with them 8 µs for both.
      for (const [name, column] of [
        ['bookings_client_holds', 'client_key'],
        ['bookings_email_holds', 'guest_email'],
      ] as const) {
        await db.schema.createIndex(name).on('bookings').columns(['property_id', column, 'expires_at']).where(sql.ref('status'), '=', 'pending').execute();
      }
    },
  },
  '029_partial_booking_indexes': {
    async up(db: Kysely<unknown>) {
      // Issue 13: every booking's insert wrote these two indexes, though a hold has no intent and no
      // card yet (manual-mode holds never have an intent). Holding only the rows they are asked for,
      // they cost a hold nothing. Lookups by intent (`intent_id = ?` implies not null) still use it;
      // the card purge reads the bookings that hold a card, by check-out.
      await db.schema.dropIndex('bookings_intent').execute();
      await db.schema.createIndex('bookings_intent').on('bookings').column('intent_id').where(sql.ref('intent_id'), 'is not', null).execute();
      await db.schema.dropIndex('bookings_card_purge').execute();
      await db.schema.createIndex('bookings_card_purge').on('bookings').column('check_out').where(sql.ref('card_blob'), 'is not', null).execute();
    },
  },
  '030_hold_refusal': {
    async up(db: Kysely<unknown>) {
      // Issue 13: a PostgreSQL hold is one statement, often outside any transaction. When a counter
      // comes short, only an error undoes that statement's other writes; this raises one, with a
      // code of ours (server/store/booking-store.ts). SQLite holds never need it.
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
      await sql`create function directbook_refuse(reason text, detail text) returns integer language plpgsql as $$
        begin
          raise exception using errcode = 'DB409', message = reason, detail = detail;
        end
      $$`.execute(db);
    },
  },
  '031_prune_indexes': {
    async up(db: Kysely<unknown>) {
      // Issue 13: housekeeping deletes finished jobs and old delivery attempts every 5 minutes on
      // every instance. Without these each run read the whole table: at 200,000 jobs on SQLite
      // ~116 ms with the event loop stopped, every 5 minutes; with them nothing due costs ~0 ms.
      // Queued jobs have no finished_at, so they are left out of the index they would only weigh on.
      await db.schema.createIndex('jobs_finished').on('jobs').column('finished_at').where(sql.ref('finished_at'), 'is not', null).execute();
      await db.schema.createIndex('webhook_deliveries_attempted').on('webhook_deliveries').column('attempted_at').execute();
    },
  },
};

/** What 009 reads and writes, typed as the tables were then. */
interface LegacyKeys {
  properties: { id: string; key_hash: string; created_at: string };
  property_keys: { id: string; property_id: string; name: string; scopes: string; key_hash: string; created_at: string };
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * `schema` names the PostgreSQL schema to migrate: Kysely otherwise looks for its bookkeeping
 * tables in every schema and would take another database's for ours.
 */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

/** Stops after `name`: tests build a database as an older release left it, then upgrade it. */
export async function migrateUpTo(db: Kysely<unknown>, name: string, schema?: string): Promise<void> {
  const { error } = await new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateTo(name);
  if (error) throw new Error(`Database migration to ${name} failed`, { cause: error });
}
