// What the console's calendar shows per room type and date: units left after the bookings that
// hold them, and whether the property is closed (SPEC 2.5, 2.6).
import { addDays, weekdayOf } from '../../shared/dates.ts';
import type { Closures } from '../../shared/schemas/property.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import type { Booking } from '../../shared/schemas/stay.ts';

export const DAYS = 14;

export const datesFrom = (first: string, count = DAYS) => Array.from({ length: count }, (_, i) => addDays(first, i));

/** Bookings that hold rooms: confirmed ones, and holds not yet expired at `now`. */
const holdsRooms = (booking: Booking, now: Date) => booking.status === 'confirmed' || (booking.status === 'pending' && Date.parse(booking.expiresAt) > now.getTime());

export function unitsLeft(roomType: RoomType, date: string, bookings: readonly Booking[], now: Date): number {
  let taken = 0;
  for (const booking of bookings) {
    if (booking.checkIn > date || booking.checkOut <= date || !holdsRooms(booking, now)) continue;
    taken += booking.rooms.filter((room) => room.roomTypeId === roomType.id).length;
  }
  return Math.max(0, roomType.units - taken);
}

/** Closed by date or weekday; public holidays are the server's to know and show in the guest's calendar. */
export const isClosed = (closures: Closures, date: string) => closures.dates.includes(date) || closures.weekdays.includes(weekdayOf(date));

/** The dates from `from` to `to` (both included) that fall on `weekdays` (all when empty). */
export function datesBetween(from: string, to: string, weekdays: readonly number[]): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) if (!weekdays.length || weekdays.includes(weekdayOf(date))) dates.push(date);
  return dates;
}
