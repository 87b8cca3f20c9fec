// Issue 9: liveness says the process answers (restart it when not); readiness says it can serve
// bookings, which needs the database (send it no traffic when not). /health stays as it was.
import { Hono } from 'hono';
import type { Logger } from './logger.ts';
import type { Store } from './store/store.ts';

export function health(deps: { store: Pick<Store, 'ping'>; logger: Logger }) {
  const alive = { status: 'ok' } as const;
  return new Hono()
    .get('/', (c) => c.json(alive))
    .get('/live', (c) => c.json(alive))
    .get('/ready', async (c) => {
      try {
        await deps.store.ping();
      } catch (err) {
        deps.logger.warn({ err }, 'readiness: the database does not answer');
        return c.json({ status: 'unavailable', database: 'unreachable' }, 503, { 'Cache-Control': 'no-store' });
      }
      return c.json({ status: 'ok', database: 'ok' }, 200, { 'Cache-Control': 'no-store' });
    });
}
