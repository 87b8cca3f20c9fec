// Issue 9: /metrics in Prometheus' text format. Requests are labelled by route pattern, never by
// path, so ids never become series; queue depths are read from the database when scraped.
import { Hono, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { bearer } from './auth.ts';
import { ApiError } from './errors.ts';
import { sameSecret } from './ids.ts';
import { type Payments, PaymentsError } from './payments/payments.ts';
import type { Store } from './store/store.ts';

export interface Metrics {
  readonly registry: Registry;
  /** Counts and times every request; mounted before everything else. */
  readonly observe: MiddlewareHandler;
  readonly holdsCreated: Counter;
  readonly paymentCalls: Counter<'operation' | 'outcome'>;
}

export function createMetrics(deps: { store: Pick<Store, 'backlog'>; clock: () => Date }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response headers, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const conflicts = new Counter({
    name: 'directbook_conflicts_total',
    help: 'Answers with status 409, by error code (sold_out, hold_expired, limit_reached, …)',
    labelNames: ['code'],
    registers: [registry],
  });
  const holdsCreated = new Counter({ name: 'directbook_holds_created_total', help: 'Bookings that took rooms (idempotent replays not counted)', registers: [registry] });
  const paymentCalls = new Counter({
    name: 'directbook_payment_calls_total',
    help: 'Calls to the payment provider, by operation and outcome (ok or the failure code)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  // A kind once seen stays a series (at 0 when nothing waits), so alerts on it never see a gap.
  const kindsSeen = new Set<string>();
  new Gauge({
    name: 'directbook_queue_depth',
    help: 'Work waiting: jobs by kind (mail, …) due or retrying, calendars due a sync',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const backlog = await deps.store.backlog(deps.clock().toISOString());
      for (const kind of Object.keys(backlog.jobs)) kindsSeen.add(kind);
      for (const kind of kindsSeen) this.set({ queue: kind }, backlog.jobs[kind] ?? 0);
      this.set({ queue: 'calendar_sync' }, backlog.calendarSyncs);
    },
  });

  const observe: MiddlewareHandler = async function observe(c, next) {
    const started = process.hrtime.bigint();
    await next();
    const route = routePath(c);
    duration.observe({ method: c.req.method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    requests.inc({ method: c.req.method, route, status: String(c.res.status) });
    if (c.res.status === 409) conflicts.inc({ code: c.error instanceof ApiError ? c.error.code : 'conflict' });
  };
  return { registry, observe, holdsCreated, paymentCalls };
}

/** GET /metrics for a scraper sending `Authorization: Bearer <token>`; anyone else gets a 404. */
export function metricsEndpoint(registry: Registry, token: string) {
  return new Hono().get('/', async (c) => {
    const given = bearer(c);
    if (!given || !sameSecret(given, token)) return c.notFound();
    return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType, 'Cache-Control': 'no-store' });
  });
}

/** The store, counting holds as they are taken. */
export function countingHolds(store: Store, metrics: Pick<Metrics, 'holdsCreated'>): Store {
  return {
    ...store,
    async holdBooking(...args) {
      const result = await store.holdBooking(...args);
      if (result.status === 'held') metrics.holdsCreated.inc();
      return result;
    },
  };
}

/** The payments port, counting each call to the provider and how it ended. */
export function countingPayments(payments: Payments, metrics: Pick<Metrics, 'paymentCalls'>): Payments {
  const counted =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        const result = await call(...args);
        metrics.paymentCalls.inc({ operation, outcome: 'ok' });
        return result;
      } catch (error) {
        metrics.paymentCalls.inc({ operation, outcome: error instanceof PaymentsError ? error.code : 'error' });
        throw error;
      }
    };
  return {
    createIntent: counted('create_intent', (request) => payments.createIntent(request)),
    createBalanceIntent: counted('create_balance_intent', (request) => payments.createBalanceIntent(request)),
    chargeOffSession: counted('charge_off_session', (request) => payments.chargeOffSession(request)),
    retrieveIntent: counted('retrieve_intent', (ref) => payments.retrieveIntent(ref)),
    refund: counted('refund', (request) => payments.refund(request)),
    chargeFee: counted('charge_fee', (intentId) => payments.chargeFee(intentId)),
    verifyWebhook: counted('verify_webhook', (body, signature) => payments.verifyWebhook(body, signature)),
  };
}
