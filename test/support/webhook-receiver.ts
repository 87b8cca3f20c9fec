// A webhook receiver on 127.0.0.1 for the SPEC 2.18 tests: records what reached it, and can answer
// 500 or be down (connections refused) for a while.
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string>;
  body: string;
  event: { type: string; timestamp: string; data: { booking: { id: string; status: string } & Record<string, unknown> } };
  /** What the receiver answered. */
  status: number;
  at: number;
}

export interface WebhookReceiver {
  url: string;
  /** Every request that reached it, answered or not. */
  received: ReceivedWebhook[];
  /** Only those answered 2xx: what a receiver has actually accepted. */
  accepted(): ReceivedWebhook[];
  answer(status: number): void;
  /** Stops listening (connections are refused) until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  /** Resolves with the first accepted webhook `match` accepts, as it arrives. */
  next(match: (w: ReceivedWebhook) => boolean): Promise<ReceivedWebhook>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const waiting: { match: (w: ReceivedWebhook) => boolean; resolve: (w: ReceivedWebhook) => void }[] = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const webhook: ReceivedWebhook = { headers, body, event: JSON.parse(body) as ReceivedWebhook['event'], status, at: performance.now() };
      received.push(webhook);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
      if (status >= 300) return;
      for (const w of waiting.filter((w) => w.match(webhook))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(webhook);
      }
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    accepted: () => received.filter((w) => w.status < 300),
    answer: (s) => {
      status = s;
    },
    async down() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up() {
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    next: (match) => new Promise((resolve) => waiting.push({ match, resolve })),
    async close() {
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
