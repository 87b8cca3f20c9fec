// The only file that reads the environment: parse it, open storage, seed the demo, listen.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { sha256 } from './ids.ts';
import { createLogger } from './logger.ts';
import { serveStatic } from './static.ts';
import { seedDemo } from './seed.ts';
import { startCalendarSync } from './calendar-sync.ts';
import { startHousekeeping } from './housekeeping.ts';
import { ReadCache } from './read-cache.ts';
import { createMailer, startMailDelivery } from './mail/mailer.ts';
import { createMailTransport } from './mail/transport.ts';
import { createStripePayments } from './payments/stripe-payments.ts';
import { createCardVault, loadOrCreateVaultKey } from './vault/card-vault.ts';
import { openStore, sqliteFile } from './store/open-store.ts';

function adminTokenFor(dataDir: string, given: string | undefined): { token: string; generated: boolean } {
  if (given) return { token: given, generated: false };
  // The embedded default keeps a generated token in the data folder so restarts keep it.
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), generated: false };
  mkdirSync(dataDir, { recursive: true });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, generated: true };
}

async function main() {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  mkdirSync(config.DATA_DIR, { recursive: true });
  const store = await openStore({ databaseUrl: config.DATABASE_URL, sqlitePath: sqliteFile(config.DATA_DIR) });
  const admin = adminTokenFor(config.DATA_DIR, config.ADMIN_TOKEN);
  const clock = () => new Date();
  const mailer = createMailer({
    queue: store.mailQueue,
    transport: createMailTransport({ smtpUrl: config.SMTP_URL, outboxDir: join(config.DATA_DIR, 'outbox') }),
    from: config.MAIL_FROM,
    logger,
    // Mail goes out right after the booking that queued it; the poll stays as the retry path.
    onQueued: () => delivery.kick(),
  });

  const cache = new ReadCache();
  const appConfig = {
    adminTokenHash: sha256(admin.token),
    holdMinutes: config.HOLD_MINUTES,
    publicUrl: config.PUBLIC_URL,
    stripePublishableKey: config.STRIPE_PUBLISHABLE_KEY,
    tokenSecret: sha256(`client-token:${admin.token}`),
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    allowPrivateUrls: config.ALLOW_PRIVATE_URLS,
    icalSyncMinutes: config.ICAL_SYNC_MINUTES,
    limits: { rates: config.MAX_RATES_PER_PROPERTY, roomTypes: config.MAX_ROOM_TYPES_PER_PROPERTY },
  };
  const app = createApp({
    store,
    clock,
    logger,
    cache,
    config: appConfig,
    vault: createCardVault(loadOrCreateVaultKey({ configuredKey: config.CARD_VAULT_KEY, dataDir: config.DATA_DIR, logger })),
    payments:
      config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET
        ? createStripePayments({ secretKey: config.STRIPE_SECRET_KEY, webhookSecret: config.STRIPE_WEBHOOK_SECRET, apiBase: config.STRIPE_API_BASE })
        : undefined,
    mailer,
  });
  const delivery = startMailDelivery(mailer, { logger });
  const housekeeping = startHousekeeping(store, { purgeDays: config.CARD_PURGE_DAYS, logger, clock });
  const calendarSync = startCalendarSync({ store, clock, mailer, cache, config: appConfig }, { logger });
  serveStatic(app);

  const announce = async (port: number) => {
    const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
    const lines = [`directbook is running at ${url}`, `  demo page:     ${url}/`, `  API reference: ${url}/api/v1/docs`];
    if (admin.generated || !config.ADMIN_TOKEN) lines.push(`  admin token:   ${admin.token}`);
    // SPEC 5: the demo is for the embedded default; a shared PostgreSQL is never seeded.
    if (!config.DATABASE_URL && (await store.countProperties()) === 0) {
      const demo = await seedDemo(store, clock(), [url]);
      lines.push(`  demo property: ${demo.propertyId}`, `  demo key:      ${demo.secretKey}  (shown once)`);
    }
    console.log(lines.join('\n'));
  };
  const server = serve({ fetch: app.fetch, port: config.PORT }, (info) => void announce(info.port));

  const stop = async () => {
    housekeeping.stop();
    await calendarSync.stop();
    await delivery.stop();
    server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

await main();
