import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CardVaultError, createCardVault, loadOrCreateVaultKey, parseVaultKey, type VaultCard, type VaultLogger } from './card-vault.ts';

const card: VaultCard = { number: '4242424242424242', expMonth: 12, expYear: 2030, holderName: 'Ji-woo Park' };
const kek = randomBytes(32);
const vault = createCardVault(kek);

/** The blob with one of its base64url fields changed by flipping one bit of its first byte. */
function tamper(blob: string, field: string): string {
  const sealed = JSON.parse(blob) as Record<string, string>;
  const bytes = Buffer.from(sealed[field] ?? '', 'base64url');
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  return JSON.stringify({ ...sealed, [field]: bytes.toString('base64url') });
}

describe('card vault', () => {
  it('opens what it sealed for the same booking', () => {
    expect(vault.open(vault.seal(card, 'bk_1'), 'bk_1')).toEqual(card);
  });

  it('writes a versioned blob naming its key, so keys can rotate later', () => {
    const sealed = JSON.parse(vault.seal(card, 'bk_1'));
    expect(sealed).toMatchObject({ v: 1, kid: expect.stringMatching(/^[0-9a-f]{16}$/) });
  });

  it('keeps nothing but the card fields, even when handed more', () => {
    const withExtra = { ...card, cvc: '123' } as VaultCard;
    expect(vault.open(vault.seal(withExtra, 'bk_1'), 'bk_1')).toEqual(card);
  });

  it.each(['dk', 'dkIv', 'dkTag', 'iv', 'tag', 'ct'])('refuses a blob whose %s was altered', (field) => {
    const blob = vault.seal(card, 'bk_1');
    expect(() => vault.open(tamper(blob, field), 'bk_1')).toThrow(CardVaultError);
  });

  it('refuses a blob whose tag was shortened', () => {
    const sealed = JSON.parse(vault.seal(card, 'bk_1'));
    const short = Buffer.from(sealed.tag, 'base64url').subarray(0, 4).toString('base64url');
    expect(() => vault.open(JSON.stringify({ ...sealed, tag: short }), 'bk_1')).toThrow(CardVaultError);
  });

  it('cannot be opened with another key', () => {
    const blob = vault.seal(card, 'bk_1');
    expect(() => createCardVault(randomBytes(32)).open(blob, 'bk_1')).toThrow(/another vault key/);
  });

  it('cannot be opened for another booking, so a copied blob is useless', () => {
    const blob = vault.seal(card, 'bk_1');
    expect(() => vault.open(blob, 'bk_2')).toThrow(CardVaultError);
  });

  it('refuses text that is not a sealed card, and versions it does not know', () => {
    expect(() => vault.open('4242424242424242', 'bk_1')).toThrow(CardVaultError);
    expect(() => vault.open('{"v":1}', 'bk_1')).toThrow(CardVaultError);
    const sealed = JSON.parse(vault.seal(card, 'bk_1'));
    expect(() => vault.open(JSON.stringify({ ...sealed, v: 2 }), 'bk_1')).toThrow(/version 2/);
  });

  it('never shows the card number in the blob, in clear, base64 or hex', () => {
    const blob = vault.seal(card, 'bk_1');
    const forms = [card.number, Buffer.from(card.number).toString('base64'), Buffer.from(card.number).toString('base64url'), Buffer.from(card.number).toString('hex'), card.holderName];
    for (const form of forms) expect(blob).not.toContain(form);
  });

  it('seals the same card differently every time', () => {
    const first = JSON.parse(vault.seal(card, 'bk_1'));
    const second = JSON.parse(vault.seal(card, 'bk_1'));
    for (const field of ['dk', 'dkIv', 'iv', 'ct']) expect(first[field]).not.toBe(second[field]);
  });

  it('refuses a key-encrypting key that is not 32 bytes', () => {
    expect(() => createCardVault(randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseVaultKey', () => {
  const key = randomBytes(32);

  it('reads a key written as hex or base64, with surrounding whitespace', () => {
    expect(parseVaultKey(key.toString('hex'))).toEqual(key);
    expect(parseVaultKey(` ${key.toString('base64')}\n`)).toEqual(key);
    expect(parseVaultKey(key.toString('base64url'))).toEqual(key);
  });

  it('explains the expected form and the length it found, without echoing the key', () => {
    const short = randomBytes(16).toString('base64');
    expect(() => parseVaultKey(short)).toThrow(/CARD_VAULT_KEY must be a 32-byte key.*decodes to 16 bytes/);
    expect(() => parseVaultKey('not a key!')).toThrow(/neither hex nor base64/);
    try {
      parseVaultKey(short);
    } catch (error) {
      expect((error as Error).message).not.toContain(short);
    }
  });
});

describe('loadOrCreateVaultKey', () => {
  const dirs: string[] = [];
  const tempDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'directbook-vault-'));
    dirs.push(dir);
    return dir;
  };
  const recorder = () => {
    const warnings: string[] = [];
    const logger: VaultLogger = { warn: (_details, message) => warnings.push(message) };
    return { logger, warnings };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('uses CARD_VAULT_KEY when it is set, and writes no key file', () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const { logger, warnings } = recorder();
    expect(loadOrCreateVaultKey({ configuredKey: key.toString('hex'), dataDir, logger })).toEqual(key);
    expect(() => statSync(join(dataDir, 'keys'))).toThrow();
    expect(warnings).toEqual([]);
  });

  it('fails at boot with a clear message when CARD_VAULT_KEY is malformed', () => {
    const { logger } = recorder();
    expect(() => loadOrCreateVaultKey({ configuredKey: 'abc', dataDir: tempDataDir(), logger })).toThrow(/CARD_VAULT_KEY must be/);
  });

  it('generates a key into its own folder, readable by the owner only, and warns to back it up', () => {
    const dataDir = tempDataDir();
    const { logger, warnings } = recorder();
    const key = loadOrCreateVaultKey({ configuredKey: undefined, dataDir, logger });
    const path = join(dataDir, 'keys', 'card-vault.key');
    expect(key).toHaveLength(32);
    expect(parseVaultKey(readFileSync(path, 'utf8'))).toEqual(key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([expect.stringMatching(/Back it up.*apart from the database/)]);
  });

  it('keeps the same key across restarts, so stored cards stay readable', () => {
    const dataDir = tempDataDir();
    const { logger } = recorder();
    const first = loadOrCreateVaultKey({ configuredKey: '', dataDir, logger });
    const second = loadOrCreateVaultKey({ configuredKey: undefined, dataDir, logger });
    expect(second).toEqual(first);
  });

  it('warns when the key file can be read by other users', () => {
    const dataDir = tempDataDir();
    const { logger, warnings } = recorder();
    loadOrCreateVaultKey({ configuredKey: undefined, dataDir, logger });
    chmodSync(join(dataDir, 'keys', 'card-vault.key'), 0o644);
    loadOrCreateVaultKey({ configuredKey: undefined, dataDir, logger });
    expect(warnings.at(-1)).toMatch(/mode 0600/);
  });

  it('names the key file when its content is not a key', () => {
    const dataDir = tempDataDir();
    const { logger } = recorder();
    loadOrCreateVaultKey({ configuredKey: undefined, dataDir, logger });
    const path = join(dataDir, 'keys', 'card-vault.key');
    writeFileSync(path, 'short');
    expect(() => loadOrCreateVaultKey({ configuredKey: undefined, dataDir, logger })).toThrow(path);
  });

  it('takes a pino logger', () => {
    const lines: string[] = [];
    const logger: VaultLogger = pino({}, { write: (line: string) => lines.push(line) });
    loadOrCreateVaultKey({ configuredKey: undefined, dataDir: tempDataDir(), logger });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 40, path: expect.stringContaining('card-vault.key') });
  });
});
