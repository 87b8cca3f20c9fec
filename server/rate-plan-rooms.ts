// SPEC 2.21: a room in a quote or booking names its rate and, for a plan of several room types,
// which one; the server fills the room type of a one-room-type rate so every room carries both.
import type { RoomRequest } from '../shared/schemas/stay.ts';
import { invalidField } from './errors.ts';

export function resolvePlanRooms<R extends Pick<RoomRequest, 'rateId' | 'roomTypeId'>>(
  variants: readonly { id: string; roomTypeId: string }[],
  rooms: readonly R[],
): (R & { roomTypeId: string })[] {
  const covered = new Map<string, string[]>();
  for (const v of variants) covered.set(v.id, [...(covered.get(v.id) ?? []), v.roomTypeId]);
  return rooms.map((room, i) => {
    const roomTypes = covered.get(room.rateId);
    if (!roomTypes) throw invalidField(`rooms.${i}.rateId`, 'No such rate');
    if (room.roomTypeId === undefined) {
      if (roomTypes.length > 1) throw invalidField(`rooms.${i}.roomTypeId`, 'This rate covers several room types: name the roomTypeId');
      return { ...room, roomTypeId: roomTypes[0]! };
    }
    if (!roomTypes.includes(room.roomTypeId)) throw invalidField(`rooms.${i}.roomTypeId`, 'This rate does not cover that room type');
    return { ...room, roomTypeId: room.roomTypeId };
  });
}
