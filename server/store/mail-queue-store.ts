// The MailQueue of server/mail/queue.ts in the database, on SQLite and PostgreSQL alike.
import type { Kysely } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { MailQueue, QueuedMail, QueuedMessage } from '../mail/queue.ts';
import { writeTransaction } from './booking-store.ts';
import type { Database } from './schema.ts';

export function mailQueueStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): MailQueue {
  return {
    async enqueue(message, now) {
      const at = now.toISOString();
      await db
        .insertInto('mail_queue')
        .values({
          id: randomUUID(),
          message_id: message.messageId,
          message: JSON.stringify(message),
          status: 'queued',
          attempts: 0,
          created_at: at,
          next_attempt_at: at,
          locked_until: null,
          last_error: null,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('message_id').doNothing())
        .execute();
    },

    async due(now, limit, lockedUntil): Promise<QueuedMail[]> {
      const at = now.toISOString();
      // Claimed in one write transaction: BEGIN IMMEDIATE on SQLite, SKIP LOCKED rows on
      // PostgreSQL, so two instances never deliver the same message at once.
      const rows = await writeTransaction(db, dialect, async (tx) => {
        let candidates = tx
          .selectFrom('mail_queue')
          .select('id')
          .where('status', '=', 'queued')
          .where('next_attempt_at', '<=', at)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
          .orderBy('next_attempt_at')
          .limit(limit);
        if (dialect === 'postgres') candidates = candidates.forUpdate().skipLocked();
        const ids = (await candidates.execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        return tx.updateTable('mail_queue').set({ locked_until: lockedUntil.toISOString() }).where('id', 'in', ids).returningAll().execute();
      });
      return rows
        .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at))
        .map((r) => ({ id: r.id, message: JSON.parse(r.message) as QueuedMessage, attempts: r.attempts, createdAt: new Date(r.created_at) }));
    },

    async markSent(id, sentAt) {
      await db.updateTable('mail_queue').set({ status: 'sent', sent_at: sentAt.toISOString(), locked_until: null }).where('id', '=', id).execute();
    },

    async markFailed(id, error, nextAttemptAt) {
      await db
        .updateTable('mail_queue')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 500),
          locked_until: null,
          ...(nextAttemptAt ? { next_attempt_at: nextAttemptAt.toISOString() } : { status: 'failed' }),
        }))
        .where('id', '=', id)
        .execute();
    },
  };
}
