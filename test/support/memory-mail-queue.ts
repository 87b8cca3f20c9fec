// An in-memory MailQueue for tests and for trying the mailer out. Not durable: production uses
// the database implementation.
import type { MailQueue, QueuedMail, QueuedMessage } from '../../server/mail/queue.ts';

export interface MemoryQueueRow {
  id: string;
  message: QueuedMessage;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  createdAt: Date;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
}

export interface MemoryMailQueue extends MailQueue {
  /** Every row, for tests to inspect. */
  readonly rows: readonly MemoryQueueRow[];
}

export function createMemoryMailQueue(): MemoryMailQueue {
  const rows: MemoryQueueRow[] = [];
  let nextId = 1;

  const find = (id: string) => {
    const row = rows.find((r) => r.id === id);
    if (!row) throw new Error(`mail queue: no message ${id}`);
    return row;
  };

  return {
    rows,

    async enqueue(message, now) {
      if (rows.some((r) => r.message.messageId === message.messageId)) return;
      rows.push({
        id: String(nextId++),
        message: { ...message },
        status: 'queued',
        attempts: 0,
        createdAt: now,
        nextAttemptAt: now,
        lockedUntil: null,
        lastError: null,
        sentAt: null,
      });
    },

    // Synchronous from the check to the lock, so concurrent callers never share a message.
    async due(now, limit, lockedUntil) {
      const claimed = rows
        .filter((r) => r.status === 'queued' && r.nextAttemptAt <= now && (r.lockedUntil === null || r.lockedUntil <= now))
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
        .slice(0, limit);
      for (const row of claimed) row.lockedUntil = lockedUntil;
      return claimed.map((r): QueuedMail => ({ id: r.id, message: { ...r.message }, attempts: r.attempts, createdAt: r.createdAt }));
    },

    async markSent(id, sentAt) {
      const row = find(id);
      row.status = 'sent';
      row.sentAt = sentAt;
      row.lockedUntil = null;
    },

    async markFailed(id, error, nextAttemptAt) {
      const row = find(id);
      row.attempts += 1;
      row.lastError = error;
      row.lockedUntil = null;
      if (nextAttemptAt) row.nextAttemptAt = nextAttemptAt;
      else row.status = 'failed';
    },
  };
}
