// SPEC 2.10: the e-mails directbook sends. Pure functions: a booking in, subject/text/html out.
// Each mail is built once as a small document and rendered twice, so text and html never disagree.
import { BRAND_NAMES } from '../../shared/card.ts';
import type { Locale } from '../../shared/locale.ts';
import { formatLocalMoney } from '../../shared/local-money.ts';
import { fullName } from '../../shared/person-name.ts';
import type { Property } from '../../shared/schemas/property.ts';
import { type GuestProperty, guestProperty } from '../profile-view.ts';
import type { Booking, QuotedRoom } from '../../shared/schemas/stay.ts';
import { type MailStrings, mailStrings } from './strings.ts';
import type { RecordPayment } from '../../shared/schemas/recorded-payment.ts';

/** A rendered e-mail: plain text and HTML carry the same content. */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

/** The guest's confirmation, in the booking's locale (SPEC 2.10), with the link to their manage page (SPEC 2.16). */
export function guestConfirmation(booking: Booking, stored: Property, manageUrl?: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, booking.locale, booking.currency);

  return render(locale, t.confirmedSubject(property.name, booking.reference), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.greeting(booking.guest) },
    { kind: 'p', text: t.confirmedIntro(property.name) },
    {
      kind: 'facts',
      rows: [{ label: t.reference, value: booking.reference, strong: true }, { label: t.property, value: property.name }, ...stayRows(booking, t, locale)],
    },
    ...profileBlocks(property, t),
    ...roomBlocks(booking.rooms, t, money),
    ...chargeBlocks(booking, t, money),
    {
      kind: 'facts',
      rows: [{ label: t.total, value: money(booking.total), strong: true }, guestPaymentRow(booking, t, money), { label: t.balance, value: money(booking.balanceDue) }],
    },
    depositTerms(booking, t.depositTerms),
    ...cancellationTerms(booking, t.cancellationTerms),
    ...(nonRefundable(booking) ? [{ kind: 'p' as const, text: t.nonRefundable }] : []),
    ...(manageUrl ? [{ kind: 'link' as const, text: t.manageBooking, href: manageUrl }] : []),
    ...(property.email ? [{ kind: 'p' as const, text: t.questions(property.name) }] : []),
    { kind: 'p', text: t.farewell },
  ]);
}

/** Tells the owner about a new booking, in the property's locale. */
export function ownerNotification(booking: Booking, stored: Property, consoleUrl?: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, stored.locale, booking.currency);

  return render(locale, t.newBookingSubject(booking.reference, guestName(booking, locale)), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.newBookingIntro(property.name) },
    {
      kind: 'facts',
      rows: [
        { label: t.reference, value: booking.reference, strong: true },
        ...guestRows(booking, t, locale),
        { label: t.guestLanguage, value: t.languageName(booking.locale) },
        ...stayRows(booking, t, locale),
      ],
    },
    ...roomBlocks(booking.rooms, t, money),
    ...chargeBlocks(booking, t, money),
    {
      kind: 'facts',
      rows: [{ label: t.total, value: money(booking.total), strong: true }, { value: ownerPaymentSentence(booking, t, money) }, { label: t.balance, value: money(booking.balanceDue) }],
    },
    depositTerms(booking, t.depositTermsShown),
    ...consoleLink(t, consoleUrl),
  ]);
}

/** SPEC 2.16: what Stripe did not take back at a cancellation: retried by the server, or refused and the owner's to make (`byOwner`). */
export interface PendingRefund {
  amount: number;
  byOwner: boolean;
}

/** Tells the owner a booking was cancelled, what went back to the guest, and what is still to go back. */
export function ownerCancellation(booking: Booking, stored: Property, refund: { refunded: number; pending: PendingRefund }, consoleUrl?: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, stored.locale, booking.currency);

  return render(locale, t.ownerCancelledSubject(booking.reference, guestName(booking, locale)), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.ownerCancelledIntro },
    {
      kind: 'facts',
      rows: [
        { label: t.reference, value: booking.reference, strong: true },
        ...guestRows(booking, t, locale),
        ...stayRows(booking, t, locale),
        { label: t.total, value: money(booking.total) },
        // Manual mode: nothing went back by itself; the owner pays what the cancellation decided (SPEC 2.16).
        { label: booking.refundOwed > 0 ? t.refundOwedToGuest : t.refundedToGuest, value: money(refund.refunded), strong: true },
        ...(refund.pending.amount > 0 ? [{ label: refund.pending.byOwner ? t.refundRefusedToGuest : t.refundPendingToGuest, value: money(refund.pending.amount), strong: true }] : []),
      ],
    },
    ...consoleLink(t, consoleUrl),
  ]);
}

