// The one storage interface. SQLite (embedded default) and PostgreSQL implement it through
// the same Kysely queries; the contract suite in store.contract.test.ts runs on both.
import type { Closures, Property } from '../../shared/schemas/property.ts';
import type { Extra, ExtraPatch } from '../../shared/schemas/extra.ts';
import type { KeyScope, OwnerKey } from '../../shared/schemas/owner-key.ts';
import type { Rate } from '../../shared/schemas/rate.ts';
import type { RoomType, RoomTypePatch } from '../../shared/schemas/room-type.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import type { JobQueue, NewJob } from '../jobs/queue.ts';
import type { BalanceCollectionStore } from './balance-collection-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';
import type { PromotionStore } from './promotion-store.ts';
import type { PricePatternStore } from './price-pattern-store.ts';
import type { RatePlanStore } from './rate-plan-store.ts';
import type { RestrictionStore } from './restriction-store.ts';
import type { RecordedPaymentStore } from './recorded-payment-store.ts';
import type { SettlementStore } from './settlement-store.ts';
import type { SealedCard, WrappedCardKey } from '../vault/card-vault.ts';
import type { WebhookStore } from '../webhooks/store.ts';
import type { OwnerSessionStore } from '../owner-session-store.ts';

export interface PropertyRecord extends Property {
  closures: Closures;
}

export type PropertyChanges = Partial<Omit<PropertyRecord, 'id' | 'createdAt'>>;

export interface RateRecord extends Rate {
  soldTotal: number;
}

export interface NightCount {
  id: string;
  date: string;
  sold: number;
}

export interface BookingRecord extends Booking {
  /** The vault's card ciphertext (manual mode) until it is purged; its data key is a card_keys row. */
  cardBlob: string | null;
  depositChargedAt: string | null;
  cancelledAt: string | null;
  /** Set when a payment arrived after the hold expired and the rooms were gone: never confirmed, refunded. */
  paymentRefusedAt: string | null;
  clientTokenHash: string;
  idempotencyKey: string | null;
  requestHash: string | null;
  intentId: string | null;
  intentType: 'payment' | 'setup' | null;
}

export type NewBooking = Omit<
  BookingRecord,
  'amountPaid' | 'amountRefunded' | 'refundOwed' | 'balanceStatus' | 'card' | 'intentId' | 'intentType' | 'status' | 'cardBlob' | 'depositChargedAt' | 'cancelledAt' | 'paymentRefusedAt'
> & {
  /** Issue 9: who asked for the hold (address, or IPv6 /64), counted by `HoldLimits.perClient`; never shown. */
  clientKey?: string;
  /** SPEC 2.14: the promotion whose use the hold takes, atomically with its rooms. */
  promoId?: string;
};

/** Issue 9: live holds one client, or one guest e-mail, may have per property at a time; 0 lifts a limit. */
export interface HoldLimits {
  perClient: number;
  perEmail: number;
}

export interface BookingFilter {
  status?: Booking['status'];
  /** SPEC 2.7: a pending hold past its `expiresAt` counts as expired as of `asOf`, housekeeping or not. */
  asOf?: string;
  /** SPEC 2.23: a reference (with or without `DB-`), part of the guest's name, or their e-mail, any case. */
  q?: string;
  /** Stays that have a night on or after this date. */
  from?: string;
  /** Stays that start on or before this date. */
  to?: string;
}

/** Rooms one booking takes of one rate's room type on one night. */
export interface Take {
  roomTypeId: string;
  rateId: string;
  date: string;
  rooms: number;
}

export type HoldResult =
  /** `announced`: the hold's transaction enqueued `booking.held` for at least one webhook endpoint. */
  | { status: 'held'; booking: BookingRecord; announced: boolean }
  | { status: 'replay'; booking: BookingRecord }
  | { status: 'idempotency_mismatch' }
  | { status: 'sold_out' }
  | { status: 'promo_used_up' }
  | { status: 'too_many_holds'; limit: 'client' | 'email'; max: number };

/**
 * How a payment or card that arrived ended: `confirmed` by this call; `already_confirmed` by an
 * earlier one; `sold_out` when the hold had expired and its rooms were gone (the payment is
 * recorded as refused and must be refunded); `final` when the booking was cancelled or is unknown.
 */
export type ConfirmResult = 'confirmed' | 'already_confirmed' | 'sold_out' | 'final';

export interface ArrivedPayment {
  /** What the provider says was paid, in minor units. */
  amountPaid?: number;
  /** Manual mode: the sealed card and what may be shown of it. */
  card?: SealedCard & { brand: string; last4: string; expMonth: number; expYear: number };
}

