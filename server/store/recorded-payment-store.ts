// SPEC 2.23: balance payments the owner records by hand. Recording one is a single guarded UPDATE of the
// booking (still confirmed, and the amount within what is left), so two desks recording at once can
// never take the balance below zero.
import { type Kysely, sql } from 'kysely';
import type { RecordedPayment, RecordPayment } from '../../shared/schemas/recorded-payment.ts';
import { announce } from '../webhooks/store.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database } from './schema.ts';

export type RecordPaymentResult = 'recorded' | 'not_confirmed' | 'over_balance';

export interface RecordedPaymentStore {
  /** Adds the payment to `amountPaid` and takes it off `balanceDue`; the balance is `paid` once nothing is left. */
  recordPayment(bookingId: string, payment: RecordPayment & { id: string }, now: string): Promise<RecordPaymentResult>;
  /** Oldest first. */
  recordedPayments(bookingId: string): Promise<RecordedPayment[]>;
}

export function recordedPaymentStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): RecordedPaymentStore {
  return {
    async recordPayment(bookingId, payment, now) {
      return writeTransaction(db, dialect, async (tx) => {
        const { amount } = payment;
        const updated = await tx
          .updateTable('bookings')
          .set((eb) => ({
            amount_paid: eb('amount_paid', '+', amount),
            balance_due: eb('balance_due', '-', amount),
            balance_status: sql<string>`case when balance_due = ${amount} then 'paid' else balance_status end`,
            updated_at: now,
          }))
          .where('id', '=', bookingId)
          .where('status', 'in', ['confirmed', 'completed'])
          .where('balance_due', '>=', amount)
          // Stripe balance payments raise amountPaid without touching balanceDue: the total caps both.
          .where((eb) => eb(eb('amount_paid', '+', amount), '<=', eb.ref('total')))
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          const booking = await tx.selectFrom('bookings').select('status').where('id', '=', bookingId).executeTakeFirst();
          return booking?.status === 'confirmed' || booking?.status === 'completed' ? 'over_balance' : 'not_confirmed';
        }
        await tx
          .insertInto('recorded_payments')
          .values({ id: payment.id, booking_id: bookingId, amount, method: payment.method, note: payment.note ?? null, recorded_at: now })
          .execute();
        await announce(tx, { type: 'payment.succeeded', bookingId, occurrence: payment.id }, now);
        return 'recorded';
      });
    },

    async recordedPayments(bookingId) {
      const rows = await db.selectFrom('recorded_payments').selectAll().where('booking_id', '=', bookingId).orderBy('recorded_at').orderBy('id').execute();
      return rows.map((row) => ({ id: row.id, amount: Number(row.amount), method: row.method as RecordedPayment['method'], note: row.note, recordedAt: row.recorded_at }));
    },
  };
}
