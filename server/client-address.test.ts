import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, test } from 'vitest';
import { clientAddress, clientKeyOf, identifyClient, parseTrustProxy, resolveClientAddress, type TrustProxy } from './client-address.ts';
import { loadConfig } from './config.ts';

/** What the app takes for the client of a request that carries `forwarded` (no socket, as in app.request()). */
async function clientOf(trust: TrustProxy | undefined, forwarded?: string) {
  const app = new Hono().get('/', (c) => c.text(resolveClientAddress(c, trust)));
  return (await app.request('/', { headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } })).text();
}

describe('TRUST_PROXY', () => {
  test('takes a hop count, or proxy addresses and CIDR ranges of either family', () => {
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    const ranges = parseTrustProxy('10.0.0.0/8, 127.0.0.1,::1, fd00::/8');
    expect(ranges && 'ranges' in ranges ? ranges.ranges.map(([address, bits]) => `${address.toString()}/${bits}`) : []).toEqual(['10.0.0.0/8', '127.0.0.1/32', '::1/128', 'fd00::/8']);
  });

  test.each(['yes', '10.0.0.0/33', '10.0.0', 'localhost', '1,banana', '-1', '::1/129'])('refuses %s at start, naming the setting', (value) => {
    expect(parseTrustProxy(value)).toBeUndefined();
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be a hop count/);
  });

  test('is unset by default, and the hold limits default to 5 per client and 3 per e-mail', () => {
    const config = loadConfig({});
    expect(config.TRUST_PROXY).toBeUndefined();
    expect(config).toMatchObject({ HOLDS_PER_CLIENT: 5, HOLDS_PER_EMAIL: 3 });
    expect(loadConfig({ HOLDS_PER_CLIENT: '0', HOLDS_PER_EMAIL: '0' })).toMatchObject({ HOLDS_PER_CLIENT: 0, HOLDS_PER_EMAIL: 0 });
  });
});

describe('the client address', () => {
  test('without TRUST_PROXY, X-Forwarded-For is never read', async () => {
    expect(await clientOf(undefined, '203.0.113.7')).toBe('local');
  });

  test('with a hop count, the entry that many proxies from the server is the client; what the client prepended is not', async () => {
    expect(await clientOf({ hops: 1 }, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
    expect(await clientOf({ hops: 2 }, '198.51.100.1, 203.0.113.7')).toBe('198.51.100.1');
    expect(await clientOf({ hops: 5 }, '198.51.100.1, 203.0.113.7')).toBe('198.51.100.1');
  });

  test('with ranges, the nearest address outside them is the client', async () => {
    const trust = parseTrustProxy('10.0.0.0/8')!;
    expect(await clientOf(trust, '198.51.100.1, 203.0.113.7, 10.1.2.3')).toBe('203.0.113.7');
    expect(await clientOf(trust, '10.0.0.9, 10.1.2.3')).toBe('10.0.0.9');
  });

  test('a malformed entry is no address: the nearest trusted proxy stands in for it', async () => {
    expect(await clientOf({ hops: 1 }, 'not-an-address')).toBe('local');
    expect(await clientOf(parseTrustProxy('10.0.0.0/8'), '203.0.113.7, <script>, 10.1.2.3')).toBe('10.1.2.3');
  });

  test('on a real socket: the peer address, and X-Forwarded-For only from a trusted proxy', async () => {
    const answer = async (trust: TrustProxy | undefined) => {
      const app = new Hono().use(identifyClient(trust)).get('/', (c) => c.text(clientAddress(c)));
      const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        return await (await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': '203.0.113.7' } })).text();
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    };
    expect(await answer(undefined)).toBe('127.0.0.1');
    expect(await answer(parseTrustProxy('192.0.2.1'))).toBe('127.0.0.1');
    expect(await answer(parseTrustProxy('127.0.0.1'))).toBe('203.0.113.7');
  });
});

describe('the rate-limit key of an address', () => {
  test('IPv4 as it is, IPv4-mapped IPv6 as IPv4', () => {
    expect(clientKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  test('IPv6 by its /64, however it is written', () => {
    expect(clientKeyOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:db8:1:3::1')).not.toBe(clientKeyOf('2001:db8:1:2::1'));
  });
});
