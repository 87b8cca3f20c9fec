import type { Logger } from './logger.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Payments } from './payments/payments.ts';
import type { ReadCache } from './read-cache.ts';
import type { CardVault } from './vault/card-vault.ts';
import type { BookingRecord, PropertyRecord, Store } from './store/store.ts';

export interface AppConfig {
  /** SHA-256 of ADMIN_TOKEN: the token itself is not kept in memory longer than start-up. */
  adminTokenHash: string;
  holdMinutes: number;
  /** Where the server is reached from browsers; defaults to the request's own origin. */
  publicUrl?: string;
  stripePublishableKey?: string;
  /** Signs booking client tokens, so a replayed booking request can answer with the same token. */
  tokenSecret: string;
  /** Booking and card attempts per client address per minute. */
  rateLimitPerMinute: number;
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
  /** Short-lived public reads; createApp makes one when not given. */
  cache?: ReadCache;
}

export type AppEnv = { Variables: { property: PropertyRecord } };

/** Routes under /public/bookings/:id, after the booking's clientToken was checked. */
export type BookingEnv = { Variables: AppEnv['Variables'] & { booking: BookingRecord } };
