// The widget: its size on the wire, and how long a guest waits for rates compared with the one
// request that fetches them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { gzipSync } from 'node:zlib';
import { type Browser, chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../chromium.mjs';

/** The bytes of GET `url` as they crossed the wire (not decoded), and their Content-Encoding. */
function onTheWire(url: string, acceptEncoding: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

export interface WidgetSize {
  /** widget.js: what the host page fetches before the rates (SPEC 4: first paint). */
  rawBytes: number;
  gzipBytes: number;
  /** What GET /widget.js actually sends when the browser accepts gzip. */
  servedBytes: number;
  servedEncoding: string;
  /** The later steps' chunks (dist/chunks/), all together, fetched after the rates are on screen. */
  chunks: number;
  chunksRawBytes: number;
  chunksGzipBytes: number;
  built: boolean;
}

const gzipped = (code: Buffer) => gzipSync(code, { level: 9 }).byteLength;

/** Builds dist/ when widget.js is missing, then measures widget.js and the chunks gzipped (level 9), and widget.js as served. */
export async function widgetSize(serverUrl: string): Promise<WidgetSize> {
  let built = false;
  if (!existsSync('dist/widget.js')) {
    const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npx vite build failed');
    built = true;
  }
  const code = readFileSync('dist/widget.js');
  const chunks = readdirSync('dist/chunks').map((name) => readFileSync(`dist/chunks/${name}`));
  const served = await onTheWire(`${serverUrl}/widget.js`, 'gzip');
  return {
    rawBytes: code.byteLength,
    gzipBytes: gzipped(code),
    servedBytes: served.bytes,
    servedEncoding: served.encoding,
    chunks: chunks.length,
    chunksRawBytes: chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0),
    chunksGzipBytes: chunks.reduce((sum, chunk) => sum + gzipped(chunk), 0),
    built,
  };
}

export interface WidgetTiming {
  runs: number;
  /** Median ms from navigation start to the first rate's price painted. */
  ratesOnScreenMs: number;
  /** Median ms of the availability request made alone (no page), the same URL the widget asked. */
  availabilityAloneMs: number;
  /** Median ms of that request inside the page (resource timing). */
  availabilityInPageMs: number;
  ratio: number;
  /** Median ms from navigation start to widget.js's last byte (resource timing). */
  widgetJsEndMs: number;
  /** Issue 13's first-paint target: rates on screen ≤ 1.5 × (widget.js response end + one availability request). */
  firstPaintRatio: number;
  /** The most API requests any run made before its rates were on screen (SPEC 4: one). */
  apiRequestsBeforeRates: number;
  /**
   * The floor on this page and machine: the same loads with widget.js answered by BARE_WIDGET, a
   * script that fetches the same availability and writes one price. Medians, as above.
   */
  bare: { priceOnScreenMs: number; scriptEndMs: number; firstPaintRatio: number };
}

// The least any widget does before a price is on screen: one request, one Intl formatter, one
// element. Served in place of widget.js (same page, same server, same answer), it is the baseline
// the widget's time to rates is divided by, as the server's figures are by a bare Hono route.
const BARE_WIDGET = `const host = document.querySelector('direct-book');
const answer = await (await fetch(new URL('/api/v1/public/properties/' + host.getAttribute('property') + '/availability?adults=2&children=0&locale=en&include=property', import.meta.url))).json();
const rate = answer.roomTypes.flatMap((roomType) => roomType.rates).find((r) => r.available);
const price = document.createElement('p');
price.setAttribute('part', 'price');
price.textContent = new Intl.NumberFormat('en', { style: 'currency', currency: answer.currency }).format(rate.total / 100);
host.append(price);`;

// Checked every animation frame from the page's first, piercing the widget's shadow roots, until a
// price is painted; then the time goes to the bench through a binding. An init script rather than
// page.waitForFunction: that evaluates Playwright's own injected script (some hundred kilobytes) in
// the page while it loads, on the main thread the widget needs, inside the time being measured.
const RATES_ON_SCREEN = '__directbookRatesOnScreen';
const PRICE_PROBE = `(() => {
  if (window !== window.top) return;
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches('[part="price"]') && el.checkVisibility() && el.textContent.trim()) return el;
      const inner = el.shadowRoot && find(el.shadowRoot);
      if (inner) return inner;
    }
    return null;
  };
  const check = () => (find(document) ? window.${RATES_ON_SCREEN}(performance.now()) : requestAnimationFrame(check));
  requestAnimationFrame(check);
})()`;

// Headless Chromium builds the browser's own omnibox popup, a WebUI page in a renderer of its own,
// in many new windows; on a small machine it takes the CPU from the page being measured.
const QUIET_BROWSER_UI = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Load {
  ms: number;
  url: string;
  duration: number;
  widgetEnd: number;
  apiBefore: number;
}

/** One load of the demo page (/) in a fresh browser context (no cache), until a price is on screen; `script` stands in for widget.js. */
async function load(browser: Browser, serverUrl: string, script?: string): Promise<Load> {
  // The demo page's CSP forbids evaluating strings, which is how the resource figures below are read.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  try {
    if (script) await context.route('**/widget.js', (route) => route.fulfill({ contentType: 'text/javascript', body: script }));
    let onRatesOnScreen!: (ms: number) => void;
    const ratesOnScreen = new Promise<number>((resolve) => (onRatesOnScreen = resolve));
    await context.exposeFunction(RATES_ON_SCREEN, (ms: number) => onRatesOnScreen(ms));
    // A string, not a function: tsx's name-keeping helpers do not exist inside the page.
    await context.addInitScript(PRICE_PROBE);
    const page = await context.newPage();
    await page.goto(`${serverUrl}/`, { waitUntil: 'commit' });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no rate price on screen within 30 s')), 30_000)));
    const ms = await Promise.race([ratesOnScreen, timeout]).finally(() => clearTimeout(timer));
    const entry = await page.evaluate<{ url: string; duration: number; widgetEnd: number; apiBefore: number } | null>(`(() => {
      const all = performance.getEntriesByType('resource');
      const e = all.find((r) => r.name.includes('/availability'));
      const widget = all.find((r) => new URL(r.name).pathname === '/widget.js');
      const apiBefore = all.filter((r) => new URL(r.name).pathname.startsWith('/api/') && r.startTime < ${ms}).length;
      return e && widget ? { url: e.name, duration: e.duration, widgetEnd: widget.responseEnd, apiBefore } : null;
    })()`);
    if (!entry) throw new Error('the widget made no availability request');
    return { ms, ...entry };
  } finally {
    await context.close();
  }
}

