import { describe, expect, test } from 'vitest';
import { balanceOutstanding } from './balance.ts';

describe('the balance a guest still owes', () => {
  const paid = { status: 'confirmed', paymentMode: 'stripe', total: 50_000, amountPaid: 15_000 } as const;

  test('is the total less what was paid, for a confirmed booking paid through Stripe', () => {
    expect(balanceOutstanding(paid)).toBe(35_000);
    expect(balanceOutstanding({ ...paid, amountPaid: 50_000 })).toBe(0);
  });

  test('is nothing to pay online for a booking not confirmed, or one the property charges itself', () => {
    expect(balanceOutstanding({ ...paid, status: 'pending' })).toBe(0);
    expect(balanceOutstanding({ ...paid, status: 'cancelled' })).toBe(0);
    expect(balanceOutstanding({ ...paid, paymentMode: 'manual' })).toBe(0);
  });
});
