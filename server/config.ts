// SPEC 5: the environment, parsed once at start; a bad value stops the server with a clear message.
import * as v from 'valibot';
import { parseTrustProxy, TRUST_PROXY_MESSAGE } from './client-address.ts';

const Int = (fallback: string, min: number, max: number) =>
  v.pipe(
    v.optional(v.string(), fallback),
    v.regex(/^\d+$/, 'must be a whole number'),
    v.transform(Number),
    v.minValue(min, `must be at least ${min}`),
    v.maxValue(max, `must be at most ${max}`),
  );

const Url = v.pipe(v.string(), v.url('must be a URL'));

export const ConfigSchema = v.object({
  PORT: Int('8787', 0, 65535),
  // Unset listens on every interface; 127.0.0.1 keeps the server to a proxy on the same machine.
  HOST: v.optional(v.pipe(v.string(), v.regex(/^[\w.:-]+$/, 'must be a host name or an IP address'))),
  // Issue 9: /metrics is served only when set, and only to `Authorization: Bearer METRICS_TOKEN`.
  METRICS_TOKEN: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  DATA_DIR: v.optional(v.pipe(v.string(), v.minLength(1)), './data'),
  DATABASE_URL: v.optional(v.pipe(Url, v.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'))),
  // Issue 9: unset, a token is generated into DATA_DIR/admin-token and printed once.
  ADMIN_TOKEN: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  // Issue 9: signs guests' booking tokens; unset, generated into DATA_DIR/client-token-secret. Instances sharing a database share it.
  CLIENT_TOKEN_SECRET: v.optional(v.pipe(v.string(), v.minLength(32, 'must be at least 32 characters'))),
  PUBLIC_URL: v.optional(Url),
  STRIPE_SECRET_KEY: v.optional(v.pipe(v.string(), v.regex(/^(sk|rk)_(test|live)_/, 'must be a Stripe secret or restricted key'))),
  STRIPE_PUBLISHABLE_KEY: v.optional(v.pipe(v.string(), v.regex(/^pk_(test|live)_/, 'must start with pk_test_ or pk_live_'))),
  STRIPE_WEBHOOK_SECRET: v.optional(v.pipe(v.string(), v.regex(/^whsec_/, 'must start with whsec_'))),
  STRIPE_API_BASE: v.optional(Url),
  // Issue 9: a keyring `current,older,…` (comma-separated, current first); parsed by server/vault/vault-keys.ts.
  CARD_VAULT_KEY: v.optional(v.string()),
  // Issue 9: `production` requires PUBLIC_URL, and CARD_VAULT_KEY once a property takes cards manually.
  NODE_ENV: v.optional(v.string()),
  SMTP_URL: v.optional(v.pipe(Url, v.regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL'))),
  // Unset: bookings@ PUBLIC_URL's host (withMailFrom), so replies and SPF match the site guests booked on.
  MAIL_FROM: v.optional(v.string()),
  LOG_LEVEL: v.optional(v.picklist(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  HOLD_MINUTES: Int('15', 1, 1440),
  CARD_PURGE_DAYS: Int('7', 0, 3650),
  RATE_LIMIT_PER_MINUTE: Int('60', 1, 1_000_000),
  // Issue 9: unset, the socket address is the client; a hop count, or the proxies' addresses and CIDR ranges, to read X-Forwarded-For.
  TRUST_PROXY: v.optional(
    v.pipe(
      v.string(),
      v.check((value) => parseTrustProxy(value) !== undefined, TRUST_PROXY_MESSAGE),
      v.transform((value) => parseTrustProxy(value)!),
    ),
  ),
  // Issue 9: live holds per client address and per guest e-mail per property; 0 lifts the limit (benchmarks, tests).
  HOLDS_PER_CLIENT: Int('5', 0, 10_000),
  HOLDS_PER_EMAIL: Int('3', 0, 10_000),
  ICAL_SYNC_MINUTES: Int('15', 1, 1440),
  MAX_RATES_PER_PROPERTY: Int('300', 1, 5000),
  MAX_ROOM_TYPES_PER_PROPERTY: Int('100', 1, 1000),
  // SPEC 2.18: loopback webhook and calendar URLs, for development and tests only.
  ALLOW_PRIVATE_URLS: v.optional(
    v.pipe(
      v.picklist(['true', 'false'], 'must be true or false'),
      v.transform((flag) => flag === 'true'),
    ),
    'false',
  ),
});

export type Config = Omit<v.InferOutput<typeof ConfigSchema>, 'MAIL_FROM'> & { MAIL_FROM: string };

function withMailFrom(config: v.InferOutput<typeof ConfigSchema>): Config {
  const host = config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : 'directbook.local';
  return { ...config, MAIL_FROM: config.MAIL_FROM ?? `bookings@${host}` };
}

/** For the entry points (the server, backup, vault re-wrap): the configuration, or its message and exit 1. */
export function configOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

/** Parses the environment; throws one message listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = v.safeParse(ConfigSchema, present);
  if (result.success) return withMailFrom(result.output);
  const lines = result.issues.map((issue) => `  ${v.getDotPath(issue)} ${issue.message}`);
  throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
}
