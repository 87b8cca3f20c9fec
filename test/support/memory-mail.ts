// The mailer and a job runner with only the mail handler, over an in-memory job queue: mail as the
// server sends it, without a database.
import type { Logger } from 'pino';
import { createJobRunner } from '../../server/jobs/runner.ts';
import { createMailer } from '../../server/mail/mailer.ts';
import { MAIL_JOB, mailJobHandler, type QueuedMessage } from '../../server/mail/queue.ts';
import type { MailTransport } from '../../server/mail/transport.ts';
import { createMemoryJobQueue, type MemoryJobQueue } from './memory-job-queue.ts';

export function memoryMail(options: { transport: MailTransport; from: string; logger: Logger; now: () => Date; queue?: MemoryJobQueue; onQueued?: () => void; batchSize?: number }) {
  const queue = options.queue ?? createMemoryJobQueue();
  const mailer = createMailer({ jobs: queue, from: options.from, logger: options.logger, now: options.now, ...(options.onQueued ? { onQueued: options.onQueued } : {}) });
  const runner = createJobRunner({
    queue,
    handlers: { [MAIL_JOB]: mailJobHandler(options.transport) },
    logger: options.logger,
    now: options.now,
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  return {
    queue,
    mailer,
    runner,
    /** Sends what is due at `at` (default: the clock's now). */
    deliverDue: (at?: Date) => runner.runDue(at),
    /** The queued messages' rows, each with its message. */
    rows: () => queue.rows.map((row) => ({ ...row, message: row.payload as QueuedMessage })),
  };
}
