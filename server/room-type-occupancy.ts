// SPEC 2.12: a room type's occupancy limits fit in maxGuests, also when a patch changes only one side.
import { limitsOf } from '../shared/occupancy.ts';
import { OCCUPANCY_FIELDS, occupancyFitMessage } from '../shared/schemas/occupancy.ts';
import type { RoomType, RoomTypePatch } from '../shared/schemas/room-type.ts';
import { invalidField } from './errors.ts';

/**
 * The patch with the limits it implies, checked against the stored room type. A limit at maxGuests
 * (the default) follows maxGuests when it changes; one the owner set below it stays, and must still fit.
 */
export function occupancyPatch(current: RoomType, patch: RoomTypePatch): RoomTypePatch {
  const maxGuests = patch.maxGuests ?? current.maxGuests;
  const stored = limitsOf(current);
  const changes: RoomTypePatch = { ...patch };
  for (const field of OCCUPANCY_FIELDS) {
    const sent = patch[field];
    if (sent !== undefined && sent > maxGuests) throw invalidField(field, occupancyFitMessage(field));
    if (sent !== undefined || patch.maxGuests === undefined) continue;
    if (stored[field] === current.maxGuests) changes[field] = maxGuests;
    else if (stored[field] > maxGuests) throw invalidField('maxGuests', `maxGuests cannot be below the room type's ${field} (${stored[field]})`);
  }
  return changes;
}
