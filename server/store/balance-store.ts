// SPEC 2.16, 2.17: the balance a guest pays after the deposit, each PaymentIntent a row of its own,
// so its money is added to the booking once, however many webhooks and confirm calls report it.
import type { Kysely, Selectable } from 'kysely';
import { writeTransaction } from './booking-store.ts';
import { announce } from '../webhooks/store.ts';
import type { BalancePaymentsTable, Database } from './schema.ts';
import type { BalanceIntent, BalanceStore } from './store.ts';

const toIntent = (row: Selectable<BalancePaymentsTable>): BalanceIntent => ({
  intentId: row.intent_id,
  bookingId: row.booking_id,
  amount: Number(row.amount),
  createdAt: row.created_at,
  paidAt: row.paid_at,
});

export function balanceStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): BalanceStore {
  return {
    async addBalanceIntent(intent) {
      await db
        .insertInto('balance_payments')
        .values({ intent_id: intent.intentId, booking_id: intent.bookingId, amount: intent.amount, created_at: intent.createdAt, paid_at: null })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async unpaidBalanceIntents(bookingId) {
      const rows = await db.selectFrom('balance_payments').selectAll().where('booking_id', '=', bookingId).where('paid_at', 'is', null).orderBy('created_at').execute();
      return rows.map(toIntent);
    },

    async paidBalanceIntents(bookingId) {
      const rows = await db.selectFrom('balance_payments').selectAll().where('booking_id', '=', bookingId).where('paid_at', 'is not', null).orderBy('paid_at').orderBy('intent_id').execute();
      return rows.map(toIntent);
    },

    async balanceIntent(intentId) {
      const row = await db.selectFrom('balance_payments').selectAll().where('intent_id', '=', intentId).executeTakeFirst();
      return row && toIntent(row);
    },

    async recordBalancePayment(intentId, amount, now) {
      return writeTransaction(db, dialect, async (tx) => {
        const intent = await tx.selectFrom('balance_payments').select('booking_id').where('intent_id', '=', intentId).executeTakeFirst();
        if (!intent) return 'final';
        // Holds the booking's row, so a cancel racing this payment sees it counted or not at all (SQLite: BEGIN IMMEDIATE).
        const bookingQuery = tx.selectFrom('bookings').select('status').where('id', '=', intent.booking_id);
        const booking = await (dialect === 'postgres' ? bookingQuery.forUpdate() : bookingQuery).executeTakeFirst();
        const marked = await tx.updateTable('balance_payments').set({ paid_at: now, amount }).where('intent_id', '=', intentId).where('paid_at', 'is', null).executeTakeFirst();
        if (Number(marked.numUpdatedRows) === 1) {
          // Counted even for a booking no longer confirmed: the caller refunds it, and the refund is counted against it.
          await tx
            .updateTable('bookings')
            .set((eb) => ({ amount_paid: eb('amount_paid', '+', amount), updated_at: now }))
            .where('id', '=', intent.booking_id)
            .execute();
          await announce(tx, { type: 'payment.succeeded', bookingId: intent.booking_id, occurrence: intentId }, now);
        }
        // Counted before: whatever happened to the booking since (a cancellation and its refund) already
        // took this money into account, so a late report of it refunds nothing.
        if (Number(marked.numUpdatedRows) !== 1) return 'already_recorded';
        return booking?.status === 'confirmed' || booking?.status === 'completed' ? 'recorded' : 'final';
      });
    },
  };
}
