// The only file that reads the environment: parse it, open storage, seed the demo, listen.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { configOrExit } from './config.ts';
import { sha256 } from './ids.ts';
import { ensurePrivateDir, loadOrCreateSecret } from './secrets.ts';
import { createLogger } from './logger.ts';
import { serveStatic } from './static.ts';
import { seedDemo } from './seed.ts';
import { startCalendarSync } from './calendar-sync.ts';
import { startHousekeeping } from './housekeeping.ts';
import { ReadCache } from './read-cache.ts';
import { createMailer } from './mail/mailer.ts';
import { consoleLink, manageLink } from './mail/manage-link.ts';
import { MAIL_JOB, mailJobHandler } from './mail/queue.ts';
import { balanceJobHandler } from './bookings/collect-balance.ts';
import { BALANCE_JOB } from './store/balance-job.ts';
import { createJobRunner } from './jobs/runner.ts';
import { startJobRunner } from './jobs/loop.ts';
import { createMailTransport } from './mail/transport.ts';
import { createStripePayments } from './payments/stripe-payments.ts';
import { createCardVault } from './vault/card-vault.ts';
import { warnAboutUnreadableCards } from './vault/stored-cards.ts';
import { loadVaultKeyring } from './vault/vault-keys.ts';
import { productionStartProblems } from './startup-checks.ts';
import { openStore, sqliteFile } from './store/open-store.ts';
import { countingHolds, countingPayments, createMetrics } from './metrics.ts';
import { drain } from './drain.ts';
import { emit } from './bookings/events.ts';
import { WEBHOOK_JOB } from './webhooks/store.ts';
import { webhookJobHandler } from './webhooks/deliver.ts';
import { REFUND_JOB, refundJobHandler } from './bookings/refund-job.ts';

// Issue 9: under Docker's 10 s between SIGTERM and SIGKILL, so the database still closes cleanly.
const SHUTDOWN_GRACE_MS = 8_000;

