// SPEC 2.16, 2.17: the guest pays what is left after the deposit on their manage page, through a
// PaymentIntent of its own on the deposit's Customer. The server decides the amount, and records
// the intent before the guest sees it, so only intents it made are ever counted as the balance.
import { balanceOutstanding } from '../../shared/balance.ts';
import type { BalancePayment } from '../../shared/schemas/stay.ts';
import { conflict } from '../errors.ts';
import type { Payments } from '../payments/payments.ts';
import type { BookingRecord } from '../store/store.ts';
import type { BookingDeps } from './ports.ts';

export async function payBalance(deps: BookingDeps & { payments: Payments }, booking: BookingRecord): Promise<BalancePayment> {
  if (booking.status !== 'confirmed') throw conflict('not_confirmed', 'Only a confirmed booking has a balance to pay');
  const amount = balanceOutstanding(booking);
  const publishableKey = deps.config.stripePublishableKey;
  if (amount === 0 || !booking.intentId || !booking.intentType || !publishableKey) throw conflict('no_balance_due', 'Nothing is left to pay on this booking');
  const intent = await deps.payments.createBalanceIntent({
    bookingId: booking.id,
    amount,
    currency: booking.currency,
    deposit: { id: booking.intentId, type: booking.intentType },
    description: `Balance of booking ${booking.reference}`,
    // What was paid so far names the debt: asking again returns the same intent, a new debt gets a new one.
    idempotencyKey: `balance-guest:${booking.id}:${booking.amountPaid}`,
  });
  await deps.store.addBalanceIntent({ intentId: intent.id, bookingId: booking.id, amount, createdAt: deps.clock().toISOString() });
  return { clientSecret: intent.clientSecret, publishableKey, amount };
}
