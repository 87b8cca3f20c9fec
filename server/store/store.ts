// The one storage interface. SQLite (embedded default) and PostgreSQL implement it through
// the same Kysely queries; the contract suite in store.contract.test.ts runs on both.
import type { Closures, Property } from '../../shared/schemas/property.ts';
import type { Extra, ExtraPatch } from '../../shared/schemas/extra.ts';
import type { Rate, RatePatch } from '../../shared/schemas/rate.ts';
import type { RoomType, RoomTypePatch } from '../../shared/schemas/room-type.ts';
import type { MailQueue } from '../mail/queue.ts';
import type { BookingStore } from './booking-store.ts';

export interface PropertyRecord extends Property {
  keyHash: string;
  closures: Closures;
}

export type PropertyChanges = Partial<Omit<PropertyRecord, 'id' | 'createdAt' | 'keyHash'>>;

export interface RateRecord extends Rate {
  soldTotal: number;
}

export interface NightCount {
  id: string;
  date: string;
  sold: number;
}

export interface Store extends BookingStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Durable outgoing mail (server/mail/queue.ts). */
  readonly mailQueue: MailQueue;
  close(): Promise<void>;

  createProperty(property: PropertyRecord): Promise<void>;
  getProperty(id: string): Promise<PropertyRecord | undefined>;
  updateProperty(id: string, changes: PropertyChanges): Promise<void>;
  countProperties(): Promise<number>;

  createRoomType(roomType: RoomType): Promise<void>;
  listRoomTypes(propertyId: string): Promise<RoomType[]>;
  getRoomType(propertyId: string, id: string): Promise<RoomType | undefined>;
  updateRoomType(propertyId: string, id: string, patch: RoomTypePatch): Promise<void>;
  /** Archived room types disappear from lists; bookings that name them keep their copy. */
  archiveRoomType(propertyId: string, id: string, at: string): Promise<void>;

  createRate(rate: Rate): Promise<void>;
  listRates(propertyId: string): Promise<RateRecord[]>;
  getRate(propertyId: string, id: string): Promise<RateRecord | undefined>;
  updateRate(propertyId: string, id: string, patch: RatePatch): Promise<void>;
  archiveRate(propertyId: string, id: string, at: string): Promise<void>;
  /** Sets per-date prices (replacing any already there for those dates). */
  setPriceOverrides(rateId: string, prices: readonly { date: string; amount: number }[]): Promise<void>;
  /** Overrides of the given rates with from <= date < to. */
  listPriceOverrides(rateIds: readonly string[], from: string, to: string): Promise<{ rateId: string; date: string; amount: number }[]>;

  createExtra(extra: Extra): Promise<void>;
  listExtras(propertyId: string): Promise<Extra[]>;
  getExtra(propertyId: string, id: string): Promise<Extra | undefined>;
  updateExtra(propertyId: string, id: string, patch: ExtraPatch): Promise<void>;
  archiveExtra(propertyId: string, id: string, at: string): Promise<void>;

  /** Units taken (confirmed and held) per room type and night, from <= date < to; absent rows are 0. */
  roomTypeSold(roomTypeIds: readonly string[], from: string, to: string): Promise<NightCount[]>;
  /** Rooms sold per rate and night, from <= date < to; absent rows are 0. */
  rateSold(rateIds: readonly string[], from: string, to: string): Promise<NightCount[]>;
}
