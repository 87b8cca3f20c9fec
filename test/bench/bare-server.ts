// The baselines: bare Hono routes on the same adapter (@hono/node-server) and in the same kind of
// process (node --import tsx) as server/main.ts, so a ratio to them cancels the machine's speed.
// `/bare` answers a tiny JSON (to a GET, or to the holds' POSTs); `/payload` answers the JSON in BENCH_PAYLOAD_FILE, serialised on
// every request as the real server does, so the cost of the answer's size is measured apart.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const file = process.env.BENCH_PAYLOAD_FILE;
const payload: unknown = file ? JSON.parse(readFileSync(file, 'utf8')) : { status: 'ok' };

const app = new Hono()
  .get('/bare', (c) => c.json({ status: 'ok' }))
  // The holds' rush sent here: the same POSTs, read and answered with nothing else done.
  .post('/bare', async (c) => c.json({ received: Object.keys(await c.req.json()).length }))
  .get('/payload', (c) => c.json(payload));

serve({ fetch: app.fetch, port: 0 }, (info) => {
  console.log(`bare Hono is running at http://127.0.0.1:${info.port}`);
});
