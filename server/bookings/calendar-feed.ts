// SPEC 2.19 export: a room type's secret feed, and the nights it blocks on other channels.
import { nightsOf, shiftMonths, todayIn } from '../../shared/dates.ts';
import type { RoomType } from '../../shared/schemas/room-type.ts';
import { type BlockedRun, blockedRuns } from '../calendars/export-feed.ts';
import { closedChecker } from '../closures.ts';
import { notFound } from '../errors.ts';
import { newSecret, sameSecret } from '../ids.ts';
import type { ChannelStore, PropertyRecord, Store } from '../store/store.ts';
import { expireDueHolds } from './expire.ts';

/** How far ahead the feed looks: channels take bookings about a year and a half out. */
export const FEED_MONTHS = 18;

/**
 * The token starts with its property's id, the way a property key does: the feed's URL names only
 * the room type, and the store finds a room type through its property. The rest is 32 random bytes.
 */
const newFeedToken = (propertyId: string) => `${propertyId}.${newSecret()}`;
const propertyOfToken = (token: string) => token.slice(0, Math.max(0, token.indexOf('.')));

/** The current token of the room type's feed; the first call makes one, and concurrent first calls agree on it. */
export async function feedToken(store: ChannelStore, roomType: RoomType): Promise<string> {
  const current = await store.icalToken(roomType.id);
  if (current) return current;
  const made = newFeedToken(roomType.propertyId);
  if (await store.setIcalToken(roomType.id, null, made)) return made;
  return winningToken(store, roomType.id);
}

/** Replaces the token: every URL handed out before stops working. */
export async function rotateFeedToken(store: ChannelStore, roomType: RoomType): Promise<string> {
  const current = await store.icalToken(roomType.id);
  const made = newFeedToken(roomType.propertyId);
  if (await store.setIcalToken(roomType.id, current, made)) return made;
  // A concurrent call replaced the same old token; taking its turn again would kill the URL it just answered with.
  return winningToken(store, roomType.id);
}

async function winningToken(store: ChannelStore, roomTypeId: string): Promise<string> {
  const token = await store.icalToken(roomTypeId);
  // Tokens are replaced, never cleared: a compare-and-set that lost always leaves one behind.
  if (!token) throw new Error(`The iCal token of ${roomTypeId} vanished`);
  return token;
}

export interface FeedOptions {
  /** Units taken per night of the room type, from <= date < to (holds, bookings, imported blocks). */
  sold: ReadonlyMap<string, number>;
  isClosed: (date: string) => boolean;
  units: number;
  from: string;
  to: string;
}

/** The nights with no unit left to sell, as runs: sold out (holds and other channels count) or closed. */
export function unavailableRuns({ sold, isClosed, units, from, to }: FeedOptions): BlockedRun[] {
  return blockedRuns(nightsOf(from, to).filter((night) => isClosed(night) || (sold.get(night) ?? 0) >= units));
}

export interface RoomTypeFeed {
  property: PropertyRecord;
  roomType: RoomType;
  /** Today in the property's time zone: the first night the feed covers. */
  from: string;
  /** The day after the last night it covers. */
  to: string;
  runs: BlockedRun[];
}

/**
 * What the feed at /ical/:roomTypeId/:token.ics shows now. A wrong token, or the room type's
 * archival, answers 404 just like an unknown room type, so a guessed URL learns nothing.
 */
export async function roomTypeFeed(deps: { store: Store; clock: () => Date }, roomTypeId: string, token: string): Promise<RoomTypeFeed> {
  const { store } = deps;
  const stored = await store.icalToken(roomTypeId);
  if (stored === null || !sameSecret(token, stored)) throw notFound('Calendar');
  const propertyId = propertyOfToken(stored);
  const [property, roomType] = await Promise.all([store.getProperty(propertyId), store.getRoomType(propertyId, roomTypeId)]);
  if (!property || !roomType) throw notFound('Calendar');

  const now = deps.clock();
  // SPEC 2.7: a hold past its expiry no longer holds, and the channels must not block its nights.
  await expireDueHolds(store, now);
  const from = todayIn(property.timezone, now);
  const to = shiftMonths(from, FEED_MONTHS);
  const rows = await store.roomTypeSold([roomType.id], from, to);
  const runs = unavailableRuns({
    sold: new Map(rows.map((r) => [r.date, r.sold])),
    isClosed: closedChecker(property.closures, property.country),
    units: roomType.units,
    from,
    to,
  });
  return { property, roomType, from, to, runs };
}
