// SPEC 2.17: where each booking's balance stands, changed by guarded statements only, so a
// confirmation reported twice schedules one job and a job run twice tells the guest once.
import type { Kysely } from 'kysely';
import type { BalanceStatus } from '../../shared/schemas/stay.ts';
import type { NewJob } from '../jobs/queue.ts';
import { writeTransaction } from './booking-store.ts';
import { insertJob } from './job-queue-store.ts';
import type { Database } from './schema.ts';

export interface BalanceCollectionStore {
  /**
   * Decides a confirmed booking's balance once: sets `status` and, in the same transaction, queues
   * `job` (if any). False, and nothing done, when it was decided before or the booking is not confirmed.
   */
  decideBalance(bookingId: string, status: BalanceStatus, job: NewJob | null, now: Date): Promise<boolean>;
  /** Moves the balance status from one of `from` to `to`; false when it was not in `from`. */
  moveBalanceStatus(bookingId: string, from: readonly BalanceStatus[], to: BalanceStatus, now: Date): Promise<boolean>;
}

export function balanceCollectionStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): BalanceCollectionStore {
  return {
    async decideBalance(bookingId, status, job, now) {
      return writeTransaction(db, dialect, async (tx) => {
        const at = now.toISOString();
        const decided = await tx
          .updateTable('bookings')
          .set({ balance_status: status, updated_at: at })
          .where('id', '=', bookingId)
          .where('status', '=', 'confirmed')
          .where('balance_status', 'is', null)
          .executeTakeFirst();
        if (Number(decided.numUpdatedRows) !== 1) return false;
        if (job) await insertJob(tx, job, now);
        return true;
      });
    },

    async moveBalanceStatus(bookingId, from, to, now) {
      const moved = await db
        .updateTable('bookings')
        .set({ balance_status: to, updated_at: now.toISOString() })
        .where('id', '=', bookingId)
        .where('balance_status', 'in', [...from])
        .executeTakeFirst();
      return Number(moved.numUpdatedRows) === 1;
    },
  };
}
