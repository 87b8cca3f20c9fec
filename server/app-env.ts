import type { Logger } from './logger.ts';
import type { PropertyRecord, Store } from './store/store.ts';

export interface AppConfig {
  /** SHA-256 of ADMIN_TOKEN: the token itself is not kept in memory longer than start-up. */
  adminTokenHash: string;
  holdMinutes: number;
  /** Where the server is reached from browsers; defaults to the request's own origin. */
  publicUrl?: string;
  stripePublishableKey?: string;
  /** Signs booking client tokens, so a replayed booking request can answer with the same token. */
  tokenSecret: string;
}

export interface AppDeps {
  store: Store;
  clock: () => Date;
  logger: Logger;
  config: AppConfig;
}

export type AppEnv = { Variables: { property: PropertyRecord } };
