import { describe, expect, test } from 'vitest';
import { balanceStatusOf } from './balance-status.ts';

const booking = { status: 'confirmed' as const, total: 50_000, amountPaid: 15_000, balanceStatus: 'scheduled' as const };

describe('balanceStatusOf', () => {
  test('shows what the server decided while part of the total is still owed', () => {
    expect(balanceStatusOf(booking)).toBe('scheduled');
    expect(balanceStatusOf({ ...booking, balanceStatus: 'failed' })).toBe('failed');
    expect(balanceStatusOf({ ...booking, balanceStatus: 'at_property' })).toBe('at_property');
  });

  test('is paid once everything is paid, however it was paid', () => {
    expect(balanceStatusOf({ ...booking, amountPaid: 50_000 })).toBe('paid');
    expect(balanceStatusOf({ ...booking, balanceStatus: 'failed', amountPaid: 50_000 })).toBe('paid');
  });

  test('a booking confirmed before balance collection existed is paid at the property', () => {
    expect(balanceStatusOf({ ...booking, balanceStatus: null })).toBe('at_property');
  });

  test('has none while the booking is not confirmed, nor for a cancelled stay that was still to be charged', () => {
    expect(balanceStatusOf({ ...booking, status: 'pending', balanceStatus: null })).toBeNull();
    expect(balanceStatusOf({ ...booking, status: 'expired', balanceStatus: null })).toBeNull();
    expect(balanceStatusOf({ ...booking, status: 'cancelled' })).toBeNull();
    expect(balanceStatusOf({ ...booking, status: 'cancelled', balanceStatus: 'failed' })).toBe('failed');
  });
});
