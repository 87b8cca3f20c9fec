import { parse } from 'csv-parse/sync';
import { expect, test } from 'vitest';
import type { SettlementReport } from '../../shared/schemas/settlement.ts';
import { majorUnits, settlementCsv, text } from './settlement-csv.ts';

test('amounts are written in major units with the currency’s own number of decimals', () => {
  expect(majorUnits(123_456, 'USD')).toBe('1234.56');
  expect(majorUnits(5, 'USD')).toBe('0.05');
  expect(majorUnits(0, 'USD')).toBe('0.00');
  expect(majorUnits(-465, 'USD')).toBe('-4.65');
  expect(majorUnits(90_000, 'KRW')).toBe('90000');
  expect(majorUnits(-2_610, 'KRW')).toBe('-2610');
  expect(majorUnits(1_250, 'BHD')).toBe('1.250');
  expect(majorUnits(9_007_199_254_740_991, 'USD')).toBe('90071992547409.91');
});

test('text a spreadsheet would run as a formula starts with an apostrophe; other text is left alone', () => {
  for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(text(cell)).toBe(`'${cell}`);
  for (const cell of ['Yuna Park', 'Lee, "Jr."', "O'Neil", '1+1=2']) expect(text(cell)).toBe(cell);
});

test('names with commas, quotes and line breaks come back whole from a CSV parser', () => {
  const row = { total: 0, deposit: 0, balance: 0, collected: 0, refunded: 0, fee: 0, net: 0 };
  const report: SettlementReport = {
    from: '2026-12-01',
    to: '2026-12-31',
    by: 'checkIn',
    currency: 'USD',
    rows: [
      {
        ...row,
        bookingId: 'bk_1',
        reference: 'DB-1',
        checkIn: '2026-12-05',
        checkOut: '2026-12-07',
        guestName: 'Lee, "Jr."\nSecond line',
        status: 'confirmed',
        paymentMode: 'stripe',
        paidOn: null,
        currency: 'USD',
      },
    ],
    totals: row,
  };
  const [, parsed] = parse(settlementCsv(report), { bom: true });
  expect(parsed!.slice(0, 7)).toEqual(['DB-1', '2026-12-05', '2026-12-07', 'Lee, "Jr."\nSecond line', 'confirmed', 'stripe', '']);
  expect(settlementCsv(report)).toMatch(/^\uFEFFReference,/);
});