export interface CardReveal {
  bookingId: string;
  propertyId: string;
  keyId: string;
  keyName: string;
  /** Which secret of the key was used: rotation changes it. */
  keyFingerprint: string;
  reason: string;
  ip: string;
  userAgent: string | null;
  at: string;
}

/**
 * The booking lifecycle's writes (SPEC 2.7). Every state change is one guarded statement
 * (`UPDATE … WHERE status IN (…)`, row count checked) in a transaction that holds the booking's
 * row: BEGIN IMMEDIATE on SQLite, SELECT … FOR UPDATE on PostgreSQL. Units are taken with one
 * conditional update per night (`sold + n <= units`), so no number of instances oversells.
 */
/** What a cancellation leaves to give back (SPEC 2.16): a Stripe refund's job, or in manual mode what the property owes by hand. */
export interface CancelFollowUp {
  refundJob?: NewJob;
  refundOwed?: number;
}

export interface BookingStore {
  /** Counting the live holds of `limits` and taking the units are one write transaction, so a burst cannot exceed them. */
  holdBooking(booking: NewBooking, takes: readonly Take[], now: string, limits?: HoldLimits): Promise<HoldResult>;
  getBooking(id: string): Promise<BookingRecord | undefined>;
  bookingByIntent(intentId: string): Promise<BookingRecord | undefined>;
  listBookings(propertyId: string, filter: BookingFilter): Promise<BookingRecord[]>;
  /** Records the provider's intent of a new booking; a second call for the same booking changes nothing. */
  setIntent(id: string, intent: { id: string; type: 'payment' | 'setup' }, now: string): Promise<void>;
  /**
   * A payment or card arrived. A hold that expired is taken again if its units are still free;
   * otherwise the payment is recorded as refused, and the booking is never confirmed after that.
   */
  confirmBooking(id: string, now: string, payment: ArrivedPayment): Promise<ConfirmResult>;
  /**
   * SPEC 2.9: pending, confirmed or completed → cancelled, units given back, card purged; `final` when
   * it was not one of those. `followUp` says, from the booking as it was cancelled (its row held),
   * what the cancellation leaves to give back, stored with it: it exists exactly when the cancel committed.
   */
  cancelBooking(id: string, now: string, followUp?: (booking: BookingRecord) => CancelFollowUp): Promise<'cancelled' | 'final'>;
  /** Gives a pending hold back at once, e.g. when the payment provider could not be reached. */
  releaseHold(id: string, now: string): Promise<void>;
  /** SPEC 2.8: changing the payment mode cancels the holds taken under the old one; returns how many. */
  cancelPending(propertyId: string, now: string): Promise<number>;
  /**
   * Issue 13: true when the nights of `takes` are sold out as committed, with no expired hold that
   * could give units back; checked only for nights this instance has lately found full, so a hold
   * for free nights costs nothing more. False means "try": holdBooking decides.
   */
  soldOutNow(takes: readonly Take[], now: string): Promise<boolean>;
  hasExpiredHolds(now: string): Promise<boolean>;
  /** SPEC 2.7: pending bookings past expiresAt are marked expired and give their units back; returns how many. */
  releaseExpiredHolds(now: string): Promise<number>;
  /** Adds a refund to the booking once per provider refund id, however often it is reported. */
  recordRefund(id: string, refund: { id: string; amount: number; intentId: string }, now: string): Promise<void>;
  /** What was refunded of each PaymentIntent of the booking; `null` stands for refunds older than that record (the deposit's). */
  refundedPerIntent(id: string): Promise<Map<string | null, number>>;
  /**
   * The owner charged the deposit by hand: record it and erase the card (SPEC 2.8), unless `keepCard`
   * (SPEC 2.23 cardRetention until_checkout: housekeeping erases it after checkout). False when not allowed.
   */
  markDepositCharged(id: string, now: string, options?: { keepCard?: boolean }): Promise<boolean>;
  /** Cards erased after `purgeBefore` checkouts and of cancelled bookings (SPEC 2.8), stays before `completedBefore` completed (SPEC 2.7). */
  housekeeping(now: string, purgeBefore: string, completedBefore: string): Promise<{ purged: number; completed: number }>;
  /** The wrapped data key of the booking's stored card; undefined once purged. */
  cardKey(bookingId: string): Promise<WrappedCardKey | undefined>;
  /** Replaces a card's key wrapped under `fromKid` with `key`; false when it was purged or re-wrapped meanwhile. */
  replaceCardKey(bookingId: string, fromKid: string, key: WrappedCardKey): Promise<boolean>;
  /** Up to `limit` stored card keys wrapped under one of `kids`, by booking id after `after`. */
  cardKeysUnder(kids: readonly string[], after: string, limit: number): Promise<{ bookingId: string; key: WrappedCardKey }[]>;
  /** How many stored cards each key-encrypting key wraps. */
  cardKeyCounts(): Promise<{ kid: string; cards: number }[]>;
  /** SPEC 5: whether any property takes cards manually, so production needs CARD_VAULT_KEY. */
  anyManualProperty(): Promise<boolean>;
  webhookEventSeen(eventId: string): Promise<boolean>;
  recordWebhookEvent(eventId: string, type: string, now: string): Promise<void>;
  /** The committed truth for tests and audits: rooms taken per room type and night by live bookings and imported calendars. */
  soldFromBookings(roomTypeId: string, date: string, now: string): Promise<number>;
}

