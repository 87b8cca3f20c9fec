// Issue 9: liveness and readiness, and /health as it always answered.
import pino from 'pino';
import { describe, expect, test } from 'vitest';
import { backends, useTestApp } from '../test/support/api.ts';
import { createTestApp } from '../test/support/test-app.ts';

describe.each(backends)('health on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  test('liveness, readiness and /health all answer ok while the database answers', async () => {
    for (const path of ['/health', '/health/live']) {
      const res = await app().request('GET', path);
      expect(res.status, path).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
    }
    const ready = await app().request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(ready.headers.get('cache-control')).toBe('no-store');
  });
});

test('when the database stops answering, readiness is 503 and liveness stays ok', async () => {
  const logged: unknown[] = [];
  const t = await createTestApp({ logger: pino({ level: 'warn', hooks: { logMethod: (args) => void logged.push(args) } }) });
  expect((await t.request('GET', '/health/ready')).status).toBe(200);
  await t.store.close();
  const ready = await t.request('GET', '/health/ready');
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  expect(logged).toHaveLength(1);
  expect((await t.request('GET', '/health/live')).status).toBe(200);
  expect((await t.request('GET', '/health')).status).toBe(200);
});
