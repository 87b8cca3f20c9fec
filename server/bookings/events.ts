// SPEC 2.18: what a booking use case tells owners' webhooks. State and money changes the store
// records (held, confirmed, cancelled, expired, payment succeeded or refunded) are announced by the
// store inside the transaction that made them (server/webhooks/store.ts `announce`), so a delivery
// exists exactly when its change committed, in the booking's order. A use case calls `deliverSoon`
// after such a change, and `emit` for an event of its own, such as a balance charge's outcome.
import type { WebhookEventType } from '../../shared/schemas/webhook.ts';
import type { BookingRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';

/** Sends what the last change enqueued within moments instead of at the next poll. */
export function deliverSoon(deps: Pick<BookingDeps, 'kickJobs'>): void {
  deps.kickJobs?.();
}

/**
 * Announces `type` for the booking as it is now, after its change committed. `occurrence` tells
 * apart events that may repeat (e.g. `balance.failed` per attempt); the same event emitted twice is
 * delivered once. Rejects when the queue cannot be written: a job calling it then retries.
 */
export async function emit(deps: Pick<BookingDeps, 'store' | 'clock' | 'kickJobs'>, type: WebhookEventType, booking: BookingRecord, occurrence?: string): Promise<void> {
  const enqueued = await deps.store.webhooks.announce({ type, bookingId: booking.id, ...(occurrence ? { occurrence } : {}) }, deps.clock().toISOString());
  if (enqueued > 0) deliverSoon(deps);
}
