// SPEC 2.18, 2.19: the one door for requests the server makes on an owner's behalf (webhooks, iCal
// feeds). Everything an owner can point us at goes through here, so SSRF is stopped in one place.
import type { LookupAddress } from 'node:dns';
import dns from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface OutgoingOptions {
  /** SPEC 2.18: loopback URLs (http or https) are allowed only with ALLOW_PRIVATE_URLS=true. */
  allowPrivate: boolean;
  /** The whole operation: DNS, connecting, every redirect and the body. Default 10 s. */
  timeoutMs?: number;
  /** The body, counted as it arrives and again after decompression. Default 2 MiB. */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  /** Default GET. */
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** For tests: the DNS answer for a host name, instead of the system resolver. */
  lookup?: (hostname: string) => Promise<ResolvedAddress[]>;
}

export interface OutgoingResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decoded as UTF-8. */
  body: string;
  /** The final URL, after redirects. */
  url: string;
}

export type OutgoingErrorCode = 'invalid_url' | 'forbidden_address' | 'timeout' | 'too_large' | 'too_many_redirects' | 'network';

/** Its message is meant for the owner: short, says what to fix, never a stack or a resolved address. */
export class OutgoingError extends Error {
  override readonly name = 'OutgoingError';

  constructor(
    readonly code: OutgoingErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Only global unicast is routable on the public internet; anything outside it (ULA, link-local,
// IPv4-compatible ::a.b.c.d, NAT64, discard…) could land inside the host's network.
const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');

interface Vetted {
  url: URL;
  /** Empty when the host is an IP literal: Node connects to it without a lookup. */
  addresses: ResolvedAddress[];
}

/**
 * SPEC 2.18: the URL rule, for refusing a URL with a 400 when an owner registers it. Resolves the host
 * and refuses it if any of its addresses is outside public unicast (loopback allowed with `allowPrivate`).
 */
export async function checkOutgoingUrl(url: string, options: Pick<OutgoingOptions, 'allowPrivate' | 'lookup'>): Promise<URL> {
  // An owner's request waits on this, so a resolver that never answers must not hold it forever.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DEFAULT_TIMEOUT_MS);
  const timedOut = () => new OutgoingError('timeout', 'The host name could not be looked up in time; try again later');
  try {
    return (await untilAborted(vet(url, options), controller.signal, timedOut)).url;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Fetches `url` under the URL rule at every hop, with a timeout for the whole operation and a size cap.
 * Non-2xx answers are returned; only a refusal or a failure to get an answer throws an OutgoingError.
 */
export async function guardedFetch(url: string, options: OutgoingOptions): Promise<OutgoingResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const timedOut = () => new OutgoingError('timeout', `The server did not answer within ${formatSeconds(timeoutMs)}`);

  let method: 'GET' | 'POST' = options.method ?? 'GET';
  let headers: Record<string, string> = { 'user-agent': 'directbook', ...lowerCaseKeys(options.headers ?? {}) };
  let body = options.body;
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const vetted = await untilAborted(vet(current, options), controller.signal, timedOut);
      const res = await send(vetted, { method, headers, body }, controller.signal);
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location) {
        res.destroy();
        if (hop >= maxRedirects) {
          throw new OutgoingError('too_many_redirects', `More than ${maxRedirects} redirects`);
        }
        let next: URL;
        try {
          next = new URL(location, vetted.url);
        } catch {
          throw new OutgoingError('invalid_url', 'The server redirected to an invalid URL');
        }
        // RFC 9110 15.4: 303 always, and 301/302 after a POST as every browser does, become a GET.
        if (res.statusCode === 303 || (method === 'POST' && res.statusCode !== 307 && res.statusCode !== 308)) {
          method = 'GET';
          body = undefined;
          headers = without(headers, ['content-type', 'content-length']);
        }
        // Fetch standard: credentials are not handed to another origin.
        if (next.origin !== vetted.url.origin) headers = without(headers, ['authorization', 'cookie', 'proxy-authorization']);
        current = next.href;
        continue;
      }
      const bytes = await readBody(res, maxBytes);
      return {
        status: res.statusCode ?? 0,
        headers: flattenHeaders(res.headers),
        body: new TextDecoder('utf-8').decode(bytes),
        url: vetted.url.href,
      };
    }
  } catch (error) {
    if (error instanceof OutgoingError) throw error;
    if (controller.signal.aborted) throw timedOut();
    throw networkError(error);
  } finally {
    clearTimeout(timer);
  }
}

async function vet(raw: string, options: Pick<OutgoingOptions, 'allowPrivate' | 'lookup'>): Promise<Vetted> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutgoingError('invalid_url', 'This is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new OutgoingError('invalid_url', 'Only https URLs are allowed');
  }
  if (url.protocol === 'http:' && !options.allowPrivate) {
    throw new OutgoingError('invalid_url', 'Only https URLs are allowed');
  }
  if (url.username || url.password) {
    throw new OutgoingError('invalid_url', 'Remove the user name and password from the URL');
  }

  const host = bareHost(url.hostname);
  const literal = ipaddr.isValid(host);
  const addresses: ResolvedAddress[] = literal ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await resolve(host, options.lookup ?? systemLookup);

  // Every answer, not just the first: Node may try any of them, and an attacker controls the order.
  const kinds = addresses.map((a) => classify(a.address));
  const loopbackOk = options.allowPrivate;
  if (kinds.some((kind) => kind === 'private' || (kind === 'loopback' && !loopbackOk))) {
    throw new OutgoingError('forbidden_address', 'This address is in a private range; use a public https URL');
  }
  // SPEC 2.18: plain http only reaches this machine (development and tests), never the internet.
  if (url.protocol === 'http:' && kinds.some((kind) => kind !== 'loopback')) {
    throw new OutgoingError('invalid_url', 'Only https URLs are allowed');
  }
  return { url, addresses: literal ? [] : addresses };
}

