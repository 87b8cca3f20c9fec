// Issue 13: lookups that must use their index rather than read a whole table. Migration 029: the
// intent and card-purge indexes hold only bookings with an intent or a card, so a hold writes
// neither. Migration 031: housekeeping's deletes of finished jobs (an index of finished jobs only)
// and of old delivery attempts, which run every 5 minutes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import { freshSchema } from '../../test/support/test-app.ts';
import { openStore } from './open-store.ts';

const BY_INTENT = `select id from bookings where intent_id = 'pi_1'`;
const CARDS_DUE = `select id from bookings where card_blob is not null and (check_out <= '2026-12-01' or status = 'cancelled')`;
const JOBS_FINISHED = `delete from jobs where finished_at < '2026-11-01T00:00:00.000Z'`;
const OLD_DELIVERIES = `delete from webhook_deliveries where attempted_at < '2026-11-01T00:00:00.000Z'`;

describe('indexes that spare a scan', () => {
  test('SQLite: a lookup by intent, the card purge and the prunes read their indexes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directbook-indexes-')), 'db.sqlite');
    await (await openStore({ sqlitePath: file })).close();
    const db = new SQLite(file, { readonly: true });
    try {
      const plan = (query: string) => (db.prepare(`explain query plan ${query}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
      expect(plan(BY_INTENT)).toMatch(/USING (COVERING )?INDEX bookings_intent/);
      expect(plan(CARDS_DUE)).toMatch(/USING INDEX bookings_card_purge/);
      expect(plan(JOBS_FINISHED)).toMatch(/USING (COVERING )?INDEX jobs_finished/);
      expect(plan(OLD_DELIVERIES)).toMatch(/USING (COVERING )?INDEX webhook_deliveries_attempted/);
    } finally {
      db.close();
    }
  });

  test.runIf(process.env.DATABASE_URL)('PostgreSQL: a lookup by intent, the card purge and the prunes can read their indexes', async () => {
    const schema = await freshSchema(process.env.DATABASE_URL!);
    await (await openStore({ databaseUrl: schema.url, poolSize: 1 })).close();
    const client = new pg.Client({ connectionString: schema.url });
    await client.connect();
    try {
      // An empty table is cheapest to scan: forbid that, so the plan shows whether the index applies.
      await client.query('set enable_seqscan = off');
      const plan = async (query: string) => (await client.query<{ 'QUERY PLAN': string }>(`explain ${query}`)).rows.map((row) => row['QUERY PLAN']).join('\n');
      expect(await plan(BY_INTENT)).toMatch(/bookings_intent/);
      expect(await plan(CARDS_DUE)).toMatch(/bookings_card_purge/);
      expect(await plan(JOBS_FINISHED)).toMatch(/jobs_finished/);
      expect(await plan(OLD_DELIVERIES)).toMatch(/webhook_deliveries_attempted/);
    } finally {
      await client.end();
      await schema.drop();
    }
  });
});