/** SPEC 2.19: tells the owner that an imported calendar wants nights already sold out here. */
export function ownerCalendarConflicts(
  stored: Property,
  calendar: { name: string; roomType: string },
  conflicts: readonly { date: string; summary: string; bookingId: string | null }[],
): MailContent {
  const { locale, property, t } = mailContext(stored, stored.locale);
  return render(locale, t.conflictSubject(calendar.name, conflicts.length), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.conflictIntro(calendar.name, calendar.roomType) },
    { kind: 'facts', rows: conflicts.map((c) => ({ label: formatStayDate(c.date, locale), value: t.conflictBooking(c.summary, c.bookingId) })) },
    { kind: 'p', text: t.conflictAction },
  ]);
}

/** SPEC 2.18: tells the owner a webhook endpoint failed for days and was disabled. */
export function ownerWebhookDisabled(stored: Property, endpoint: { url: string; failingSince: string }): MailContent {
  const { locale, property, t } = mailContext(stored, stored.locale);
  const since = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: property.timezone }).format(new Date(endpoint.failingSince));
  return render(locale, t.webhookDisabledSubject, [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.webhookDisabledIntro(endpoint.url, since) },
    { kind: 'p', text: t.webhookDisabledAction },
  ]);
}

/** Tells the guest their booking is cancelled, in the booking's locale; `stripeRefused`: Stripe refused the refund, so the property makes it by hand. */
export function guestCancellation(booking: Booking, stored: Property, refundedAmount: number, stripeRefused = false): MailContent {
  const { locale, property, t, money } = mailContext(stored, booking.locale, booking.currency);
  // Manual mode (SPEC 2.16): the property refunds by hand, as it does what Stripe refused.
  const byProperty = booking.paymentMode === 'manual' || stripeRefused;

  const refund: Block[] =
    refundedAmount > 0
      ? [
          { kind: 'facts', rows: [{ label: t.refunded, value: money(refundedAmount), strong: true }] },
          { kind: 'p', text: byProperty ? t.refundByProperty(money(refundedAmount)) : t.refundTiming },
        ]
      : [{ kind: 'p', text: booking.amountPaid > 0 ? t.noRefund : t.nothingWasPaid }];

  return render(locale, t.cancelledSubject(property.name, booking.reference), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.greeting(booking.guest) },
    { kind: 'p', text: t.cancelledIntro(property.name) },
    {
      kind: 'facts',
      rows: [{ label: t.reference, value: booking.reference, strong: true }, ...stayRows(booking, t, locale), { label: t.total, value: money(booking.total) }],
    },
    ...refund,
    ...(property.email ? [{ kind: 'p' as const, text: t.questions(property.name) }] : []),
  ]);
}

/** SPEC 2.17: the balance could not be charged off-session; the guest pays it on their manage page. */
export function guestBalanceFailed(booking: Booking, stored: Property, amount: number, reason: 'declined' | 'authentication_required', manageUrl: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, booking.locale, booking.currency);
  const why = reason === 'authentication_required' ? t.balanceNeedsAuthentication : t.balanceDeclined;
  return render(locale, t.balanceFailedSubject(property.name, booking.reference), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.greeting(booking.guest) },
    { kind: 'p', text: why(property.name, money(amount)) },
    { kind: 'facts', rows: [{ label: t.reference, value: booking.reference, strong: true }, ...stayRows(booking, t, locale), { label: t.balance, value: money(amount), strong: true }] },
    { kind: 'link', text: t.payBalance, href: manageUrl },
    ...(property.email ? [{ kind: 'p' as const, text: t.questions(property.name) }] : []),
  ]);
}