async function resolve(host: string, lookup: NonNullable<OutgoingOptions['lookup']>): Promise<ResolvedAddress[]> {
  let answers: ResolvedAddress[];
  try {
    answers = await lookup(host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') {
      throw new OutgoingError('invalid_url', 'This host name does not exist; check the spelling', { cause: error });
    }
    throw new OutgoingError('network', 'The host name could not be looked up; try again later', { cause: error });
  }
  if (answers.length === 0) throw new OutgoingError('invalid_url', 'This host name does not exist; check the spelling');
  for (const answer of answers) {
    // A resolver (or a test double) answering with something that is not an address is refused, not trusted.
    if (!ipaddr.isValid(answer.address)) {
      throw new OutgoingError('forbidden_address', 'This address is in a private range; use a public https URL');
    }
  }
  return answers;
}

async function systemLookup(hostname: string): Promise<ResolvedAddress[]> {
  const answers = await dns.lookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
}

function classify(address: string): 'public' | 'loopback' | 'private' {
  // process() turns ::ffff:a.b.c.d into a.b.c.d, so a mapped private address is judged as IPv4.
  const ip = ipaddr.process(address);
  const range = ip.range();
  if (range === 'loopback') return 'loopback';
  if (range !== 'unicast') return 'private';
  if (ip.kind() === 'ipv6' && !ip.match(GLOBAL_UNICAST_V6)) return 'private';
  return 'public';
}

/** Answers Node's own lookup with the addresses we vetted, so a second DNS answer (rebinding) is never used. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      callback(null, addresses satisfies LookupAddress[]);
      return;
    }
    const first = addresses[0];
    if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error('No vetted address'), { code: 'ENOTFOUND' }), '');
  };
}

function send({ url, addresses }: Vetted, init: { method: string; headers: Record<string, string>; body: string | undefined }, signal: AbortSignal): Promise<IncomingMessage> {
  const headers: Record<string, string> = {
    ...init.headers,
    // Kept as the name the owner gave, so virtual hosts and TLS (SNI, certificate) see it, not the IP.
    host: url.host,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (init.body !== undefined) headers['content-length'] = String(Buffer.byteLength(init.body));
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolvePromise, reject) => {
    const req = request({
      protocol: url.protocol,
      hostname: bareHost(url.hostname),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: init.method,
      headers,
      // A fresh agent per request: no pooled socket connected under an earlier DNS answer is reused.
      agent: false,
      ...(addresses.length > 0 ? { lookup: pinnedLookup(addresses) } : {}),
      signal,
    });
    req.once('response', resolvePromise);
    req.once('error', reject);
    req.end(init.body);
  });
}

async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new OutgoingError('too_large', `The answer is larger than ${formatBytes(maxBytes)}`);
  // Content-Length can lie or be absent, so it only lets us give up early; the count below is what holds.
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    received += chunk.length;
    if (received > maxBytes) {
      res.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return decode(Buffer.concat(chunks), res.headers['content-encoding'], maxBytes, tooLarge);
}

const gunzip = promisify(zlib.gunzip);
const inflate = promisify(zlib.inflate);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

async function decode(bytes: Buffer, contentEncoding: string | undefined, maxBytes: number, tooLarge: () => OutgoingError): Promise<Buffer> {
  // Listed in the order applied, so undone from the last.
  const encodings = (contentEncoding ?? '')
    .split(',')
    .map((e) => e.trim().toLowerCase())
    .filter((e) => e && e !== 'identity')
    .reverse();
  // Zip bombs: zlib stops as soon as the output passes the cap, so a few KB cannot become gigabytes.
  const limits = { maxOutputLength: maxBytes };
  let out = bytes;
  for (const encoding of encodings) {
    try {
      if (encoding === 'gzip' || encoding === 'x-gzip') out = await gunzip(out, limits);
      else if (encoding === 'br') out = await brotliDecompress(out, limits);
      // "deflate" should be zlib-wrapped, but some servers send raw deflate; the header's low nibble (8) tells.
      else if (encoding === 'deflate') out = await (((out[0] ?? 0) & 0x0f) === 8 ? inflate : inflateRaw)(out, limits);
      else throw new OutgoingError('network', `The server answered in an unsupported encoding (${encoding.slice(0, 20)})`);
    } catch (error) {
      if (error instanceof OutgoingError) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
      throw new OutgoingError('network', `The answer could not be decompressed (${encoding})`, { cause: error });
    }
  }
  return out;
}

function networkError(error: unknown): OutgoingError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const message =
    code === 'ECONNREFUSED'
      ? 'The server refused the connection; check the host and port'
      : code === 'ECONNRESET' || code === 'EPIPE'
        ? 'The server closed the connection before answering'
        : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
          ? 'The server cannot be reached'
          : code.startsWith('ERR_TLS') || code.includes('CERT') || code.startsWith('DEPTH_ZERO') || code.startsWith('SELF_SIGNED')
            ? `The server's TLS certificate is not valid (${code})`
            : code.startsWith('HPE_')
              ? 'The server sent an invalid HTTP answer'
              : 'The server could not be reached';
  return new OutgoingError('network', message, { cause: error });
}

/** Resolves or rejects like `promise`, but rejects with `onAbort()` as soon as `signal` fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(onAbort());
  return new Promise((resolvePromise, reject) => {
    const abort = () => reject(onAbort());
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolvePromise, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function without(headers: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !names.includes(k)));
}

function flattenHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function formatBytes(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes % MiB === 0) return `${bytes / MiB} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
