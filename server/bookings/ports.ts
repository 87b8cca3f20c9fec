// What the booking use cases need from the rest of the server. Each use case is a plain function
// over these ports, so a route, a job or a test calls it with real parts and nothing else.
import type { Mailer } from '../mail/mailer.ts';
import type { Payments } from '../payments/payments.ts';
import type { CurrentCatalogs } from '../current-catalog.ts';
import type { Store } from '../store/store.ts';
import type { CardVault } from '../vault/card-vault.ts';

export interface BookingDeps {
  store: Store;
  clock: () => Date;
  /** Stripe (or a stand-in) for properties in stripe mode; absent when no keys are configured. */
  payments?: Payments;
  /** Queues guest and owner e-mail; a failure to queue never fails a booking. */
  mailer?: Mailer;
  /** Issue 11: runs due jobs now rather than at the next poll; call after committing a job due at once (server/jobs/queue.ts). */
  kickJobs?: () => void;
  /** Encrypts cards of manual-mode bookings (SPEC 2.8). */
  vault?: CardVault;
  config: {
    /** How long a new booking holds its rooms. */
    holdMinutes: number;
    /** Signs booking client tokens, so a replayed booking request answers with the same token. */
    tokenSecret: string;
    stripePublishableKey?: string;
    /** SPEC 2.18: outgoing fetches may reach loopback addresses (development and tests). */
    allowPrivateUrls?: boolean;
    /** SPEC 2.19: minutes between two fetches of an imported calendar. */
    icalSyncMinutes?: number;
    /** Issue 9: live holds per client address and per guest e-mail per property; 0 or absent lifts the limit. */
    holdsPerClient?: number;
    holdsPerEmail?: number;
  };
  /** Issue 13: catalogs kept per property version, for pricing a hold. */
  catalogs?: Pick<CurrentCatalogs, 'catalog'>;
  /** This instance's short-lived public reads, made fresh when a change bypasses the property's routes. */
  cache?: { invalidate(propertyId: string): void };
}
