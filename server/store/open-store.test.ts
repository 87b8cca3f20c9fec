// Issue 9: the SQLite database and its -wal and -shm files are readable by their owner only. And a
// PostgreSQL store migrates its own schema whatever other schemas of the database are doing.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backends } from '../../test/support/api.ts';
import { freshSchema } from '../../test/support/test-app.ts';
import { openStore, sqliteFile } from './open-store.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the embedded database on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'directbook-perms-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a new database, its -wal and its -shm are readable by the owner only, and a new data folder by its owner only', async () => {
    const dataDir = join(dir, 'data');
    const file = sqliteFile(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    const store = await openStore({ sqlitePath: file });
    try {
      expect(await store.countProperties()).toBe(0);
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path), path).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  test('database files left readable by others are tightened when the server opens them', async () => {
    const file = join(dir, 'directbook.sqlite');
    await (await openStore({ sqlitePath: file })).close();
    writeFileSync(`${file}-wal`, '');
    for (const path of [file, `${file}-wal`]) chmodSync(path, 0o644);
    const store = await openStore({ sqlitePath: file });
    try {
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path), path).toBe(0o600);
    } finally {
      await store.close();
    }
  });
});

for (const [, databaseUrl] of backends.filter(([name]) => name === 'PostgreSQL')) {
  describe('a PostgreSQL database shared with other schemas', () => {
    test('stores open and migrate their own schemas while other schemas of the database are being dropped', async () => {
      const admin = new pg.Client({ connectionString: databaseUrl });
      await admin.connect();
      const others = Array.from({ length: 60 }, () => `other_${randomBytes(6).toString('hex')}`);
      try {
        await admin.query(others.map((name) => `create schema ${name}; create table ${name}.rooms (id serial primary key, name text)`).join(';'));
        let opening = true;
        // One drop after another, for as long as the stores open: a drop commits during each of their migrations.
        const dropping = (async () => {
          while (opening && others.length > 0) await admin.query(`drop schema ${others.pop()} cascade`);
        })();
        const counts: number[] = [];
        try {
          for (let i = 0; i < 3; i++) {
            const ours = await freshSchema(databaseUrl!);
            try {
              const store = await openStore({ databaseUrl: ours.url, poolSize: 1 });
              counts.push(await store.countProperties());
              await store.close();
            } finally {
              await ours.drop();
            }
          }
        } finally {
          opening = false;
          await dropping;
        }
        expect(counts).toEqual([0, 0, 0]);
      } finally {
        if (others.length > 0) await admin.query(others.map((name) => `drop schema ${name} cascade`).join(';'));
        await admin.end();
      }
    });
  });
}
