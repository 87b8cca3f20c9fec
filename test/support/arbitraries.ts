// fast-check generators the pricing properties share (shared/lines.test.ts, shared/taxes.test.ts):
// every deposit policy and discount an owner can set, in minor units.
import fc from 'fast-check';
import type { Discount } from '../../shared/schemas/promotion.ts';
import type { DepositPolicy } from '../../shared/schemas/rate.ts';

export const policyArb: fc.Arbitrary<DepositPolicy> = fc.oneof(
  fc.constant({ type: 'none' as const }),
  fc.constant({ type: 'full' as const }),
  fc.constant({ type: 'first_night' as const }),
  fc.integer({ min: 1, max: 10_000_000 }).map((amount) => ({ type: 'fixed' as const, amount })),
  fc.integer({ min: 1, max: 10_000 }).map((h) => ({ type: 'percentage' as const, percent: h / 100 })),
);

export const discountArb: fc.Arbitrary<Discount> = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map((h) => ({ type: 'percent' as const, percent: h / 100 })),
  fc.integer({ min: 1, max: 50_000_000 }).map((amount) => ({ type: 'amount' as const, amount })),
);
