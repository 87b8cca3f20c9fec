// SPEC 2.10: the mail the app sends. Booking code only queues mail (it never waits on SMTP, and a
// mail problem never fails or rolls back a booking); the job runner sends it (mailJobHandler) and retries.
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Property } from '../../shared/schemas/property.ts';
import type { Locale } from '../../shared/locale.ts';
import { textIn } from '../../shared/localized-text.ts';
import type { RecordPayment } from '../../shared/schemas/recorded-payment.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { summarize } from '../jobs/runner.ts';
import { MAIL_JOB, mailJobKey, type QueuedMessage } from './queue.ts';
import {
  type MailContent,
  type PendingRefund,
  guestBalanceFailed,
  guestCancellation,
  guestConfirmation,
  guestPaymentReceipt,
  ownerBalanceFailed,
  ownerBalanceReminder,
  ownerCalendarConflicts,
  ownerCancellation,
  ownerNotification,
  ownerRefundFailed,
  ownerWebhookDisabled,
} from './templates.ts';

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
  /** SPEC 2.23: the guest's confirmation again, at the owner's request; `resendId` makes it a new message. Never rejects. */
  confirmationResent(booking: Booking, property: Property, resendId: string): Promise<void>;
  /**
   * Queues the guest's and the owner's cancellation notices. `pending`: what Stripe did not take back
   * at once, retried by the refund job or, `byOwner`, refused and the owner's to make (the guest is
   * told the whole refund either way). Never rejects.
   */
  bookingCancelled(booking: Booking, property: Property, refundedAmount: number, pending?: PendingRefund): Promise<void>;
  /** SPEC 2.19: tells the owner once about nights an imported calendar could not hold. Never rejects. */
  calendarConflicts(property: Property, calendar: { id: string; name: string; roomType: string }, conflicts: readonly CalendarConflictNotice[]): Promise<void>;
  /** SPEC 2.18: tells the owner a webhook endpoint was disabled after failing for days. Never rejects. */
  webhookDisabled(property: Property, endpoint: { id: string; url: string; failingSince: string }): Promise<void>;
  /** SPEC 2.17: the balance was not charged; the guest gets the manage link, the owner the reason (Stripe's code). Never rejects. */
  balanceFailed(booking: Booking, property: Property, failure: { amount: number; reason: 'declined' | 'authentication_required'; code: string }): Promise<void>;
  /** SPEC 2.16: tells the owner the refund of a guest's cancellation could not be made through Stripe. Never rejects. */
  refundFailed(booking: Booking, property: Property, amount: number): Promise<void>;
  /** SPEC 2.17, manual mode: reminds the owner to charge the balance today. Never rejects. */
  balanceReminder(booking: Booking, property: Property, reminder: { amount: number; cardStored: boolean }): Promise<void>;
  /** SPEC 2.23: the guest's receipt for a payment the owner recorded; `paymentId` keeps one mail per payment. Never rejects. */
  paymentRecorded(booking: Booking, property: Property, payment: { id: string; amount: number; method: RecordPayment['method'] }): Promise<void>;
}

export interface MailerOptions {
  /** Where mail waits to be sent, as `mail` jobs. */
  jobs: JobQueue;
  /** MAIL_FROM: a bare address (guest mail then shows the property's name) or a full mailbox. */
  from: string;
  logger: Logger;
  /** SPEC 2.16: the guest's manage page for a booking (server/mail/manage-link.ts); without it the confirmation has no link. */
  manageUrl?: (bookingId: string) => string;
  /** SPEC 2.23: the booking in the owner's console; without it owner mail has no link. */
  consoleUrl?: (bookingId: string) => string;
  /** Called once mail was queued, so the job runner sends it now rather than at its next poll. */
  onQueued?: () => void;
  now?: () => Date;
}

