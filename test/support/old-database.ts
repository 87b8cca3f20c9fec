// An upgrade test's database: a fresh SQLite file or PostgreSQL schema, migrated up to a past
// migration and filled as the code of that time wrote it; then today's store opens it, which runs
// every later migration, and the test reads what the upgrade made of it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from '../../server/store/current-schema-dialect.ts';
import { migrateUpTo } from '../../server/store/migrations.ts';
import { openStore, type StoreOptions } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';
import { freshSchema } from './test-app.ts';

/**
 * `Before`: the tables as they were at `migration`, typed only as far as `seed` writes them; `seed`
 * gets the PostgreSQL schema too, to migrate further itself between writes.
 */
export async function upgradeFrom<Before>(
  databaseUrl: string | undefined,
  migration: string,
  seed: (old: Kysely<Before>, schema: string | undefined) => Promise<void>,
  check: (store: Store) => Promise<void>,
): Promise<void> {
  const dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-upgrade-'));
  const schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
  const options: StoreOptions = schema ? { databaseUrl: schema.url, poolSize: 2 } : { sqlitePath: join(dir!, 'old.sqlite') };
  try {
    const old = new Kysely<Before>({
      dialect: options.databaseUrl
        ? new CurrentSchemaPostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 1 }) })
        : new SqliteDialect({ database: new SQLite(options.sqlitePath) }),
    });
    const current = options.databaseUrl ? (await sql<{ name: string }>`select current_schema() as name`.execute(old)).rows[0]?.name : undefined;
    await migrateUpTo(old as Kysely<unknown>, migration, current);
    await seed(old, current);
    await old.destroy();

    const store = await openStore(options);
    try {
      await check(store);
    } finally {
      await store.close();
    }
  } finally {
    await schema?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
