// Issue 9: `npm run backup` copies the SQLite database while the server goes on serving, through
// SQLite's online backup API: the copy is the database as of one instant, never half a write.
import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const ALL_PAGES = 0x7fffffff;

/** `directbook-20261124T030000Z.sqlite`: sorts by time, and has no colon for any file system to refuse. */
export function backupName(at: Date): string {
  return `directbook-${at
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '')}.sqlite`;
}

/** Copies the database at `source` into `dir` under a timestamped name and returns the copy's path. */
export async function backupSqlite(source: string, dir: string, at: Date): Promise<string> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = join(dir, backupName(at));
  // Written beside its final name and renamed when complete, so a crash never leaves a partial copy that looks whole.
  const partial = `${target}.partial`;
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Every page in one step: a write by the server between steps would restart the copy, and one
    // step reads a single snapshot that WAL lets the server write past.
    await db.backup(partial, { progress: () => ALL_PAGES });
    // Stored cards are sealed, but a copy of the database is still nobody else's to read.
    chmodSync(partial, 0o600);
    renameSync(partial, target);
    return target;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
