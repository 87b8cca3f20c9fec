// Issue 9: a purged card is gone for good. Its data key row is deleted (crypto-shredding), so no
// copy of the ciphertext opens even with CARD_VAULT_KEY; on SQLite the freed bytes are zeroed and
// the WAL emptied, so the database files no longer hold either.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { runHousekeeping } from '../server/housekeeping.ts';
import { type CardVault, createCardVault, type SealedCard, type VaultCard } from '../server/vault/card-vault.ts';
import { backends } from './support/api.ts';
import { bookingWithCard, CARD, manualHotel, ownerCall, REVEAL } from './support/manual-card.ts';
import { createTestApp, type TestApp } from './support/test-app.ts';

const DB_FILE = 'directbook.sqlite';

/** The database, its WAL and its shared-memory index, as someone copying the data folder would get them. */
function databaseFiles(dir: string): Buffer[] {
  const files = readdirSync(dir).filter((name) => name.startsWith(DB_FILE));
  expect(files).toContain(`${DB_FILE}-wal`);
  return files.map((name) => readFileSync(join(dir, name)));
}

/**
 * What an attacker holding the files and the vault key would do: take every sealed blob found, and
 * every wrapped key stored after the key's id (booking_id, kid, wrapped_key, iv, tag are consecutive
 * text in an SQLite record), and try each pair for the booking.
 */
function recoverCards(files: Buffer[], vault: CardVault, bookingId: string): VaultCard[] {
  const text = files.map((f) => f.toString('latin1')).join('\n');
  const blobs = [...text.matchAll(/\{"v":2,"iv":"[\w-]+","tag":"[\w-]+","ct":"[\w-]+"\}/g)].map((m) => m[0]);
  const keys: SealedCard['key'][] = [];
  for (let at = text.indexOf(vault.currentKid); at >= 0; at = text.indexOf(vault.currentKid, at + 1)) {
    const rest = text.slice(at + vault.currentKid.length);
    keys.push({ kid: vault.currentKid, wrappedKey: rest.slice(0, 43), iv: rest.slice(43, 59), tag: rest.slice(59, 81) });
  }
  const opened: VaultCard[] = [];
  for (const blob of blobs) {
    for (const key of keys) {
      try {
        opened.push(vault.open({ blob, key }, bookingId));
      } catch {
        // Not this pair.
      }
    }
  }
  return opened;
}

/** Every form the sealed card's secrets could lie in a file: the stored text, standard base64 and raw bytes. */
function traces(sealed: SealedCard): Buffer[] {
  const blob = JSON.parse(sealed.blob) as Record<string, string>;
  const fields = [blob.ct!, blob.iv!, blob.tag!, sealed.key.wrappedKey, sealed.key.iv, sealed.key.tag];
  return [
    Buffer.from(sealed.blob),
    ...fields.flatMap((field) => [Buffer.from(field), Buffer.from(Buffer.from(field, 'base64url').toString('base64').replace(/=+$/, '')), Buffer.from(field, 'base64url')]),
  ];
}

async function storedCard(t: TestApp, id: string): Promise<SealedCard> {
  return { blob: (await t.store.getBooking(id))!.cardBlob!, key: (await t.store.cardKey(id))! };
}