export function createMailer(options: MailerOptions): Mailer {
  const { jobs, logger } = options;
  const now = options.now ?? (() => new Date());
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
        await jobs.enqueue({ kind: MAIL_JOB, key: mailJobKey(m), payload: m }, at);
      } catch (error) {
        log.error({ bookingId, event, messageId: m.messageId, err: summarize(error) }, 'mail could not be queued');
      }
    }
    options.onQueued?.();
  };

  // SPEC 2.11: the guest sees the property's name in their own language.
  const guestFrom = (property: Property, locale: Locale) => (options.from.includes('<') ? options.from : mailbox(textIn(property.name, locale, property.locale), options.from));

  return {
    async bookingConfirmed(booking, property) {
      const messages = [
        message(booking.id, 'confirmation', guestConfirmation(booking, property, options.manageUrl?.(booking.id)), {
          from: guestFrom(property, booking.locale),
          to: booking.guest.email,
          replyTo: property.email ?? undefined,
        }),
      ];
      if (property.email) {
        messages.push(
          message(booking.id, 'owner-confirmation', ownerNotification(booking, property, options.consoleUrl?.(booking.id)), {
            from: options.from,
            to: property.email,
            replyTo: booking.guest.email,
          }),
        );
      }
      await enqueueAll(booking.id, 'confirmed', messages);
    },

    async confirmationResent(booking, property, resendId) {
      await enqueueAll(booking.id, 'confirmation-resent', [
        message(booking.id, `confirmation-${resendId}`, guestConfirmation(booking, property, options.manageUrl?.(booking.id)), {
          from: guestFrom(property, booking.locale),
          to: booking.guest.email,
          replyTo: property.email ?? undefined,
        }),
      ]);
    },

    async bookingCancelled(booking, property, refundedAmount, pending = { amount: 0, byOwner: false }) {
      const messages = [
        message(booking.id, 'cancellation', guestCancellation(booking, property, refundedAmount + pending.amount, pending.amount > 0 && pending.byOwner), {
          from: guestFrom(property, booking.locale),
          to: booking.guest.email,
          replyTo: property.email ?? undefined,
        }),
      ];
      if (property.email) {
        messages.push(
          message(booking.id, 'owner-cancellation', ownerCancellation(booking, property, { refunded: refundedAmount, pending }, options.consoleUrl?.(booking.id)), {
            from: options.from,
            to: property.email,
            replyTo: booking.guest.email,
          }),
        );
      }
      await enqueueAll(booking.id, 'cancelled', messages);
    },

    async balanceFailed(booking, property, { amount, reason, code }) {
      const manageUrl = options.manageUrl?.(booking.id);
      const messages: QueuedMessage[] = [];
      if (manageUrl) {
        messages.push(
          message(booking.id, 'balance-failed', guestBalanceFailed(booking, property, amount, reason, manageUrl), {
            from: guestFrom(property, booking.locale),
            to: booking.guest.email,
            replyTo: property.email ?? undefined,
          }),
        );
      }
      if (property.email) {
        messages.push(
          message(booking.id, 'owner-balance-failed', ownerBalanceFailed(booking, property, amount, code, options.consoleUrl?.(booking.id)), {
            from: options.from,
            to: property.email,
            replyTo: booking.guest.email,
          }),
        );
      }
      await enqueueAll(booking.id, 'balance-failed', messages);
    },

    async refundFailed(booking, property, amount) {
      if (!property.email) return;
      await enqueueAll(booking.id, 'refund-failed', [
        message(booking.id, 'owner-refund-failed', ownerRefundFailed(booking, property, amount, options.consoleUrl?.(booking.id)), {
          from: options.from,
          to: property.email,
          replyTo: booking.guest.email,
        }),
      ]);
    },

    async balanceReminder(booking, property, { amount, cardStored }) {
      if (!property.email) return;
      await enqueueAll(booking.id, 'balance-reminder', [
        message(booking.id, 'owner-balance-reminder', ownerBalanceReminder(booking, property, amount, cardStored, options.consoleUrl?.(booking.id)), {
          from: options.from,
          to: property.email,
          replyTo: booking.guest.email,
        }),
      ]);
    },

    async paymentRecorded(booking, property, payment) {
      await enqueueAll(booking.id, 'payment-recorded', [
        message(booking.id, `receipt-${payment.id}`, guestPaymentReceipt(booking, property, payment), {
          from: guestFrom(property, booking.locale),
          to: booking.guest.email,
          replyTo: property.email ?? undefined,
        }),
      ]);
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

    async webhookDisabled(property, endpoint) {
      if (!property.email) return;
      await enqueueAll(endpoint.id, 'webhook-disabled', [message(endpoint.id, 'disabled', ownerWebhookDisabled(property, endpoint), { from: options.from, to: property.email })]);
    },
  };
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
