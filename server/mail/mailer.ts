// SPEC 2.10: the mail the app sends. Booking code only queues mail (it never waits on SMTP, and a
// mail problem never fails or rolls back a booking); deliverDue() sends what is due and retries.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Property } from '../../shared/schemas/property.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import type { MailQueue, QueuedMail, QueuedMessage } from './queue.ts';
import { type MailContent, guestCancellation, guestConfirmation, ownerCalendarConflicts, ownerCancellation, ownerNotification } from './templates.ts';
import type { MailTransport } from './transport.ts';

export type { MailQueue, QueuedMail, QueuedMessage } from './queue.ts';

/** What the owner is told of each conflicting night. */
export interface CalendarConflictNotice {
  date: string;
  uid: string;
  summary: string;
  bookingId: string | null;
}

export interface Mailer {
  /** Queues the guest confirmation and the owner's notice. Never rejects. */
  bookingConfirmed(booking: Booking, property: Property): Promise<void>;
  /** Queues the guest's and the owner's cancellation notices. Never rejects. */
  bookingCancelled(booking: Booking, property: Property, refundedAmount: number): Promise<void>;
  /** SPEC 2.19: tells the owner once about nights an imported calendar could not hold. Never rejects. */
  calendarConflicts(property: Property, calendar: { id: string; name: string; roomType: string }, conflicts: readonly CalendarConflictNotice[]): Promise<void>;
  /**
   * Sends the queued mail that is due at `now`; failures are rescheduled with backoff.
   * Safe on several instances at once (the queue claims each message for one of them).
   * Rejects only when the queue itself cannot be read.
   */
  deliverDue(now?: Date): Promise<DeliveryReport>;
}

export interface DeliveryReport {
  sent: number;
  /** Failed this time, scheduled again. */
  retrying: number;
  /** Failed for good: rejected permanently or still failing a day after queueing. */
  gaveUp: number;
}

export interface MailerOptions {
  queue: MailQueue;
  transport: MailTransport;
  /** MAIL_FROM: a bare address (guest mail then shows the property's name) or a full mailbox. */
  from: string;
  logger: Logger;
  /** Called once mail was queued, so a delivery loop sends it now rather than at its next poll. */
  onQueued?: () => void;
  now?: () => Date;
  /** Messages claimed and sent concurrently per round (default 5). */
  batchSize?: number;
  /** How long a claim holds a message; must outlast one send (default 5 min). */
  lockMs?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Retry schedule: 1 min after the first failure, then 2, 4, 8 … capped at an hour. */
export const RETRY_BASE_MS = MINUTE;
export const RETRY_MAX_MS = HOUR;
/** No attempt is scheduled later than this after queueing; the message is then given up. */
export const GIVE_UP_AFTER_MS = 24 * HOUR;

// A run drains at most this many batches, so one call cannot monopolise an instance.
const MAX_ROUNDS = 20;

/** When to try again after the `attempts`-th failure, or null to give up. */
export function nextAttemptAt(now: Date, attempts: number, createdAt: Date): Date | null {
  const delay = Math.min(RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), RETRY_MAX_MS);
  const next = new Date(now.getTime() + delay);
  return next.getTime() - createdAt.getTime() > GIVE_UP_AFTER_MS ? null : next;
}

