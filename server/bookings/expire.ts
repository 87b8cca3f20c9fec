// SPEC 2.7: expiry is decided by data. A pending booking past expiresAt no longer holds; whoever
// reads availability or runs housekeeping first marks it expired and gives its units back.
import type { Store } from '../store/store.ts';

/** Releases every hold that is due; a write only when some are. Returns how many were released. */
export async function expireDueHolds(store: Store, now: Date): Promise<number> {
  const instant = now.toISOString();
  return (await store.hasExpiredHolds(instant)) ? store.releaseExpiredHolds(instant) : 0;
}
