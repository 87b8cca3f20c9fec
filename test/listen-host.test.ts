// Issue 9: HOST names the address the server listens on, so a server behind a proxy on the same
// machine can be kept off every other interface.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../server/config.ts';
import { type ServerProcess, startServer } from './server-process.ts';

const reachable = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

describe('the listen address', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'directbook-host-'));
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('HOST must be a host name or an address', () => {
    expect(loadConfig({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({}).HOST).toBeUndefined();
    expect(() => loadConfig({ HOST: 'http://example.com/' })).toThrow(/HOST must be a host name or an IP address/);
  });

  // Linux answers the whole of 127.0.0.0/8 on the loopback interface: two addresses, one machine.
  test.runIf(process.platform === 'linux')(
    'a server told HOST=127.0.0.2 answers there and nowhere else',
    async () => {
      server = await startServer({ DATA_DIR: dataDir, ADMIN_TOKEN: randomBytes(24).toString('base64url'), HOST: '127.0.0.2' });
      const port = Number(new URL(server.url).port);
      expect(await reachable('127.0.0.2', port)).toBe(true);
      expect(await reachable('127.0.0.1', port)).toBe(false);
      expect((await fetch(`http://127.0.0.2:${port}/health/live`)).status).toBe(200);
    },
    60_000,
  );
});
