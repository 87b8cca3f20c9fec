import type { TrustProxy } from './client-address.ts';
import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Metrics } from './metrics.ts';
import type { Payments } from './payments/payments.ts';
import type { CurrentCatalogs } from './current-catalog.ts';
import type { ReadCache } from './read-cache.ts';
import type { CardVault } from './vault/card-vault.ts';
import type { BookingRecord, OwnerKeyRecord, PropertyRecord, Store } from './store/store.ts';

export interface AppConfig {
  /** SHA-256 of ADMIN_TOKEN: the token itself is not kept in memory longer than start-up. */
  adminTokenHash: string;
  holdMinutes: number;
  /** Issue 9: the bearer token /metrics answers to; unset, /metrics is not served. */
  metricsToken?: string;
  /** Where the server is reached from browsers; defaults to the request's own origin. */
  publicUrl?: string;
  stripePublishableKey?: string;
  /** Signs booking client tokens, so a replayed booking request can answer with the same token. */
  tokenSecret: string;
  /** Booking, card and confirm attempts and failed authentications per client per minute (per property where there is one); public reads 10×. */
  rateLimitPerMinute: number;
  /** Issue 9: which proxies' X-Forwarded-For is believed; unset, the socket address is the client. */
  trustProxy?: TrustProxy;
  /** Issue 9: live holds per client address and per guest e-mail per property; 0 lifts the limit. */
  holdsPerClient: number;
  holdsPerEmail: number;
  /** SPEC 2.18: outgoing fetches may reach loopback addresses (development and tests). */
  allowPrivateUrls?: boolean;
  /** SPEC 2.19: minutes between two fetches of an imported calendar (15). */
  icalSyncMinutes?: number;
  /** Issue 13: what one property may have, so no availability answer grows without bound. */
  limits?: { rates: number; roomTypes: number };
}

export interface AppDeps {
  store: Store;
  clock: () => Date;
  logger: Logger;
  config: AppConfig;
  /** Stripe (or a stand-in) for properties in stripe mode; absent when no keys are configured. */
  payments?: Payments;
  /** Encrypts cards of manual-mode bookings (SPEC 2.8). */
  vault?: CardVault;
  /** Queues guest and owner e-mail; a failure to queue never fails a booking. */
  mailer?: Mailer;
  /** Issue 11: runs due jobs now rather than at the next poll; call after committing a job due at once (server/jobs/queue.ts). */
  kickJobs?: () => void;
  /** Short-lived public reads; createApp makes one when not given. */
  cache?: ReadCache;
  /** Issue 13: properties and catalogs as of their version in the database, for bookings; createApp makes one when not given. */
  catalogs?: CurrentCatalogs;
  /** Prometheus counters (issue 9); without them nothing is counted and /metrics does not exist. */
  metrics?: Metrics;
}

/** `ownerKey`: the key an owner route was called with (issue 9: its id, name and scopes). */
/** `ownerKeyHash`: the SHA-256 of the key the request came with, as a Bearer key or behind the console's session cookie. */
export type AppEnv = { Variables: { property: PropertyRecord; ownerKey: OwnerKeyRecord; ownerKeyHash: string } };

/** Routes under /public/bookings/:id, after the booking's clientToken was checked. */
export type BookingEnv = { Variables: AppEnv['Variables'] & { booking: BookingRecord } };
