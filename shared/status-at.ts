// SPEC 2.7: expiry is decided by data. A pending hold past its expiresAt is expired in every answer at
// once, not only after the next write or housekeeping run marks it.
import type { Booking } from './schemas/stay.ts';

export function statusAt<B extends Pick<Booking, 'status' | 'expiresAt'>>(booking: B, now: string): B {
  return booking.status === 'pending' && booking.expiresAt <= now ? { ...booking, status: 'expired' } : booking;
}
