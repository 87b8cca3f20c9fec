import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig } from './config.ts';
import { ensurePrivateDir, loadOrCreateSecret } from './secrets.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('secrets kept in the data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'directbook-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a generated secret is written readable by the owner only, and reported as new just that once', () => {
    const file = join(dir, 'client-token-secret');
    const first = loadOrCreateSecret({ file, bytes: 32 });
    expect(first.created).toBe(true);
    expect(first.value).toMatch(/^[\w-]{43}$/);
    expect(modeOf(file)).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe(`${first.value}\n`);
    expect(loadOrCreateSecret({ file, bytes: 32 })).toEqual({ value: first.value, created: false });
  });

  test('a configured secret wins and nothing is written', () => {
    const file = join(dir, 'admin-token');
    expect(loadOrCreateSecret({ given: 'x'.repeat(32), file, bytes: 24 })).toEqual({ value: 'x'.repeat(32), created: false });
    expect(() => statSync(file)).toThrow();
  });

  test('an empty secret file stops the start instead of signing with an empty key', () => {
    const file = join(dir, 'client-token-secret');
    writeFileSync(file, '\n');
    expect(() => loadOrCreateSecret({ file, bytes: 32 })).toThrow(/client-token-secret is empty/);
  });

  test('the data folder is made 0700, and one open to others is tightened with a warning', () => {
    const warnings: string[] = [];
    const fresh = join(dir, 'data', 'nested');
    ensurePrivateDir(fresh, (m) => warnings.push(m));
    expect(modeOf(fresh)).toBe(0o700);
    expect(warnings).toEqual([]);

    chmodSync(fresh, 0o755);
    ensurePrivateDir(fresh, (m) => warnings.push(m));
    expect(modeOf(fresh)).toBe(0o700);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('755');
  });
});

describe('secret settings', () => {
  test('ADMIN_TOKEN and CLIENT_TOKEN_SECRET must be at least 32 characters', () => {
    expect(() => loadConfig({ ADMIN_TOKEN: 'a'.repeat(31) })).toThrow(/ADMIN_TOKEN must be at least 32 characters/);
    expect(() => loadConfig({ CLIENT_TOKEN_SECRET: 'a'.repeat(31) })).toThrow(/CLIENT_TOKEN_SECRET must be at least 32 characters/);
    expect(loadConfig({ ADMIN_TOKEN: 'a'.repeat(32), CLIENT_TOKEN_SECRET: 'b'.repeat(32) })).toMatchObject({ ADMIN_TOKEN: 'a'.repeat(32), CLIENT_TOKEN_SECRET: 'b'.repeat(32) });
  });
});