describe('a purged card leaves nothing readable in the SQLite files', () => {
  let dir: string;
  let t: TestApp;
  const vault = createCardVault([randomBytes(32)]);
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test.each([
    ['the owner marks the deposit charged', (hotel: { id: string; key: string; rateId: string }, id: string) => ownerCall(t, hotel, `${id}/deposit-charged`)],
    ['the owner cancels the booking', (hotel: { id: string; key: string; rateId: string }, id: string) => ownerCall(t, hotel, `${id}/cancel`, { scope: 'booking', refund: false })],
  ])('after %s, no trace of the card is in the database, its WAL or its index, and nothing found opens', async (_when, purge) => {
    dir = mkdtempSync(join(tmpdir(), 'directbook-shred-'));
    t = await createTestApp({ sqlitePath: join(dir, DB_FILE), vault });
    const hotel = await manualHotel(t);
    const purged = await bookingWithCard(t, hotel);
    const kept = await bookingWithCard(t, hotel, { checkIn: '2026-12-05', checkOut: '2026-12-06' });
    const sealed = await storedCard(t, purged);
    expect(vault.open(sealed, purged)).toEqual(CARD);
    // More writes to the booking's page, as a live server makes: each leaves another copy in the WAL.
    await bookingWithCard(t, hotel, { checkIn: '2026-12-07', checkOut: '2026-12-08' });

    expect((await purge(hotel, purged)).status).toBe(200);

    // Read while the server runs, as a copy of the data folder or a stolen disk would be.
    const files = databaseFiles(dir);
    for (const trace of traces(sealed)) {
      expect(files.some((file) => file.includes(trace))).toBe(false);
    }
    expect(recoverCards(files, vault, purged)).toEqual([]);
    // The same search does find a card still stored, so it would have found the purged one.
    expect(recoverCards(files, vault, kept)).toContainEqual(CARD);
  });
});

describe.each(backends)('purging stored cards on %s', (_name, databaseUrl) => {
  let t: TestApp;
  let dir: string | undefined;
  afterEach(async () => {
    await t.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  test('cancelling a booking erases its card and its data key at once', async () => {
    t = await createTestApp({ databaseUrl });
    const hotel = await manualHotel(t);
    const id = await bookingWithCard(t, hotel);
    expect(await t.store.cardKey(id)).toBeDefined();
    const res = await ownerCall(t, hotel, `${id}/cancel`, { scope: 'booking' });
    expect(res.status).toBe(200);
    expect((await res.json()).booking).toMatchObject({ status: 'cancelled', cardStored: false });
    expect(await t.store.cardKey(id)).toBeUndefined();
    expect((await t.store.getBooking(id))!.cardBlob).toBeNull();
    expect((await ownerCall(t, hotel, `${id}/card/reveal`, REVEAL)).status).toBe(409);
  });

  test('marking the deposit charged deletes the data key with the ciphertext', async () => {
    t = await createTestApp({ databaseUrl });
    const hotel = await manualHotel(t);
    const id = await bookingWithCard(t, hotel);
    expect((await ownerCall(t, hotel, `${id}/deposit-charged`)).status).toBe(200);
    expect(await t.store.cardKey(id)).toBeUndefined();
    expect(await t.store.cardKeyCounts()).toEqual([]);
  });

  test('housekeeping erases the data key of a card seven days after checkout', async () => {
    t = await createTestApp({ databaseUrl });
    const hotel = await manualHotel(t);
    const id = await bookingWithCard(t, hotel);
    t.setNow('2026-12-11T12:00:00Z');
    expect(await runHousekeeping(t.store, t.now(), 7)).toMatchObject({ purged: 1 });
    expect(await t.store.cardKey(id)).toBeUndefined();
    expect((await t.store.getBooking(id))!.cardBlob).toBeNull();
  });

  test.skipIf(databaseUrl)('housekeeping erases the card of a booking cancelled before cancelling erased cards', async () => {
    dir = mkdtempSync(join(tmpdir(), 'directbook-shred-'));
    const path = join(dir, DB_FILE);
    t = await createTestApp({ sqlitePath: path });
    const hotel = await manualHotel(t);
    const id = await bookingWithCard(t, hotel);
    // What an older version left behind: cancelled, card still stored.
    const raw = new SQLite(path);
    raw.prepare("update bookings set status = 'cancelled' where id = ?").run(id);
    raw.close();
    expect(await runHousekeeping(t.store, t.now(), 7)).toMatchObject({ purged: 1 });
    expect(await t.store.cardKey(id)).toBeUndefined();
    expect((await t.store.getBooking(id))!.cardBlob).toBeNull();
  });
});