/**
 * Loads the demo page (/) with the widget, then with BARE_WIDGET, in turn, each in a fresh browser
 * context, and notes when a rate's price is on screen; then fetches the availability URL the widget
 * used, alone, as often.
 */
export async function widgetTiming(serverUrl: string, runs = 5): Promise<WidgetTiming> {
  const browser = await chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs, QUIET_BROWSER_UI] });
  const widget: Load[] = [];
  const bare: Load[] = [];
  try {
    // The first loads warm the server's caches and the JIT, as a live site's would be.
    for (let i = 0; i < runs + 1; i++) {
      const ours = await load(browser, serverUrl);
      const floor = await load(browser, serverUrl, BARE_WIDGET);
      if (i === 0) continue;
      widget.push(ours);
      bare.push(floor);
    }
  } finally {
    await browser.close();
  }
  const availabilityUrl = widget[0]!.url;
  const alone: number[] = [];
  for (let i = 0; i < runs * 4; i++) {
    const t = performance.now();
    const res = await fetch(availabilityUrl);
    await res.arrayBuffer();
    alone.push(performance.now() - t);
  }
  const ratesOnScreenMs = median(widget.map((l) => l.ms));
  const availabilityAloneMs = median(alone);
  const widgetJsEndMs = median(widget.map((l) => l.widgetEnd));
  const bareOnScreenMs = median(bare.map((l) => l.ms));
  const bareEndMs = median(bare.map((l) => l.widgetEnd));
  return {
    runs,
    ratesOnScreenMs,
    availabilityAloneMs,
    availabilityInPageMs: median(widget.map((l) => l.duration)),
    ratio: ratesOnScreenMs / availabilityAloneMs,
    widgetJsEndMs,
    firstPaintRatio: ratesOnScreenMs / (widgetJsEndMs + availabilityAloneMs),
    apiRequestsBeforeRates: Math.max(...widget.map((l) => l.apiBefore)),
    bare: { priceOnScreenMs: bareOnScreenMs, scriptEndMs: bareEndMs, firstPaintRatio: bareOnScreenMs / (bareEndMs + availabilityAloneMs) },
  };
}
