// One contract for every storage backend: SQLite always, PostgreSQL when DATABASE_URL is set.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KEY_SCOPES } from '../../shared/schemas/owner-key.ts';
import { PROFILE_DEFAULTS } from '../../shared/schemas/profile.ts';
import { newId, sha256 } from '../ids.ts';
import { freshSchema } from '../../test/support/test-app.ts';
import { openStore } from './open-store.ts';
import type { BookingRecord, NewBooking, PropertyRecord, Store, Take } from './store.ts';
import { backends } from '../../test/support/api.ts';

const property = (id: string): PropertyRecord => ({
  ...PROFILE_DEFAULTS,
  id,
  name: 'Hanok Stay',
  currency: 'KRW',
  timezone: 'Asia/Seoul',
  country: 'KR',
  locale: 'ko',
  paymentMode: 'manual',
  acceptedCardBrands: ['visa', 'jcb'],
  allowedOrigins: ['https://hanok.example'],
  email: null,
  description: null,
  pageIndexed: false,
  maxRoomsPerBooking: 4,
  bookingHorizonMonths: 18,
  balanceCollection: null,
  taxes: [{ name: '부가세', type: 'percent', percent: 10, inclusive: true }],
  fees: [{ name: '청소비', amount: 20_000, per: 'stay' }],
  priceDisplay: 'base',
  cardRetention: 'until_checkout',
  closures: { weekdays: [1], publicHolidays: true, dates: ['2026-12-31'], openHolidays: [] },
  createdAt: '2026-11-24T03:00:00.000Z',
});

const firstKey = (propertyId: string) => ({ id: `key_${propertyId}`, propertyId, name: 'First key', scopes: KEY_SCOPES, keyHash: sha256(propertyId), createdAt: '2026-11-24T03:00:00.000Z' });

const rateOf = (id: string, roomTypeId: string, propertyId = 'p1') => ({
  id,
  propertyId,
  roomTypeId,
  name: 'Standard',
  description: null,
  nightlyPrice: 3_000_000_000, // beyond 32 bits: a long IDR or KRW stay must not overflow
  deposit: { type: 'percentage' as const, percent: 12.5 },
  minNights: 2,
  maxNights: null,
  bookableFrom: '2026-11-01T00:00:00Z',
  bookableUntil: null,
  maxRoomsPerNight: 3,
  maxRoomsTotal: null,
  arrivalDates: ['2026-12-24'],
  refundable: false,
  cancellationPolicy: { tiers: [] },
  payInFullOption: false,
  extraAdultPrice: 3_000_000_000,
  childPrices: [
    { maxAge: 2, amount: 0 },
    { maxAge: 12, amount: 50_000 },
  ],
});

const HELD_AT = '2026-11-24T03:00:00.000Z';
const AFTER_EXPIRY = '2026-11-24T03:20:00.000Z';

