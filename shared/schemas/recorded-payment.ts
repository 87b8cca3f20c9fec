// SPEC 2.23: money the owner took outside directbook (cash at the desk, a bank transfer, the stored card
// charged by hand) recorded against the booking's balance, so amountPaid and balanceDue tell the truth.
import * as v from 'valibot';
import { PositiveMoneySchema } from './common.ts';

export const PAYMENT_METHODS = ['cash', 'card', 'bank_transfer', 'other'] as const;
export const PaymentMethodSchema = v.pipe(
  v.picklist(PAYMENT_METHODS, 'Expected cash, card, bank_transfer or other'),
  v.description('How the guest paid: cash, card (e.g. the stored card charged on the property’s own terminal), bank_transfer or other'),
);

export const RecordPaymentSchema = v.pipe(
  v.strictObject({
    amount: v.pipe(PositiveMoneySchema, v.description('What was paid, in minor units; at most the balance still due (409 over_balance otherwise)')),
    method: PaymentMethodSchema,
    note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(500), v.description('Free text for the owner’s records, e.g. a receipt number'))),
  }),
  v.metadata({ examples: [{ amount: 120000, method: 'cash', note: 'Paid at check-in' }] }),
);
export type RecordPayment = v.InferOutput<typeof RecordPaymentSchema>;

export const RecordedPaymentSchema = v.object({
  id: v.pipe(v.string(), v.description('The payment’s id (pay_…)')),
  amount: v.pipe(v.number(), v.description('What was paid, in minor units')),
  method: PaymentMethodSchema,
  note: v.pipe(v.nullable(v.string()), v.description('The owner’s note, or null')),
  recordedAt: v.pipe(v.string(), v.description('When it was recorded (ISO date-time, UTC)')),
});
export type RecordedPayment = v.InferOutput<typeof RecordedPaymentSchema>;