/** SPEC 2.17: tells the owner the balance was not charged and that the guest was asked to pay it. */
export function ownerBalanceFailed(booking: Booking, stored: Property, amount: number, code: string, consoleUrl?: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, stored.locale, booking.currency);
  return render(locale, t.ownerBalanceFailedSubject(booking.reference, guestName(booking, locale)), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.ownerBalanceFailed(money(amount), code) },
    { kind: 'facts', rows: [{ label: t.reference, value: booking.reference, strong: true }, ...guestRows(booking, t, locale), ...stayRows(booking, t, locale)] },
    ...consoleLink(t, consoleUrl),
  ]);
}

/** SPEC 2.16: the refund of a guest's cancellation that Stripe did not take; the owner must make it. */
export function ownerRefundFailed(booking: Booking, stored: Property, amount: number, consoleUrl?: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, stored.locale, booking.currency);
  return render(locale, t.ownerRefundFailedSubject(booking.reference, guestName(booking, locale)), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.ownerRefundFailed(money(amount)) },
    { kind: 'facts', rows: [{ label: t.reference, value: booking.reference, strong: true }, ...guestRows(booking, t, locale), ...stayRows(booking, t, locale)] },
    ...consoleLink(t, consoleUrl),
  ]);
}

/** SPEC 2.17, manual mode: the day has come for the owner to charge the balance to the stored card. */
export function ownerBalanceReminder(booking: Booking, stored: Property, amount: number, cardStored: boolean, consoleUrl?: string): MailContent {
  const { locale, property, t, money } = mailContext(stored, stored.locale, booking.currency);
  // A card is erased once the deposit is marked charged (SPEC 2.8): then the owner must ask the guest.
  const card = booking.card && cardStored ? `${BRAND_NAMES[booking.card.brand]} •••• ${booking.card.last4}` : null;
  return render(locale, t.ownerBalanceReminderSubject(booking.reference, guestName(booking, locale)), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: card ? t.ownerBalanceReminder(money(amount), card) : t.ownerBalanceNoCard(money(amount)) },
    { kind: 'facts', rows: [{ label: t.reference, value: booking.reference, strong: true }, ...guestRows(booking, t, locale), ...stayRows(booking, t, locale)] },
    ...consoleLink(t, consoleUrl),
  ]);
}

