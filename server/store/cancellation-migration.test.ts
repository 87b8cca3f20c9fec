// SPEC 2.16: upgrading gives every rate a cancellation policy that means what `refundable` meant.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { freshSchema } from '../../test/support/test-app.ts';
import { migrateUpTo } from './migrations.ts';
import { openStore, type StoreOptions } from './open-store.ts';

interface Before011 {
  properties: Record<string, string | number | null>;
  room_types: Record<string, string | number | null>;
  rates: Record<string, string | number | null>;
}

const backends: [string, string | undefined][] = [['SQLite', undefined], ...(process.env.DATABASE_URL ? [['PostgreSQL', process.env.DATABASE_URL] as [string, string]] : [])];

describe.each(backends)('upgrading to cancellation policies on %s', (_name, databaseUrl) => {
  test('a refundable rate refunds everything until arrival, a non-refundable one nothing', async () => {
    const dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-policies-'));
    const schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
    const options: StoreOptions = schema ? { databaseUrl: schema.url, poolSize: 2 } : { sqlitePath: join(dir!, 'old.sqlite') };
    try {
      const old = new Kysely<Before011>({
        dialect: options.databaseUrl
          ? new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 1 }) })
          : new SqliteDialect({ database: new SQLite(options.sqlitePath) }),
      });
      const current = options.databaseUrl ? (await sql<{ name: string }>`select current_schema() as name`.execute(old)).rows[0]?.name : undefined;
      await migrateUpTo(old as Kysely<unknown>, '009_property_keys', current);
      const at = '2025-01-01T00:00:00.000Z';
      await old
        .insertInto('properties')
        .values({
          id: 'p1',
          name: 'Old Inn',
          currency: 'USD',
          timezone: 'Asia/Seoul',
          locale: 'en',
          payment_mode: 'manual',
          accepted_card_brands: '["visa"]',
          allowed_origins: '[]',
          closures: '{"weekdays":[],"publicHolidays":false,"dates":[]}',
          created_at: at,
        })
        .execute();
      await old.insertInto('room_types').values({ id: 'rt1', property_id: 'p1', name: 'Double', max_guests: 2, units: 1, images: '[]', created_at: at }).execute();
      for (const [id, refundable] of [
        ['flex', 1],
        ['saver', 0],
      ] as const) {
        await old
          .insertInto('rates')
          .values({ id, property_id: 'p1', room_type_id: 'rt1', name: id, nightly_price: 10_000, deposit: '{"type":"none"}', refundable, created_at: at })
          .execute();
      }
      await old.destroy();

      const store = await openStore(options);
      try {
        expect(await store.getRate('p1', 'flex')).toMatchObject({ refundable: true, cancellationPolicy: { tiers: [{ daysBefore: 0, refundPercent: 100 }] } });
        expect(await store.getRate('p1', 'saver')).toMatchObject({ refundable: false, cancellationPolicy: { tiers: [] } });
      } finally {
        await store.close();
      }
    } finally {
      await schema?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    }
  });
});