function newBooking(id: string): NewBooking {
  return {
    id,
    reference: `DB-${id.toUpperCase()}`,
    propertyId: 'p1',
    checkIn: '2026-12-05',
    checkOut: '2026-12-07',
    nights: 2,
    currency: 'KRW',
    locale: 'ko',
    guest: { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' },
    rooms: [],
    deposits: [],
    total: 200_000,
    depositDue: 100_000,
    balanceDue: 100_000,
    paymentMode: 'stripe',
    clientTokenHash: 'cd'.repeat(32),
    idempotencyKey: null,
    requestHash: null,
    expiresAt: '2026-11-24T03:15:00.000Z',
    createdAt: HELD_AT,
  };
}

const twoNights = (rooms = 1): Take[] => ['2026-12-05', '2026-12-06'].map((date) => ({ roomTypeId: 'rt1', rateId: 'r1', date, rooms }));

describe.each(backends)('storage contract on %s', (_name, databaseUrl) => {
  let store: Store;
  let drop: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    const schema = databaseUrl ? await freshSchema(databaseUrl) : undefined;
    drop = schema?.drop;
    store = await openStore(schema ? { databaseUrl: schema.url, poolSize: 2 } : {});
    await store.createProperty(property('p1'), firstKey('p1'));
    await store.createProperty(property('p2'), firstKey('p2'));
    await store.createRoomType({ id: 'rt1', propertyId: 'p1', name: 'Ondol', description: 'Floor bedding', maxGuests: 2, units: 4, images: ['https://img.example/a.jpg'] });
  });

  afterEach(async () => {
    await store.close();
    await drop?.();
  });

  test('a property reads back exactly as it was written', async () => {
    expect(await store.getProperty('p1')).toEqual(property('p1'));
    expect(await store.getProperty('nope')).toBeUndefined();
    expect(await store.countProperties()).toBe(2);
  });

  test('changing a property touches only the fields given', async () => {
    await store.updateProperty('p1', { name: 'Hanok House', closures: { weekdays: [], publicHolidays: false, dates: [], openHolidays: [] } });
    const read = await store.getProperty('p1');
    expect(read?.name).toBe('Hanok House');
    expect(read?.closures.weekdays).toEqual([]);
    expect(read?.currency).toBe('KRW');
    expect((await store.getProperty('p2'))?.name).toBe('Hanok Stay');
  });

  test('room types are scoped to their property and archived ones disappear', async () => {
    expect(await store.getRoomType('p2', 'rt1')).toBeUndefined();
    await store.updateRoomType('p1', 'rt1', { units: 6 });
    expect((await store.getRoomType('p1', 'rt1'))?.units).toBe(6);
    await store.createRate(rateOf('r1', 'rt1'));
    await store.archiveRoomType('p1', 'rt1', '2026-11-25T00:00:00Z');
    expect(await store.listRoomTypes('p1')).toEqual([]);
    expect(await store.listRates('p1')).toEqual([]);
  });

  test('room types created in the same instant are listed in the order they were created', async () => {
    const ids = Array.from({ length: 8 }, () => newId('rt'));
    for (const id of ids) await store.createRoomType({ id, propertyId: 'p2', name: id, description: null, maxGuests: 2, units: 1, images: [] });
    expect((await store.listRoomTypes('p2')).map((r) => r.id)).toEqual(ids);
  });

  test('a rate keeps its deposit policy, limits and large prices', async () => {
    await store.createRate(rateOf('r1', 'rt1'));
    // SPEC 2.21: a rate created without room types is a plan of its one room type, derived from nothing.
    expect(await store.getRate('p1', 'r1')).toEqual({ ...rateOf('r1', 'rt1'), soldTotal: 0, roomTypes: [{ roomTypeId: 'rt1', nightlyPrice: 3_000_000_000 }], derivedFrom: null });
    await store.updateRate('p1', 'r1', { minNights: null, arrivalDates: null, refundable: true });
    const read = await store.getRate('p1', 'r1');
    expect(read).toMatchObject({ minNights: null, arrivalDates: null, refundable: true, maxRoomsPerNight: 3 });
    expect(await store.getRate('p2', 'r1')).toBeUndefined();
  });

  test('price overrides replace earlier ones for the same date and are read by range', async () => {
    await store.createRate(rateOf('r1', 'rt1'));
    await store.updatePrices('r1', [
      { from: '2026-12-24', to: '2026-12-25', amount: 100 },
      { from: '2026-12-25', to: '2026-12-25', amount: 200 },
    ]);
    await store.updatePrices('r1', [{ from: '2026-12-25', to: '2026-12-25', amount: 250 }]);
    const read = await store.listPriceOverrides(['r1'], '2026-12-24', '2026-12-26');
    expect(read.sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { rateId: 'r1', date: '2026-12-24', amount: 100 },
      { rateId: 'r1', date: '2026-12-25', amount: 250 },
    ]);
    expect(await store.listPriceOverrides(['r1'], '2026-12-25', '2026-12-25')).toEqual([]);
  });

  test('two years of price overrides are stored in one call', async () => {
    await store.createRate(rateOf('r1', 'rt1'));
    expect(await store.updatePrices('r1', [{ from: '2027-01-01', to: '2028-12-31', amount: 1 }])).toEqual({ datesUpdated: 731, patterns: 0 });
    expect(await store.listPriceOverrides(['r1'], '2027-01-01', '2029-01-02')).toHaveLength(731);
  });

  test('weekday patterns are kept in order and read by the nights they cover; too many write nothing', async () => {
    await store.createRate(rateOf('r1', 'rt1'));
    await store.updatePrices('r1', [
      { from: '2027-01-01', weekdays: [5, 6], amount: 300 },
      { from: '2026-12-01', to: '2026-12-31', weekdays: [6], amount: 200 },
    ]);
    expect(await store.listPricePatterns(['r1'], '2027-02-01', '2027-02-08')).toEqual([{ rateId: 'r1', seq: 1, from: '2027-01-01', to: null, weekdays: [5, 6], amount: 300 }]);
    expect((await store.listPricePatterns(['r1'], '2026-12-31', '2027-01-02')).map((p) => p.seq).sort()).toEqual([1, 2]);
    // Each starts and ends a day after the one before, so none hides another.
    const day = (n: number) => new Date(Date.UTC(2027, 0, n)).toISOString().slice(0, 10);
    const many = Array.from({ length: 199 }, (_, i) => ({ from: day(1 + i), to: day(11 + i), weekdays: [i % 7], amount: i }));
    expect(await store.updatePrices('r1', many)).toBe('too_many_patterns');
    expect(await store.listPricePatterns(['r1'], '2026-01-01', '2030-01-01')).toHaveLength(2);
  });

  test('extras are scoped to their property and archived ones disappear', async () => {
    await store.createExtra({ id: 'e1', propertyId: 'p1', name: 'Breakfast', description: null, price: 15_000, per: 'guest_night' });
    expect(await store.getExtra('p2', 'e1')).toBeUndefined();
    await store.updateExtra('p1', 'e1', { price: 18_000 });
    expect((await store.listExtras('p1')).map((e) => e.price)).toEqual([18_000]);
    await store.archiveExtra('p1', 'e1', '2026-11-25T00:00:00Z');
    expect(await store.listExtras('p1')).toEqual([]);
  });

  test('nothing is sold on nights no booking has touched', async () => {
    expect(await store.roomTypeSold(['rt1'], '2026-12-01', '2026-12-31')).toEqual([]);
    expect(await store.rateSold([], '2026-12-01', '2026-12-31')).toEqual([]);
  });

  describe('the booking lifecycle', () => {
    beforeEach(async () => {
      await store.updateRoomType('p1', 'rt1', { units: 1 });
      await store.createRate({ ...rateOf('r1', 'rt1'), maxRoomsPerNight: null, minNights: null, arrivalDates: null });
    });

    const sold = async () => {
      const nights = await store.roomTypeSold(['rt1'], '2026-12-05', '2026-12-07');
      return ['2026-12-05', '2026-12-06'].map((date) => nights.find((n) => n.date === date)?.sold ?? 0);
    };

    test('a hold takes its nights and a payment inside the hold confirms it once', async () => {
      expect((await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT)).status).toBe('held');
      expect(await sold()).toEqual([1, 1]);
      expect(await store.confirmBooking('b1', HELD_AT, { amountPaid: 100_000 })).toBe('confirmed');
      expect(await store.confirmBooking('b1', HELD_AT, { amountPaid: 100_000 })).toBe('already_confirmed');
      expect(await store.getBooking('b1')).toMatchObject({ status: 'confirmed', amountPaid: 100_000 });
      expect(await sold()).toEqual([1, 1]);
    });

    test('a payment after the hold expired takes the rooms again when they are still free', async () => {
      await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT);
      expect(await store.releaseExpiredHolds(AFTER_EXPIRY)).toBe(1);
      expect(await sold()).toEqual([0, 0]);
      expect(await store.confirmBooking('b1', AFTER_EXPIRY, { amountPaid: 100_000 })).toBe('confirmed');
      expect(await sold()).toEqual([1, 1]);
    });

    test('a payment refused because its rooms were resold is never confirmed, even once they come free', async () => {
      await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT);
      expect((await store.holdBooking({ ...newBooking('b2'), expiresAt: '2026-11-24T03:35:00.000Z' }, twoNights(), AFTER_EXPIRY)).status).toBe('held');
      expect(await store.confirmBooking('b1', AFTER_EXPIRY, { amountPaid: 100_000 })).toBe('sold_out');
      expect(await store.getBooking('b1')).toMatchObject({ status: 'expired', amountPaid: 100_000, paymentRefusedAt: AFTER_EXPIRY });
      expect(await store.cancelBooking('b2', AFTER_EXPIRY)).toBe('cancelled');
      expect(await store.confirmBooking('b1', AFTER_EXPIRY, { amountPaid: 100_000 })).toBe('sold_out');
      expect(await sold()).toEqual([0, 0]);
    });

    test('a payment for a cancelled booking is recorded for its refund and confirms nothing', async () => {
      await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT);
      expect(await store.cancelBooking('b1', HELD_AT)).toBe('cancelled');
      expect(await store.cancelBooking('b1', HELD_AT)).toBe('final');
      expect(await store.confirmBooking('b1', HELD_AT, { amountPaid: 100_000 })).toBe('final');
      expect(await store.getBooking('b1')).toMatchObject({ status: 'cancelled', amountPaid: 100_000 });
      expect(await sold()).toEqual([0, 0]);
    });

    test('what a cancellation leaves to give back is stored with it, from the booking as it was, and not with a refused one', async () => {
      await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT);
      await store.confirmBooking('b1', HELD_AT, { amountPaid: 30_000 });
      const followUp = (held: BookingRecord) => ({ refundJob: { kind: 'refund', key: `refund:${held.id}`, payload: { paid: held.amountPaid, status: held.status } }, refundOwed: 12_000 });
      expect(await store.cancelBooking('b1', HELD_AT, followUp)).toBe('cancelled');
      expect(await store.jobs.find('refund:b1')).toMatchObject({ kind: 'refund', status: 'queued', payload: { paid: 30_000, status: 'confirmed' } });
      expect(await store.getBooking('b1')).toMatchObject({ status: 'cancelled', refundOwed: 12_000 });
      await store.jobs.cancel('refund:b1', new Date(HELD_AT));
      const again = () => ({ refundJob: { kind: 'refund', key: 'refund:again', payload: {} }, refundOwed: 1 });
      expect(await store.cancelBooking('b1', HELD_AT, again)).toBe('final');
      expect(await store.jobs.find('refund:again')).toBeUndefined();
      expect((await store.getBooking('b1'))!.refundOwed).toBe(12_000);
    });

    test('a refund reported twice, by a retry or a second instance, counts once', async () => {
      await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT);
      await store.confirmBooking('b1', HELD_AT, { amountPaid: 100_000 });
      await Promise.all([1, 2, 3].map(() => store.recordRefund('b1', { id: 're_1', amount: 40_000, intentId: 'pi_deposit' }, HELD_AT)));
      await store.recordRefund('b1', { id: 're_2', amount: 10_000, intentId: 'pi_balance' }, HELD_AT);
      expect((await store.getBooking('b1'))!.amountRefunded).toBe(50_000);
      // Each intent's part, so a later refund asks Stripe for no more than an intent still holds.
      expect(await store.refundedPerIntent('b1')).toEqual(
        new Map([
          ['pi_deposit', 40_000],
          ['pi_balance', 10_000],
        ]),
      );
    });

    test('a hold given back, or cancelled by a change of payment mode, frees its nights once', async () => {
      await store.holdBooking(newBooking('b1'), twoNights(), HELD_AT);
      await Promise.all([store.releaseHold('b1', HELD_AT), store.releaseHold('b1', HELD_AT)]);
      expect(await store.getBooking('b1')).toMatchObject({ status: 'expired' });
      await store.holdBooking(newBooking('b2'), twoNights(), HELD_AT);
      expect(await store.cancelPending('p1', HELD_AT)).toBe(1);
      expect(await store.cancelPending('p1', HELD_AT)).toBe(0);
      expect(await sold()).toEqual([0, 0]);
    });
  });

  describe('imported calendars', () => {
    const calendar = (id: string) => ({
      id,
      propertyId: 'p1',
      roomTypeId: 'rt1',
      name: 'Airbnb',
      url: 'https://www.airbnb.com/calendar/ical/1.ics',
      createdAt: HELD_AT,
      nextSyncAt: HELD_AT,
    });
    const night = (date: string, uid = 'e1@airbnb.com') => ({ date, uid, summary: 'Reserved' });
    const sold = async (dates: string[]) => {
      const nights = await store.roomTypeSold(['rt1'], dates[0]!, '2026-12-31');
      return dates.map((date) => nights.find((n) => n.date === date)?.sold ?? 0);
    };
    const sync = (id: string, nights: ReturnType<typeof night>[]) => store.applyCalendarSync(id, { nights, events: 1, now: HELD_AT, nextSyncAt: AFTER_EXPIRY });

    beforeEach(async () => {
      await store.updateRoomType('p1', 'rt1', { units: 1 });
      await store.createCalendar(calendar('c1'));
    });

    test('a sync holds its nights once, however often it is applied, and gives back what left the feed', async () => {
      expect(await sync('c1', [night('2026-12-05'), night('2026-12-06')])).toMatchObject({ blocked: 2, added: 2, released: 0, conflicts: 0 });
      expect(await sync('c1', [night('2026-12-05'), night('2026-12-06')])).toMatchObject({ blocked: 2, added: 0, released: 0 });
      expect(await sync('c1', [night('2026-12-06'), night('2026-12-07')])).toMatchObject({ blocked: 2, added: 1, released: 1 });
      expect(await sold(['2026-12-05', '2026-12-06', '2026-12-07'])).toEqual([0, 1, 1]);
      expect(await store.soldFromBookings('rt1', '2026-12-06', HELD_AT)).toBe(1);
      expect(await store.getCalendar('p1', 'c1')).toMatchObject({ blocked: 2, events: 1, lastSuccessAt: HELD_AT, nextSyncAt: AFTER_EXPIRY, lastError: null });
    });

    test('a night already sold out is a conflict, reported as new only the first time', async () => {
      await store.createCalendar(calendar('c2'));
      await sync('c1', [night('2026-12-05')]);
      const first = await sync('c2', [night('2026-12-05', 'b@booking.com')]);
      expect(first).toMatchObject({ blocked: 0, conflicts: 1, newConflicts: [{ date: '2026-12-05', uid: 'b@booking.com', bookingId: null }] });
      expect(await sync('c2', [night('2026-12-05', 'b@booking.com')])).toMatchObject({ conflicts: 1, newConflicts: [] });
      expect(await store.calendarConflicts('c2')).toHaveLength(1);
      expect(await sold(['2026-12-05'])).toEqual([1]);
      // The first calendar lets the night go: the second now holds it and the conflict is over.
      await sync('c1', []);
      expect(await sync('c2', [night('2026-12-05', 'b@booking.com')])).toMatchObject({ blocked: 1, conflicts: 0 });
      expect(await store.calendarConflicts('c2')).toEqual([]);
    });

    test('a calendar is claimed by one caller at a time, and a failure keeps its nights', async () => {
      const [a, b] = await Promise.all([store.claimDueCalendars(HELD_AT, AFTER_EXPIRY, 10), store.claimDueCalendars(HELD_AT, AFTER_EXPIRY, 10)]);
      expect([...a, ...b].map((c) => c.id)).toEqual(['c1']);
      expect(await store.claimCalendar('c1', HELD_AT, AFTER_EXPIRY)).toBe(false);
      await sync('c1', [night('2026-12-05')]);
      await store.recordCalendarFailure('c1', { error: 'The calendar’s server answered 500', now: AFTER_EXPIRY, nextSyncAt: AFTER_EXPIRY });
      expect(await store.getCalendar('p1', 'c1')).toMatchObject({ blocked: 1, lastError: 'The calendar’s server answered 500', lastSuccessAt: HELD_AT });
      expect(await store.claimCalendar('c1', AFTER_EXPIRY, '2026-11-24T04:00:00.000Z')).toBe(true);
    });

    test('removing a calendar gives back its nights; the feed secret changes only from the value the caller saw', async () => {
      await sync('c1', [night('2026-12-05')]);
      await store.deleteCalendar('c1');
      expect(await sold(['2026-12-05'])).toEqual([0]);
      expect(await store.getCalendar('p1', 'c1')).toBeUndefined();
      expect(await store.icalToken('rt1')).toBeNull();
      expect(await store.setIcalToken('rt1', null, 'first')).toBe(true);
      expect(await store.setIcalToken('rt1', null, 'second')).toBe(false);
      expect(await store.setIcalToken('rt1', 'first', 'rotated')).toBe(true);
      expect(await store.icalToken('rt1')).toBe('rotated');
    });
  });
});
