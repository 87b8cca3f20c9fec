// Issue 9: the SQLite database and its -wal and -shm files are readable by their owner only.
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
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
