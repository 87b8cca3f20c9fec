// SPEC 2.20: the settlement report as an accountant's spreadsheet opens it: UTF-8 with a BOM (so
// Excel reads the names right), amounts in major units beside their currency, totals as the last row.
import { stringify } from 'csv-stringify/sync';
import { currencyExponent } from '../../shared/money.ts';
import type { SettlementAmounts, SettlementReport } from '../../shared/schemas/settlement.ts';

const HEADER = ['Reference', 'Check-in', 'Check-out', 'Guest', 'Status', 'Payment mode', 'Paid on', 'Currency', 'Total', 'Deposit', 'Balance', 'Collected', 'Refunded', 'Stripe fee', 'Net'];

export function settlementCsv(report: SettlementReport): string {
  const rows = report.rows.map((row) => [
    text(row.reference),
    row.checkIn,
    row.checkOut,
    text(row.guestName),
    row.status,
    row.paymentMode,
    row.paidOn ?? '',
    row.currency,
    ...amounts(row, row.currency),
  ]);
  const totals = ['Total', '', '', '', '', '', '', report.currency, ...amounts(report.totals, report.currency)];
  // RFC 4180 line ends; csv-stringify quotes any cell holding a comma, a quote or a line break.
  return stringify([HEADER, ...rows, totals], { bom: true, record_delimiter: 'windows' });
}

function amounts(values: SettlementAmounts, currency: string): string[] {
  return [values.total, values.deposit, values.balance, values.collected, values.refunded, values.fee, values.net].map((minor) => majorUnits(minor, currency));
}

/** Minor units written in major units with the currency's exponent, without a float: 123456 USD → "1234.56", KRW → "123456". */
export function majorUnits(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const sign = minor < 0 ? '-' : '';
  return exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(-exponent)}`;
}

/**
 * OWASP "CSV injection": a spreadsheet runs a cell that starts with = + - @ (or tab, carriage return)
 * as a formula, so text the guest typed gets a leading apostrophe. Amounts are ours and stay numbers.
 */
export function text(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
