// The card vault's key-encrypting keys (SPEC 2.8): CARD_VAULT_KEY as a keyring, or the embedded
// default's generated key file.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KEY_BYTES } from './card-vault.ts';

/** The one thing key loading logs through; a pino logger fits. */
export interface VaultLogger {
  warn(details: { path: string }, message: string): void;
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
 * CARD_VAULT_KEY as a keyring: keys separated by commas, the current one first, then the older
 * ones still needed to open cards sealed before a rotation (neither hex nor base64 has a comma).
 */
export function parseVaultKeyring(text: string, source = 'CARD_VAULT_KEY'): Buffer[] {
  const parts = text.split(',');
  return parts.map((part, i) => parseVaultKey(part, parts.length > 1 ? `${source} (key ${i + 1} of ${parts.length})` : source));
}

/**
 * CARD_VAULT_KEY's keyring when it is set; otherwise the embedded default (SPEC 2.8): one key
 * generated once into `<dataDir>/keys/card-vault.key`, a folder apart from the database file,
 * with a warning.
 */
export function loadVaultKeyring(options: { configuredKey: string | undefined; dataDir: string; logger: VaultLogger }): Buffer[] {
  const { configuredKey, dataDir, logger } = options;
  if (configuredKey?.trim()) return parseVaultKeyring(configuredKey);

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
  return [key];
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
