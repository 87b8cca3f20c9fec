// SPEC 2.17: where a booking's balance stands, as owners and guests see it. The stored status says
// what the server decided and did; money that arrived by another way (paid in full, or on the
// manage page) makes it paid without anyone having to update it.
import type { BalanceStatus, Booking } from './schemas/stay.ts';

type Balance = Pick<Booking, 'status' | 'total' | 'amountPaid'> & { balanceStatus: BalanceStatus | null };

export function balanceStatusOf(booking: Balance): BalanceStatus | null {
  if (booking.status === 'pending' || booking.status === 'expired') return null;
  if (booking.amountPaid >= booking.total) return 'paid';
  // A cancelled stay has nothing left to collect, whatever was planned.
  if (booking.status === 'cancelled' && booking.balanceStatus === 'scheduled') return null;
  // Bookings confirmed before balance collection existed were always paid at the property.
  return booking.balanceStatus ?? (booking.status === 'cancelled' ? null : 'at_property');
}
