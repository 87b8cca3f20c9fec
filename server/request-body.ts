// Issue 13: a body is read straight from Node's request. Hono's bodyLimit reads `c.req.raw.body`,
// and that makes @hono/node-server build a whole undici Request (an AbortSignal, a web stream) for
// every POST: a fifth of a hold's CPU. The text goes into Hono's body cache, where c.req.json() and
// c.req.text() find it.
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

const utf8 = new TextDecoder();

/** The whole body, or `undefined` past `maxBytes`. */
function readAll(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      incoming.off('data', onData);
      resolve(undefined);
    };
    incoming.on('data', onData);
    incoming.once('end', () => resolve(Buffer.concat(chunks, size)));
    incoming.once('error', reject);
  });
}

/** Reads bodies of at most `maxBytes` (else `tooLarge`), from Node's request when there is one. */
export function limitedBody(maxBytes: number, tooLarge: () => never): MiddlewareHandler {
  // app.request() (tests, no Node server) has only the Request.
  const fromRequest = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function limitedBody(c, next) {
    const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
    if (!incoming) return fromRequest(c, next);
    if (Number(c.req.header('content-length') ?? 0) > maxBytes) tooLarge();
    const body = await readAll(incoming, maxBytes);
    if (!body) tooLarge();
    // Hono keeps the promise of each body form there, though its type names the value.
    (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(utf8.decode(body));
    await next();
  };
}