/** SPEC 2.23: the guest's receipt for a payment the owner recorded (cash, transfer, card on the property's terminal). */
export function guestPaymentReceipt(booking: Booking, stored: Property, payment: { amount: number; method: RecordPayment['method'] }): MailContent {
  const { locale, property, t, money } = mailContext(stored, booking.locale, booking.currency);
  return render(locale, t.receiptSubject(property.name, booking.reference), [
    { kind: 'heading', text: property.name },
    { kind: 'p', text: t.greeting(booking.guest) },
    { kind: 'p', text: t.receiptIntro(property.name, money(payment.amount)) },
    {
      kind: 'facts',
      rows: [
        { label: t.reference, value: booking.reference, strong: true },
        { label: t.amountReceived, value: money(payment.amount), strong: true },
        { label: t.paymentMethod, value: t.methodName(payment.method) },
        ...stayRows(booking, t, locale),
        { label: t.total, value: money(booking.total) },
        { label: t.paidSoFar, value: money(booking.amountPaid) },
        { label: t.balance, value: money(booking.balanceDue) },
      ],
    },
    ...(property.email ? [{ kind: 'p' as const, text: t.questions(property.name) }] : []),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Content pieces

/** SPEC 2.11: where the property is, how to reach it and when to arrive. */
function profileBlocks(property: GuestProperty, t: MailStrings): Block[] {
  const rows: Row[] = [
    ...(property.address ? [{ label: t.address, value: property.address }] : []),
    ...(property.phone ? [{ label: t.phone, value: property.phone }] : []),
    ...(property.checkInTime ? [{ label: t.checkInFrom, value: property.checkInTime }] : []),
    ...(property.checkOutTime ? [{ label: t.checkOutUntil, value: property.checkOutTime }] : []),
  ];
  return [
    ...(rows.length > 0 ? [{ kind: 'facts' as const, rows }] : []),
    ...(property.directions ? [{ kind: 'facts' as const, title: t.directions, rows: [{ value: property.directions }] }] : []),
  ];
}

/** SPEC 2.16: every rate booked refunds nothing at any time (bookings from before policies say nothing). */
function nonRefundable(booking: Booking): boolean {
  return booking.deposits.length > 0 && booking.deposits.every((d) => d.cancellation !== undefined && d.cancellation.tiers.every((tier) => tier.refundPercent === 0));
}

/** SPEC 2.23: owner e-mails open the booking in the console. */
function consoleLink(t: MailStrings, consoleUrl: string | undefined): Block[] {
  return consoleUrl ? [{ kind: 'link', text: t.openInConsole, href: consoleUrl }] : [];
}

type Money = (minor: number) => string;

/** What every message starts from: its language, the property as shown in it, the words, and money in `currency`. */
function mailContext(stored: Property, locale: Locale, currency = stored.currency) {
  return { locale, property: guestProperty(stored, locale), t: mailStrings[locale], money: moneyIn(currency, locale) };
}

function moneyIn(currency: string, locale: Locale): Money {
  return (minor) => formatLocalMoney(minor, currency, locale);
}

/** A stay date (YYYY-MM-DD, a calendar date with no zone) the way the reader writes dates. */
export function formatStayDate(date: string, locale: Locale): string {
  // Read and written in UTC so the calendar date never shifts with the server's zone.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function guestName(booking: Booking, locale: Locale): string {
  return fullName(booking.guest, locale);
}

function stayRows(booking: Booking, t: MailStrings, locale: Locale): Row[] {
  return [
    { label: t.checkIn, value: formatStayDate(booking.checkIn, locale) },
    { label: t.checkOut, value: formatStayDate(booking.checkOut, locale) },
    { label: t.nights, value: t.nightCount(booking.nights) },
  ];
}

function guestRows(booking: Booking, t: MailStrings, locale: Locale): Row[] {
  return [
    { label: t.guest, value: guestName(booking, locale) },
    { label: t.email, value: booking.guest.email },
    ...(booking.guest.phone ? [{ label: t.phone, value: booking.guest.phone }] : []),
  ];
}

function roomBlocks(rooms: readonly QuotedRoom[], t: MailStrings, money: Money): Block[] {
  return rooms.map((room, index) => ({
    kind: 'facts',
    title: `${t.room(index + 1)}: ${room.roomTypeName}`,
    rows: [
      { label: t.rate, value: room.rateName },
      { label: t.guestsLabel, value: t.guests(room.adults, room.children) },
      { label: t.roomPrice, value: money(room.roomTotal) },
      ...room.extras.map((extra) => ({
        label: extra.quantity > 1 ? `${extra.name} × ${extra.quantity}` : extra.name,
        value: money(extra.total),
      })),
      // The room's fees and taxes are listed by name below the rooms (chargeBlocks).
      { label: t.roomTotal, value: money(room.total - (room.fees ?? 0) - (room.taxes ?? 0)), strong: true },
    ],
  }));
}

/** SPEC 2.13: the booking's fee and tax lines as the guest agreed to them; an inclusive tax is marked and adds nothing. */
function chargeBlocks(booking: Booking, t: MailStrings, money: Money): Block[] {
  const charges = (booking.lines ?? []).filter((line) => line.kind === 'fee' || line.kind === 'tax');
  if (charges.length === 0) return [];
  return [{ kind: 'facts', title: t.taxesAndFees, rows: charges.map((line) => ({ label: line.included ? t.included(line.name) : line.name, value: money(line.amount) })) }];
}

/** SPEC 2.8/2.10: what the guest pays now, or that the property will charge it. */
function guestPaymentRow(booking: Booking, t: MailStrings, money: Money): Row {
  if (booking.depositDue === 0) return { value: t.nothingDueNow };
  if (booking.paymentMode === 'stripe') {
    return { label: t.chargedNow, value: money(booking.depositDue), strong: true };
  }
  return { value: t.propertyWillCharge(money(booking.depositDue)), strong: true };
}

function ownerPaymentSentence(booking: Booking, t: MailStrings, money: Money): string {
  if (booking.paymentMode === 'stripe') {
    return booking.depositDue > 0 ? t.ownerStripeCharged(money(booking.depositDue)) : t.ownerStripeNothingCharged;
  }
  if (booking.depositDue === 0) return t.ownerManualNothingDue;
  const card = booking.card ? `${BRAND_NAMES[booking.card.brand]} •••• ${booking.card.last4}` : '—';
  return t.ownerManualCharge(money(booking.depositDue), card);
}

/** SPEC 2.4: every rate's deposit message, word for word as the guest saw it when booking. */
function depositTerms(booking: Booking, title: string): Block {
  return {
    kind: 'list',
    title,
    items: booking.deposits.map((deposit) => `${deposit.rateName}: ${deposit.message}`),
  };
}

/** SPEC 2.16: each rate's cancellation policy as agreed when booking; bookings from before policies have none. */
function cancellationTerms(booking: Booking, title: string): Block[] {
  const items = booking.deposits.flatMap((d) => (d.cancellation ? [booking.deposits.length > 1 ? `${d.rateName}: ${d.cancellation.summary}` : d.cancellation.summary] : []));
  return items.length > 0 ? [{ kind: 'list', title, items }] : [];
}

// ---------------------------------------------------------------------------------------------
// Rendering

interface Row {
  /** Without a label the value is a sentence of its own. */
  label?: string;
  value: string;
  strong?: boolean;
}

type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'facts'; title?: string; rows: Row[] }
  | { kind: 'list'; title: string; items: string[] };

function render(locale: Locale, subject: string, blocks: Block[]): MailContent {
  return {
    subject: oneLine(subject),
    text: blocks.map(blockText).join('\n\n') + '\n',
    html: pageHtml(locale, subject, blocks.map(blockHtml).join('\n')),
  };
}

/**
 * Guest-typed values (names, phone) may hold line breaks or control characters: keep every
 * value on one line so it cannot fake a header, a line of the text part, or a new paragraph.
 */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return oneLine(block.text);
    case 'p':
      return oneLine(block.text);
    case 'link':
      return `${oneLine(block.text)}:\n${oneLine(block.href)}`;
    case 'facts': {
      const indent = block.title ? '  ' : '';
      const rows = block.rows.map((row) => indent + (row.label ? `${oneLine(row.label)}: ${oneLine(row.value)}` : oneLine(row.value)));
      return (block.title ? [oneLine(block.title), ...rows] : rows).join('\n');
    }
    case 'list':
      return [oneLine(block.title), ...block.items.map((item) => `- ${oneLine(item)}`)].join('\n');
  }
}

