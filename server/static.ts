// The built widget at /widget.js and the demo property's site at /.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic as nodeStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

export function serveStatic(app: Hono<AppEnv>) {
  app.get('/widget.js', (c) => {
    let code: string;
    try {
      code = readFileSync(`${root}dist/widget.js`, 'utf8');
    } catch {
      return c.text('// The widget is not built: run `npm run build`.', 503);
    }
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    // Embedders load this on every page; a short max-age with revalidation keeps updates flowing.
    c.header('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    c.header('Access-Control-Allow-Origin', '*');
    return c.body(code);
  });
  app.use('/*', nodeStatic({ root: `${root}demo` }));
}
