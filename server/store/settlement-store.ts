// SPEC 2.20: what the settlement report reads: a property's bookings that moved money, with the
// Stripe charges and balance payments (through Stripe or recorded by the owner) behind their amounts.
import type { Kysely, SelectQueryBuilder } from 'kysely';
import { toBooking } from './booking-store.ts';
import type { Database } from './schema.ts';
import type { BookingRecord } from './store.ts';

/** A succeeded Stripe PaymentIntent of a booking: when the server counted it, and Stripe's fee once read. */
export interface StripeCharge {
  intentId: string;
  bookingId: string;
  paidAt: string;
  /** ISO minor units of the booking's currency; null until read from the balance transaction. */
  fee: number | null;
}

/** A balance payment: through Stripe (its intent), or recorded by the owner by hand (no intent, no fee). */
export interface PaidBalance {
  intentId: string | null;
  amount: number;
  paidAt: string;
}

export interface SettlementSource {
  booking: BookingRecord;
  charges: StripeCharge[];
  balances: PaidBalance[];
}

/**
 * Which bookings to read: by check-in date, or (by payment) every booking that may have been paid
 * between two instants; the caller decides exactly, in the property's calendar.
 */
export type SettlementSelection = { by: 'checkIn'; from: string; to: string } | { by: 'payment'; after: string; before: string };

export interface SettlementStore {
  /** Records a charge once; reporting it again keeps the first `paidAt` and only fills a missing fee. */
  recordStripeCharge(charge: StripeCharge): Promise<void>;
  settlementSources(propertyId: string, selection: SettlementSelection): Promise<SettlementSource[]>;
}

// Bind parameters per statement stay far below SQLite's and PostgreSQL's limits.
const CHUNK = 500;

export function settlementStore(db: Kysely<Database>): SettlementStore {
  return {
    async recordStripeCharge(charge) {
      await db
        .insertInto('stripe_charges')
        .values({ intent_id: charge.intentId, booking_id: charge.bookingId, paid_at: charge.paidAt, fee: charge.fee })
        .onConflict((oc) => oc.column('intent_id').doUpdateSet((eb) => ({ fee: eb.fn.coalesce('stripe_charges.fee', eb.ref('excluded.fee')) })))
        .execute();
    },

    async settlementSources(propertyId, selection) {
      const rows = await selected(db.selectFrom('bookings').selectAll().where('property_id', '=', propertyId), selection)
        .orderBy('check_in')
        .orderBy('reference')
        .execute();
      const sources = new Map(rows.map((row) => [row.id, { booking: toBooking(row), charges: [] as StripeCharge[], balances: [] as PaidBalance[] }]));
      const ids = [...sources.keys()];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        for (const row of await db.selectFrom('stripe_charges').selectAll().where('booking_id', 'in', chunk).execute()) {
          sources.get(row.booking_id)!.charges.push({ intentId: row.intent_id, bookingId: row.booking_id, paidAt: row.paid_at, fee: row.fee === null ? null : Number(row.fee) });
        }
        const balances = await db
          .selectFrom('balance_payments')
          .select(['intent_id', 'booking_id', 'amount', 'paid_at'])
          .where('booking_id', 'in', chunk)
          .where('paid_at', 'is not', null)
          .execute();
        for (const row of balances) sources.get(row.booking_id)!.balances.push({ intentId: row.intent_id, amount: Number(row.amount), paidAt: row.paid_at! });
        const recorded = await db.selectFrom('recorded_payments').select(['booking_id', 'amount', 'recorded_at']).where('booking_id', 'in', chunk).execute();
        for (const row of recorded) sources.get(row.booking_id)!.balances.push({ intentId: null, amount: Number(row.amount), paidAt: row.recorded_at });
      }
      return [...sources.values()];
    },
  };
}

function selected<O>(query: SelectQueryBuilder<Database, 'bookings', O>, selection: SettlementSelection): SelectQueryBuilder<Database, 'bookings', O> {
  if (selection.by === 'checkIn') {
    // Money moved, or the stay is on the books: a hold that lapsed unpaid is no part of a settlement.
    return query
      .where('check_in', '>=', selection.from)
      .where('check_in', '<=', selection.to)
      .where((eb) => eb.or([eb('status', 'in', ['confirmed', 'completed']), eb('amount_paid', '>', 0), eb('amount_refunded', '>', 0)]));
  }
  // Every payment sets updated_at, which only grows, and none comes before the booking was made.
  return query.where('amount_paid', '>', 0).where('created_at', '<', selection.before).where('updated_at', '>=', selection.after);
}
