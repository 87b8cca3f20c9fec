// Holds, confirmations, cancellations and expiry: the writes that must never oversell (SPEC 2.7).
// Taking units is one guarded upsert per room type (and rate) over its nights (`sold + n <= units`),
// all in one write transaction, or on PostgreSQL in one statement; every change of status is one
// guarded UPDATE whose row count is checked, in a transaction that holds the booking's row (BEGIN
// IMMEDIATE on SQLite, FOR UPDATE on PostgreSQL).
import { type ExpressionBuilder, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { stayLines } from '../../shared/lines.ts';
import type { Booking } from '../../shared/schemas/stay.ts';
import { StacklessError } from '../stackless-error.ts';
import { balanceJobKey } from './balance-job.ts';
import { cancelJob, insertJob } from './job-queue-store.ts';
import { announce } from '../webhooks/store.ts';
import { perTurn } from './per-turn.ts';
import { statement, statementsByCount, valueRows } from './raw-statements.ts';
import type { BookingsTable, Database } from './schema.ts';
import { matchesSearch, statusAsOf } from './booking-search.ts';
import type { ArrivedPayment, BookingFilter, BookingRecord, BookingStore, ConfirmResult, HoldLimits, HoldResult, NewBooking, Take } from './store.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** SPEC 2.7: a booking holds its rooms while confirmed or completed, or pending before its expiry. */
export const holdsRooms = (now: string) => (eb: ExpressionBuilder<Database, 'bookings' | 'booking_nights'>) =>
  eb.or([eb('bookings.status', 'in', ['confirmed', 'completed']), eb.and([eb('bookings.status', '=', 'pending'), eb('bookings.expires_at', '>', now)])]);

class SoldOut extends StacklessError {}
class PromoUsedUp extends StacklessError {}

/** What directbook_refuse (migration 030) says when a PostgreSQL hold's statement refuses, under its own SQLSTATE. */
const REFUSED = { soldOut: 'sold_out', announce: 'announce' } as const;
const REFUSAL_CODE = 'DB409';

/** The refusal a database error carries, when it is one of directbook_refuse's. */
function refusal(error: unknown): { message: string; detail: string } | undefined {
  if (typeof error !== 'object' || error === null || (error as { code?: unknown }).code !== REFUSAL_CODE) return undefined;
  const { message, detail } = error as { message: string; detail?: string };
  return { message, detail: detail ?? '' };
}

/** SPEC 2.14: takes one use of the promotion, guarded like `rates.sold_total`, in the hold's transaction. */
async function takePromoUse(tx: Db, promoId: string) {
  const result = await tx
    .updateTable('promotions')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', promoId)
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new PromoUsedUp();
}

export function toBooking(row: Selectable<BookingsTable>): BookingRecord {
  const quote = JSON.parse(row.quote) as Pick<BookingRecord, 'nights' | 'rooms' | 'deposits' | 'lines'>;
  return {
    id: row.id,
    reference: row.reference,
    propertyId: row.property_id,
    status: row.status as Booking['status'],
    checkIn: row.check_in,
    checkOut: row.check_out,
    nights: quote.nights,
    currency: row.currency,
    locale: row.locale as Booking['locale'],
    guest: JSON.parse(row.guest) as BookingRecord['guest'],
    rooms: quote.rooms,
    deposits: quote.deposits,
    // Bookings made before lines existed had no discount: their rooms and extras are their lines.
    lines:
      quote.lines ??
      stayLines(
        quote.rooms.map((r) => ({ ...r, discount: r.discount ?? 0 })),
        undefined,
      ),
    promoCode: row.promo_code,
    total: Number(row.total),
    depositDue: Number(row.deposit_due),
    balanceDue: Number(row.balance_due),
    paymentMode: row.payment_mode as Booking['paymentMode'],
    amountPaid: Number(row.amount_paid),
    amountRefunded: Number(row.amount_refunded),
    refundOwed: Number(row.refund_owed),
    balanceStatus: row.balance_status as BookingRecord['balanceStatus'],
    card: row.card_brand && row.card_last4 ? { brand: row.card_brand as never, last4: row.card_last4, expMonth: row.card_exp_month!, expYear: row.card_exp_year! } : null,
    expiresAt: row.expires_at,
    createdAt: row.created_at,
    cardBlob: row.card_blob,
    depositChargedAt: row.deposit_charged_at,
    cancelledAt: row.cancelled_at,
    paymentRefusedAt: row.payment_refused_at,
    clientTokenHash: row.client_token_hash,
    idempotencyKey: row.idempotency_key,
    requestHash: row.request_hash,
    intentId: row.intent_id,
    intentType: row.intent_type as BookingRecord['intentType'],
  };
}

/** Runs `work` in one write transaction: BEGIN IMMEDIATE on SQLite so the write lock is taken up front. */
export async function writeTransaction<T>(db: Kysely<Database>, dialect: 'sqlite' | 'postgres', work: (tx: Db) => Promise<T>): Promise<T> {
  if (dialect === 'postgres') return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

/** Rooms taken per night of each room type (or rate): id → date → rooms, ids and dates in order. */
function nightsBy(takes: readonly Take[], id: (take: Take) => string): [string, Map<string, number>][] {
  const by = new Map<string, Map<string, number>>();
  for (const t of takes) {
    const nights = by.get(id(t)) ?? new Map<string, number>();
    nights.set(t.date, (nights.get(t.date) ?? 0) + t.rooms);
    by.set(id(t), nights);
  }
  return [...by].sort(([a], [b]) => a.localeCompare(b)).map(([key, nights]) => [key, new Map([...nights].sort(([a], [b]) => a.localeCompare(b)))]);
}

/** The nights that take the same number of rooms, so one statement covers them all. */
function sameRooms(nights: ReadonlyMap<string, number>): [number, string[]][] {
  const by = new Map<number, string[]>();
  for (const [date, rooms] of nights) by.set(rooms, [...(by.get(rooms) ?? []), date]);
  return [...by];
}

/**
 * How a booking takes its units, as statements made once per dialect (server/store/raw-statements.ts).
 * Each counter statement adds `rooms` to the row of every date listed (made when missing) where the
 * sum stays within the cap, and returns the rows that took it: fewer than the dates is sold out.
 * One statement per room type or rate and room count; rows are locked in key order, so concurrent
 * bookings never deadlock.
 */
function unitTaker(dialect: 'sqlite' | 'postgres', full: FullNights) {
  const counterText = (table: string, key: string, cap: string, returning: string) => (dates: number) => `insert into ${table} (${key}, date, sold)
        select ?, v.column1, cast(? as integer) from (values ${valueRows(dates, 1)}) as v where (${cap}) is null or cast(? as integer) <= (${cap})
        on conflict (${key}, date) do update set sold = ${table}.sold + excluded.sold where (${cap}) is null or ${table}.sold + excluded.sold <= (${cap})
        returning ${returning}`;
  const text = {
    roomType: counterText('inventory', 'room_type_id', 'select units from room_types where id = ?', 'date'),
    // The rate's total cap comes back with its nights: read after the booking's rows, it is the cap changingRateCap() counted for.
    rate: counterText('rate_inventory', 'rate_id', 'select max_rooms_per_night from rates where id = ?', 'date, (select max_rooms_total from rates where id = ?) as total_cap'),
  };
  const counterStatements = { roomType: statementsByCount<CounterRow>(dialect, text.roomType), rate: statementsByCount<CounterRow>(dialect, text.rate) };
  const addToTotal = statement(dialect, 'update rates set sold_total = sold_total + ? where id = ? and sold_total + ? <= max_rooms_total');

  /**
   * Every counter a booking takes: room types, then rates, each in key and date order, the order
   * their rows are locked in. Parameters in the text's order: the row's id, rooms and dates; the
   * cap's id, rooms and id again for the insert; the cap's id twice for the update (and a rate's once more).
   */
  const countersOf = (takes: readonly Take[]): Counter[] => {
    const counters: Counter[] = [];
    for (const kind of ['roomType', 'rate'] as const) {
      for (const [id, nights] of nightsBy(takes, (t) => (kind === 'roomType' ? t.roomTypeId : t.rateId))) {
        for (const [rooms, dates] of sameRooms(nights)) {
          counters.push({ kind, id, rooms, dates, parameters: [id, rooms, ...dates, id, rooms, id, id, id, ...(kind === 'rate' ? [id] : [])] });
        }
      }
    }
    return counters;
  };

  /** A counter that took every date; otherwise SoldOut, and a room type's dates found full are remembered. Answers whether it is a rate with a total cap. */
  const tookAll = (counter: Counter, rows: readonly CounterRow[]) => {
    if (rows.length === counter.dates.length) return counter.kind === 'rate' && rows[0]?.total_cap != null;
    if (counter.kind === 'roomType') {
      const gone = counter.dates.filter((date) => !rows.some((row) => row.date === date));
      full.saw(counter.id, gone);
    }
    throw new SoldOut();
  };

  // Only a rate with a total cap counts its rooms: its row is locked by every booking of the rate,
  // which an uncapped rate need not pay for (issue 13); changingRateCap() counts again when a cap is set.
  const addTotals = async (tx: Db, roomsPerRate: ReadonlyMap<string, number>, capped: ReadonlySet<string>) => {
    for (const [rateId, rooms] of [...roomsPerRate].sort(([a], [b]) => a.localeCompare(b))) {
      if (!capped.has(rateId)) continue;
      const { numAffectedRows } = await addToTotal(tx, [rooms, rateId, rooms]);
      if (numAffectedRows !== 1n) throw new SoldOut();
    }
  };

  /** Takes every counter, one statement each; SoldOut when one came short. */
  const takeUnits = async (tx: Db, takes: readonly Take[], roomsPerRate: ReadonlyMap<string, number>) => {
    const capped = new Set<string>();
    for (const counter of countersOf(takes)) {
      const { rows } = await counterStatements[counter.kind](counter.dates.length)(tx, counter.parameters);
      if (tookAll(counter, rows)) capped.add(counter.id);
    }
    await addTotals(tx, roomsPerRate, capped);
  };

  return { takeUnits, countersOf, tookAll, text };
}

interface Counter {
  kind: 'roomType' | 'rate';
  id: string;
  rooms: number;
  dates: string[];
  parameters: unknown[];
}

type CounterRow = { date: string; total_cap?: number | null };

/** What a hold's statement answers: the property's active webhook endpoints. */
type HoldRow = { active_endpoints: number };

type TakeUnits = ReturnType<typeof unitTaker>['takeUnits'];

/**
 * Issue 13: the room types' nights this instance found sold out. Most of a rush's requests ask for
 * nights already gone; a request for one of these is checked against the database before it is
 * priced (soldOutNow), and a night found free again is forgotten. Only a hint: the database decides.
 */
class FullNights {
  readonly #nights = new Set<string>();

  saw(roomTypeId: string, dates: readonly string[]) {
    // Bounded by forgetting everything: at worst the next requests are priced before they are refused.
    if (this.#nights.size > 10_000) this.#nights.clear();
    for (const date of dates) this.#nights.add(`${roomTypeId}|${date}`);
  }

  any(roomTypeId: string, dates: readonly string[]) {
    return dates.some((date) => this.#nights.has(`${roomTypeId}|${date}`));
  }

  forget(roomTypeId: string, dates: readonly string[]) {
    for (const date of dates) this.#nights.delete(`${roomTypeId}|${date}`);
  }
}

/** SQLite: whether any of the dates lacks `rooms` free units as committed, and whether an expired hold could give some back. */
const NIGHTS_FULL = statementsByCount<{ full: number; expired: number }>(
  'sqlite',
  (dates) => `select exists (select 1 from inventory where room_type_id = ? and date in ${valueRows(1, dates)}
        and sold + ? > (select units from room_types where id = ?)) as full,
      exists (select 1 from bookings where status = 'pending' and expires_at <= ?) as expired`,
);

/** A room type's nights a request would take, checked against the committed counters as of `now`. */
interface FullQuestion {
  roomTypeId: string;
  dates: readonly string[];
  rooms: number;
  now: string;
}

/**
 * PostgreSQL: nightsFull for every request of one turn in one statement (per-turn.ts), each question's
 * nights a row; a room type gone from the catalog answers not full, as the single check does.
 */
const NIGHTS_FULL_AT_ONCE = statement<{ question: number; full: boolean | null; expired: boolean | null }>(
  'postgres',
  `with q as (select * from unnest(cast(? as integer[]), cast(? as text[]), cast(? as text[]), cast(? as integer[]), cast(? as text[])) as q (question, room_type_id, date, rooms, now)),
    first as (select min(expires_at) as expiry from bookings where status = 'pending')
  select q.question, bool_or(inventory.sold + q.rooms > room_types.units) as full, bool_or(first.expiry <= q.now) as expired
  from q cross join first
  join room_types on room_types.id = q.room_type_id
  left join inventory on inventory.room_type_id = q.room_type_id and inventory.date = q.date
  group by q.question`,
);

/**
 * Makes `change` to a rate whose total cap is being set, then counts its rooms again from the
 * bookings that hold rooms (on their first night, as takeUnits does). On PostgreSQL it first waits
 * for the bookings being made to commit and keeps new ones waiting until it does, so none is left
 * out while the rate went uncounted: cap changes are rare, and holds pause only for a moment.
 */
export async function changingRateCap(tx: Db, dialect: 'sqlite' | 'postgres', rateId: string, change: () => Promise<void>) {
  if (dialect === 'postgres') await sql`lock table booking_nights in share row exclusive mode`.execute(tx);
  await change();
  const rooms = tx
    .selectFrom('booking_nights')
    .innerJoin('bookings', 'bookings.id', 'booking_nights.booking_id')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('booking_nights.rooms'), eb.lit(0)).as('rooms'))
    .where('booking_nights.rate_id', '=', rateId)
    .whereRef('booking_nights.date', '=', 'bookings.check_in')
    .where('bookings.status', 'in', ['pending', 'confirmed', 'completed']);
  await tx.updateTable('rates').set({ sold_total: rooms }).where('id', '=', rateId).execute();
}

/** Rooms per rate, counted on the first night (a room is one booking of its rate, whatever the nights). */
function roomsPerRate(takes: readonly { rateId: string; date: string; rooms: number }[], checkIn: string) {
  const map = new Map<string, number>();
  for (const t of takes) if (t.date === checkIn) map.set(t.rateId, (map.get(t.rateId) ?? 0) + t.rooms);
  return map;
}

// Advisory-lock namespaces of the two hold limits on PostgreSQL: apart, so a client key and an e-mail never share a lock.
const HOLD_LIMIT_LOCKS = { client: 0x686f6c63, email: 0x686f6c65 } as const;

const emailKey = (email: string) => email.trim().toLowerCase();

/** Both counts of unfinished holds in one statement, each read from its own index (migration 028). */
const unfinishedHolds = (dialect: 'sqlite' | 'postgres') =>
  statement<{ by_client: number; by_email: number }>(
    dialect,
    `select (select count(*) from bookings where property_id = ? and client_key = ? and status = 'pending' and expires_at > ?) as by_client,
      (select count(*) from bookings where property_id = ? and guest_email = ? and status = 'pending' and expires_at > ?) as by_email`,
  );
const UNFINISHED_HOLDS = { sqlite: unfinishedHolds('sqlite'), postgres: unfinishedHolds('postgres') };

/** The hold limits that apply to this booking: those set, for what the booking has (a client key, an e-mail). */
const limitChecks = (booking: NewBooking, limits: HoldLimits) =>
  [
    { limit: 'client' as const, max: limits.perClient, value: booking.clientKey },
    { limit: 'email' as const, max: limits.perEmail, value: emailKey(booking.guest.email) },
  ].filter((check): check is typeof check & { value: string } => check.max > 0 && check.value !== undefined);

/**
 * Issue 9: the limit a new hold would break, or undefined. The count happens inside the hold's write
 * transaction: SQLite's BEGIN IMMEDIATE already serialises holds; on PostgreSQL a transaction lock
 * on (property, client) and on (property, e-mail) does, taken before any row lock so that no two
 * holds can wait on each other in a cycle.
 */
async function holdLimitReached(tx: Db, dialect: 'sqlite' | 'postgres', booking: NewBooking, limits: HoldLimits, now: string) {
  const checks = limitChecks(booking, limits);
  if (checks.length === 0) return undefined;
  if (dialect === 'postgres') {
    for (const check of checks) await sql`select pg_advisory_xact_lock(${HOLD_LIMIT_LOCKS[check.limit]}, hashtext(${`${booking.propertyId}|${check.value}`}))`.execute(tx);
  }
  const { rows } = await UNFINISHED_HOLDS[dialect](tx, [booking.propertyId, booking.clientKey ?? null, now, booking.propertyId, emailKey(booking.guest.email), now]);
  const counted = { client: Number(rows[0]!.by_client), email: Number(rows[0]!.by_email) };
  const reached = checks.find((check) => counted[check.limit] >= check.max);
  return reached && { limit: reached.limit, max: reached.max };
}

/** Gives back exactly what a booking took. */
async function releaseUnits(tx: Db, bookingId: string, checkIn: string) {
  const nights = await tx.selectFrom('booking_nights').select(['room_type_id', 'rate_id', 'date', 'rooms']).where('booking_id', '=', bookingId).execute();
  const sorted = nights.sort((a, b) => a.room_type_id.localeCompare(b.room_type_id) || a.date.localeCompare(b.date));
  for (const n of sorted) {
    await tx
      .updateTable('inventory')
      .set((eb) => ({ sold: eb('sold', '-', n.rooms) }))
      .where('room_type_id', '=', n.room_type_id)
      .where('date', '=', n.date)
      .execute();
    await tx
      .updateTable('rate_inventory')
      .set((eb) => ({ sold: eb('sold', '-', n.rooms) }))
      .where('rate_id', '=', n.rate_id)
      .where('date', '=', n.date)
      .execute();
  }
  const perRate = roomsPerRate(
    sorted.map((n) => ({ rateId: n.rate_id, date: n.date, rooms: n.rooms })),
    checkIn,
  );
  for (const [rateId, rooms] of perRate) {
    await tx
      .updateTable('rates')
      .set((eb) => ({ sold_total: eb('sold_total', '-', rooms) }))
      .where('id', '=', rateId)
      .where('max_rooms_total', 'is not', null)
      .execute();
  }
  // SPEC 2.14: an expired or cancelled booking gives its promotion's use back.
  const { promo_id: promoId } = await tx.selectFrom('bookings').select('promo_id').where('id', '=', bookingId).executeTakeFirstOrThrow();
  if (promoId) {
    await tx
      .updateTable('promotions')
      .set((eb) => ({ uses: eb('uses', '-', 1) }))
      .where('id', '=', promoId)
      .where('uses', '>', 0)
      .execute();
  }
}

/**
 * Moves a booking from one of `from` to `to` and gives its units back, once: the status guard
 * makes a second instance (or a second call) doing the same a no-op. True when this call did it.
 */
async function endHold(tx: Db, booking: { id: string; checkIn: string }, from: readonly BookingRecord['status'][], to: 'expired' | 'cancelled', now: string): Promise<boolean> {
  const result = await tx
    .updateTable('bookings')
    .set({ status: to, updated_at: now, ...(to === 'cancelled' ? { cancelled_at: now } : {}) })
    .where('id', '=', booking.id)
    .where('status', 'in', from)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await releaseUnits(tx, booking.id, booking.checkIn);
  // SPEC 2.18: every expiry and cancellation passes here, however it was decided.
  await announce(tx, { type: to === 'expired' ? 'booking.expired' : 'booking.cancelled', bookingId: booking.id }, now);
  return true;
}

async function takesOf(tx: Db, bookingId: string): Promise<Take[]> {
  const rows = await tx.selectFrom('booking_nights').select(['room_type_id', 'rate_id', 'date', 'rooms']).where('booking_id', '=', bookingId).execute();
  return rows.map((r) => ({ roomTypeId: r.room_type_id, rateId: r.rate_id, date: r.date, rooms: r.rooms }));
}

/** SPEC 2.7: pending bookings past expiresAt no longer hold; mark them all expired and give their units back. */
async function expireDue(tx: Db, now: string): Promise<number> {
  let released = 0;
  for (let batch = await dueBatch(tx, now); batch.length > 0; batch = await dueBatch(tx, now)) {
    for (const b of batch) {
      if (await endHold(tx, { id: b.id, checkIn: b.check_in }, ['pending'], 'expired', now)) released++;
    }
  }
  return released;
}

function dueBatch(tx: Db, now: string) {
  return tx.selectFrom('bookings').select(['id', 'check_in']).where('status', '=', 'pending').where('expires_at', '<=', now).orderBy('expires_at').limit(200).execute();
}

/** One guarded transition of status; throws when the row was not in a `from` state, which the row lock rules out. */
async function transition(tx: Db, id: string, from: readonly BookingRecord['status'][], set: Partial<BookingsTable> & { updated_at: string }) {
  const result = await tx.updateTable('bookings').set(set).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error(`Booking ${id} left ${from.join('/')} under its own row lock`);
}

function paymentColumns(payment: ArrivedPayment): Partial<BookingsTable> {
  return {
    ...(payment.amountPaid !== undefined ? { amount_paid: payment.amountPaid } : {}),
    ...(payment.card
      ? {
          card_blob: payment.card.blob,
          card_brand: payment.card.brand,
          card_last4: payment.card.last4,
          card_exp_month: payment.card.expMonth,
          card_exp_year: payment.card.expYear,
        }
      : {}),
  };
}

/** Confirms with what arrived; a card's wrapped data key gets a row of its own, so purging can shred it. */
async function confirmWith(tx: Db, id: string, from: readonly BookingRecord['status'][], payment: ArrivedPayment, now: string) {
  await transition(tx, id, from, { status: 'confirmed', ...paymentColumns(payment), updated_at: now });
  if (payment.amountPaid) await announce(tx, { type: 'payment.succeeded', bookingId: id, occurrence: 'deposit' }, now);
  await announce(tx, { type: 'booking.confirmed', bookingId: id }, now);
  if (!payment.card) return;
  const { kid, wrappedKey, iv, tag } = payment.card.key;
  await tx.insertInto('card_keys').values({ booking_id: id, kid, wrapped_key: wrappedKey, iv, tag, created_at: now }).execute();
}

/** SPEC 2.8: erases the booking's card, its data key first: without it no copy of the ciphertext opens. */
async function purgeCard(tx: Db, id: string, now: string): Promise<boolean> {
  await tx.deleteFrom('card_keys').where('booking_id', '=', id).execute();
  const result = await tx.updateTable('bookings').set({ card_blob: null, card_purged_at: now, updated_at: now }).where('id', '=', id).where('card_blob', 'is not', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stored cards due for erasure: checked out before `purgeBefore`, or of a cancelled booking. */
const cardDue = (purgeBefore: string) => (eb: ExpressionBuilder<Database, 'bookings'>) =>
  eb.and([eb('card_blob', 'is not', null), eb.or([eb('check_out', '<=', purgeBefore), eb('status', '=', 'cancelled')])]);

/**
 * Takes an expired booking's units again inside a savepoint, so that when they are gone only
 * the attempt is undone and the transaction can still record the refusal.
 */
async function retake(tx: Db, takeUnits: TakeUnits, bookingId: string, checkIn: string): Promise<boolean> {
  await sql`savepoint retake`.execute(tx);
  try {
    const takes = await takesOf(tx, bookingId);
    await takeUnits(tx, takes, roomsPerRate(takes, checkIn));
    const { promo_id: promoId } = await tx.selectFrom('bookings').select('promo_id').where('id', '=', bookingId).executeTakeFirstOrThrow();
    if (promoId) await takePromoUse(tx, promoId);
    await sql`release savepoint retake`.execute(tx);
    return true;
  } catch (error) {
    await sql`rollback to savepoint retake`.execute(tx);
    if (error instanceof SoldOut || error instanceof PromoUsedUp) return false;
    throw error;
  }
}

const SAVEPOINT = statement('sqlite', 'savepoint hold');
const ROLLBACK_TO_SAVEPOINT = statement('sqlite', 'rollback to savepoint hold');
const RELEASE_SAVEPOINT = statement('sqlite', 'release savepoint hold');

/**
 * SQLite, issue 13: the holds that arrive while one transaction runs share the next one, each in a
 * savepoint, so a rush pays one commit per batch rather than per hold. One failing hold rolls back
 * its own savepoint only; a failed commit fails the whole batch.
 */
class GroupCommit {
  readonly #waiting: { work: (tx: Db) => Promise<unknown>; resolve: (value: unknown) => void; reject: (error: unknown) => void }[] = [];
  #draining = false;

  constructor(
    readonly db: Kysely<Database>,
    readonly maxBatch = 64,
  ) {}

  run<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
      if (!this.#draining) this.#next();
    });
  }

  /**
   * The next batch, at the next turn of the event loop. SQLite answers synchronously, so a request
   * can run from its first byte to its hold, and a batch to its end, without yielding: waiting for
   * the turn lets the requests already received (and their bodies) be read and join.
   */
  #next() {
    this.#draining = true;
    setImmediate(() => void this.#commitBatch());
  }

  async #commitBatch() {
    const batch = this.#waiting.splice(0, this.maxBatch);
    try {
      const outcomes = await writeTransaction(this.db, 'sqlite', async (tx) => {
        const done: ({ value: unknown } | { error: unknown })[] = [];
        for (const { work } of batch) {
          await SAVEPOINT(tx);
          try {
            done.push({ value: await work(tx) });
          } catch (error) {
            await ROLLBACK_TO_SAVEPOINT(tx);
            done.push({ error });
          }
          await RELEASE_SAVEPOINT(tx);
        }
        return done;
      });
      batch.forEach(({ resolve, reject }, i) => {
        const outcome = outcomes[i]!;
        if ('error' in outcome) reject(outcome.error);
        else resolve(outcome.value);
      });
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
    if (this.#waiting.length > 0) this.#next();
    else this.#draining = false;
  }
}

export function bookingStore(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): BookingStore {
  const write = <T>(work: (tx: Db) => Promise<T>) => writeTransaction(db, dialect, work);
  const fullNights = new FullNights();
  const units = unitTaker(dialect, fullNights);
  const takeUnits = units.takeUnits;
  const fullAtOnce = perTurn<FullQuestion, { full: boolean; expired: boolean }>(async (questions) => {
    const rows = questions.flatMap((q, i) => q.dates.map((date) => [i, q.roomTypeId, date, q.rooms, q.now] as const));
    const column = (k: number) => rows.map((row) => row[k]);
    const answers = (await NIGHTS_FULL_AT_ONCE(db, [column(0), column(1), column(2), column(3), column(4)])).rows;
    const by = new Map(answers.map((a) => [Number(a.question), { full: a.full === true, expired: a.expired === true }]));
    return questions.map((_, i) => by.get(i) ?? { full: false, expired: false });
  });
  /** Whether any of the nights lacks `rooms` free units as committed, and whether an expired hold could give some back. */
  const nightsFullNow = async (question: FullQuestion) => {
    if (dialect === 'postgres') return fullAtOnce.load(question);
    const { roomTypeId, dates, rooms, now } = question;
    const { rows } = await NIGHTS_FULL(dates.length)(db, [roomTypeId, ...dates, rooms, roomTypeId, now]);
    return { full: Boolean(rows[0]!.full), expired: Boolean(rows[0]!.expired) };
  };
  // Issue 9: secure_delete (open-store.ts) zeroes what a purge freed, but the WAL still holds earlier
  // copies of those pages; a truncating checkpoint writes the zeroed pages home and empties it.
  const afterPurge = async () => {
    if (dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  };
  const read = async (tx: Db, id: string) => {
    const row = await tx.selectFrom('bookings').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toBooking(row);
  };
  /** Reads the booking and holds its row until the transaction ends; SQLite's BEGIN IMMEDIATE already holds everything. */
  const lock = async (tx: Db, id: string) => {
    const query = tx.selectFrom('bookings').selectAll().where('id', '=', id);
    const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
    return row && toBooking(row);
  };
  const byIdempotencyKey = async (tx: Db, propertyId: string, key: string) => {
    const row = await tx.selectFrom('bookings').selectAll().where('property_id', '=', propertyId).where('idempotency_key', '=', key).executeTakeFirst();
    return row && toBooking(row);
  };
  const replayOf = (existing: BookingRecord, requestHash: string | null): HoldResult =>
    existing.requestHash === requestHash ? { status: 'replay', booking: existing } : { status: 'idempotency_mismatch' };
  // Issue 13: a hold's own rows, by statements made once (server/store/raw-statements.ts).
  // The property's active webhook endpoints come back with them, so a property with none needs no
  // statement to announce; the booking's row is not read back: it is what was written.
  const endpoints = `(select count(*) from webhook_endpoints where property_id = ? and status = 'active') as active_endpoints`;
  const nightRows = (nights: number) => `insert into booking_nights (booking_id, room_type_id, rate_id, date, rooms) values ${valueRows(nights, 5)}`;
  const bookingRow = (row: Selectable<BookingsTable>) => `insert into bookings (${Object.keys(row).join(', ')}) values ${valueRows(1, Object.keys(row).length)}`;
  const nightsOf = (row: Selectable<BookingsTable>, takes: readonly Take[]) => takes.flatMap((t) => [row.id, t.roomTypeId, t.rateId, t.date, t.rooms]);
  const insertNights = statementsByCount(dialect, nightRows);
  const made = new Map<string, ReturnType<typeof statement<HoldRow>>>();
  const madeOnce = (key: string, text: () => string) => {
    let run = made.get(key);
    if (!run) made.set(key, (run = statement<HoldRow>(dialect, text())));
    return run;
  };

  /** A new hold's row, pending, as written. */
  const holdRow = (booking: NewBooking): Selectable<BookingsTable> => ({
    id: booking.id,
    property_id: booking.propertyId,
    reference: booking.reference,
    status: 'pending',
    check_in: booking.checkIn,
    check_out: booking.checkOut,
    currency: booking.currency,
    locale: booking.locale,
    guest: JSON.stringify(booking.guest),
    quote: JSON.stringify({ nights: booking.nights, rooms: booking.rooms, deposits: booking.deposits, lines: booking.lines }),
    total: booking.total,
    deposit_due: booking.depositDue,
    balance_due: booking.balanceDue,
    payment_mode: booking.paymentMode,
    amount_paid: 0,
    amount_refunded: 0,
    refund_owed: 0,
    client_token_hash: booking.clientTokenHash,
    idempotency_key: booking.idempotencyKey,
    request_hash: booking.requestHash,
    intent_id: null,
    intent_type: null,
    card_blob: null,
    card_brand: null,
    card_last4: null,
    card_exp_month: null,
    card_exp_year: null,
    expires_at: booking.expiresAt,
    created_at: booking.createdAt,
    updated_at: booking.createdAt,
    cancelled_at: null,
    deposit_charged_at: null,
    card_purged_at: null,
    payment_refused_at: null,
    client_key: booking.clientKey ?? null,
    guest_email: emailKey(booking.guest.email),
    promo_id: booking.promoId ?? null,
    promo_code: booking.promoCode ?? null,
    balance_status: null,
  });

  /** SQLite: the booking and its nights, after its units; answers the property's active webhook endpoints. */
  const insertBooking = async (tx: Db, row: Selectable<BookingsTable>, takes: readonly Take[]): Promise<number> => {
    const run = madeOnce(Object.keys(row).join(), () => `${bookingRow(row)} returning ${endpoints}`);
    const { rows } = await run(tx, [...Object.values(row), row.property_id]);
    await insertNights(takes.length)(tx, nightsOf(row, takes));
    return Number(rows[0]!.active_endpoints);
  };

  /**
   * PostgreSQL: the whole hold in one statement: every counter, the rates' total caps, the booking
   * and its nights. Alone, outside any transaction, it is one round trip where a transaction made
   * it three. A counter or total that came short calls directbook_refuse (migration 030), whose
   * error undoes the statement's writes; its detail lists what each counter took, for the nights
   * found full. The counters are read in the order the union names them, so every hold locks rows
   * in the same order, the totals after them. Alone, a property with active webhook endpoints is
   * refused as well: its hold must announce in the same transaction. Answers those endpoints.
   */
  const writeHold = async (tx: Db, row: Selectable<BookingsTable>, takes: readonly Take[], perRate: ReadonlyMap<string, number>, alone: boolean): Promise<number> => {
    const counters = units.countersOf(takes);
    const totals = [...perRate].sort(([a], [b]) => a.localeCompare(b));
    const shape = `${Object.keys(row).join()}|${takes.length}|${counters.map((c) => `${c.kind}${c.dates.length}`).join()}|${totals.length}|${alone}`;
    const run = madeOnce(shape, () => {
      const taking = counters.map((c, i) => `c${i} as (${units.text[c.kind](c.dates.length)})`);
      const taken = counters.map((c, i) => `select ${i} as counter, date, ${c.kind === 'rate' ? 'total_cap' : 'cast(null as integer)'} as total_cap from c${i}`);
      const adding = totals.map((_, i) => `t${i} as (update rates set sold_total = sold_total + ? where id = ? and sold_total + ? <= max_rooms_total returning id)`);
      const short = counters.map((c, i) => `(select count(*) from taken where counter = ${i}) < ${c.dates.length}`);
      // A rate is capped when its counter's rows came back with a total cap: the cap its total counts for.
      const overTotal = totals.map(([rateId], i) => {
        const ofRate = counters.flatMap((c, k) => (c.kind === 'rate' && c.id === rateId ? [k] : []));
        return `(exists (select 1 from taken where counter in (${ofRate.join(', ')}) and total_cap is not null) and not exists (select 1 from t${i}))`;
      });
      return `with ${[...taking, `booking as (${bookingRow(row)})`, `nights as (${nightRows(takes.length)})`, ...adding].join(', ')},
        taken as (${taken.join(' union all ')}),
        verdict as (select e.active_endpoints,
          case when ${[...short, ...overTotal].join(' or ')}
            then directbook_refuse('${REFUSED.soldOut}', (select coalesce(json_agg(json_build_array(counter, date)), '[]')::text from taken))
          ${alone ? `when e.active_endpoints > 0 then directbook_refuse('${REFUSED.announce}', '')` : ''}
          end as refused
          from (select ${endpoints}) as e)
        select active_endpoints, refused from verdict`;
    });
    const parameters = [
      ...counters.flatMap((c) => c.parameters),
      ...Object.values(row),
      ...nightsOf(row, takes),
      ...totals.flatMap(([rateId, rooms]) => [rooms, rateId, rooms]),
      row.property_id,
    ];
    try {
      const { rows } = await run(tx, parameters);
      return Number(rows[0]!.active_endpoints);
    } catch (error) {
      const refused = refusal(error);
      if (refused?.message === REFUSED.soldOut) {
        const took = JSON.parse(refused.detail) as [number, string][];
        // The counter that came short throws SoldOut and remembers its full nights; if none did, a total did.
        counters.forEach((counter, i) =>
          units.tookAll(
            counter,
            took.flatMap(([n, date]) => (n === i ? [{ date }] : [])),
          ),
        );
        throw new SoldOut();
      }
      throw error;
    }
  };

  /** Properties whose holds were found to announce to webhook endpoints: theirs go through a transaction. */
  const announcing = new Set<string>();

  /**
   * PostgreSQL, issue 13: a hold with no limit to count and no promotion to take, at a property with
   * no webhook endpoint, is its statement alone. Undefined when the property turned out to announce
   * holds: it is remembered, and its holds run in a transaction from then on.
   */
  const holdAlone = async (booking: NewBooking, takes: readonly Take[]): Promise<HoldResult | undefined> => {
    const row = holdRow(booking);
    try {
      await writeHold(db, row, takes, roomsPerRate(takes, booking.checkIn), true);
    } catch (error) {
      if (refusal(error)?.message !== REFUSED.announce) throw error;
      // Forgetting everything bounds it: at worst a property's next hold tries alone once more.
      if (announcing.size >= 10_000) announcing.clear();
      announcing.add(booking.propertyId);
      return undefined;
    }
    return { status: 'held', booking: toBooking(row), announced: false };
  };
  const goesAlone = (booking: NewBooking, limits: HoldLimits) =>
    dialect === 'postgres' && !booking.promoId && limitChecks(booking, limits).length === 0 && !announcing.has(booking.propertyId);

  /** One hold, inside a write transaction: its units and the booking's rows, in the order that suits the dialect. */
  const hold = async (tx: Db, booking: NewBooking, takes: readonly Take[], now: string, limits: HoldLimits): Promise<HoldResult> => {
    if (booking.idempotencyKey) {
      const existing = await byIdempotencyKey(tx, booking.propertyId, booking.idempotencyKey);
      if (existing) return replayOf(existing, booking.requestHash);
    }
    const reached = await holdLimitReached(tx, dialect, booking, limits, now);
    if (reached) return { status: 'too_many_holds' as const, ...reached };
    const row = holdRow(booking);
    const perRate = roomsPerRate(takes, booking.checkIn);
    let activeEndpoints: number;
    if (dialect === 'postgres') activeEndpoints = await writeHold(tx, row, takes, perRate, false);
    else {
      // The batch holds the whole database, so the units come first: a sold-out hold (most of a
      // rush's answers) then writes nothing, where the booking's insert was its dearest part.
      await takeUnits(tx, takes, perRate);
      activeEndpoints = await insertBooking(tx, row, takes);
    }
    const announced = activeEndpoints > 0 && (await announce(tx, { type: 'booking.held', bookingId: booking.id }, now)) > 0;
    // After the units, so that every hold locks its rows in the same order.
    if (booking.promoId) await takePromoUse(tx, booking.promoId);
    return { status: 'held' as const, booking: toBooking(row), announced };
  };
  const holds = dialect === 'sqlite' ? new GroupCommit(db) : { run: <T>(work: (tx: Db) => Promise<T>) => write(work) };
  const expiredHold = statement(dialect, `select id from bookings where status = 'pending' and expires_at <= ? limit 1`);
  const hasExpired = async (now: string) => (await expiredHold(db, [now])).rows.length > 0;

  return {
    async holdBooking(booking: NewBooking, takes: readonly Take[], now: string, limits: HoldLimits = { perClient: 0, perEmail: 0 }): Promise<HoldResult> {
      if (booking.idempotencyKey) {
        const existing = await byIdempotencyKey(db, booking.propertyId, booking.idempotencyKey);
        if (existing) return replayOf(existing, booking.requestHash);
      }
      const attempt = async (): Promise<HoldResult> => {
        try {
          return (goesAlone(booking, limits) && (await holdAlone(booking, takes))) || (await holds.run((tx) => hold(tx, booking, takes, now, limits)));
        } catch (error) {
          if (error instanceof SoldOut) return { status: 'sold_out' };
          if (error instanceof PromoUsedUp) return { status: 'promo_used_up' };
          // A concurrent request with the same key won the unique index: answer with its booking.
          if (booking.idempotencyKey) {
            const existing = await byIdempotencyKey(db, booking.propertyId, booking.idempotencyKey);
            if (existing) return replayOf(existing, booking.requestHash);
          }
          throw error;
        }
      };
      const result = await attempt();
      // SPEC 2.7: holds past their expiry hold nothing. They are given back when they stand in the
      // way, rather than looked for in every hold's transaction (issue 13).
      if (result.status !== 'sold_out' || !(await hasExpired(now))) return result;
      await write((tx) => expireDue(tx, now));
      return attempt();
    },

    async getBooking(id) {
      return read(db, id);
    },

    async bookingByIntent(intentId) {
      const row = await db.selectFrom('bookings').selectAll().where('intent_id', '=', intentId).executeTakeFirst();
      return row && toBooking(row);
    },

    async soldOutNow(takes, now) {
      // The room types' counters a hold would take, checked where this instance has seen them full.
      for (const { kind, id, rooms, dates } of units.countersOf(takes)) {
        if (kind !== 'roomType' || !fullNights.any(id, dates)) continue;
        const { full, expired } = await nightsFullNow({ roomTypeId: id, dates, rooms, now });
        if (full && !expired) return true;
        if (!full) fullNights.forget(id, dates);
      }
      return false;
    },

    async hasExpiredHolds(now) {
      return hasExpired(now);
    },

    async releaseExpiredHolds(now) {
      return write((tx) => expireDue(tx, now));
    },

    async setIntent(id, intent, now) {
      await db.updateTable('bookings').set({ intent_id: intent.id, intent_type: intent.type, updated_at: now }).where('id', '=', id).where('intent_id', 'is', null).execute();
    },

    async confirmBooking(id, now, payment): Promise<ConfirmResult> {
      return write(async (tx) => {
        const booking = await lock(tx, id);
        if (!booking) return 'final';
        if (booking.status === 'confirmed' || booking.status === 'completed') return 'already_confirmed';
        const refuse = async (): Promise<ConfirmResult> => {
          // Recorded in the same transaction that decided it, so no later call can confirm what is being refunded.
          await tx
            .updateTable('bookings')
            .set({ ...paymentColumns({ amountPaid: payment.amountPaid }), payment_refused_at: booking.paymentRefusedAt ?? now, updated_at: now })
            .where('id', '=', id)
            .where('status', 'in', ['expired', 'cancelled'])
            .execute();
          return booking.status === 'cancelled' ? 'final' : 'sold_out';
        };
        // SPEC 2.16: a payment counted before the cancellation was refunded by the cancellation's policy;
        // only money that arrives after it (a hold cancelled while the guest paid) is refused and refunded.
        if (booking.status === 'cancelled') return payment.amountPaid !== undefined && (booking.amountPaid === 0 || booking.paymentRefusedAt) ? refuse() : 'final';
        if (booking.paymentRefusedAt) return refuse();
        if (booking.status === 'pending' && booking.expiresAt > now) {
          await confirmWith(tx, id, ['pending'], payment, now);
          return 'confirmed';
        }
        // SPEC 2.8: the hold is over. Only this transaction, holding the row, may take its units again.
        if (booking.status === 'pending' && !(await endHold(tx, booking, ['pending'], 'expired', now))) {
          throw new Error(`Booking ${id} left pending under its own row lock`);
        }
        if (!(await retake(tx, takeUnits, id, booking.checkIn))) {
          booking.status = 'expired';
          return refuse();
        }
        await confirmWith(tx, id, ['expired'], payment, now);
        return 'confirmed';
      });
    },

    async listBookings(propertyId: string, filter: BookingFilter) {
      let query = db.selectFrom('bookings').selectAll().where('property_id', '=', propertyId);
      if (filter.status) query = query.where(statusAsOf(filter.status, filter.asOf));
      if (filter.q) query = query.where(matchesSearch(filter.q, dialect));
      if (filter.from) query = query.where('check_out', '>', filter.from);
      if (filter.to) query = query.where('check_in', '<=', filter.to);
      const rows = await query.orderBy('check_in').orderBy('created_at').limit(1000).execute();
      return rows.map(toBooking);
    },

    async cancelBooking(id, now, followUp) {
      const { result, purged } = await write(async (tx) => {
        const booking = await lock(tx, id);
        if (!booking || !(await endHold(tx, booking, ['pending', 'confirmed', 'completed'], 'cancelled', now))) return { result: 'final' as const, purged: false };
        const { refundJob, refundOwed } = followUp?.(booking) ?? {};
        if (refundJob) await insertJob(tx, refundJob, new Date(now));
        if (refundOwed)
          await tx
            .updateTable('bookings')
            .set((eb) => ({ refund_owed: eb('refund_owed', '+', refundOwed) }))
            .where('id', '=', id)
            .execute();
        // SPEC 2.17: nothing is collected for a cancelled stay (a run already under way re-reads the booking).
        await cancelJob(tx, balanceJobKey(id), new Date(now));
        // Issue 9: cancelling ends what the card was kept for, so it is erased with the booking.
        return { result: 'cancelled' as const, purged: await purgeCard(tx, id, now) };
      });
      if (purged) await afterPurge();
      return result;
    },

    async markDepositCharged(id, now, options) {
      const { charged, purged } = await write(async (tx) => {
        const result = await tx
          .updateTable('bookings')
          // Manual mode takes no money but what the owner records, so balance payments recorded before stay counted.
          .set({ deposit_charged_at: now, amount_paid: sql<number>`case when payment_mode = 'manual' then amount_paid + deposit_due else deposit_due end`, updated_at: now })
          .where('id', '=', id)
          .where('status', 'in', ['confirmed', 'completed'])
          .where('deposit_charged_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) return { charged: false, purged: false };
        await announce(tx, { type: 'payment.succeeded', bookingId: id, occurrence: 'deposit' }, now);
        return { charged: true, purged: options?.keepCard ? false : await purgeCard(tx, id, now) };
      });
      if (purged) await afterPurge();
      return charged;
    },

    // Each step is one idempotent statement, so any number of instances may run it at once.
    async housekeeping(now, purgeBefore, completedBefore) {
      const purged = await write(async (tx) => {
        await tx
          .deleteFrom('card_keys')
          .where('booking_id', 'in', tx.selectFrom('bookings').select('id').where(cardDue(purgeBefore)))
          .execute();
        const result = await tx.updateTable('bookings').set({ card_blob: null, card_purged_at: now, updated_at: now }).where(cardDue(purgeBefore)).executeTakeFirst();
        return Number(result.numUpdatedRows);
      });
      if (purged > 0) await afterPurge();
      const completed = await db
        .updateTable('bookings')
        .set({ status: 'completed', updated_at: now })
        .where('status', '=', 'confirmed')
        .where('check_out', '<', completedBefore)
        .executeTakeFirst();
      return { purged, completed: Number(completed.numUpdatedRows) };
    },

    async cardKey(bookingId) {
      const row = await db.selectFrom('card_keys').select(['kid', 'wrapped_key', 'iv', 'tag']).where('booking_id', '=', bookingId).executeTakeFirst();
      return row && { kid: row.kid, wrappedKey: row.wrapped_key, iv: row.iv, tag: row.tag };
    },

    async replaceCardKey(bookingId, fromKid, key) {
      const result = await db
        .updateTable('card_keys')
        .set({ kid: key.kid, wrapped_key: key.wrappedKey, iv: key.iv, tag: key.tag })
        .where('booking_id', '=', bookingId)
        .where('kid', '=', fromKid)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async cardKeysUnder(kids, after, limit) {
      if (kids.length === 0) return [];
      const rows = await db.selectFrom('card_keys').selectAll().where('kid', 'in', kids).where('booking_id', '>', after).orderBy('booking_id').limit(limit).execute();
      return rows.map((row) => ({ bookingId: row.booking_id, key: { kid: row.kid, wrappedKey: row.wrapped_key, iv: row.iv, tag: row.tag } }));
    },

    async cardKeyCounts() {
      const rows = await db
        .selectFrom('card_keys')
        .select((eb) => ['kid', eb.fn.countAll<number>().as('cards')])
        .groupBy('kid')
        .orderBy('kid')
        .execute();
      return rows.map((row) => ({ kid: row.kid, cards: Number(row.cards) }));
    },

    async anyManualProperty() {
      return (await db.selectFrom('properties').select('id').where('payment_mode', '=', 'manual').limit(1).executeTakeFirst()) !== undefined;
    },

    async cancelPending(propertyId, now) {
      return write(async (tx) => {
        const pending = await tx.selectFrom('bookings').select(['id', 'check_in']).where('property_id', '=', propertyId).where('status', '=', 'pending').execute();
        let cancelled = 0;
        for (const b of pending) {
          if (await endHold(tx, { id: b.id, checkIn: b.check_in }, ['pending'], 'cancelled', now)) cancelled++;
        }
        return cancelled;
      });
    },

    async releaseHold(id, now) {
      await write(async (tx) => {
        const booking = await lock(tx, id);
        if (booking) await endHold(tx, booking, ['pending'], 'expired', now);
      });
    },

    async recordRefund(id, refund, now) {
      await write(async (tx) => {
        const inserted = await tx
          .insertInto('booking_refunds')
          .values({ refund_id: refund.id, booking_id: id, amount: refund.amount, created_at: now, intent_id: refund.intentId })
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) return;
        await tx
          .updateTable('bookings')
          .set((eb) => ({ amount_refunded: eb('amount_refunded', '+', refund.amount), updated_at: now }))
          .where('id', '=', id)
          .execute();
        await announce(tx, { type: 'payment.refunded', bookingId: id, occurrence: refund.id }, now);
      });
    },

    async refundedPerIntent(id) {
      const rows = await db.selectFrom('booking_refunds').select(['intent_id', 'amount']).where('booking_id', '=', id).execute();
      const per = new Map<string | null, number>();
      for (const row of rows) per.set(row.intent_id, (per.get(row.intent_id) ?? 0) + Number(row.amount));
      return per;
    },

    async webhookEventSeen(eventId) {
      return (await db.selectFrom('webhook_events').select('event_id').where('event_id', '=', eventId).executeTakeFirst()) !== undefined;
    },

    async recordWebhookEvent(eventId, type, now) {
      await db
        .insertInto('webhook_events')
        .values({ event_id: eventId, type, received_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    },

    async soldFromBookings(roomTypeId, date, now) {
      const row = await db
        .selectFrom('booking_nights')
        .innerJoin('bookings', 'bookings.id', 'booking_nights.booking_id')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('booking_nights.rooms'), sql<number>`0`).as('n'))
        .where('booking_nights.room_type_id', '=', roomTypeId)
        .where('booking_nights.date', '=', date)
        .where(holdsRooms(now))
        .executeTakeFirstOrThrow();
      // SPEC 2.19: a night an imported calendar holds is taken like a booked one.
      const blocks = await db
        .selectFrom('calendar_blocks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('room_type_id', '=', roomTypeId)
        .where('date', '=', date)
        .executeTakeFirstOrThrow();
      return Number(row.n) + Number(blocks.n);
    },
  };
}
