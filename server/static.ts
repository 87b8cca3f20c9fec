// The built widget at /widget.js and the demo property's site at /.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic as nodeStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const widgetFile = `${root}dist/widget.js`;

interface Built {
  mtimeMs: number;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

let built: Built | undefined;

/** The widget and its compressed forms, made once per build rather than per request. */
function widget(): Built | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(widgetFile).mtimeMs;
  } catch {
    return undefined;
  }
  if (built?.mtimeMs !== mtimeMs) {
    const identity = readFileSync(widgetFile);
    built = {
      mtimeMs,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity),
    };
  }
  return built;
}

export function serveStatic(app: Hono<AppEnv>) {
  app.get('/widget.js', (c) => {
    const w = widget();
    if (!w) return c.text('// The widget is not built: run `npm run build`.', 503);
    // Embedders load this on every page: revalidate after five minutes, cheaply, by ETag.
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('ETag', w.etag);
    c.header('Vary', 'Accept-Encoding');
    c.header('Access-Control-Allow-Origin', '*');
    if (c.req.header('if-none-match') === w.etag) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    const accepted = c.req.header('accept-encoding') ?? '';
    if (/\bbr\b/.test(accepted)) {
      c.header('Content-Encoding', 'br');
      return c.body(new Uint8Array(w.br));
    }
    if (/\bgzip\b/.test(accepted)) {
      c.header('Content-Encoding', 'gzip');
      return c.body(new Uint8Array(w.gzip));
    }
    return c.body(new Uint8Array(w.identity));
  });
  app.use('/*', nodeStatic({ root: `${root}demo` }));
}
