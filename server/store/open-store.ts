import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type SqliteDatabase, sql } from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './current-schema-dialect.ts';
import { FifoSqliteDialect } from './fifo-sqlite-dialect.ts';
import { createKyselyStore } from './kysely-store.ts';
import { migrateToLatest } from './migrations.ts';
import { preparedName } from './raw-statements.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export interface StoreOptions {
  /** PostgreSQL when set; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath?: string;
  poolSize?: number;
}

export function sqliteFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return join(dataDir, 'directbook.sqlite');
}

/**
 * Issue 9: the database readable by its owner only. SQLite gives the -wal and -shm files it makes
 * the database file's mode, so creating that 0600 covers them; files left looser are tightened.
 */
function ownerOnly(file: string) {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
}

// Enough for every statement the app runs (a few dozen, some in a few `in (…)` lengths).
const STATEMENTS_KEPT = 500;

/**
 * better-sqlite3 compiles a statement on every prepare(), and Kysely prepares every query it runs:
 * the same statements again and again, a sixth of a hold's CPU (issue 13). They are kept by SQL
 * text, least recently used out first. Kysely runs each statement to completion synchronously
 * (all or run; it never streams), so one is never in use by two queries at once.
 */
function keepingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text) {
      let statement = kept.get(text);
      if (statement) kept.delete(text);
      else statement = sqlite.prepare(text);
      kept.set(text, statement);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      return statement;
    },
  };
}

/**
 * Issue 13: the statements of server/store/raw-statements.ts go as named prepared statements, so
 * this connection parses and plans each once; under a rush of holds that was about a third more
 * holds per second. Kysely passes (text, values); pg-pool's own queries add a callback.
 */
function preparingKnownStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  client.query = ((text: unknown, ...rest: unknown[]) => {
    const name = typeof text === 'string' ? preparedName(text) : undefined;
    if (!name) return query(text, ...rest);
    const [values, callback] = typeof rest[0] === 'function' ? [undefined, rest[0]] : rest;
    return callback ? query({ name, text, values }, callback) : query({ name, text, values });
  }) as typeof client.query;
}

/** Opens the database named by the options and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.databaseUrl) {
    // int8 (money, counts) arrives as text by default; our amounts are safe integers.
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? (value: string) => Number(value) : (pg.types.getTypeParser(oid, format) as (value: string) => unknown)),
    };
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
    pool.on('connect', preparingKnownStatements);
    const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    await migrateToLatest(db as Kysely<unknown>, rows[0]?.schema);
    return createKyselyStore(db, 'postgres');
  }
  const file = options.sqlitePath ?? ':memory:';
  if (file !== ':memory:') ownerOnly(file);
  const sqlite = new SQLite(file);
  // WAL lets readers go on while a booking writes; busy_timeout waits out a writer instead of failing.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  // Issue 9: freed bytes are zeroed, so a purged card's key and ciphertext do not linger in free space.
  sqlite.pragma('secure_delete = ON');
  const db = new Kysely<Database>({ dialect: new FifoSqliteDialect({ database: keepingStatements(sqlite) }) });
  await migrateToLatest(db as Kysely<unknown>);
  return createKyselyStore(db, 'sqlite');
}
