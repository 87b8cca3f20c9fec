// SPEC 5, issue 9: the real server process refuses to start in production without PUBLIC_URL, or
// without CARD_VAULT_KEY once a property takes cards manually, and says why.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createTestApp } from './support/test-app.ts';

async function start(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', PUBLIC_URL: '', CARD_VAULT_KEY: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, output };
}

describe('a production server checks its configuration before serving anyone', () => {
  let dataDir: string;
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  test('without PUBLIC_URL it exits with status 1 and names the setting', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'directbook-prod-'));
    const { code, output } = await start({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(output).toMatch(/PUBLIC_URL must be set in production/);
    expect(output).not.toMatch(/running at/);
  }, 40_000);

  test('without CARD_VAULT_KEY while a property takes cards manually it exits with status 1, before generating a key file', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'directbook-prod-'));
    const t = await createTestApp({ sqlitePath: join(dataDir, 'directbook.sqlite') });
    await t.createProperty({ paymentMode: 'manual' });
    await t.close();
    const { code, output } = await start({ NODE_ENV: 'production', DATA_DIR: dataDir, PUBLIC_URL: 'https://book.hotel.example' });
    expect(code).toBe(1);
    expect(output).toMatch(/CARD_VAULT_KEY must be set in production/);
    expect(existsSync(join(dataDir, 'keys'))).toBe(false);
  }, 40_000);

  test('with what it needs it serves, and seeds no demo property (whose manual mode would stop the next start)', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'directbook-prod-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', DATA_DIR: dataDir, PUBLIC_URL: 'https://book.hotel.example', CARD_VAULT_KEY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d) => (output += d));
    const announced = new Promise<void>((resolve) =>
      child.stdout.on('data', (d) => {
        output += d;
        if (output.includes('API reference')) resolve();
      }),
    );
    await announced;
    child.kill('SIGTERM');
    await once(child, 'exit');
    expect(output).toMatch(/running at https:\/\/book\.hotel\.example/);
    expect(output).not.toMatch(/demo property/);
  }, 40_000);
});
