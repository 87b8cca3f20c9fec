// SPEC 4: owners embed widget.js on every page of their site with one script tag, so it is one
// file and stays within 32 KiB gzipped (zlib at its best level, as a server pre-compresses it).
import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from '../server/app-env.ts';
import { serveStatic } from '../server/static.ts';
import { ensureBuilt } from './support/build.ts';

// 30 KiB until each step became its own element with i18n through @lit/context (+1.5 KiB); issue 13
// brings first paint back under it by loading the later steps as chunks.
const BUDGET = 32 * 1024;

describe('the widget a hotel embeds', () => {
  beforeAll(() => ensureBuilt(), 120_000);

  test('widget.js is at most 32 KiB gzipped', () => {
    const code = readFileSync('dist/widget.js');
    const gzipped = gzipSync(code, { level: 9 }).length;
    console.log(`widget.js: ${code.length} bytes, ${gzipped} bytes gzipped (${(gzipped / 1024).toFixed(2)} KiB of ${BUDGET / 1024} KiB)`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  test('widget.js is one file, with no chunk to fetch later and no Stripe code bundled', () => {
    // Beside it only the server's card frame script (server/card-frame/script.ts): a chunk the two
    // shared would be a third file.
    expect(readdirSync('dist').filter((name) => /\.m?js$/.test(name))).toEqual(['card-frame.js', 'widget.js']);
    // Stripe.js comes from js.stripe.com at the payment step (widget/stripe-loader.ts); neither it
    // nor the @stripe/stripe-js loader (which registers itself with `_registerWrapper`) is bundled.
    expect(readFileSync('dist/widget.js', 'utf8')).not.toMatch(/confirmCardPayment|_registerWrapper|STRIPE_JS_URL/);
  });

  test('the server sends widget.js compressed and answers a revalidation with 304', async () => {
    const app = new Hono<AppEnv>();
    serveStatic(app);
    const gz = await app.request('/widget.js', { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const body = Buffer.from(await gz.arrayBuffer());
    expect(body.length).toBeLessThanOrEqual(BUDGET);
    expect(gunzipSync(body).equals(readFileSync('dist/widget.js'))).toBe(true);
    const again = await app.request('/widget.js', { headers: { 'if-none-match': gz.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
