// Issue 13: behind Node's server, bodies are read from the socket rather than an undici Request;
// what a client sees must be what app.request() shows: the JSON read, 413 past the limit, 415 for
// a body that is not JSON, and a Stripe webhook's exact bytes.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { limitedBody } from './request-body.ts';
import { requireJson } from './validate.ts';

const LIMIT = 1024;

describe('bodies read from Node’s request', () => {
  let server: ServerType;
  let base: string;
  beforeAll(async () => {
    const app = new Hono()
      .onError((error, c) => c.json({ error: error.message }, (error as { status?: 413 }).status ?? 500))
      .use(
        '*',
        limitedBody(LIMIT, () => {
          throw Object.assign(new Error('too large'), { status: 413 });
        }),
      )
      .use('*', async (c, next) => {
        try {
          return await requireJson(c, next);
        } catch {
          return c.json({ error: 'not json' }, 415);
        }
      })
      .post('/json', async (c) => c.json({ got: await c.req.json() }))
      .post('/text', async (c) => c.text(await c.req.text()));
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (path: string, body: string, type = 'application/json') => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body });

  test('a JSON body reaches the handler whole, in UTF-8, with no byte-order mark', async () => {
    const res = await post('/json', '\uFEFF{"name":"김민지","n":7}');
    expect(await res.json()).toEqual({ got: { name: '김민지', n: 7 } });
  });

  test('the raw text is kept byte for byte, as a webhook signature needs', async () => {
    const raw = '{"b": 1,\n  "a":"x"}';
    expect(await (await post('/text', raw)).text()).toBe(raw);
  });

  test('past the limit the answer is 413, declared or streamed', async () => {
    expect((await post('/json', JSON.stringify({ pad: 'x'.repeat(LIMIT) }))).status).toBe(413);
    const chunked = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(LIMIT / 2)));
        controller.close();
      },
    });
    const res = await fetch(`${base}/json`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  test('a body that is not declared JSON is refused', async () => {
    expect((await post('/json', 'name=kim', 'application/x-www-form-urlencoded')).status).toBe(415);
  });
});