/** Escapes text for HTML element content and double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return oneLine(value).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

const MUTED = 'color:#52525b;';
const CELL = 'padding:4px 0;vertical-align:top;';

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h1 style="margin:0 0 16px;font-size:20px;">${escapeHtml(block.text)}</h1>`;
    case 'p':
      return `<p style="margin:0 0 16px;">${escapeHtml(block.text)}</p>`;
    case 'link':
      return `<p style="margin:0 0 16px;"><a href="${escapeHtml(block.href)}" style="color:#0b6e5f;font-weight:600;">${escapeHtml(block.text)}</a></p>`;
    case 'facts': {
      const title = block.title ? `<h2 style="margin:8px 0 4px;font-size:16px;">${escapeHtml(block.title)}</h2>\n` : '';
      const rows = block.rows.map((row) => {
        const value = row.strong ? `<strong>${escapeHtml(row.value)}</strong>` : escapeHtml(row.value);
        return row.label
          ? `<tr><td style="${CELL}${MUTED}padding-right:16px;">${escapeHtml(row.label)}</td>` + `<td style="${CELL}text-align:right;">${value}</td></tr>`
          : `<tr><td colspan="2" style="${CELL}">${value}</td></tr>`;
      });
      return `${title}<table role="presentation" width="100%" cellpadding="0" cellspacing="0" ` + `style="border-collapse:collapse;margin:0 0 16px;">\n${rows.join('\n')}\n</table>`;
    }
    case 'list':
      return (
        `<h2 style="margin:8px 0 4px;font-size:16px;">${escapeHtml(block.title)}</h2>\n` +
        `<ul style="margin:0 0 16px;padding-left:20px;">\n` +
        block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n') +
        `\n</ul>`
      );
  }
}

function pageHtml(locale: Locale, subject: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f4f5;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;">
<tr><td style="padding:24px;font-family:-apple-system,'Segoe UI',Roboto,'Noto Sans KR',sans-serif;font-size:15px;line-height:1.5;color:#18181b;">
${body}
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}
