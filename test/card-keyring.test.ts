// Issue 9: CARD_VAULT_KEY is a keyring. Cards sealed under an older key still open and are re-wrapped
// under the current one; a card whose key left the ring answers 409, and start-up says so.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cardKeysMigration } from '../server/store/card-keys-migration.ts';
import type { Database } from '../server/store/schema.ts';
import { createCardVault, keyId } from '../server/vault/card-vault.ts';
import { rewrapStoredCards, warnAboutUnreadableCards } from '../server/vault/stored-cards.ts';
import { backends } from './support/api.ts';
import { sealV1 } from './support/card-v1.ts';
import { bookingWithCard, CARD, manualHotel, ownerCall, REVEAL, type ManualHotel } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

describe.each(backends)('the card vault keyring on %s', (_name, databaseUrl) => {
  const older = randomBytes(32);
  const current = randomBytes(32);
  const apps: TestApp[] = [];
  let dir: string | undefined;
  // SQLite in a file, so that a second app is the same database, as after a restart.
  beforeEach(() => {
    dir = databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'directbook-keyring-'));
  });
  afterEach(async () => {
    // The first app owns the PostgreSQL schema, so it closes last.
    for (const app of apps.splice(0).reverse()) await app.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** An app whose vault holds `keyring`; later ones share the first one's database, as a restarted server would. */
  async function server(keyring: Buffer[]): Promise<TestApp> {
    const database = apps[0] ? { sameDatabaseAs: apps[0] } : { databaseUrl, sqlitePath: dir && join(dir, 'directbook.sqlite') };
    const t = await createTestApp({ ...database, vault: createCardVault(keyring) });
    apps.push(t);
    return t;
  }

  async function cardsUnder(keyring: Buffer[], count = 1): Promise<{ hotel: ManualHotel; ids: string[] }> {
    const t = await server(keyring);
    const hotel = await manualHotel(t);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) ids.push(await bookingWithCard(t, hotel));
    return { hotel, ids };
  }

  test('a card sealed under an older key of the ring is revealed and re-wrapped under the current key', async () => {
    const { hotel, ids } = await cardsUnder([older]);
    const rotated = await server([current, older]);
    const res = await ownerCall(rotated, hotel, `${ids[0]}/card/reveal`, REVEAL);
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).card).toEqual(CARD);
    expect((await rotated.store.cardKey(ids[0]!))!.kid).toBe(keyId(current));
    // The older key can now leave the ring.
    const retired = await server([current]);
    expect((await ownerCall(retired, hotel, `${ids[0]}/card/reveal`, REVEAL)).status).toBe(200);
  });

  test('a card whose key is not in the ring answers 409 card_unreadable, not a server error', async () => {
    const { hotel, ids } = await cardsUnder([older]);
    const rotated = await server([current]);
    const res = await ownerCall(rotated, hotel, `${ids[0]}/card/reveal`, REVEAL);
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error.code).toBe('card_unreadable');
    expect(error.message).toContain(keyId(older));
    expect(JSON.stringify(error)).not.toContain(CARD.number);
  });

  test('start-up warns about stored cards whose key is not in the ring, and only then', async () => {
    await cardsUnder([older], 2);
    const rotated = await server([current]);
    const warnings: { details: unknown; message: string }[] = [];
    const logger = { warn: (details: unknown, message: string) => void warnings.push({ details, message }) };
    await warnAboutUnreadableCards(rotated.store, rotated.deps.vault!, logger);
    expect(warnings).toEqual([{ details: { kids: [keyId(older)], cards: 2 }, message: expect.stringMatching(/2 stored card\(s\).*not in CARD_VAULT_KEY/) }]);
    warnings.length = 0;
    await warnAboutUnreadableCards(rotated.store, createCardVault([current, older]), logger);
    expect(warnings).toEqual([]);
  });

  test('re-wrapping moves every card under an older key to the current key and reports the ones it cannot open', async () => {
    const { hotel, ids } = await cardsUnder([older], 3);
    const lost = randomBytes(32);
    const lostCard = await bookingWithCard(await server([lost]), hotel);
    const rotated = await server([current, older]);
    const report = await rewrapStoredCards(rotated.store, rotated.deps.vault!, 2);
    expect(report).toEqual({ rewrapped: 3, failed: [], unknown: [{ kid: keyId(lost), cards: 1 }] });
    expect(await rotated.store.cardKeyCounts()).toEqual(expect.arrayContaining([{ kid: keyId(current), cards: 3 }]));
    const retired = await server([current]);
    for (const id of ids) expect((await ownerCall(retired, hotel, `${id}/card/reveal`, REVEAL)).status).toBe(200);
    expect((await ownerCall(retired, hotel, `${lostCard}/card/reveal`, REVEAL)).status).toBe(409);
    expect((await rewrapStoredCards(rotated.store, rotated.deps.vault!)).rewrapped).toBe(0);
  });

  test('migration 007 moves the data key out of a version 1 blob; the card still opens and is shredded on purge', async () => {
    const first = await server([older]);
    const sqlitePath = first.instance.sqlitePath;
    const hotel = await manualHotel(first);
    const id = await bookingWithCard(first, hotel);

    // The database as version 1 left it: the wrapped key inside the blob, no card_keys table.
    const raw = new Kysely<Database>({
      dialect: sqlitePath ? new SqliteDialect({ database: new SQLite(sqlitePath) }) : new PostgresDialect({ pool: new pg.Pool({ connectionString: first.instance.databaseUrl, max: 1 }) }),
    });
    try {
      await raw.schema.dropTable('card_keys').execute();
      await raw
        .updateTable('bookings')
        .set({ card_blob: sealV1(older, CARD, id) })
        .where('id', '=', id)
        .execute();
      await cardKeysMigration.up(raw as Kysely<unknown>);
    } finally {
      await raw.destroy();
    }

    expect(JSON.parse((await first.store.getBooking(id))!.cardBlob!)).toEqual({ v: 2, iv: expect.any(String), tag: expect.any(String), ct: expect.any(String) });
    expect((await first.store.cardKey(id))!.kid).toBe(keyId(older));
    const res = await ownerCall(first, hotel, `${id}/card/reveal`, REVEAL);
    expect((await res.json()).card).toEqual(CARD);
    expect((await ownerCall(first, hotel, `${id}/deposit-charged`)).status).toBe(200);
    expect(await first.store.cardKey(id)).toBeUndefined();
  });
});

describe('npm run vault:rewrap', () => {
  test('re-wraps the stored cards of a data folder under the first key of CARD_VAULT_KEY, so the older key can go', async () => {
    const [older, current] = [randomBytes(32), randomBytes(32)];
    const dataDir = mkdtempSync(join(tmpdir(), 'directbook-rewrap-'));
    const sqlitePath = join(dataDir, 'directbook.sqlite');
    try {
      const before = await createTestApp({ sqlitePath, vault: createCardVault([older]) });
      const hotel = await manualHotel(before);
      const id = await bookingWithCard(before, hotel);
      await before.close();

      const child = spawn(process.execPath, ['--import', 'tsx', 'server/vault-rewrap.ts'], {
        env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, CARD_VAULT_KEY: `${current.toString('base64')},${older.toString('hex')}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, output).toBe(0);
      expect(output).toContain(`Re-wrapped 1 card key(s) under the current card vault key (kid ${keyId(current)})`);

      const after = await createTestApp({ sqlitePath, vault: createCardVault([current]) });
      try {
        expect((await ownerCall(after, hotel, `${id}/card/reveal`, REVEAL)).status).toBe(200);
      } finally {
        await after.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
