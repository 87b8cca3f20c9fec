// SPEC 2.10: mail is a `mail` job on the durable job queue (server/jobs/queue.ts), written before
// it is sent, so a failed send never fails a booking and is retried.
import type { JobHandler } from '../jobs/runner.ts';
import { DEFAULT_RETRY, GiveUp } from '../jobs/retry.ts';
import type { MailTransport, OutgoingMail } from './transport.ts';

export const MAIL_JOB = 'mail';

/** A message as stored: the Message-ID is fixed when it is queued and kept for every attempt. */
export type QueuedMessage = OutgoingMail & { messageId: string };

/** The job's key: the same Message-ID is queued once, so confirming a booking twice mails the guest once. */
export const mailJobKey = (message: QueuedMessage) => `mail:${message.messageId}`;

/** Sends one queued message; retried 1, 2, 4 … minutes apart (at most an hour) for a day. */
export function mailJobHandler(transport: MailTransport): JobHandler<QueuedMessage> {
  return {
    async run(message) {
      try {
        await transport.send(message);
      } catch (error) {
        throw isPermanent(error) ? new GiveUp(error) : error;
      }
    },
    retry: DEFAULT_RETRY,
  };
}

/** RFC 5321: a 5xx reply (but 503, bad sequence) rejects the message for good; nodemailer flags it. */
function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}
