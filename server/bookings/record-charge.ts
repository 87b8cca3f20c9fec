// SPEC 2.20: a succeeded Stripe charge is written down by the call that counted its money, with
// Stripe's fee when Stripe can tell it then; the settlement report reads a missing fee later.
import { PaymentsError, type Payments } from '../payments/payments.ts';
import type { StripeCharge } from '../store/settlement-store.ts';
import type { BookingDeps } from './ports.ts';

export async function recordCharge(deps: BookingDeps & { payments: Payments }, charge: Omit<StripeCharge, 'fee'>): Promise<void> {
  // The booking is already paid and confirmed: a fee Stripe cannot tell now must not undo that.
  const fee = await deps.payments.chargeFee(charge.intentId).catch((error: unknown) => {
    if (error instanceof PaymentsError) return null;
    throw error;
  });
  await deps.store.recordStripeCharge({ ...charge, fee });
}
