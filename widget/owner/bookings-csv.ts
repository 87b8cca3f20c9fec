// The bookings list as CSV, made in the browser (the list route answers JSON only): UTF-8 with a
// BOM so spreadsheets read Korean names, amounts in major units beside the currency, and guest
// text that would start a formula prefixed with ' (as the settlement report does, SPEC 2.20).
import { currencyExponent } from '../../shared/money.ts';
import type { Booking } from '../../shared/schemas/stay.ts';

const HEADER = ['reference', 'status', 'checkIn', 'checkOut', 'firstName', 'lastName', 'email', 'currency', 'total', 'amountPaid', 'amountRefunded', 'balanceDue'];

const cell = (value: string | number) => {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

const major = (minor: number, currency: string) => (minor / 10 ** currencyExponent(currency)).toFixed(currencyExponent(currency));

export function bookingsCsv(bookings: readonly Booking[]): string {
  const rows = bookings.map((b) => [
    b.reference,
    b.status,
    b.checkIn,
    b.checkOut,
    b.guest.firstName,
    b.guest.lastName,
    b.guest.email,
    b.currency,
    major(b.total, b.currency),
    major(b.amountPaid, b.currency),
    major(b.amountRefunded, b.currency),
    major(b.balanceDue, b.currency),
  ]);
  return `\uFEFF${[HEADER, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
