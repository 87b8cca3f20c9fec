// SPEC 2.17: the balance collected on time. A confirmed booking whose property collects it gets one
// `balance` job (key `balance:{bookingId}`) at 09:00 property time, `daysBeforeArrival` before check-in.
// In stripe mode the job charges the saved card off-session; in manual mode it reminds the owner.
// Delivery is at least once, so the job re-reads the booking, charges under the same idempotency
// key every time, and changes the balance status by guarded statements only.
import { balanceOutstanding } from '../../shared/balance.ts';
import { addDays } from '../../shared/dates.ts';
import { instantOfWallClock } from '../calendars/wall-clock.ts';
import { GiveUp, type RetryPolicy } from '../jobs/retry.ts';
import type { JobHandler } from '../jobs/runner.ts';
import { type OffSessionCharge, type OffSessionRefusal, PaymentsError } from '../payments/payments.ts';
import { BALANCE_JOB, balanceJobKey, type BalanceJobPayload } from '../store/balance-job.ts';
import type { BookingRecord, PropertyRecord } from '../store/store.ts';
import { bookingView, propertyView } from '../views.ts';
import type { BookingDeps } from './ports.ts';
import { settleBalanceIntent } from './settle-balance.ts';

/** SPEC 2.18: the owner-webhook events this use case causes. */
export type BalanceEvent = 'balance.charged' | 'balance.failed';

export type CollectBalanceDeps = BookingDeps & {
  /**
   * SPEC 2.18: called once per booking when its balance was charged, or could not be (after the
   * status changed, so a job run twice reports once). Owner webhooks hook in here.
   */
  onBalanceEvent?: (type: BalanceEvent, booking: BookingRecord) => Promise<void>;
};

const COLLECTION_HOUR = '09:00';

/**
 * When the balance is collected: 09:00 on the property's clocks, `daysBeforeArrival` days before
 * check-in. A booking made after that moment (a late booking) is collected at once.
 */
export function balanceChargeAt(checkIn: string, daysBeforeArrival: number, timeZone: string, now: Date): Date {
  const wall = Date.parse(`${addDays(checkIn, -daysBeforeArrival)}T${COLLECTION_HOUR}:00Z`);
  return new Date(Math.max(instantOfWallClock(wall, timeZone), now.getTime()));
}

/** What the booking still owes beyond what is paid: online in stripe mode, the whole balance in manual mode. */
function owed(booking: BookingRecord): number {
  return booking.paymentMode === 'stripe' ? balanceOutstanding(booking) : booking.status === 'confirmed' ? booking.balanceDue : 0;
}

/**
 * Decides, once per confirmed booking, how its balance is collected, and schedules the job that
 * collects it in the same transaction. Safe to call on every report of a confirmation.
 */
export async function scheduleBalanceCollection(deps: BookingDeps, booking: BookingRecord, known?: PropertyRecord): Promise<void> {
  if (booking.status !== 'confirmed' || booking.balanceStatus !== null) return;
  const property = known ?? (await deps.store.getProperty(booking.propertyId));
  if (!property) return;
  const now = deps.clock();
  const days = property.balanceCollection?.daysBeforeArrival;
  if (days === undefined || owed(booking) === 0) {
    await deps.store.decideBalance(booking.id, 'at_property', null, now);
    return;
  }
  const runAt = balanceChargeAt(booking.checkIn, days, property.timezone, now);
  const payload: BalanceJobPayload = { bookingId: booking.id };
  // Manual mode: directbook never charges, so the balance stays the property's to take.
  const status = booking.paymentMode === 'stripe' ? 'scheduled' : 'at_property';
  const decided = await deps.store.decideBalance(booking.id, status, { kind: BALANCE_JOB, key: balanceJobKey(booking.id), payload, runAt }, now);
  if (decided && runAt.getTime() <= now.getTime()) deps.kickJobs?.();
}

const MINUTE = 60_000;

/**
 * 5 minutes after the first failure, doubling to an hour apart, for about a day of attempts. Counted
 * in attempts, not from the job's creation, since a balance job is created weeks before it runs.
 */
const balanceRetry: RetryPolicy = ({ attempts }, now) => (attempts >= 30 ? null : new Date(now.getTime() + Math.min(5 * MINUTE * 2 ** (attempts - 1), 60 * MINUTE)));

