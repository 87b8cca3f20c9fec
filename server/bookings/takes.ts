// What a booking takes of the inventory, worked out from its priced rooms.
import { nightsOf } from '../../shared/dates.ts';
import type { Take } from '../store/store.ts';

/**
 * One take per rate, room type and night: rooms on the same rate share the night's counter, and a
 * plan's rooms in several room types each take their own room type's units (SPEC 2.21).
 */
export function takesFor(rooms: readonly { rateId: string; roomTypeId: string }[], checkIn: string, checkOut: string): Take[] {
  const byKey = new Map<string, Take>();
  for (const room of rooms) {
    for (const date of nightsOf(checkIn, checkOut)) {
      const key = `${room.rateId}|${room.roomTypeId}|${date}`;
      const take = byKey.get(key) ?? { roomTypeId: room.roomTypeId, rateId: room.rateId, date, rooms: 0 };
      take.rooms += 1;
      byKey.set(key, take);
    }
  }
  return [...byKey.values()];
}