/** SPEC 2.17: a PaymentIntent made for a booking's balance. */
export interface BalanceIntent {
  intentId: string;
  bookingId: string;
  amount: number;
  createdAt: string;
  paidAt: string | null;
}

/** How a succeeded balance payment ended: counted now, counted before, or arrived for a booking no longer confirmed (to be refunded). */
export type BalancePaymentResult = 'recorded' | 'already_recorded' | 'final';

/** SPEC 2.16, 2.17: the balance paid after the deposit, through PaymentIntents of its own. */
export interface BalanceStore {
  addBalanceIntent(intent: Omit<BalanceIntent, 'paidAt'>): Promise<void>;
  /** The booking's balance intents not yet counted as paid, oldest first. */
  unpaidBalanceIntents(bookingId: string): Promise<BalanceIntent[]>;
  balanceIntent(intentId: string): Promise<BalanceIntent | undefined>;
  /** The booking's balance intents counted as paid, in the order they were paid. */
  paidBalanceIntents(bookingId: string): Promise<BalanceIntent[]>;
  /**
   * Adds `amount` to the booking's amountPaid once per intent, in a transaction that holds the
   * booking's row; `final` when it is counted now for a booking no longer confirmed or completed
   * (money that arrived after a cancellation, for the caller to refund).
   */
  recordBalancePayment(intentId: string, amount: number, now: string): Promise<BalancePaymentResult>;
}

export interface CalendarRecord {
  id: string;
  propertyId: string;
  roomTypeId: string;
  name: string;
  url: string;
  createdAt: string;
  nextSyncAt: string;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  /** Events in the last good feed that occupy a night in the window. */
  events: number;
  /** Nights this calendar holds a unit for now. */
  blocked: number;
}

export type NewCalendar = Pick<CalendarRecord, 'id' | 'propertyId' | 'roomTypeId' | 'name' | 'url' | 'createdAt' | 'nextSyncAt'>;

/** One night an imported event occupies. */
export interface CalendarNight {
  date: string;
  uid: string;
  summary: string;
}

/** An imported event on a night already sold out here (SPEC 2.19), with the booking that holds it. */
export interface CalendarConflict extends CalendarNight {
  bookingId: string | null;
  foundAt: string;
}

export interface CalendarSync {
  /** Nights held for this calendar after the sync. */
  blocked: number;
  /** Nights newly held, and nights given back because their event disappeared. */
  added: number;
  released: number;
  /** Conflicts this sync found for the first time; the ones already known are not repeated. */
  newConflicts: CalendarConflict[];
  /** Every conflict that stands now. */
  conflicts: number;
}

/**
 * SPEC 2.19: channel sync. An imported calendar holds one unit per event night through the same
 * conditional per-night inventory update as a hold, so no sync and no booking ever oversell.
 */
export interface ChannelStore {
  /** The export feed's secret, or null before it was first asked for. */
  icalToken(roomTypeId: string): Promise<string | null>;
  /** Sets the secret when `expected` is still the current one (null: none yet); false when another call won. */
  setIcalToken(roomTypeId: string, expected: string | null, token: string): Promise<boolean>;
  createCalendar(calendar: NewCalendar): Promise<void>;
  listCalendars(propertyId: string, roomTypeId: string): Promise<CalendarRecord[]>;
  getCalendar(propertyId: string, id: string): Promise<CalendarRecord | undefined>;
  calendarConflicts(calendarId: string): Promise<CalendarConflict[]>;
  /** Removes the calendar and gives back every night it held. */
  deleteCalendar(id: string): Promise<void>;
  /** Claims up to `limit` calendars due at `now` until `until`; a claimed calendar is skipped by every other instance. */
  claimDueCalendars(now: string, until: string, limit: number): Promise<CalendarRecord[]>;
  /** Claims one calendar now (an owner asked for a sync); false while another instance holds it. */
  claimCalendar(id: string, now: string, until: string): Promise<boolean>;
  /** Makes the calendar's held nights exactly `nights` (taking, releasing, recording conflicts) and ends its claim. */
  applyCalendarSync(id: string, sync: { nights: readonly CalendarNight[]; events: number; now: string; nextSyncAt: string }): Promise<CalendarSync | undefined>;
  /** Keeps the last good state, records why this fetch failed and ends the claim. */
  recordCalendarFailure(id: string, failure: { error: string; now: string; nextSyncAt: string }): Promise<void>;
}