export function balanceJobHandler(deps: CollectBalanceDeps): JobHandler<BalanceJobPayload> {
  return {
    retry: balanceRetry,
    async run({ bookingId }) {
      const booking = await deps.store.getBooking(bookingId);
      // Cancelled (or otherwise ended) since it was scheduled: there is nothing to collect.
      if (booking?.status !== 'confirmed') return;
      const property = await deps.store.getProperty(booking.propertyId);
      // The owner may have stopped collecting the balance since the booking was confirmed.
      if (!property?.balanceCollection) {
        await deps.store.moveBalanceStatus(bookingId, ['scheduled'], 'at_property', deps.clock());
        return;
      }
      if (booking.paymentMode === 'manual') return remindOwner(deps, booking, property);
      return chargeBalance(deps, booking, property);
    },
  };
}

async function remindOwner(deps: CollectBalanceDeps, booking: BookingRecord, property: PropertyRecord): Promise<void> {
  const amount = owed(booking);
  if (amount > 0) await deps.mailer?.balanceReminder(bookingView(booking), propertyView(property), { amount, cardStored: booking.cardBlob !== null });
}

async function chargeBalance(deps: CollectBalanceDeps, booking: BookingRecord, property: PropertyRecord): Promise<void> {
  if (booking.balanceStatus !== 'scheduled') return;
  const amount = balanceOutstanding(booking);
  const now = deps.clock();
  // Paid meanwhile, e.g. on the manage page.
  if (amount === 0) {
    await deps.store.moveBalanceStatus(booking.id, ['scheduled'], 'paid', now);
    return;
  }
  const payments = deps.payments;
  if (!payments) throw new GiveUp(new Error('Stripe is not configured on this server'));
  if (!booking.intentId || !booking.intentType) return failed(deps, booking, property, amount, { outcome: 'declined', intentId: null, code: 'no_saved_payment_method' });
  let charge: OffSessionCharge;
  try {
    charge = await payments.chargeOffSession({
      bookingId: booking.id,
      amount,
      currency: booking.currency,
      deposit: { id: booking.intentId, type: booking.intentType },
      description: `Balance of booking ${booking.reference}`,
      idempotencyKey: balanceJobKey(booking.id),
    });
  } catch (error) {
    // Stripe refused the request itself (not the card): the guest can still pay, and the job records why.
    if (error instanceof PaymentsError && error.code === 'invalid_request') {
      await failed(deps, booking, property, amount, { outcome: 'declined', intentId: null, code: error.code });
      throw new GiveUp(error);
    }
    throw error;
  }
  if (charge.outcome !== 'succeeded' && charge.outcome !== 'processing') return failed(deps, booking, property, amount, charge);
  await deps.store.addBalanceIntent({ intentId: charge.intentId, bookingId: booking.id, amount, createdAt: now.toISOString() });
  // A charge still processing is counted by its webhook, like a balance paid on the manage page.
  if (charge.outcome === 'processing') return;
  const settled = await settleBalanceIntent({ ...deps, payments }, { intentId: charge.intentId, bookingId: booking.id, amount, createdAt: now.toISOString(), paidAt: null });
  if (settled === 'incomplete') throw new Error(`Balance intent ${charge.intentId} is not settled yet`);
  // Refunded: the booking was cancelled while it was charged, and its cancellation said so.
  if (settled === 'refunded') return;
  if (await deps.store.moveBalanceStatus(booking.id, ['scheduled'], 'paid', deps.clock())) {
    await deps.onBalanceEvent?.('balance.charged', (await deps.store.getBooking(booking.id))!);
  }
}

async function failed(deps: CollectBalanceDeps, booking: BookingRecord, property: PropertyRecord, amount: number, charge: OffSessionRefusal): Promise<void> {
  // Mail first: its Message-ID makes queueing it again a no-op, so a run that dies after this still tells the guest once.
  await deps.mailer?.balanceFailed(bookingView(booking), propertyView(property), { amount, reason: charge.outcome, code: charge.code });
  if (await deps.store.moveBalanceStatus(booking.id, ['scheduled'], 'failed', deps.clock())) {
    await deps.onBalanceEvent?.('balance.failed', (await deps.store.getBooking(booking.id))!);
  }
}
