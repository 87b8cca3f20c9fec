// SPEC 2.12: the party asked for a room must fit its room type, and give the children's ages where a
// rate prices children by age. Shared by availability, quotes and bookings.
import { exceededLimit, limitsOf, type OccupancyLimits, type OccupancyPrices, type Party, pricesChildren } from '../../shared/occupancy.ts';
import { ApiError } from '../errors.ts';
import { type LocalizedText, textIn } from '../../shared/localized-text.ts';

/** 400 `child_ages_required` on `path`: the rate prices children by age and the request gave only a count. */
export function assertChildAges(rate: OccupancyPrices, party: Party, path: string) {
  if (party.children === 0 || party.childAges !== undefined || !pricesChildren(rate)) return;
  const message = 'This rate prices children by age: give childAges, one age (0–17) per child';
  throw new ApiError(400, 'child_ages_required', message, [{ path, message }]);
}

/** 400 `too_many_guests` naming the room's adults, or its children, that do not fit the room type. */
export function assertFits(roomType: OccupancyLimits & { name: LocalizedText }, party: Party, roomPath: string) {
  const exceeded = exceededLimit(roomType, party);
  if (!exceeded) return;
  const limits = limitsOf(roomType);
  // API messages are in English (SPEC 3).
  const name = textIn(roomType.name, 'en');
  const message =
    exceeded === 'adults'
      ? `${name} takes at most ${limits.maxAdults} adults`
      : exceeded === 'children'
        ? `${name} takes at most ${limits.maxChildren} children`
        : `${name} sleeps at most ${limits.maxGuests}`;
  const field = exceeded === 'children' ? (party.childAges ? 'childAges' : 'children') : 'adults';
  throw new ApiError(400, 'too_many_guests', message, [{ path: `${roomPath}.${field}`, message }]);
}
