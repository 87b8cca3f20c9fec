// The durable mail queue: mail is written here first, so a failed send never fails a booking
// and is retried. The database implements it for SQLite and PostgreSQL; test/support/memory-mail-queue.ts for tests.
// Every implementation must pass the shared tests in test/support/mail-queue-contract.ts.
import type { OutgoingMail } from './transport.ts';

/** A message as stored: the Message-ID is fixed when it is queued and kept for every attempt. */
export type QueuedMessage = OutgoingMail & { messageId: string };

/** A message handed out by `due()` for one delivery attempt. */
export interface QueuedMail {
  /** The queue's own id for the row. */
  id: string;
  message: QueuedMessage;
  /** Failed attempts so far: 0 on the first attempt. */
  attempts: number;
  /** When it was queued; retrying stops a day after this. */
  createdAt: Date;
}

/**
 * Suggested row: `id`, `message_id` (unique), `from`, `to`, `reply_to`, `subject`, `text`,
 * `html`, `status` ('queued' | 'sent' | 'failed'), `attempts`, `created_at`, `next_attempt_at`,
 * `locked_until` (nullable), `last_error` (nullable), `sent_at` (nullable); an index on
 * (`status`, `next_attempt_at`). Times compare as instants (ISO text in UTC on SQLite is fine).
 */
export interface MailQueue {
  /**
   * Stores a message, due at once (`next_attempt_at = now`, 0 attempts, `created_at = now`).
   * Resolves only once the message is durably stored. Idempotent on `message.messageId`:
   * when a message with that Message-ID was already queued (whatever its state) this does
   * nothing, so confirming the same booking twice mails the guest once
   * (`INSERT … ON CONFLICT (message_id) DO NOTHING`).
   */
  enqueue(message: QueuedMessage, now: Date): Promise<void>;

  /**
   * Claims up to `limit` messages that are still queued, whose `next_attempt_at <= now`, and
   * that nobody holds (`locked_until` is null or `<= now`), oldest `next_attempt_at` first,
   * and sets their `locked_until` to `lockedUntil`. The claim must be atomic: several server
   * instances call this at the same time and must never get the same message
   * (PostgreSQL: `UPDATE … WHERE id IN (SELECT id … FOR UPDATE SKIP LOCKED) RETURNING *`;
   * SQLite: one `UPDATE … RETURNING` or a `BEGIN IMMEDIATE` transaction). A message whose
   * holder died is claimable again once its lock has passed.
   */
  due(now: Date, limit: number, lockedUntil: Date): Promise<QueuedMail[]>;

  /** Records that the message was delivered: it is never due again. Clears the lock. */
  markSent(id: string, sentAt: Date): Promise<void>;

  /**
   * Records a failed attempt: `attempts + 1`, `last_error = error` (never the message body),
   * lock cleared. With a `nextAttemptAt` the message is due again then; with `null` delivery
   * has been given up and the message is never due again (kept for the owner to inspect).
   */
  markFailed(id: string, error: string, nextAttemptAt: Date | null): Promise<void>;
}
