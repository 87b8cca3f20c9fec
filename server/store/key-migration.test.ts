// Issue 9: upgrading keeps every property's one key working, now as its first named key with every scope.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { KEY_SCOPES } from '../../shared/schemas/owner-key.ts';
import { freshSchema } from '../../test/support/test-app.ts';
import { newPropertyKey, sha256 } from '../ids.ts';
import { migrateUpTo } from './migrations.ts';
import { openStore, type StoreOptions } from './open-store.ts';

interface Yesterday {
  properties: Record<string, string | number | null>;
}

async function withOldDatabase(databaseUrl: string | undefined, work: (options: StoreOptions) => Promise<void>) {
  const dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-keys-'));
  const schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
  const options: StoreOptions = schema ? { databaseUrl: schema.url, poolSize: 2 } : { sqlitePath: join(dir!, 'old.sqlite') };
  try {
    await work(options);
  } finally {
    await schema?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

function connect(options: StoreOptions) {
  const dialect = options.databaseUrl
    ? new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 1 }) })
    : new SqliteDialect({ database: new SQLite(options.sqlitePath) });
  return new Kysely<Yesterday>({ dialect });
}

const backends: [string, string | undefined][] = [['SQLite', undefined], ...(process.env.DATABASE_URL ? [['PostgreSQL', process.env.DATABASE_URL] as [string, string]] : [])];

describe.each(backends)('upgrading to named keys on %s', (_name, databaseUrl) => {
  test('a property made before keys had names keeps its key, now named and with every scope', async () => {
    await withOldDatabase(databaseUrl, async (options) => {
      const key = newPropertyKey('prop_old');
      const old = connect(options);
      const schema = options.databaseUrl ? (await sql<{ name: string }>`select current_schema() as name`.execute(old)).rows[0]?.name : undefined;
      await migrateUpTo(old as Kysely<unknown>, '006_channel_sync', schema);
      await old
        .insertInto('properties')
        .values({
          id: 'prop_old',
          name: 'Old Inn',
          currency: 'USD',
          timezone: 'Asia/Seoul',
          country: null,
          locale: 'en',
          payment_mode: 'manual',
          accepted_card_brands: '["visa"]',
          allowed_origins: '[]',
          email: null,
          description: null,
          key_hash: sha256(key),
          closures: '{"weekdays":[],"publicHolidays":false,"dates":[]}',
          created_at: '2025-01-01T00:00:00.000Z',
          page_indexed: 1,
        })
        .execute();
      await old.destroy();

      const store = await openStore(options);
      try {
        const found = await store.ownerKeyByHash(sha256(key));
        expect(found?.property).toMatchObject({ id: 'prop_old', name: 'Old Inn' });
        expect(found?.key).toMatchObject({ propertyId: 'prop_old', name: 'First key', scopes: [...KEY_SCOPES], createdAt: '2025-01-01T00:00:00.000Z', revokedAt: null });
        expect(await store.getProperty('prop_old')).not.toHaveProperty('keyHash');
      } finally {
        await store.close();
      }
    });
  });
});
