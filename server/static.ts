// The built widget at /widget.js, the chunks it loads itself at /chunks/*.js, the manage page's
// script at /manage.js, and the demo property's site at /.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic as nodeStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { widgetPageSecurity } from './security-headers.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

// The names vite.config.ts gives chunks (`chunks/[name]-[hash].js`): no dot but the extension's and
// no slash, so a request can never leave dist/chunks/.
const CHUNK_NAME = /^[\w-]+\.js$/;

interface Built {
  mtimeMs: number;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
}

const built = new Map<string, Built>();

/** A built file and its compressed forms, made once per build rather than per request. */
function load(file: string): Built | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    // Gone with a rebuild: forget it.
    built.delete(file);
    return undefined;
  }
  let entry = built.get(file);
  if (entry?.mtimeMs !== mtimeMs) {
    const identity = readFileSync(file);
    entry = {
      mtimeMs,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
      identity,
      gzip: gzipSync(identity, { level: 9 }),
      br: brotliCompressSync(identity),
    };
    built.set(file, entry);
  }
  return entry;
}

/** Sends `file` in the best encoding the browser accepts, cross-origin, as hotel sites load it. */
function send(c: Context<AppEnv>, file: Built, cacheControl: string) {
  c.header('Cache-Control', cacheControl);
  c.header('ETag', file.etag);
  c.header('Vary', 'Accept-Encoding');
  // A module script from another origin is fetched in CORS mode, and so are the chunks it imports.
  c.header('Access-Control-Allow-Origin', '*');
  if (c.req.header('if-none-match') === file.etag) return c.body(null, 304);
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  const accepted = c.req.header('accept-encoding') ?? '';
  if (/\bbr\b/.test(accepted)) {
    c.header('Content-Encoding', 'br');
    return c.body(new Uint8Array(file.br));
  }
  if (/\bgzip\b/.test(accepted)) {
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(file.gzip));
  }
  return c.body(new Uint8Array(file.identity));
}

export function serveStatic(app: Hono<AppEnv>) {
  app.get('/widget.js', (c) => {
    const widget = load(`${dist}widget.js`);
    if (!widget) return c.text('// The widget is not built: run `npm run build`.', 503);
    // Embedders load this on every page: revalidate after five minutes, cheaply, by ETag.
    return send(c, widget, 'public, max-age=300, stale-while-revalidate=86400');
  });
  // SPEC 2.16: the guest's manage page (/manage/:id) runs this on this origin only; it is never embedded.
  app.get('/manage.js', (c) => {
    const manage = load(`${dist}manage.js`);
    if (!manage) return c.text('// The manage page is not built: run `npm run build`.', 503);
    return send(c, manage, 'public, max-age=300, stale-while-revalidate=86400');
  });
  // SPEC 2.23: the owner console (/owner) runs this on this origin only.
  app.get('/owner.js', (c) => {
    const owner = load(`${dist}owner.js`);
    if (!owner) return c.text('// The owner console is not built: run `npm run build`.', 503);
    return send(c, owner, 'public, max-age=300, stale-while-revalidate=86400');
  });
  app.get('/chunks/:name', (c) => {
    const name = c.req.param('name');
    const chunk = CHUNK_NAME.test(name) ? load(`${dist}chunks/${name}`) : undefined;
    if (!chunk) return c.text('// No such chunk.', 404);
    // The name carries the content's hash: a new build makes new names, never new content here.
    return send(c, chunk, 'public, max-age=31536000, immutable');
  });
  // The demo hotel's page runs the widget like any hotel's: under the same CSP as /book/:pid.
  for (const page of ['/', '/index.html']) app.use(page, widgetPageSecurity);
  app.use('/*', nodeStatic({ root: `${root}demo` }));
}
