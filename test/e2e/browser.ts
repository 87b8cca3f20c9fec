// What the end-to-end tests share: Debian's Chromium with the component tests' flags (never a
// browser download), the built widget, screenshots in test-results/, axe, and the real server.
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Axe from 'axe-core';
import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';
import { afterAll, beforeAll } from 'vitest';
import { startServer, type ServerProcess } from '../server-process.ts';
import { ensureBuilt } from '../support/build.ts';
import { startStripeStandIn, type StripeStandIn } from '../stripe-stand-in/server.ts';

/** The widths every step is photographed at: a phone and a laptop. */
export const WIDTHS = [375, 1280] as const;

export const SCREENSHOT_DIR = 'test-results/screenshots';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: 60_000 });
}

/**
 * Saves `name.png` under test-results/screenshots/, animations (skeleton shimmer) stopped.
 * `style` is CSS applied only while shooting, e.g. to keep a page's sticky header off the widget.
 */
export async function screenshot(target: Page | Locator, name: string, style?: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), animations: 'disabled', timeout: 30_000, ...(style ? { style } : {}) });
}

export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

/**
 * For a test file: the built widget, the real server and a browser, started before its tests and
 * stopped after them; with `stripe`, the server takes payments through the Stripe stand-in, and with
 * `hotelSite`, a hotel's own site on another origin embeds the widget. Read the parts inside the
 * tests, once they have started.
 */
export function useServerAndBrowser(options: { stripe?: boolean; hotelSite?: boolean } = {}): {
  readonly server: ServerProcess & { dataDir: string };
  readonly browser: Browser;
  readonly stripe: StripeStandIn;
  readonly hotel: { url: string };
} {
  let server: (ServerProcess & { dataDir: string }) | undefined;
  let browser: Browser | undefined;
  let stripe: StripeStandIn | undefined;
  let hotel: Awaited<ReturnType<typeof startHotelSite>> | undefined;
  beforeAll(async () => {
    ensureBuilt();
    if (options.stripe) stripe = await startStripeStandIn();
    const env: Record<string, string> = stripe
      ? { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_PUBLISHABLE_KEY: 'pk_test_directbook_e2e', STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_BASE: stripe.apiBase }
      : {};
    [server, browser] = await Promise.all([startTestServer(env), launchBrowser()]);
    if (options.hotelSite) hotel = await startHotelSite(server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await hotel?.close();
    await server?.stop();
    await stripe?.close();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    get stripe() {
      return stripe!;
    },
    get hotel() {
      return hotel!;
    },
  };
}

/** The real server (server/main.ts) on a fresh SQLite folder, which seeds the demo property. */
export async function startTestServer(env: Record<string, string> = {}): Promise<ServerProcess & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'directbook-e2e-'));
  const server = await startServer({ DATA_DIR: dataDir, ADMIN_TOKEN, ...env });
  return {
    ...server,
    dataDir,
    async stop(signal) {
      await server.stop(signal);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's serious and critical findings in one document, as readable lines. Each frame is
 * checked on its own (`iframes: false`); axe is evaluated rather than added as a script tag,
 * which the card frame's CSP would rightly refuse.
 */
export async function seriousViolations(target: Page | Frame, include?: string): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE_SOURCE);
  return target.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: typeof Axe }).axe;
    const context: Axe.ElementContext = selector ? { include: [[selector]] } : document;
    const { violations } = await axe.run(context, { resultTypes: ['violations'], iframes: false });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, include);
}

/** Owner API calls with a Bearer key. */
export async function api(base: string, method: string, path: string, key: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** A property made through the admin and owner API: one room type, one rate. */
export async function createProperty(
  base: string,
  options: { paymentMode: 'stripe' | 'manual'; allowedOrigins: string[]; name: string; rooms: { name: string; units: number; rate: string; nightlyPrice: number; deposit: object }[] },
): Promise<{ id: string; key: string; rateIds: string[] }> {
  const created = await api(base, 'POST', '/api/v1/properties', ADMIN_TOKEN, {
    name: options.name,
    currency: 'USD',
    timezone: 'Asia/Seoul',
    locale: 'en',
    paymentMode: options.paymentMode,
    allowedOrigins: options.allowedOrigins,
  });
  if (created.status !== 201) throw new Error(`creating the property: ${created.status} ${JSON.stringify(created.body)}`);
  const id: string = created.body.property.id;
  const key: string = created.body.secretKey;
  const rateIds: string[] = [];
  for (const room of options.rooms) {
    const type = await api(base, 'POST', `/api/v1/properties/${id}/room-types`, key, { name: room.name, maxGuests: 2, units: room.units });
    if (type.status !== 201) throw new Error(`creating a room type: ${type.status} ${JSON.stringify(type.body)}`);
    const rate = await api(base, 'POST', `/api/v1/properties/${id}/rates`, key, {
      roomTypeId: type.body.roomType.id,
      name: room.rate,
      nightlyPrice: room.nightlyPrice,
      deposit: room.deposit,
    });
    if (rate.status !== 201) throw new Error(`creating a rate: ${rate.status} ${JSON.stringify(rate.body)}`);
    rateIds.push(rate.body.rate.id);
  }
  return { id, key, rateIds };
}

/**
 * A hotel's own web site: a real HTTP server on 127.0.0.1 (another origin than the directbook
 * server's `localhost`) whose page `/?property=ID` embeds the widget with one script tag.
 */
export async function startHotelSite(directbook: string): Promise<{ url: string; close(): Promise<void> }> {
  const site = createServer((req, res) => {
    const property = new URL(req.url ?? '/', 'http://hotel').searchParams.get('property') ?? '';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hotel test page</title>
<script type="module" src="${directbook}/widget.js"></script></head>
<body style="margin:0;padding:24px 16px;font-family:Georgia,serif">
<main><h1>Book a room</h1><direct-book property="${property.replace(/[^\w-]/g, '')}"></direct-book></main>
</body></html>`);
  });
  site.listen(0, '127.0.0.1');
  await once(site, 'listening');
  return {
    url: `http://127.0.0.1:${(site.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  };
}

/** The nth price on screen once rates arrived: the widget's "rates are shown" state. */
export function ratesShown(page: Page): Locator {
  return page.locator('direct-book [part="price"]').first();
}
