// SPEC 2.8: a manual-mode card is stored only encrypted, as an AES-256-GCM envelope: a fresh data
// key per card, wrapped by the key-encrypting key CARD_VAULT_KEY that lives outside the database.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardSubmission } from '../../shared/card.ts';

/** What the vault keeps of a card: everything the owner needs to charge it, never a CVC. */
export type VaultCard = CardSubmission;

export interface CardVault {
  /** The card encrypted for one booking, as one string for one database column. */
  seal(card: VaultCard, bookingId: string): string;
  /** The card back; throws CardVaultError for another booking, another key or any alteration. */
  open(blob: string, bookingId: string): VaultCard;
}

/** Thrown when a blob cannot be opened. Its message never carries the blob or the card. */
export class CardVaultError extends Error {
  override name = 'CardVaultError';
}

/** The one thing the vault logs through; a pino logger fits. */
export interface VaultLogger {
  warn(details: { path: string }, message: string): void;
}

const KEY_BYTES = 32;
const IV_BYTES = 12; // NIST SP 800-38D: 96-bit IVs for GCM
const TAG_BYTES = 16;

// Version 1 of the blob. A new version (another cipher, another wrapping) gets a new number,
// and `kid` names the key-encrypting key, so old blobs stay readable while keys rotate.
interface SealedCardV1 {
  v: 1;
  kid: string;
  /** The data key, wrapped under the key-encrypting key. */
  dk: string;
  dkIv: string;
  dkTag: string;
  iv: string;
  tag: string;
  ct: string;
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');

/** A short public name for a key, so a blob says which key sealed it without revealing it. */
function keyId(kek: Buffer): string {
  return createHash('sha256').update('directbook card-vault kid\0').update(kek).digest('hex').slice(0, 16);
}

// The additional authenticated data ties each layer to its booking (a blob copied onto another
// booking does not open) and to the version and key id written beside it (they cannot be edited).
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

function parseBlob(blob: string): SealedCardV1 {
  let parsed: unknown;
  try {
    parsed = JSON.parse(blob);
  } catch {
    throw new CardVaultError('Not a sealed card');
  }
  if (typeof parsed !== 'object' || parsed === null || !('v' in parsed)) {
    throw new CardVaultError('Not a sealed card');
  }
  if (parsed.v !== 1) throw new CardVaultError(`Unsupported sealed card version ${String(parsed.v)}`);
  const fields = ['kid', 'dk', 'dkIv', 'dkTag', 'iv', 'tag', 'ct'] as const;
  if (!fields.every((field) => field in parsed && typeof (parsed as Record<string, unknown>)[field] === 'string')) {
    throw new CardVaultError('Not a sealed card');
  }
  return parsed as SealedCardV1;
}

export function createCardVault(kek: Buffer): CardVault {
  if (kek.length !== KEY_BYTES) throw new Error(`The card vault key must be ${KEY_BYTES} bytes`);
  const kid = keyId(kek);

  return {
    seal(card, bookingId) {
      const dataKey = randomBytes(KEY_BYTES);
      try {
        const { number, expMonth, expYear, holderName } = card;
        const plaintext = Buffer.from(JSON.stringify({ number, expMonth, expYear, holderName }));
        const data = encrypt(dataKey, plaintext, cardAad(bookingId));
        plaintext.fill(0);
        const wrapped = encrypt(kek, dataKey, keyAad(kid, bookingId));
        const sealed: SealedCardV1 = {
          v: 1,
          kid,
          dk: b64(wrapped.ct),
          dkIv: b64(wrapped.iv),
          dkTag: b64(wrapped.tag),
          iv: b64(data.iv),
          tag: b64(data.tag),
          ct: b64(data.ct),
        };
        return JSON.stringify(sealed);
      } finally {
        dataKey.fill(0);
      }
    },

    open(blob, bookingId) {
      const sealed = parseBlob(blob);
      if (sealed.kid !== kid) {
        throw new CardVaultError(`This card was sealed under another vault key (kid ${sealed.kid})`);
      }
      const bytes = (text: string) => Buffer.from(text, 'base64url');
      let dataKey: Buffer | undefined;
      try {
        dataKey = decrypt(kek, bytes(sealed.dkIv), bytes(sealed.dkTag), bytes(sealed.dk), keyAad(kid, bookingId));
        const plaintext = decrypt(dataKey, bytes(sealed.iv), bytes(sealed.tag), bytes(sealed.ct), cardAad(bookingId));
        return JSON.parse(plaintext.toString('utf8')) as VaultCard;
      } catch {
        throw new CardVaultError('The card could not be opened: it belongs to another booking or was altered');
      } finally {
        dataKey?.fill(0);
      }
    },
  };
}

const KEY_FORMAT_HELP = 'a 32-byte key written as 64 hex characters or as base64 (create one with `openssl rand -base64 32`)';

/** The key-encrypting key from its text form; `source` names where it came from in the error. */
export function parseVaultKey(text: string, source = 'CARD_VAULT_KEY'): Buffer {
  const trimmed = text.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) key = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) key = Buffer.from(trimmed, 'base64');
  if (key?.length === KEY_BYTES) return key;
  const found = key ? `; it decodes to ${key.length} bytes` : '; it is neither hex nor base64';
  throw new Error(`${source} must be ${KEY_FORMAT_HELP}${found}`);
}

/**
 * CARD_VAULT_KEY when it is set; otherwise the embedded default (SPEC 2.8): a key generated once
 * into `<dataDir>/keys/card-vault.key`, a folder apart from the database file, with a warning.
 */
export function loadOrCreateVaultKey(options: { configuredKey: string | undefined; dataDir: string; logger: VaultLogger }): Buffer {
  const { configuredKey, dataDir, logger } = options;
  if (configuredKey?.trim()) return parseVaultKey(configuredKey);

  const dir = join(dataDir, 'keys');
  const path = join(dir, 'card-vault.key');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const created = createKeyFile(path);
  const key = parseVaultKey(readFileSync(path, 'utf8'), path);

  if (created) {
    logger.warn(
      { path },
      'CARD_VAULT_KEY is not set, so a card vault key was generated. Back it up, and keep it apart from the database and its backups: without it stored cards cannot be read, and with the database it reveals them. Set CARD_VAULT_KEY in production.',
    );
  } else {
    logger.warn({ path }, 'CARD_VAULT_KEY is not set: using the card vault key file. Keep it backed up and apart from the database.');
  }
  if ((statSync(path).mode & 0o077) !== 0) {
    logger.warn({ path }, 'The card vault key file can be read by other users: make it mode 0600.');
  }
  return key;
}

/** Writes a new key unless one exists; linking a complete temp file means no reader sees half a key. */
function createKeyFile(path: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temp, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}