async function main() {
  const config = configOrExit(process.env);
  const logger = createLogger(config.LOG_LEVEL);
  ensurePrivateDir(config.DATA_DIR, (message) => logger.warn(message));
  const store = await openStore({ databaseUrl: config.DATABASE_URL, sqlitePath: sqliteFile(config.DATA_DIR) });
  const problems = await productionStartProblems(config, store);
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    await store.close();
    process.exit(1);
  }
  const vault = createCardVault(loadVaultKeyring({ configuredKey: config.CARD_VAULT_KEY, dataDir: config.DATA_DIR, logger }));
  await warnAboutUnreadableCards(store, vault, logger);
  // Generated secrets stay in the data folder so restarts keep them.
  const admin = loadOrCreateSecret({ given: config.ADMIN_TOKEN, file: join(config.DATA_DIR, 'admin-token'), bytes: 24 });
  const clientTokens = loadOrCreateSecret({ given: config.CLIENT_TOKEN_SECRET, file: join(config.DATA_DIR, 'client-token-secret'), bytes: 32 });
  if (config.DATABASE_URL && !config.CLIENT_TOKEN_SECRET) {
    logger.warn('CLIENT_TOKEN_SECRET is not set, so this instance made its own: give every instance on this database the same one, or guest tokens work on one instance only');
  }
  const clock = () => new Date();
  const mailer = createMailer({
    jobs: store.jobs,
    from: config.MAIL_FROM,
    logger,
    // SPEC 2.16: the manage link is PUBLIC_URL's, else this server's as it announces itself at start, never the
    // Host header of a request (it carries the guest's token); only asked once the server listens.
    manageUrl: (bookingId) => manageLink(config.PUBLIC_URL ?? `http://localhost:${(server.address() as AddressInfo).port}`, clientTokens.value, bookingId),
    // SPEC 2.23: owner mail opens the booking in the console.
    consoleUrl: (bookingId) => consoleLink(config.PUBLIC_URL ?? `http://localhost:${(server.address() as AddressInfo).port}`, bookingId),
    // Mail goes out right after the booking that queued it; the poll stays as the retry path.
    onQueued: () => jobs.kick(),
  });

  const cache = new ReadCache();
  const appConfig = {
    adminTokenHash: sha256(admin.value),
    holdMinutes: config.HOLD_MINUTES,
    metricsToken: config.METRICS_TOKEN,
    publicUrl: config.PUBLIC_URL,
    stripePublishableKey: config.STRIPE_PUBLISHABLE_KEY,
    tokenSecret: clientTokens.value,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    trustProxy: config.TRUST_PROXY,
    holdsPerClient: config.HOLDS_PER_CLIENT,
    holdsPerEmail: config.HOLDS_PER_EMAIL,
    allowPrivateUrls: config.ALLOW_PRIVATE_URLS,
    icalSyncMinutes: config.ICAL_SYNC_MINUTES,
    limits: { rates: config.MAX_RATES_PER_PROPERTY, roomTypes: config.MAX_ROOM_TYPES_PER_PROPERTY },
  };
  const metrics = createMetrics({ store, clock });
  const payments =
    config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET
      ? createStripePayments({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiBase: config.STRIPE_API_BASE })
      : undefined;
  const app = createApp({
    store: countingHolds(store, metrics),
    metrics,
    clock,
    logger,
    cache,
    config: appConfig,
    vault,
    payments: payments && countingPayments(payments, metrics),
    mailer,
    kickJobs: () => jobs.kick(),
  });
  // Issue 11: every kind of job this instance runs, by kind (server/jobs/queue.ts).
  const handlers = {
    [MAIL_JOB]: mailJobHandler(createMailTransport({ smtpUrl: config.SMTP_URL, outboxDir: join(config.DATA_DIR, 'outbox') })),
    // SPEC 2.17: on its day, charges the balance off-session (stripe) or reminds the owner (manual).
    [BALANCE_JOB]: balanceJobHandler({
      store,
      clock,
      payments: payments && countingPayments(payments, metrics),
      mailer,
      config: appConfig,
      kickJobs: () => jobs.kick(),
      onBalanceEvent: (type, booking) => emit({ store, clock, kickJobs: () => jobs.kick() }, type, booking),
    }),
    // SPEC 2.16: a guest's refund Stripe could not take at the cancellation, retried for 3 days.
    [REFUND_JOB]: refundJobHandler({ store, clock, payments: payments && countingPayments(payments, metrics), mailer, kickJobs: () => jobs.kick(), config: appConfig }),
    // SPEC 2.18: one event to one owner endpoint, signed, retried for 3 days.
    [WEBHOOK_JOB]: webhookJobHandler({ store, clock, mailer, allowPrivateUrls: config.ALLOW_PRIVATE_URLS }),
  };
  const jobs = startJobRunner(createJobRunner({ queue: store.jobs, handlers, logger }), { logger });
  const housekeeping = startHousekeeping(store, { purgeDays: config.CARD_PURGE_DAYS, logger, clock });
  const calendarSync = startCalendarSync({ store, clock, mailer, cache, config: appConfig }, { logger });
  serveStatic(app);

  const announce = async (port: number) => {
    const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
    const lines = [`directbook is running at ${url}`, `  demo page:     ${url}/`, `  API reference: ${url}/api/v1/docs`];
    if (admin.created) lines.push(`  admin token:   ${admin.value}  (shown once; kept in DATA_DIR/admin-token)`);
    // SPEC 5: the demo is for the embedded default; a shared PostgreSQL or a production server is
    // never seeded (its manual-mode demo would then need CARD_VAULT_KEY at the next start).
    if (!config.DATABASE_URL && config.NODE_ENV !== 'production' && (await store.countProperties()) === 0) {
      const demo = await seedDemo(store, clock(), [url]);
      lines.push(`  demo property: ${demo.propertyId}`, `  demo key:      ${demo.secretKey}  (shown once)`);
    }
    console.log(lines.join('\n'));
  };
  // The adapter's server is node:http's unless told to make an HTTP/2 one, which it is not.
  const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => void announce(info.port)) as Server;

  // Requests already received finish first (a booking they commit gets its answer), then the jobs
  // they may have kicked, then the database. A second signal changes nothing.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      logger.info('shutting down: finishing requests in flight');
      await drain(server, SHUTDOWN_GRACE_MS);
      await Promise.all([housekeeping.stop(), calendarSync.stop(), jobs.stop()]);
      await store.close();
      process.exit(0);
    })().catch((err: unknown) => {
      logger.error({ err }, 'shutdown failed');
      process.exit(1);
    }));
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

await main();
