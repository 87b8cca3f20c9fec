// Issue 9: who the client is. Behind a proxy the socket address is the proxy's, and any client can
// send X-Forwarded-For, so the header is read only as far as TRUST_PROXY vouches for it.
import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import ipaddr from 'ipaddr.js';

declare module 'hono' {
  interface ContextVariableMap {
    clientAddress: string;
  }
}

/** TRUST_PROXY: how many proxies stand in front of the server, or the address ranges they use. */
export type TrustProxy = { hops: number } | { ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] };

export const TRUST_PROXY_MESSAGE = 'must be a hop count such as 1, or comma-separated proxy addresses or CIDR ranges such as 10.0.0.0/8,::1';

/** Parses TRUST_PROXY; undefined when the value is neither a hop count nor a list of addresses and ranges. */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  if (/^\d{1,2}$/.test(value.trim())) return { hops: Number(value) };
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const entry of value.split(',').map((s) => s.trim())) {
    const [address = '', bits] = entry.split('/');
    if (!isIP(address) || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return undefined;
    try {
      const single = ipaddr.process(address);
      ranges.push(bits === undefined ? [single, single.kind() === 'ipv4' ? 32 : 128] : ipaddr.parseCIDR(entry));
    } catch {
      return undefined;
    }
  }
  return ranges.length > 0 ? { ranges } : undefined;
}

const NO_SOCKET = 'local';

function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    // app.request() in tests has no socket.
    return undefined;
  }
}

function trusted(address: string, ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][]): boolean {
  const parsed = ipaddr.process(address);
  return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
}

/**
 * The client's address. Without TRUST_PROXY it is the socket's. With it, the proxies' chain is
 * X-Forwarded-For followed by the socket address, nearest last: `hops` trusts that many entries
 * from the right, `ranges` every entry from the right that falls in one of them. The first entry
 * not trusted is the client; a malformed entry is no address, so the nearest trusted one stands in.
 */
export function resolveClientAddress(c: Context, trust: TrustProxy | undefined): string {
  const socket = socketAddress(c);
  if (!trust) return socket ?? NO_SOCKET;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  // A request without a socket (app.request() in tests) stands for one that came through a trusted proxy.
  const chain = [...forwarded, socket ?? NO_SOCKET];
  const standIn = (fromRight: number) => fromRight === 0 && socket === undefined;
  const isTrusted = (address: string, fromRight: number) => standIn(fromRight) || ('hops' in trust ? fromRight < trust.hops : trusted(address, trust.ranges));
  let client = chain.at(-1)!;
  for (let fromRight = 0; fromRight < chain.length; fromRight++) {
    const address = chain[chain.length - 1 - fromRight]!;
    if (!standIn(fromRight) && !isIP(address)) break;
    client = address;
    if (!isTrusted(address, fromRight)) break;
  }
  return client;
}

// Issue 13: parsing the address cost a sixth of a cached public read, and one client asks many times.
const clientKeys = new Map<string, string>();
const MAX_CLIENT_KEYS = 10_000;

/**
 * The rate-limit key of an address: IPv4 as it is, IPv6 by its /64, which one household or one
 * server is normally given whole, so rotating through it gains nothing.
 */
export function clientKeyOf(address: string): string {
  let key = clientKeys.get(address);
  if (key === undefined) {
    if (clientKeys.size >= MAX_CLIENT_KEYS) clientKeys.clear();
    clientKeys.set(address, (key = keyOf(address)));
  }
  return key;
}

function keyOf(address: string): string {
  if (!isIP(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16));
  return `${prefix.join(':')}::/64`;
}

/** Resolves the client's address once per request, for every limit and audit that needs it. */
export function identifyClient(trust: TrustProxy | undefined): MiddlewareHandler {
  return async function identifyClient(c, next) {
    c.set('clientAddress', resolveClientAddress(c, trust));
    await next();
  };
}

export function clientAddress(c: Context): string {
  return c.get('clientAddress') ?? socketAddress(c) ?? NO_SOCKET;
}

export function clientKey(c: Context): string {
  return clientKeyOf(clientAddress(c));
}