export interface OwnerKeyRecord extends OwnerKey {
  propertyId: string;
}

export interface NewOwnerKey {
  id: string;
  propertyId: string;
  name: string;
  scopes: readonly KeyScope[];
  /** SHA-256 of the whole key `dbk.<pid>.<secret>`. */
  keyHash: string;
  createdAt: string;
}

export interface CardRevealRecord {
  keyId: string | null;
  keyName: string | null;
  keyFingerprint: string;
  reason: string | null;
  ip: string;
  userAgent: string | null;
  at: string;
}

/** Issue 9: owner keys with scopes, and the audit trail of card reveals. */
export interface KeyStore {
  /** The key with this hash (revoked ones too) and its property: one indexed lookup per owner request. */
  ownerKeyByHash(keyHash: string): Promise<{ key: OwnerKeyRecord; property: PropertyRecord } | undefined>;
  createOwnerKey(key: NewOwnerKey): Promise<void>;
  /** Every key of the property, revoked ones included, oldest first. */
  listOwnerKeys(propertyId: string): Promise<OwnerKeyRecord[]>;
  /** `last_full_key` when this is the property's only live key with every scope: revoking it would lock the owner out. */
  revokeOwnerKey(propertyId: string, id: string, now: string): Promise<'revoked' | 'already_revoked' | 'last_full_key' | 'not_found'>;
  /** Replaces a live key's secret; the old one stops working at once. False when the key is unknown or revoked. */
  rotateOwnerKey(propertyId: string, id: string, keyHash: string): Promise<boolean>;
  touchOwnerKey(id: string, now: string): Promise<void>;
  /**
   * Records a reveal unless the key already made `limit.max` since `limit.since`; false then.
   * Counting and recording are one transaction that holds the key's row, so a burst on several instances stays within the limit.
   */
  recordCardReveal(reveal: CardReveal, limit: { max: number; since: string }): Promise<boolean>;
  cardReveals(bookingId: string): Promise<CardRevealRecord[]>;
}

export interface Store
  extends
    BookingStore,
    BalanceStore,
    BalanceCollectionStore,
    ChannelStore,
    KeyStore,
    SettlementStore,
    PromotionStore,
    RecordedPaymentStore,
    PricePatternStore,
    RestrictionStore,
    RatePlanStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Issue 11: the durable job queue (server/jobs/queue.ts): mail, balance charges, webhook deliveries. */
  readonly jobs: JobQueue;
  /** SPEC 2.18: owners' webhook endpoints and their delivery log. */
  readonly webhooks: WebhookStore;
  /** SPEC 2.23: the owner console's sign-ins. */
  readonly ownerSessions: OwnerSessionStore;
  /** Issue 9: the hit counters of one rate limit; every instance shares them on PostgreSQL. */
  rateLimitStore(windowMs: number): RateLimitStore;
  close(): Promise<void>;
  /** One trivial query, for readiness (server/health.ts); rejects when the database does not answer. */
  ping(): Promise<void>;
  /**
   * Work waiting (server/metrics.ts): queued jobs by kind that are due or retrying (a job scheduled
   * for a later day is not backlog until its day comes), and calendars due a sync.
   */
  backlog(now: string): Promise<{ jobs: Record<string, number>; calendarSyncs: number }>;

  /** The property and its first key, in one transaction: no property is ever without a key. */
  createProperty(property: PropertyRecord, firstKey: NewOwnerKey): Promise<void>;
  getProperty(id: string): Promise<PropertyRecord | undefined>;
  /** Issue 13: the property's catalog version (undefined for no such property), one indexed read. */
  catalogVersion(id: string): Promise<number | undefined>;
  /** Marks everything the owner sets up (property, room types, rates, prices, extras…) as changed. */
  touchCatalog(id: string): Promise<void>;
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
  /** SPEC 2.21: `roomTypes` here are resolved (each with its price), and replace what the rate covers. */
  updateRate(propertyId: string, id: string, patch: Partial<Omit<Rate, 'id' | 'propertyId'>>): Promise<void>;
  archiveRate(propertyId: string, id: string, at: string): Promise<void>;
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
