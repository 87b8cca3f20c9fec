import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkOutgoingUrl, guardedFetch, OutgoingError, type OutgoingErrorCode, type ResolvedAddress } from './guarded-fetch.ts';

const MiB = 1024 * 1024;

interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// This machine may only ever talk to loopback. Every socket the code under test opens is recorded, and
// any address outside loopback (a literal, or one a lookup hands to Node) is stopped before it leaves,
// so a regression fails here rather than on the wire.
const connects: string[] = [];
const isLoopback = (address: string) => /^127\./.test(address) || address === '::1';
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

function loopbackOnly(lookup: net.LookupFunction): net.LookupFunction {
  return (hostname, options, callback: LookupCallback) => {
    lookup(hostname, options, (err, address, family) => {
      const all = Array.isArray(address) ? address.map((a) => a.address) : [address];
      const outside = all.filter((a) => !isLoopback(a));
      if (!err && outside.length > 0) {
        connects.push(...outside);
        callback(Object.assign(new Error(`Test guard: refused a connection to ${outside.join(', ')}`), { code: 'EGUARD' }), '');
        return;
      }
      callback(err, address, family);
    });
  };
}

beforeEach(() => {
  connects.length = 0;
  const original = net.Socket.prototype.connect;
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(function (this: net.Socket, ...args: unknown[]) {
    const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
    const options = (typeof first === 'object' && first !== null ? first : {}) as net.TcpNetConnectOpts;
    const host = options.host ?? 'localhost';
    connects.push(host);
    if (net.isIP(host) ? !isLoopback(host) : options.lookup === undefined) {
      throw new Error(`Test guard: refused a connection to ${host}`);
    }
    if (options.lookup) options.lookup = loopbackOnly(options.lookup);
    return (original as (...a: unknown[]) => net.Socket).apply(this, args);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A DNS that knows only the names a test gives it; anything else is an error, never the real resolver. */
function dnsFor(answers: Record<string, string[]>) {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const addresses = answers[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, calls };
}

async function failure(promise: Promise<unknown>): Promise<OutgoingError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OutgoingError) return error;
    throw error;
  }
  throw new Error('Expected an OutgoingError, got an answer');
}

function expectRefusal(error: OutgoingError, code: OutgoingErrorCode) {
  expect(error.code).toBe(code);
  // Shown to owners in the delivery log: one short line, no stack, no internal address.
  expect(error.message).not.toMatch(/\n|\bat\b|node:|10\.\d|127\.0/);
}

const seen: Seen[] = [];
let server: Server;
let base: string;
let port: number;

const bomb = zlib.gzipSync(Buffer.alloc(20 * MiB, 'a'));
const feed = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Réservé\r\nEND:VCALENDAR\r\n';

function route(path: string, res: ServerResponse, seenBody: string) {
  const redirect = /^\/chain\/(\d+)$/.exec(path);
  if (redirect) {
    const left = Number(redirect[1]);
    res.writeHead(302, { location: left > 1 ? `/chain/${left - 1}` : '/ok' }).end();
    return;
  }
  switch (path) {
    case '/ok':
      res.writeHead(200, { 'content-type': 'text/plain', 'x-feed': ['a', 'b'] }).end('Hello, owner');
      return;
    case '/feed.ics':
      res.writeHead(200, { 'content-type': 'text/calendar' }).end(feed);
      return;
    case '/server-error':
      res.writeHead(500, { 'content-type': 'text/plain' }).end('Something broke');
      return;
    case '/echo':
      res.writeHead(200, { 'content-type': 'text/plain' }).end(seenBody);
      return;
    case '/to-metadata':
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      return;
    case '/to-intranet':
      res.writeHead(302, { location: 'https://intranet.example/admin' }).end();
      return;
    case '/see-other':
      res.writeHead(303, { location: '/echo' }).end();
      return;
    case '/temporary':
      res.writeHead(307, { location: '/echo' }).end();
      return;
    case '/exactly-cap':
      streamBytes(res, 2 * MiB);
      return;
    case '/over-cap':
      streamBytes(res, 2 * MiB + 1);
      return;
    case '/announces-too-much':
      res.writeHead(200, { 'content-length': String(3 * MiB) });
      res.write('x');
      return; // never finishes: the client must give up on the header alone
    case '/bomb':
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
      return;
    case '/gzip':
      res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync(feed));
      return;
    case '/br':
      res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync(feed));
      return;
    case '/deflate':
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateSync(feed));
      return;
    case '/raw-deflate':
      res.writeHead(200, { 'content-encoding': 'deflate' }).end(zlib.deflateRawSync(feed));
      return;
    case '/silent':
      return; // accepts the request and never answers
    case '/trickle': {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      const tick = setInterval(() => res.write('.'), 50);
      res.on('close', () => clearInterval(tick));
      return;
    }
    default:
      res.writeHead(404).end('Not found');
  }
}

