// SPEC 2.8: a manual-mode card is stored only encrypted, as an AES-256-GCM envelope: a fresh data
// key per card, wrapped by the key-encrypting key CARD_VAULT_KEY that lives outside the database.
// The wrapped data key is kept apart from the ciphertext (its own row), so deleting that one small
// row crypto-shreds the card: every copy of the ciphertext left in database files, dead rows or
// backups is then unreadable, even to someone holding CARD_VAULT_KEY.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { CardSubmission } from '../../shared/card.ts';

/** What the vault keeps of a card: everything the owner needs to charge it, never a CVC. */
export type VaultCard = CardSubmission;

/** A card's data key wrapped under the key-encrypting key `kid`, each field base64url. */
export interface WrappedCardKey {
  kid: string;
  wrappedKey: string;
  iv: string;
  tag: string;
}

/** A sealed card: the ciphertext for the booking's row and its wrapped data key for a row of its own. */
export interface SealedCard {
  blob: string;
  key: WrappedCardKey;
}

export interface CardVault {
  /** The id of the current key: it seals new cards and re-wraps old ones. */
  readonly currentKid: string;
  /** Whether the ring holds the key with this id. */
  has(kid: string): boolean;
  seal(card: VaultCard, bookingId: string): SealedCard;
  /** The card back; throws CardVaultError for another booking, a key not in the ring or any alteration. */
  open(sealed: SealedCard, bookingId: string): VaultCard;
  /** The same data key wrapped under the current key; throws CardVaultError like `open`. */
  rewrap(key: WrappedCardKey, bookingId: string): WrappedCardKey;
}

/** Thrown when a card cannot be opened. Its message never carries the blob, a key or the card. */
export class CardVaultError extends Error {
  override name = 'CardVaultError';
}

export const KEY_BYTES = 32;
const IV_BYTES = 12; // NIST SP 800-38D: 96-bit IVs for GCM
const TAG_BYTES = 16;

// Version 2 of the blob: the data layer only. Version 1 also carried the wrapped data key;
// migration 007_card_keys moved those keys to card_keys (splitV1Blob), so no v1 blob is left.
interface SealedCardV2 {
  v: 2;
  iv: string;
  tag: string;
  ct: string;
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');
const bytes = (text: string) => Buffer.from(text, 'base64url');

/** A short public name for a key, so a stored card says which key wraps it without revealing it. */
export function keyId(kek: Buffer): string {
  return createHash('sha256').update('directbook card-vault kid\0').update(kek).digest('hex').slice(0, 16);
}

// The additional authenticated data ties each layer to its booking (a card copied onto another
// booking does not open) and the wrapped key to its kid. Both layers are as version 1 made them
// (v2 only moved the wrapped key), hence the v1 labels: migrated cards open without re-encryption.
const cardAad = (bookingId: string) => Buffer.from(`directbook:card:v1:${bookingId}`);
const keyAad = (kid: string, bookingId: string) => Buffer.from(`directbook:card-key:v1:${kid}:${bookingId}`);

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer) {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

function decrypt(key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: Buffer): Buffer {
  // A shorter tag would be accepted by GCM and weaken it, so only full-length tags are tried.
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('bad iv or tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES }).setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

function parseJson(blob: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(blob);
  } catch {
    throw new CardVaultError('Not a sealed card');
  }
  if (typeof parsed !== 'object' || parsed === null || !('v' in parsed)) throw new CardVaultError('Not a sealed card');
  return parsed;
}

const hasStrings = (record: Record<string, unknown>, fields: readonly string[]) => fields.every((field) => typeof record[field] === 'string');

function parseBlob(blob: string): SealedCardV2 {
  const parsed = parseJson(blob);
  if (parsed.v !== 2) throw new CardVaultError(`Unsupported sealed card version ${String(parsed.v)}`);
  if (!hasStrings(parsed, ['iv', 'tag', 'ct'])) throw new CardVaultError('Not a sealed card');
  return parsed as unknown as SealedCardV2;
}

/**
 * Migration 007: a version 1 blob as the v2 blob and the wrapped key it carried, unchanged
 * (same layers, same additional data); null for text that is not a v1 blob.
 */
export function splitV1Blob(blob: string): SealedCard | null {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseJson(blob);
  } catch {
    return null;
  }
  if (parsed.v !== 1 || !hasStrings(parsed, ['kid', 'dk', 'dkIv', 'dkTag', 'iv', 'tag', 'ct'])) return null;
  const field = (name: string) => parsed[name] as string;
  const data: SealedCardV2 = { v: 2, iv: field('iv'), tag: field('tag'), ct: field('ct') };
  return { blob: JSON.stringify(data), key: { kid: field('kid'), wrappedKey: field('dk'), iv: field('dkIv'), tag: field('dkTag') } };
}

/** A vault over a keyring: the first key is the current one, the rest still open older cards. */
export function createCardVault(keyring: readonly Buffer[]): CardVault {
  const [current, ...older] = keyring;
  if (!current) throw new Error('The card vault needs at least one key');
  for (const kek of keyring) if (kek.length !== KEY_BYTES) throw new Error(`The card vault key must be ${KEY_BYTES} bytes`);
  const currentKid = keyId(current);
  const keks = new Map([current, ...older].map((kek) => [keyId(kek), kek]));

  const wrap = (dataKey: Buffer, bookingId: string): WrappedCardKey => {
    const wrapped = encrypt(current, dataKey, keyAad(currentKid, bookingId));
    return { kid: currentKid, wrappedKey: b64(wrapped.ct), iv: b64(wrapped.iv), tag: b64(wrapped.tag) };
  };

  /** Runs `use` with the unwrapped data key and wipes it afterwards. */
  const withDataKey = <T>(key: WrappedCardKey, bookingId: string, use: (dataKey: Buffer) => T): T => {
    const kek = keks.get(key.kid);
    if (!kek) throw new CardVaultError(`This card's key is wrapped under a vault key that is not in the ring (kid ${key.kid})`);
    let dataKey: Buffer | undefined;
    try {
      dataKey = decrypt(kek, bytes(key.iv), bytes(key.tag), bytes(key.wrappedKey), keyAad(key.kid, bookingId));
      return use(dataKey);
    } catch (error) {
      if (error instanceof CardVaultError) throw error;
      throw new CardVaultError('The card could not be opened: it belongs to another booking or was altered');
    } finally {
      dataKey?.fill(0);
    }
  };

  return {
    currentKid,
    has: (kid) => keks.has(kid),

    seal(card, bookingId) {
      const dataKey = randomBytes(KEY_BYTES);
      try {
        const { number, expMonth, expYear, holderName } = card;
        const plaintext = Buffer.from(JSON.stringify({ number, expMonth, expYear, holderName }));
        const data = encrypt(dataKey, plaintext, cardAad(bookingId));
        plaintext.fill(0);
        const sealed: SealedCardV2 = { v: 2, iv: b64(data.iv), tag: b64(data.tag), ct: b64(data.ct) };
        return { blob: JSON.stringify(sealed), key: wrap(dataKey, bookingId) };
      } finally {
        dataKey.fill(0);
      }
    },

    open({ blob, key }, bookingId) {
      const data = parseBlob(blob);
      return withDataKey(key, bookingId, (dataKey) => {
        const plaintext = decrypt(dataKey, bytes(data.iv), bytes(data.tag), bytes(data.ct), cardAad(bookingId));
        return JSON.parse(plaintext.toString('utf8')) as VaultCard;
      });
    },

    rewrap(key, bookingId) {
      return withDataKey(key, bookingId, (dataKey) => wrap(dataKey, bookingId));
    },
  };
}
