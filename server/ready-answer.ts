// Public answers that are cached are kept as ready bytes: the JSON in UTF-8, and its brotli and gzip
// forms made once on first demand, so a burst of widgets costs one compression, not one each.
// An availability answer is ~12 KiB of JSON and ~1.5 KiB compressed: what a phone on a slow network pays.
import type { Context } from 'hono';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

type Encoding = 'br' | 'gzip';

/** Below this, compressing costs more than it saves (the same threshold as hono/compress). */
const MIN_BYTES = 1024;

export class ReadyAnswer {
  /** The JSON in UTF-8, encoded once: each answer from the cache is sent as these bytes, not encoded and counted again. */
  readonly bytes: Buffer;
  readonly #encoded = new Map<Encoding, Buffer>();
  /** Below MIN_BYTES the answer goes as it is, whatever the client takes. */
  readonly worthCompressing: boolean;
  constructor(json: string) {
    this.bytes = Buffer.from(json);
    this.worthCompressing = this.bytes.length >= MIN_BYTES;
  }

  encoded(encoding: Encoding): Buffer {
    let bytes = this.#encoded.get(encoding);
    if (!bytes) {
      // Brotli at a middle quality: most of the gain of 11 at a small part of its CPU.
      bytes = encoding === 'br' ? brotliCompressSync(this.bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) : gzipSync(this.bytes, { level: 6 });
      this.#encoded.set(encoding, bytes);
    }
    return bytes;
  }
}

/** The best encoding the client accepts (RFC 9110 §12.5.3: q=0 refuses one), brotli first. */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((w) => w !== undefined);
    if (name) q.set(name, weight === undefined ? 1 : Number(weight));
  }
  const wildcard = q.get('*') ?? 0;
  return (['br', 'gzip'] as const).find((encoding) => (q.get(encoding) ?? wildcard) > 0);
}

/** Sends a ready answer, compressed when the client takes it and it is worth it. */
export function sendReady(c: Context, answer: ReadyAnswer) {
  c.header('Content-Type', 'application/json; charset=UTF-8');
  c.header('Vary', 'Accept-Encoding', { append: true });
  const encoding = answer.worthCompressing ? acceptedEncoding(c.req.header('accept-encoding')) : undefined;
  // Bytes, not a string or an ArrayBuffer: @hono/node-server writes a Uint8Array body straight to the socket.
  if (!encoding) return c.body(answer.bytes as Uint8Array<ArrayBuffer>);
  c.header('Content-Encoding', encoding);
  return c.body(answer.encoded(encoding) as Uint8Array<ArrayBuffer>);
}
