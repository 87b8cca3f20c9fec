// SPEC 2.20: the settlement report's period and shape. Ranges are inclusive, in the property's calendar.
import * as v from 'valibot';
import { daysBetween } from '../dates.ts';
import { IsoDateSchema } from './common.ts';
import { PaymentModeSchema } from './property.ts';
import { BookingStatusSchema } from './stay.ts';

export const MAX_REPORT_DAYS = 366;

type Period = { from: string; to: string };

export const SettlementQuerySchema = v.pipe(
  v.object({
    from: IsoDateSchema,
    to: IsoDateSchema,
    /** Which date puts a booking in the period: its check-in, or the day its first payment arrived. */
    by: v.optional(v.picklist(['checkIn', 'payment'], 'Expected checkIn or payment'), 'checkIn'),
    format: v.optional(v.picklist(['json', 'csv'], 'Expected json or csv'), 'json'),
  }),
  v.forward(
    v.partialCheck([['from'], ['to']], (p: Period) => p.from <= p.to, 'to must not be before from'),
    ['to'],
  ),
  v.forward(
    v.partialCheck([['from'], ['to']], (p: Period) => daysBetween(p.from, p.to) < MAX_REPORT_DAYS, `A report covers at most ${MAX_REPORT_DAYS} days`),
    ['to'],
  ),
);
export type SettlementQuery = v.InferOutput<typeof SettlementQuerySchema>;

/** The money of a row or of the whole period, in minor units: collected = deposit + balance; net = collected − refunded − fee. */
const AmountsEntries = {
  total: v.number(),
  deposit: v.number(),
  balance: v.number(),
  collected: v.number(),
  refunded: v.number(),
  fee: v.number(),
  net: v.number(),
};

export const SettlementAmountsSchema = v.object(AmountsEntries);
export type SettlementAmounts = v.InferOutput<typeof SettlementAmountsSchema>;

export const SettlementRowSchema = v.object({
  bookingId: v.string(),
  reference: v.string(),
  checkIn: v.string(),
  checkOut: v.string(),
  guestName: v.string(),
  status: BookingStatusSchema,
  paymentMode: PaymentModeSchema,
  /** The day the first payment arrived, in the property's calendar; null while nothing is paid. */
  paidOn: v.nullable(v.string()),
  currency: v.string(),
  ...AmountsEntries,
});
export type SettlementRow = v.InferOutput<typeof SettlementRowSchema>;

export const SettlementReportSchema = v.object({
  from: v.string(),
  to: v.string(),
  by: v.picklist(['checkIn', 'payment']),
  currency: v.string(),
  rows: v.array(SettlementRowSchema),
  totals: SettlementAmountsSchema,
});
export type SettlementReport = v.InferOutput<typeof SettlementReportSchema>;
