// Issue 9: `npm run backup` copies the SQLite database while something else keeps writing to it,
// and the copy is the database as of one instant: every transaction in it whole, none in half.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { backupName } from '../server/backup.ts';
import { openStore, sqliteFile } from '../server/store/open-store.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'directbook-backup-'));

describe('npm run backup on the embedded database', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('names a backup after the instant it was taken, in an order that sorts by time', () => {
    expect(backupName(new Date('2026-11-24T03:00:07.123Z'))).toBe('directbook-20261124T030007Z.sqlite');
    expect(backupName(new Date('2026-11-24T03:00:07Z')) < backupName(new Date('2026-11-24T03:00:08Z'))).toBe(true);
  });

  test('copies a database that is being written to, whole transactions only, readable by its owner alone', async () => {
    const store = await openStore({ sqlitePath: sqliteFile(dataDir) });
    await store.close();
    // A second writer, as the running server would be: each transaction writes a pair of rows.
    const writer = new SQLite(sqliteFile(dataDir));
    writer.pragma('journal_mode = WAL');
    writer.pragma('busy_timeout = 5000');
    writer.exec('create table ledger (entry integer not null, side text not null)');
    const pair = writer.transaction((entry: number) => {
      const insert = writer.prepare('insert into ledger (entry, side) values (?, ?)');
      insert.run(entry, 'debit');
      insert.run(entry, 'credit');
    });
    let entries = 0;
    let writing = true;
    const writes = (async () => {
      while (writing) {
        for (let i = 0; i < 50; i++) pair(entries++);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();

    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const first = await run(process.execPath, ['--import', 'tsx', 'server/backup-main.ts'], { env });
    const second = await run(process.execPath, ['--import', 'tsx', 'server/backup-main.ts', join(dataDir, 'elsewhere')], { env });
    writing = false;
    await writes;
    writer.close();

    const copies = [first.stdout.trim(), second.stdout.trim()];
    expect(copies[0]).toMatch(new RegExp(`^${join(dataDir, 'backups')}/directbook-\\d{8}T\\d{6}Z\\.sqlite$`));
    expect(copies[1]).toMatch(new RegExp(`^${join(dataDir, 'elsewhere')}/directbook-\\d{8}T\\d{6}Z\\.sqlite$`));
    expect(readdirSync(join(dataDir, 'backups'))).toEqual([copies[0]!.split('/').pop()]);
    for (const copy of copies) {
      expect(statSync(copy).mode & 0o777).toBe(0o600);
      const db = new SQLite(copy, { readonly: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const counts = db.prepare('select count(*) as rows, count(distinct entry) as entries, max(entry) as last from ledger').get() as { rows: number; entries: number; last: number };
        expect(counts.entries).toBeGreaterThan(0);
        expect(counts.rows).toBe(counts.entries * 2);
        expect(counts.last).toBe(counts.entries - 1);
        expect(counts.entries).toBeLessThan(entries);
      } finally {
        db.close();
      }
    }
    // A backup is a directbook database as it stands: the server opens it as it is.
    const restored = await openStore({ sqlitePath: copies[1]! });
    expect(await restored.countProperties()).toBe(0);
    await restored.close();
  }, 60_000);

  test('on PostgreSQL it points to pg_dump instead of copying anything', async () => {
    const failed = await run(process.execPath, ['--import', 'tsx', 'server/backup-main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toMatch(/pg_dump/);
  });
});