export function createMailer(options: MailerOptions): Mailer {
  const { queue, transport, logger } = options;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 5;
  const lockMs = options.lockMs ?? 5 * MINUTE;
  const domain = domainOf(options.from);
  const log = logger.child({ component: 'mail' });

  const message = (bookingId: string, kind: string, content: MailContent, envelope: { from: string; to: string; replyTo?: string | undefined }): QueuedMessage => ({
    from: envelope.from,
    to: envelope.to,
    ...(envelope.replyTo ? { replyTo: envelope.replyTo } : {}),
    ...content,
    // Deterministic: the same booking event always yields the same Message-ID, which makes
    // queueing idempotent and lets mail clients fold a duplicate delivery into one message.
    messageId: `<${safeIdPart(bookingId)}.${kind}@${domain}>`,
  });

  /** Queues messages; a failure is logged, never thrown, so it cannot undo a booking. */
  const enqueueAll = async (bookingId: string, event: string, messages: QueuedMessage[]) => {
    const at = now();
    for (const m of messages) {
      try {
        await queue.enqueue(m, at);
      } catch (error) {
        log.error({ bookingId, event, messageId: m.messageId, err: summarize(error) }, 'mail could not be queued');
      }
    }
    options.onQueued?.();
  };

  const guestFrom = (property: Property) => (options.from.includes('<') ? options.from : mailbox(property.name, options.from));

  async function deliver(mail: QueuedMail, at: Date, report: DeliveryReport): Promise<void> {
    const { id, message: m } = mail;
    try {
      await transport.send(m);
    } catch (error) {
      const attempt = mail.attempts + 1;
      const permanent = isPermanent(error);
      const next = permanent ? null : nextAttemptAt(at, attempt, mail.createdAt);
      const err = summarize(error);
      try {
        await queue.markFailed(id, errorText(err), next);
      } catch (markError) {
        // The claim lapses and the message is tried again: late, but not lost.
        log.error({ mailId: id, err: summarize(markError) }, 'mail failure could not be recorded');
      }
      // Logged without the body or subject: they hold the guest's booking details.
      const fields = { mailId: id, messageId: m.messageId, attempt, err };
      if (next) {
        report.retrying += 1;
        log.warn({ ...fields, nextAttemptAt: next.toISOString() }, 'mail delivery failed, will retry');
      } else {
        report.gaveUp += 1;
        log.error({ ...fields, permanent }, 'mail delivery failed, giving up');
      }
      return;
    }
    report.sent += 1;
    try {
      await queue.markSent(id, at);
    } catch (markError) {
      // Sent but not recorded: a retry may deliver it again, under the same Message-ID.
      log.error({ mailId: id, messageId: m.messageId, err: summarize(markError) }, 'sent mail could not be recorded');
    }
    log.info({ mailId: id, messageId: m.messageId, attempt: mail.attempts + 1 }, 'mail sent');
  }

  return {
    async bookingConfirmed(booking, property) {
      const messages = [
        message(booking.id, 'confirmation', guestConfirmation(booking, property), {
          from: guestFrom(property),
          to: booking.guest.email,
          replyTo: property.email ?? undefined,
        }),
      ];
      if (property.email) {
        messages.push(
          message(booking.id, 'owner-confirmation', ownerNotification(booking, property), {
            from: options.from,
            to: property.email,
            replyTo: booking.guest.email,
          }),
        );
      }
      await enqueueAll(booking.id, 'confirmed', messages);
    },

    async bookingCancelled(booking, property, refundedAmount) {
      const messages = [
        message(booking.id, 'cancellation', guestCancellation(booking, property, refundedAmount), {
          from: guestFrom(property),
          to: booking.guest.email,
          replyTo: property.email ?? undefined,
        }),
      ];
      if (property.email) {
        messages.push(
          message(booking.id, 'owner-cancellation', ownerCancellation(booking, property, refundedAmount), {
            from: options.from,
            to: property.email,
            replyTo: booking.guest.email,
          }),
        );
      }
      await enqueueAll(booking.id, 'cancelled', messages);
    },

    async calendarConflicts(property, calendar, conflicts) {
      if (!property.email || conflicts.length === 0) return;
      // One message per set of new conflicts: the same set reported again folds into the same Message-ID.
      const kind = `conflicts-${createHash('sha256')
        .update(conflicts.map((c) => `${c.date}|${c.uid}`).join('\n'))
        .digest('hex')
        .slice(0, 16)}`;
      await enqueueAll(calendar.id, 'calendar-conflicts', [message(calendar.id, kind, ownerCalendarConflicts(property, calendar, conflicts), { from: options.from, to: property.email })]);
    },

    async deliverDue(at = now()) {
      const report: DeliveryReport = { sent: 0, retrying: 0, gaveUp: 0 };
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const batch = await queue.due(at, batchSize, new Date(at.getTime() + lockMs));
        await Promise.all(batch.map((mail) => deliver(mail, at, report)));
        if (batch.length < batchSize) break;
      }
      return report;
    },
  };
}

export interface MailDeliveryLoop {
  /** Runs now (or right after the run in progress): mail just queued goes out within moments. */
  kick(): void;
  /** Stops the loop and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs `deliverDue` every `intervalMs` (default 15 s) and whenever kicked, one run at a time, until stopped.
 * Each instance can run one: the queue decides who sends what. The timer does not keep the
 * process alive.
 */
export function startMailDelivery(mailer: Pick<Mailer, 'deliverDue'>, options: { logger: Logger; intervalMs?: number }): MailDeliveryLoop {
  const intervalMs = options.intervalMs ?? 15_000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let again = false;

  const tick = () => {
    busy = true;
    running = mailer
      .deliverDue()
      .then(
        () => undefined,
        (error: unknown) => {
          options.logger.error({ component: 'mail', err: summarize(error) }, 'mail delivery run failed');
        },
      )
      .finally(() => {
        busy = false;
        if (stopped) return;
        if (again) {
          again = false;
          tick();
        } else schedule();
      });
  };
  const schedule = () => {
    timer = setTimeout(tick, intervalMs);
    timer.unref();
  };

  schedule();
  return {
    kick() {
      if (stopped) return;
      // A run in progress may already have passed the new mail: one more run follows it.
      if (busy) {
        again = true;
        return;
      }
      clearTimeout(timer);
      tick();
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

// ---------------------------------------------------------------------------------------------

interface ErrorSummary {
  message: string;
  code?: string;
  responseCode?: number;
}

/** The parts of an error worth keeping: never the whole object, which may echo the message. */
function summarize(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { message: String(error) };
  const e = error as Error & { code?: unknown; responseCode?: unknown };
  return {
    message: e.message,
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.responseCode === 'number' ? { responseCode: e.responseCode } : {}),
  };
}

function errorText(err: ErrorSummary): string {
  return [err.code, err.responseCode, err.message]
    .filter((p) => p !== undefined)
    .join(' ')
    .slice(0, 1000);
}

/** RFC 5321: a 5xx reply (but 503, bad sequence) rejects the message for good; nodemailer flags it. */
function isPermanent(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { permanent?: unknown }).permanent === true;
}

function domainOf(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'directbook.invalid';
}

function safeIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

/** `"Display Name" <address>`, quoted so any name (quotes, `<`, commas) stays a name. */
export function mailbox(name: string, address: string): string {
  const quoted = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/["\\]/g, (c) => `\\${c}`);
  return `"${quoted}" <${address}>`;
}
