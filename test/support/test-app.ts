// Composes the real app on a fresh database for API tests: SQLite in memory, or PostgreSQL in a
// schema of its own when `databaseUrl` is given, so parallel test files never share rows.
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { type AppDeps, createApp } from '../../server/app.ts';
import type { TrustProxy } from '../../server/client-address.ts';
import { ReadCache } from '../../server/read-cache.ts';
import { sha256 } from '../../server/ids.ts';
import type { Logger } from '../../server/logger.ts';
import { REFUND_JOB, refundJobHandler } from '../../server/bookings/refund-job.ts';
import { createJobRunner, type JobHandler, type RunReport } from '../../server/jobs/runner.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { consoleLink, manageLink } from '../../server/mail/manage-link.ts';
import { MAIL_JOB, mailJobHandler } from '../../server/mail/queue.ts';
import type { MailTransport } from '../../server/mail/transport.ts';
import type { Payments } from '../../server/payments/payments.ts';
import { type CardVault, createCardVault } from '../../server/vault/card-vault.ts';
import { openStore } from '../../server/store/open-store.ts';
import type { Store } from '../../server/store/store.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  /** What the app was made of, for calling use cases as a job would. */
  deps: AppDeps;
  store: Store;
  /** Where this app's rows live and the secret its client tokens are signed with, for a second instance. */
  instance: { databaseUrl?: string; sqlitePath?: string; tokenSecret: string };
  adminToken: string;
  /** The fake clock's current instant; move it with `setNow`. */
  now(): Date;
  setNow(instant: Date | string): void;
  /** Runs the jobs that are due at the fake clock's instant: mail (with `mailTransport`) and `jobHandlers`. */
  runJobs(): Promise<RunReport>;
  /** Sends the queued mail that is due (with `mailTransport`); runs the other due jobs too. */
  deliverMail(): Promise<unknown>;
  request(method: string, path: string, options?: { key?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Creates a property through the admin API and returns its id and key. */
  createProperty(overrides?: Record<string, unknown>): Promise<{ id: string; key: string; property: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function createTestApp(
  options: {
    databaseUrl?: string;
    sqlitePath?: string;
    now?: string;
    payments?: Payments;
    /** Where mail goes; the app then has a mailer on its own database queue. */
    mailTransport?: MailTransport;
    /** Issue 11: handlers by job kind that `runJobs` runs, besides mail. */
    jobHandlers?: Record<string, JobHandler<never>>;
    logger?: Logger;
    rateLimitPerMinute?: number;
    /** Issue 9: TRUST_PROXY as parsed; tests set X-Forwarded-For to act as different clients. */
    trustProxy?: TrustProxy;
    holdsPerClient?: number;
    holdsPerEmail?: number;
    limits?: { rates: number; roomTypes: number };
    /** Another instance of the same server: same database and token secret, its own pool and cache. */
    sameDatabaseAs?: TestApp;
    /** The card vault, when a test needs its keys; otherwise one with a random key. */
    vault?: CardVault;
  } = {},
): Promise<TestApp> {
  const shared = options.sameDatabaseAs?.instance;
  const schema = options.databaseUrl && !shared ? await freshSchema(options.databaseUrl) : undefined;
  const databaseUrl = shared ? shared.databaseUrl : schema?.url;
  const sqlitePath = shared ? shared.sqlitePath : options.sqlitePath;
  const store = await openStore(databaseUrl ? { databaseUrl, poolSize: 4 } : { sqlitePath });
  const tokenSecret = shared?.tokenSecret ?? randomBytes(32).toString('hex');
  let now = new Date(options.now ?? '2026-11-24T03:00:00Z');
  const adminToken = randomBytes(18).toString('base64url');
  const logger = options.logger ?? pino({ level: 'silent' });
  const mailer =
    options.mailTransport &&
    createMailer({
      jobs: store.jobs,
      from: 'bookings@directbook.test',
      logger,
      now: () => now,
      manageUrl: (id) => manageLink('http://localhost', tokenSecret, id),
      consoleUrl: (id) => consoleLink('http://localhost', id),
    });
  const deps: AppDeps = {
    store,
    clock: () => now,
    cache: new ReadCache(),
    logger,
    config: {
      adminTokenHash: sha256(adminToken),
      holdMinutes: 15,
      stripePublishableKey: 'pk_test_directbook',
      tokenSecret,
      rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
      // Lifted unless a test is about them.
      holdsPerClient: options.holdsPerClient ?? 0,
      holdsPerEmail: options.holdsPerEmail ?? 0,
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      // Tests serve calendar feeds and webhooks from 127.0.0.1.
      allowPrivateUrls: true,
      ...(options.limits ? { limits: options.limits } : {}),
    },
    vault: options.vault ?? createCardVault([randomBytes(32)]),
    payments: options.payments,
    mailer: mailer || undefined,
  };
  const app = createApp(deps);
  const jobs = createJobRunner({
    queue: store.jobs,
    // As server/main.ts registers them: mail (given a transport), refunds, and the test's own.
    handlers: { ...(options.mailTransport ? { [MAIL_JOB]: mailJobHandler(options.mailTransport) } : {}), [REFUND_JOB]: refundJobHandler(deps), ...options.jobHandlers },
    logger,
    now: () => now,
  });
  const request: TestApp['request'] = (method, path, { key, body, headers } = {}) =>
    Promise.resolve(
      app.request(path, {
        method,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  return {
    app,
    deps,
    store,
    instance: { databaseUrl, sqlitePath, tokenSecret },
    adminToken,
    now: () => now,
    setNow: (instant) => {
      now = new Date(instant);
    },
    request,
    runJobs: () => jobs.runDue(now),
    deliverMail: () => jobs.runDue(now),
    async createProperty(overrides = {}) {
      const res = await request('POST', '/api/v1/properties', {
        key: adminToken,
        body: { name: 'Test Inn', currency: 'USD', timezone: 'Asia/Seoul', paymentMode: 'manual', ...overrides },
      });
      if (res.status !== 201) throw new Error(`createProperty: ${res.status} ${await res.text()}`);
      const json = (await res.json()) as { property: Record<string, unknown> & { id: string }; secretKey: string };
      return { id: json.property.id, key: json.secretKey, property: json.property };
    },
    async close() {
      await store.close();
      await schema?.drop();
    },
  };
}

/** A PostgreSQL schema of its own for one test file, named in the connection's search_path. */
export async function freshSchema(databaseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const pg = (await import('pg')).default;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create schema ${schema}`);
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { url: url.toString(), drop: () => run(`drop schema ${schema} cascade`) };
}
