// The rooms the guest has chosen on the rates step (room-requests.ts turns them into a request).
import type { Availability } from '../shared/schemas/stay.ts';

/**
 * What the guest chooses rooms of: a rate under one room type. A plan covering several room types
 * (SPEC 2.21) is offered under each with the same rate id, so the room type is part of the choice.
 */
export const choiceKey = (type: { id: string }, rate: { id: string }) => `${type.id} ${rate.id}`;

/** Rooms chosen per choiceKey, keeping only what the current answer still offers. */
export function offeredSelection(availability: Availability | undefined, selection: Record<string, number>): Map<string, number> {
  const offered = new Map<string, number>();
  for (const type of availability?.roomTypes ?? []) {
    for (const rate of type.rates) {
      const key = choiceKey(type, rate);
      const quantity = Math.min(selection[key] ?? 0, rate.available ? rate.unitsLeft : 0);
      if (quantity > 0) offered.set(key, quantity);
    }
  }
  return offered;
}
