import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadVaultKeyring, parseVaultKey, parseVaultKeyring, type VaultLogger } from './vault-keys.ts';

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

describe('parseVaultKeyring', () => {
  const [current, older] = [randomBytes(32), randomBytes(32)];

  it('reads comma-separated keys, the current one first, in either form', () => {
    expect(parseVaultKeyring(`${current.toString('base64')}, ${older.toString('hex')}`)).toEqual([current, older]);
    expect(parseVaultKeyring(current.toString('base64'))).toEqual([current]);
  });

  it('names which key of the ring is malformed, without echoing any', () => {
    const bad = `${current.toString('base64')},${randomBytes(16).toString('base64')}`;
    expect(() => parseVaultKeyring(bad)).toThrow(/CARD_VAULT_KEY \(key 2 of 2\) must be a 32-byte key.*decodes to 16 bytes/);
    expect(() => parseVaultKeyring(`${current.toString('base64')},`)).toThrow(/key 2 of 2/);
    try {
      parseVaultKeyring(bad);
    } catch (error) {
      expect((error as Error).message).not.toContain(current.toString('base64'));
    }
  });
});

describe('loadVaultKeyring', () => {
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
    expect(loadVaultKeyring({ configuredKey: key.toString('hex'), dataDir, logger })).toEqual([key]);
    expect(() => statSync(join(dataDir, 'keys'))).toThrow();
    expect(warnings).toEqual([]);
  });

  it('fails at boot with a clear message when CARD_VAULT_KEY is malformed', () => {
    const { logger } = recorder();
    expect(() => loadVaultKeyring({ configuredKey: 'abc', dataDir: tempDataDir(), logger })).toThrow(/CARD_VAULT_KEY must be/);
  });

  it('generates a key into its own folder, readable by the owner only, and warns to back it up', () => {
    const dataDir = tempDataDir();
    const { logger, warnings } = recorder();
    const [key, ...more] = loadVaultKeyring({ configuredKey: undefined, dataDir, logger });
    const path = join(dataDir, 'keys', 'card-vault.key');
    expect(key).toHaveLength(32);
    expect(more).toEqual([]);
    expect(parseVaultKey(readFileSync(path, 'utf8'))).toEqual(key);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(warnings).toEqual([expect.stringMatching(/Back it up.*apart from the database/)]);
  });

  it('keeps the same key across restarts, so stored cards stay readable', () => {
    const dataDir = tempDataDir();
    const { logger } = recorder();
    const first = loadVaultKeyring({ configuredKey: '', dataDir, logger });
    const second = loadVaultKeyring({ configuredKey: undefined, dataDir, logger });
    expect(second).toEqual(first);
  });

  it('warns when the key file can be read by other users', () => {
    const dataDir = tempDataDir();
    const { logger, warnings } = recorder();
    loadVaultKeyring({ configuredKey: undefined, dataDir, logger });
    chmodSync(join(dataDir, 'keys', 'card-vault.key'), 0o644);
    loadVaultKeyring({ configuredKey: undefined, dataDir, logger });
    expect(warnings.at(-1)).toMatch(/mode 0600/);
  });

  it('names the key file when its content is not a key', () => {
    const dataDir = tempDataDir();
    const { logger } = recorder();
    loadVaultKeyring({ configuredKey: undefined, dataDir, logger });
    const path = join(dataDir, 'keys', 'card-vault.key');
    writeFileSync(path, 'short');
    expect(() => loadVaultKeyring({ configuredKey: undefined, dataDir, logger })).toThrow(path);
  });

  it('takes a pino logger', () => {
    const lines: string[] = [];
    const logger: VaultLogger = pino({}, { write: (line: string) => lines.push(line) });
    loadVaultKeyring({ configuredKey: undefined, dataDir: tempDataDir(), logger });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 40, path: expect.stringContaining('card-vault.key') });
  });
});