function streamBytes(res: ServerResponse, total: number) {
  // Chunked, no Content-Length: the client can only know the size by counting.
  res.writeHead(200, { 'content-type': 'text/plain' });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const size = Math.min(chunk.length, total - sent);
      sent += size;
      if (!res.write(chunk.subarray(0, size))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  res.on('error', () => {});
  pump();
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      seen.push({ method: req.method ?? '', path, headers: req.headers, body });
      route(path, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  seen.length = 0;
});

const dev = { allowPrivate: true } as const;

describe('the URL rule (SPEC 2.18)', () => {
  it('accepts an https URL whose host resolves only to public addresses', async () => {
    const dns = dnsFor({ 'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] });
    const url = await checkOutgoingUrl('https://hooks.example.com/directbook', { allowPrivate: false, lookup: dns.lookup });
    expect(url.href).toBe('https://hooks.example.com/directbook');
  });

  it.each(['ftp://files.example.com/feed.ics', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://example.com/'])('refuses %s because only https URLs are allowed', async (url) => {
    const error = await failure(guardedFetch(url, dev));
    expectRefusal(error, 'invalid_url');
    expect(error.message).toBe('Only https URLs are allowed');
    expect(connects).toEqual([]);
  });

  it('refuses a URL carrying a user name and password, which would end up in logs', async () => {
    const dns = dnsFor({ 'hooks.example.com': ['93.184.215.14'] });
    const error = await failure(checkOutgoingUrl('https://user:pass@hooks.example.com/', { allowPrivate: false, lookup: dns.lookup }));
    expectRefusal(error, 'invalid_url');
    expect(error.message).toMatch(/user name and password/);
    expect(dns.calls).toEqual([]);
  });

  it('refuses text that is not a URL', async () => {
    expectRefusal(await failure(checkOutgoingUrl('not a url', dev)), 'invalid_url');
  });

  it('refuses a host name that does not exist and says to check the spelling', async () => {
    const error = await failure(checkOutgoingUrl('https://hoks.example.com/', { allowPrivate: false, lookup: dnsFor({}).lookup }));
    expectRefusal(error, 'invalid_url');
    expect(error.message).toMatch(/does not exist/);
  });

  it.each([
    'https://10.0.0.1/',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://[fd00::1]/',
    'https://169.254.169.254/latest/meta-data',
    'https://[fe80::1]/',
    'https://100.64.0.1/',
    'https://0.0.0.0/',
    'https://224.0.0.1/',
    'https://255.255.255.255/',
    'https://192.0.2.10/',
    'https://[::ffff:10.0.0.1]/',
    'https://[::ffff:169.254.169.254]/',
    'https://[::a00:1]/',
    'https://[64:ff9b::a00:1]/',
    'https://[2002:a00:1::]/',
    'https://0x0a.0.0.1/',
    'https://167772161/',
  ])('refuses %s as a private address, even in development, without connecting', async (url) => {
    for (const allowPrivate of [false, true]) {
      const error = await failure(guardedFetch(url, { allowPrivate }));
      expectRefusal(error, 'forbidden_address');
      expect(error.message).toBe('This address is in a private range; use a public https URL');
    }
    expect(connects).toEqual([]);
  });

  it.each(['http://10.0.0.1/', 'http://[fd00::1]/', 'http://169.254.169.254/latest/meta-data'])(
    'refuses plain %s in production for its scheme and in development for its range, without connecting',
    async (url) => {
      expectRefusal(await failure(guardedFetch(url, { allowPrivate: false })), 'invalid_url');
      expectRefusal(await failure(guardedFetch(url, { allowPrivate: true })), 'forbidden_address');
      expect(connects).toEqual([]);
    },
  );

  it('refuses a host name whose DNS answer is a private address, without connecting', async () => {
    const dns = dnsFor({ 'calendar.example.com': ['10.1.2.3'] });
    const error = await failure(guardedFetch('https://calendar.example.com/feed.ics', { ...dev, lookup: dns.lookup }));
    expectRefusal(error, 'forbidden_address');
    expect(connects).toEqual([]);
  });

  it.each([[['93.184.215.14', '10.1.2.3']], [['10.1.2.3', '93.184.215.14']], [['2606:2800:21f:cb07:6820:80da:af6b:8b2c', 'fd12:3456::1']]])(
    'refuses a host name whose DNS answers mix public and private addresses (%j), without connecting',
    async (answers) => {
      const dns = dnsFor({ 'calendar.example.com': answers });
      const error = await failure(guardedFetch('https://calendar.example.com/feed.ics', { ...dev, lookup: dns.lookup }));
      expectRefusal(error, 'forbidden_address');
      expect(connects).toEqual([]);
    },
  );

  it('refuses this machine (loopback) unless private URLs are allowed', async () => {
    const dns = dnsFor({ localhost: ['127.0.0.1', '::1'] });
    for (const url of ['https://127.0.0.1/', 'https://[::1]/', 'https://127.8.9.10/', 'https://[::ffff:127.0.0.1]/', 'https://localhost/']) {
      expectRefusal(await failure(checkOutgoingUrl(url, { allowPrivate: false, lookup: dns.lookup })), 'forbidden_address');
      await expect(checkOutgoingUrl(url, { allowPrivate: true, lookup: dns.lookup })).resolves.toBeInstanceOf(URL);
    }
  });

  it('refuses plain http to a public host even in development', async () => {
    const dns = dnsFor({ 'hooks.example.com': ['93.184.215.14'], 'half.example.com': ['127.0.0.1', '93.184.215.14'] });
    for (const url of ['http://hooks.example.com/', 'http://half.example.com/', 'http://93.184.215.14/']) {
      const error = await failure(checkOutgoingUrl(url, { allowPrivate: true, lookup: dns.lookup }));
      expectRefusal(error, 'invalid_url');
      expect(error.message).toBe('Only https URLs are allowed');
    }
  });
});

describe('guardedFetch', () => {
  it('returns the status, headers and body of a plain answer', async () => {
    const res = await guardedFetch(`${base}/ok`, dev);
    expect(res).toMatchObject({ status: 200, body: 'Hello, owner', url: `${base}/ok` });
    expect(res.headers['content-type']).toBe('text/plain');
    expect(res.headers['x-feed']).toBe('a, b');
    expect(seen[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('refuses plain http to this machine unless private URLs are allowed', async () => {
    const error = await failure(guardedFetch(`${base}/ok`, { allowPrivate: false }));
    expectRefusal(error, 'invalid_url');
    expect(connects).toEqual([]);
    expect(seen).toEqual([]);
    await expect(guardedFetch(`${base}/ok`, { allowPrivate: true })).resolves.toMatchObject({ status: 200 });
  });

  it('returns an error status to the caller instead of throwing', async () => {
    await expect(guardedFetch(`${base}/server-error`, dev)).resolves.toMatchObject({ status: 500, body: 'Something broke' });
  });

  it('follows three redirects and reports the final URL', async () => {
    const res = await guardedFetch(`${base}/chain/3`, dev);
    expect(res).toMatchObject({ status: 200, body: 'Hello, owner', url: `${base}/ok` });
    expect(seen.map((s) => s.path)).toEqual(['/chain/3', '/chain/2', '/chain/1', '/ok']);
  });

  it('gives up after the fourth redirect without following it', async () => {
    const error = await failure(guardedFetch(`${base}/chain/4`, dev));
    expectRefusal(error, 'too_many_redirects');
    expect(error.message).toBe('More than 3 redirects');
    expect(seen.map((s) => s.path)).toEqual(['/chain/4', '/chain/3', '/chain/2', '/chain/1']);
  });

  it('refuses a redirect to a host name that resolves to a private address, before connecting to it', async () => {
    const dns = dnsFor({ 'intranet.example': ['10.0.0.5'] });
    const error = await failure(guardedFetch(`${base}/to-intranet`, { ...dev, lookup: dns.lookup }));
    expectRefusal(error, 'forbidden_address');
    expect(dns.calls).toEqual(['intranet.example']);
    expect(connects).toEqual(['127.0.0.1']);
  });

  it('refuses a redirect to the cloud metadata address, before connecting to it', async () => {
    const error = await failure(guardedFetch(`${base}/to-metadata`, dev));
    expectRefusal(error, 'forbidden_address');
    expect(connects).toEqual(['127.0.0.1']);
  });

  it('connects to the address it checked, even if DNS would answer differently a moment later', async () => {
    // DNS rebinding: a second lookup would get another address; there must be no second lookup.
    let asked = 0;
    const lookup = async (): Promise<ResolvedAddress[]> => [{ address: asked++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    const res = await guardedFetch(`http://calendar.example:${port}/feed.ics`, { ...dev, lookup });
    expect(res).toMatchObject({ status: 200, body: feed });
    expect(asked).toBe(1);
    // The owner's host name still reaches the server, so virtual hosts (and TLS SNI) work.
    expect(seen[0]?.headers.host).toBe(`calendar.example:${port}`);
  });

  it('sends a POST with its body and headers intact', async () => {
    const payload = JSON.stringify({ type: 'booking.confirmed', data: { booking: { guest: 'Zoë Ångström' } } });
    const res = await guardedFetch(`${base}/echo`, {
      ...dev,
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'webhook-id': 'msg_1', 'webhook-signature': 'v1,abc=' },
      body: payload,
    });
    expect(res.body).toBe(payload);
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/echo', body: payload });
    expect(seen[0]?.headers).toMatchObject({
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(payload)),
      'webhook-id': 'msg_1',
      'webhook-signature': 'v1,abc=',
    });
  });

  it('turns a POST into a GET after a 303, and keeps it a POST after a 307', async () => {
    const post = { ...dev, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' } as const;
    await guardedFetch(`${base}/see-other`, post);
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/see-other', '{"a":1}'],
      ['GET', '/echo', ''],
    ]);
    expect(seen[1]?.headers['content-type']).toBeUndefined();
    seen.length = 0;
    await guardedFetch(`${base}/temporary`, post);
    expect(seen.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', '/temporary', '{"a":1}'],
      ['POST', '/echo', '{"a":1}'],
    ]);
  });

  it('accepts an answer of exactly 2 MB', async () => {
    const res = await guardedFetch(`${base}/exactly-cap`, dev);
    expect(res.body.length).toBe(2 * MiB);
  });

  it('refuses an answer of 2 MB and one byte sent without a Content-Length', async () => {
    const error = await failure(guardedFetch(`${base}/over-cap`, dev));
    expectRefusal(error, 'too_large');
    expect(error.message).toBe('The answer is larger than 2 MB');
  });

  it('refuses an answer that announces more than 2 MB without waiting for it', async () => {
    const started = Date.now();
    expectRefusal(await failure(guardedFetch(`${base}/announces-too-much`, { ...dev, timeoutMs: 5_000 })), 'too_large');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a gzip bomb: a few KB on the wire that would decompress past the cap', async () => {
    expect(bomb.length).toBeLessThan(100 * 1024);
    expectRefusal(await failure(guardedFetch(`${base}/bomb`, dev)), 'too_large');
  });

  it.each(['/gzip', '/br', '/deflate', '/raw-deflate'])('decodes a compressed calendar (%s)', async (path) => {
    await expect(guardedFetch(`${base}${path}`, dev)).resolves.toMatchObject({ status: 200, body: feed });
  });

  it('gives up on a server that never answers once the timeout has passed', async () => {
    const started = Date.now();
    const error = await failure(guardedFetch(`${base}/silent`, { ...dev, timeoutMs: 300 }));
    expectRefusal(error, 'timeout');
    expect(error.message).toBe('The server did not answer within 0.3 s');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('gives up on a body that trickles in forever: the timeout covers the whole answer', async () => {
    expectRefusal(await failure(guardedFetch(`${base}/trickle`, { ...dev, timeoutMs: 300 })), 'timeout');
  });

  it('gives up on a DNS server that never answers, within the same timeout', async () => {
    const lookup = () => new Promise<ResolvedAddress[]>(() => {});
    expectRefusal(await failure(guardedFetch('https://slow-dns.example/', { ...dev, lookup, timeoutMs: 300 })), 'timeout');
    expect(connects).toEqual([]);
  });

  it('explains a refused connection in one line', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(guardedFetch(`http://127.0.0.1:${closedPort}/`, dev));
    expectRefusal(error, 'network');
    expect(error.message).toBe('The server refused the connection; check the host and port');
  });
});
