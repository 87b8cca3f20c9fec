// SPEC 2.17: the one job per booking that collects its balance. Named here, below the use cases,
// because cancelling a booking cancels it in the same transaction (booking-store.ts).

export const BALANCE_JOB = 'balance';

/** Also the Stripe idempotency key of the off-session charge: one charge per booking, however often the job runs. */
export const balanceJobKey = (bookingId: string) => `balance:${bookingId}`;

export interface BalanceJobPayload {
  bookingId: string;
}
