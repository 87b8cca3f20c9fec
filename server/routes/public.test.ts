import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { TestApp } from '../../test/support/test-app.ts';
import { sha256 } from '../ids.ts';
import { backends, createExtra, createRate, createRoomType, expect400, expectError, json, type Json, putClosures, putPrices, useTestApp } from '../../test/support/api.ts';

// The default clock is 2026-11-24 12:00 in Seoul (a Tuesday); this stay is Tue 1 to Thu 3 December.
const STAY = { checkIn: '2026-12-01', checkOut: '2026-12-03' };

const pub = (pid: string) => `/api/v1/public/properties/${pid}`;
const money = (locale: string, currency: string, major: number) => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(major);

function availabilityUrl(pid: string, query: Record<string, string | number> = {}) {
  const params = new URLSearchParams(Object.entries({ ...STAY, ...query }).map(([k, v]) => [k, String(v)]));
  return `${pub(pid)}/availability?${params}`;
}

async function availability(t: TestApp, pid: string, query: Record<string, string | number> = {}, headers?: Record<string, string>) {
  const res = await t.request('GET', availabilityUrl(pid, query), { headers });
  expect(res.status, await res.clone().text()).toBe(200);
  return json(res);
}

/** A property with one room type and one rate; returns the rate's offer for the stay. */
async function offerFor(
  t: TestApp,
  rate: Json,
  options: { property?: Json; roomType?: Json; prices?: Json[]; query?: Record<string, string | number>; headers?: Record<string, string> } = {},
) {
  const owner = await t.createProperty(options.property);
  const roomType = await createRoomType(t, owner, options.roomType);
  const created = await createRate(t, owner, roomType.id, rate);
  if (options.prices) await putPrices(t, owner, created.id, options.prices);
  const answer = await availability(t, owner.id, options.query, options.headers);
  const offer = answer.roomTypes[0].rates[0] as Json;
  expect(offer.id).toBe(created.id);
  return { owner, answer, offer };
}

/** Every date from `from` (inclusive) to `to` (exclusive) that falls on `weekday` (0 = Sunday). */
function weekdaysBetween(from: string, to: string, weekday: number): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    if (d.getUTCDay() === weekday) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

describe.each(backends)('public API on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  describe("the widget's property info", () => {
    test('shows the widget what it needs and nothing secret', async () => {
      const owner = await app().createProperty({ name: 'Harbour View Inn', locale: 'ko', allowedOrigins: ['https://harbourview.example'] });
      const extra = await createExtra(app(), owner);
      const res = await app().request('GET', pub(owner.id));
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        id: owner.id,
        name: 'Harbour View Inn',
        currency: 'USD',
        timezone: 'Asia/Seoul',
        locale: 'ko',
        today: '2026-11-24',
        paymentMode: 'manual',
        stripePublishableKey: null,
        acceptedCardBrands: ['visa', 'mastercard', 'amex'],
        closedDates: [],
        extras: [extra],
        holdMinutes: 15,
        priceDisplay: 'total',
        asksChildAges: false,
        status: 'open',
        checkInTime: null,
        checkOutTime: null,
        description: null,
        address: null,
        phone: null,
        website: null,
        notices: null,
        directions: null,
        amenities: [],
        starRating: null,
        images: [],
        embedAllowed: true,
      });
      expect(text).not.toContain(owner.key.split('.')[2]);
      expect(text).not.toContain(sha256(owner.key));
      expect(text).not.toMatch(/secretKey|keyHash/);
    });

    test('a Stripe property hands out the publishable key, never a secret one', async () => {
      const owner = await app().createProperty({ paymentMode: 'stripe' });
      const info = await json(await app().request('GET', pub(owner.id)));
      expect(info.paymentMode).toBe('stripe');
      expect(info.stripePublishableKey).toBe('pk_test_directbook');
    });

    test('"today" is today in the property\'s time zone', async () => {
      app().setNow('2026-11-24T16:00:00Z');
      const seoul = await app().createProperty({ timezone: 'Asia/Seoul' });
      const losAngeles = await app().createProperty({ timezone: 'America/Los_Angeles' });
      expect((await json(await app().request('GET', pub(seoul.id)))).today).toBe('2026-11-25');
      expect((await json(await app().request('GET', pub(losAngeles.id)))).today).toBe('2026-11-24');
    });

    test('closed dates list every weekly closed day and every temporary date of the coming year', async () => {
      const owner = await app().createProperty();
      await putClosures(app(), owner, { weekdays: [1], dates: ['2026-11-01', '2026-12-10', '2026-12-07'] });
      const { closedDates } = await json(await app().request('GET', pub(owner.id)));
      const mondays = weekdaysBetween('2026-11-24', '2027-11-25', 1);
      expect(mondays).toContain('2026-11-30');
      expect(closedDates).toEqual([...mondays, '2026-12-10'].sort());
      expect(closedDates).not.toContain('2026-11-01');
    });

    test('public holidays of the property country are closed only when the owner opts in', async () => {
      const owner = await app().createProperty({ country: 'KR' });
      expect((await json(await app().request('GET', pub(owner.id)))).closedDates).toEqual([]);
      await putClosures(app(), owner, { publicHolidays: true });
      const { closedDates } = await json(await app().request('GET', pub(owner.id)));
      // Christmas, New Year's Day and Independence Movement Day are public holidays in Korea.
      expect(closedDates).toEqual(expect.arrayContaining(['2026-12-25', '2027-01-01', '2027-03-01']));
      expect(closedDates).not.toContain('2026-12-24');
      expect(closedDates.every((d: string) => d >= '2026-11-24' && d <= '2027-11-25')).toBe(true);
    });

    test('an unknown property is not found by any public route', async () => {
      const pid = 'prop_nosuchproperty';
      await expectError(await app().request('GET', pub(pid)), 404, 'not_found');
      await expectError(await app().request('GET', availabilityUrl(pid)), 404, 'not_found');
      await expectError(await app().request('GET', `${pub(pid)}/calendar?from=2026-12-01&to=2026-12-08`), 404, 'not_found');
      await expectError(await app().request('POST', `${pub(pid)}/quotes`, { body: { ...STAY, rooms: [{ rateId: 'rate_x', adults: 1 }] } }), 404, 'not_found');
    });
  });

  describe('availability and deposits for one room (SPEC 2.4)', () => {
    test('the answer describes the stay, the room type and each night', async () => {
      const { answer } = await offerFor(app(), { name: 'Flexible', nightlyPrice: 10_000 }, { roomType: { name: 'Double', maxGuests: 3 } });
      const roomType = answer.roomTypes[0];
      expect(answer).toMatchObject({ checkIn: '2026-12-01', checkOut: '2026-12-03', nights: 2, currency: 'USD', locale: 'en' });
      expect(answer.nextAvailable).toBeUndefined();
      expect(roomType).toMatchObject({ name: 'Double', maxGuests: 3 });
      expect(roomType.rates[0]).toMatchObject({
        name: 'Flexible',
        available: true,
        refundable: true,
        unitsLeft: 3,
        nightly: [
          { date: '2026-12-01', amount: 10_000 },
          { date: '2026-12-02', amount: 10_000 },
        ],
        roomTotal: 20_000,
      });
      expect(roomType.rates[0].reason).toBeUndefined();
    });

    test.each([
      ['nothing is due for a pay-later rate', { type: 'none' }, 10_000, 0, 'Book now, pay later'],
      ['the whole stay is due for a pay-today rate', { type: 'full' }, 10_000, 20_000, 'Pay today'],
      ['a fixed deposit is due as set', { type: 'fixed', amount: 5_000 }, 10_000, 5_000, '$50.00 deposit required'],
      ['a fixed deposit never exceeds what the stay costs', { type: 'fixed', amount: 50_000 }, 10_000, 20_000, '$200.00 deposit required'],
      ['a percentage deposit is that share of the stay', { type: 'percentage', percent: 30 }, 10_000, 6_000, '30% deposit required'],
      // 12.5% of 200.04 is 25.005: half-up gives 25.01 where banker's rounding would give 25.00.
      ['a percentage deposit rounds half a cent up', { type: 'percentage', percent: 12.5 }, 10_002, 2_501, '12.5% deposit required'],
      ['a percentage with two decimals is shown as set', { type: 'percentage', percent: 33.33 }, 10_000, 6_666, '33.33% deposit required'],
    ])('%s', async (_what, deposit, nightlyPrice, amount, message) => {
      const { offer } = await offerFor(app(), { deposit, nightlyPrice });
      expect(offer.deposit).toEqual({ type: deposit.type, amount, message });
    });

    test('a first-night deposit is the first night’s own price, override included', async () => {
      const { offer } = await offerFor(app(), { deposit: { type: 'first_night' }, nightlyPrice: 10_000 }, { prices: [{ from: '2026-12-01', to: '2026-12-01', amount: 12_345 }] });
      expect(offer.nightly).toEqual([
        { date: '2026-12-01', amount: 12_345 },
        { date: '2026-12-02', amount: 10_000 },
      ]);
      expect(offer.roomTotal).toBe(22_345);
      expect(offer.deposit).toEqual({ type: 'first_night', amount: 12_345, message: 'One night deposit required' });
    });

    test('Korean won have no decimals, in prices and in messages', async () => {
      const { answer, offer } = await offerFor(app(), { nightlyPrice: 120_000, deposit: { type: 'fixed', amount: 50_000 } }, { property: { currency: 'KRW' } });
      expect(answer.currency).toBe('KRW');
      expect(offer.roomTotal).toBe(240_000);
      expect(offer.deposit).toEqual({ type: 'fixed', amount: 50_000, message: '₩50,000 deposit required' });
    });

    test('a percentage deposit in won rounds half a won up', async () => {
      const { offer } = await offerFor(app(), { nightlyPrice: 100_002, deposit: { type: 'percentage', percent: 12.5 } }, { property: { currency: 'KRW' } });
      expect(offer.deposit.amount).toBe(25_001);
    });

    test.each([
      [{ type: 'none' }, 'Pesan sekarang, bayar nanti'],
      [{ type: 'full' }, 'Bayar hari ini'],
      [{ type: 'first_night' }, 'Diperlukan deposit satu malam'],
      [{ type: 'fixed', amount: 5_000 }, `${money('id', 'USD', 50)} deposit diperlukan`],
      [{ type: 'percentage', percent: 30 }, '30% deposit diperlukan'],
    ])('an Indonesian guest reads the %j deposit in Indonesian', async (deposit, message) => {
      const { answer, offer } = await offerFor(app(), { deposit }, { query: { locale: 'id' } });
      expect(answer.locale).toBe('id');
      expect(offer.deposit.message).toBe(message);
    });

    test('a Korean guest reads every deposit message in Korean, amounts formatted for Korean', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      const deposits = [{ type: 'none' }, { type: 'full' }, { type: 'first_night' }, { type: 'fixed', amount: 5_000 }, { type: 'percentage', percent: 30 }];
      for (const deposit of deposits) await createRate(app(), owner, roomType.id, { deposit, name: deposit.type });
      const byType = (answer: Json) => Object.fromEntries(answer.roomTypes[0].rates.map((r: Json) => [r.deposit.type, r.deposit.message as string]));
      const en = byType(await availability(app(), owner.id));
      const koAnswer = await availability(app(), owner.id, { locale: 'ko' });
      expect(koAnswer.locale).toBe('ko');
      const ko = byType(koAnswer);
      expect(new Set(Object.values(ko)).size).toBe(5);
      for (const { type } of deposits) {
        expect(ko[type]).toMatch(/[\uAC00-\uD7A3]/);
        expect(ko[type]).not.toBe(en[type]);
      }
      expect(ko.fixed).toContain(money('ko', 'USD', 50));
      expect(ko.percentage).toContain('30%');
    });

    test('without a locale in the query the guest’s Accept-Language decides', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id, { deposit: { type: 'full' } });
      const message = async (query: Record<string, string>, headers?: Record<string, string>) => (await availability(app(), owner.id, query, headers)).roomTypes[0].rates[0].deposit.message;
      expect(await message({}, { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' })).toBe('Bayar hari ini');
      expect(await message({}, { 'accept-language': 'fr-CH, fr;q=0.9, id;q=0.5' })).toBe('Bayar hari ini');
      expect(await message({}, { 'accept-language': 'en-GB,en;q=0.9' })).toBe('Pay today');
      expect(await message({ locale: 'en' }, { 'accept-language': 'id' })).toBe('Pay today');
      expect(await message({}, { 'accept-language': 'ko-KR' })).toMatch(/[\uAC00-\uD7A3]/);
    });

    test('with no locale asked for, the property’s own locale is used', async () => {
      const { answer, offer } = await offerFor(app(), { deposit: { type: 'none' } }, { property: { locale: 'id' } });
      expect(answer.locale).toBe('id');
      expect(offer.deposit.message).toBe('Pesan sekarang, bayar nanti');
    });

    test('units left count the room type’s rooms and the rate’s own caps', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner, { units: 5 });
      const open = await createRate(app(), owner, roomType.id, { name: 'Open' });
      const capped = await createRate(app(), owner, roomType.id, { name: 'Capped', maxRoomsPerNight: 2 });
      const quota = await createRate(app(), owner, roomType.id, { name: 'Quota', maxRoomsTotal: 1 });
      const rates = (await availability(app(), owner.id)).roomTypes[0].rates as Json[];
      const left = Object.fromEntries(rates.map((r) => [r.id, r.unitsLeft]));
      expect(left).toEqual({ [open.id]: 5, [capped.id]: 2, [quota.id]: 1 });
    });

    test('a room booked here shows at once in the next question, whichever stay it asks about', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner, { units: 3 });
      const rate = await createRate(app(), owner, roomType.id);
      const unitsLeft = async (checkIn: string, checkOut: string) => ((await availability(app(), owner.id, { checkIn, checkOut })).roomTypes[0].rates[0] as Json).unitsLeft;
      expect(await unitsLeft('2026-12-01', '2026-12-03')).toBe(3);
      const guest = { firstName: 'Yuna', lastName: 'Park', email: 'yuna@example.com' };
      const booked = await app().request('POST', `${pub(owner.id)}/bookings`, { body: { checkIn: '2026-12-02', checkOut: '2026-12-04', rooms: [{ rateId: rate.id, adults: 2 }], guest } });
      expect(booked.status).toBe(201);
      // The same second of the property's clock, another stay over the booked nights, and the first stay again.
      expect(await unitsLeft('2026-12-03', '2026-12-05')).toBe(2);
      expect(await unitsLeft('2026-12-01', '2026-12-03')).toBe(2);
    });
  });

  describe('when a stay cannot be sold', () => {
    test('a room type with no rooms is sold out, and nothing later is offered either', async () => {
      const { answer, offer } = await offerFor(app(), {}, { roomType: { units: 0 } });
      expect(offer).toMatchObject({ available: false, reason: 'sold_out', unitsLeft: 0 });
      expect(answer.nextAvailable).toBeUndefined();
    });

    test('a closed night inside the stay blocks it and the next open stay of the same length is named', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      await putClosures(app(), owner, { dates: ['2026-12-02'] });
      const answer = await availability(app(), owner.id);
      expect(answer.roomTypes[0].rates[0]).toMatchObject({ available: false, reason: 'closed' });
      expect(answer.nextAvailable).toEqual({ checkIn: '2026-12-03', checkOut: '2026-12-05' });
    });

    test('a weekly closed day blocks every stay over it', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      await putClosures(app(), owner, { weekdays: [1] });
      // Sunday 29 November to Tuesday 1 December includes Monday night.
      const answer = await availability(app(), owner.id, { checkIn: '2026-11-29', checkOut: '2026-12-01' });
      expect(answer.roomTypes[0].rates[0]).toMatchObject({ available: false, reason: 'closed' });
      expect(answer.nextAvailable).toEqual({ checkIn: '2026-12-01', checkOut: '2026-12-03' });
    });

    test('a guest may check out on a closed day', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      await putClosures(app(), owner, { dates: ['2026-12-03'] });
      const answer = await availability(app(), owner.id);
      expect(answer.roomTypes[0].rates[0].available).toBe(true);
    });

    test('Christmas closes a Korean property that opted into public holidays', async () => {
      const owner = await app().createProperty({ country: 'KR' });
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      const stay = { checkIn: '2026-12-24', checkOut: '2026-12-26' };
      expect((await availability(app(), owner.id, stay)).roomTypes[0].rates[0].available).toBe(true);
      await putClosures(app(), owner, { publicHolidays: true });
      const answer = await availability(app(), owner.id, stay);
      expect(answer.roomTypes[0].rates[0]).toMatchObject({ available: false, reason: 'closed' });
      expect(answer.nextAvailable).toEqual({ checkIn: '2026-12-26', checkOut: '2026-12-28' });
    });

    test.each([
      ['a stay shorter than the rate’s minimum', { minNights: 3 }, {}, 'min_nights'],
      ['a stay longer than the rate’s maximum', { maxNights: 1 }, {}, 'max_nights'],
      ['a rate whose booking has not opened yet', { bookableFrom: '2026-11-25T00:00:00Z' }, {}, 'not_bookable_now'],
      ['a rate whose booking has closed', { bookableUntil: '2026-11-24T02:59:59Z' }, {}, 'not_bookable_now'],
      ['a stay that does not start on an arrival date', { arrivalDates: ['2026-11-30', '2026-12-05'] }, {}, 'arrival_date'],
      ['a party larger than the room sleeps', {}, { adults: 2, children: 1 }, 'too_many_guests'],
    ])('%s is not offered and says why', async (_what, rate, query, reason) => {
      const { offer } = await offerFor(app(), rate, { roomType: { maxGuests: 2 }, query });
      expect(offer).toMatchObject({ available: false, reason });
    });

    test('a rate with designated arrival dates points to the next one', async () => {
      const { answer } = await offerFor(app(), { arrivalDates: ['2026-12-05'] });
      expect(answer.nextAvailable).toEqual({ checkIn: '2026-12-05', checkOut: '2026-12-07' });
    });

    test('a rate opens exactly when its booking window opens', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id, { bookableFrom: '2026-11-25T00:00:00Z' });
      app().setNow('2026-11-25T00:00:00Z');
      expect((await availability(app(), owner.id)).roomTypes[0].rates[0].available).toBe(true);
    });

    test('a party that fits the room is offered it', async () => {
      const { offer } = await offerFor(app(), {}, { roomType: { maxGuests: 3 }, query: { adults: 2, children: 1 } });
      expect(offer.available).toBe(true);
    });

    test('when some rate is offered, no other stay is suggested', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      const long = await createRate(app(), owner, roomType.id, { minNights: 5 });
      const short = await createRate(app(), owner, roomType.id);
      const answer = await availability(app(), owner.id);
      const available = Object.fromEntries(answer.roomTypes[0].rates.map((r: Json) => [r.id, r.available]));
      expect(available).toEqual({ [long.id]: false, [short.id]: true });
      expect(answer.nextAvailable).toBeUndefined();
    });
  });

  describe('refusing bad availability questions', () => {
    test.each([
      ['a date that does not exist', { checkIn: '2026-02-30' }, 'checkIn'],
      ['a checkout that does not exist', { checkOut: '2026-12-32' }, 'checkOut'],
      ['a date in another format', { checkIn: '01/12/2026' }, 'checkIn'],
      ['a checkout before the check-in', { checkIn: '2026-12-05', checkOut: '2026-12-03' }, 'checkOut'],
      ['a checkout on the check-in day', { checkIn: '2026-12-05', checkOut: '2026-12-05' }, 'checkOut'],
      ['a check-in in the past', { checkIn: '2026-11-23', checkOut: '2026-11-25' }, 'checkIn'],
      ['a stay of 61 nights', { checkIn: '2026-12-01', checkOut: '2027-01-31' }, 'checkOut'],
      ['adults that are not a number', { adults: 'abc' }, 'adults'],
      ['no adults', { adults: 0 }, 'adults'],
      ['half an adult', { adults: '1.5' }, 'adults'],
      ['negative children', { children: -1 }, 'children'],
      ['no rooms', { rooms: 0 }, 'rooms'],
    ])('a question with %s is refused with 400', async (_what, query, field) => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      await expect400(await app().request('GET', availabilityUrl(owner.id, query)), field);
    });

    test('a question with one date and not the other is refused with 400', async () => {
      const owner = await app().createProperty();
      await expect400(await app().request('GET', `${pub(owner.id)}/availability?checkIn=2026-12-01`), 'checkOut');
      await expect400(await app().request('GET', `${pub(owner.id)}/availability?checkOut=2026-12-01`), 'checkOut');
      await expect400(await app().request('GET', `${pub(owner.id)}/availability?${new URLSearchParams({ ...STAY, include: 'everything' })}`), 'include');
    });

    test('without dates the server picks the stay: the first night from tomorrow, in the property’s calendar', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      const answer = await json(await app().request('GET', `${pub(owner.id)}/availability?adults=2`));
      expect([answer.checkIn, answer.checkOut, answer.nights]).toEqual(['2026-11-25', '2026-11-26', 1]);
      expect(answer.roomTypes[0].rates[0].available).toBe(true);
      expect(answer.property).toBeUndefined();
    });

    test('without dates and nothing free tomorrow, the answer is the next stay available, not an empty one', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      await putClosures(app(), owner, { dates: ['2026-11-25', '2026-11-26'] });
      const answer = await json(await app().request('GET', `${pub(owner.id)}/availability?adults=2`));
      expect([answer.checkIn, answer.checkOut]).toEqual(['2026-11-27', '2026-11-28']);
      expect(answer.roomTypes[0].rates[0].available).toBe(true);
      // Asked for those dates, the guest is told what is free instead.
      const asked = await json(await app().request('GET', `${pub(owner.id)}/availability?checkIn=2026-11-25&checkOut=2026-11-26`));
      expect(asked.checkIn).toBe('2026-11-25');
      expect(asked.nextAvailable).toEqual({ checkIn: '2026-11-27', checkOut: '2026-11-28' });
    });

    test('include=property answers the rates with what the widget needs of the property: one request before rates', async () => {
      const owner = await app().createProperty({ name: 'Harbour View Inn' });
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id);
      const { embedAllowed: _embedAllowed, ...alone } = await json(await app().request('GET', pub(owner.id)));
      const answer = await json(await app().request('GET', `${pub(owner.id)}/availability?include=property`));
      // SPEC 2.11: the rest of the profile (address, photos…) stays in the property's own answer.
      const { description: _d, address: _a, phone: _p, website: _w, notices: _n, directions: _r, amenities: _m, starRating: _s, images: _i, ...widgetPart } = alone;
      expect(answer.property).toEqual(widgetPart);
      expect(answer.roomTypes).toHaveLength(1);
    });

    test('a stay may start today', async () => {
      const { offer } = await offerFor(app(), {}, { query: { checkIn: '2026-11-24', checkOut: '2026-11-25' } });
      expect(offer.available).toBe(true);
    });

    test('a stay of 60 nights may be asked about', async () => {
      const { offer } = await offerFor(app(), {}, { query: { checkIn: '2026-12-01', checkOut: '2027-01-30' } });
      expect(offer.nightly).toHaveLength(60);
    });

    test("the past is judged by the property's clock, not the server's", async () => {
      // 16:00 UTC on the 24th is already 01:00 on the 25th in Seoul, still the 24th in Los Angeles.
      app().setNow('2026-11-24T16:00:00Z');
      const seoul = await app().createProperty({ timezone: 'Asia/Seoul' });
      const losAngeles = await app().createProperty({ timezone: 'America/Los_Angeles' });
      const stay = { checkIn: '2026-11-24', checkOut: '2026-11-26' };
      await expect400(await app().request('GET', availabilityUrl(seoul.id, stay)), 'checkIn');
      expect((await app().request('GET', availabilityUrl(losAngeles.id, stay))).status).toBe(200);
      expect((await app().request('GET', availabilityUrl(seoul.id, { checkIn: '2026-11-25', checkOut: '2026-11-26' }))).status).toBe(200);
    });

    test('whatever the query, the answer is 200 or 400 and never a server error', async () => {
      const owner = await app().createProperty({ country: 'KR' });
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id, { minNights: 2 });
      await putClosures(app(), owner, { weekdays: [0], publicHolidays: true });
      const date = fc.oneof(
        fc.date({ min: new Date('2026-11-01T00:00:00Z'), max: new Date('2027-06-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2026-02-30', '9999-12-31', '0000-01-01', '2026-1-1', '', '2026-12-01T00:00'),
        fc.string({ maxLength: 12 }),
      );
      const count = fc.oneof(fc.integer({ min: -2, max: 60 }).map(String), fc.constantFrom('abc', '1e3', '', '2.5', ' 1'), fc.string({ maxLength: 4 }));
      await fc.assert(
        fc.asyncProperty(
          fc.record({ checkIn: date, checkOut: date, adults: count, children: count, locale: fc.constantFrom('en', 'ko', 'id', 'xx', '') }, { requiredKeys: [] }),
          async (query) => {
            const params = new URLSearchParams(Object.entries<string>(query));
            const res = await app().request('GET', `${pub(owner.id)}/availability?${params}`);
            expect([200, 400]).toContain(res.status);
            const body = await json(res);
            if (res.status === 400) expect(body.error.details?.length ?? 0).toBeGreaterThan(0);
            if (body.nextAvailable) expect(body.nextAvailable.checkIn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          },
        ),
        { numRuns: 80 },
      );
    });

    test('a stay at the far end of the calendar is answered sensibly', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner);
      await createRate(app(), owner, roomType.id, { arrivalDates: ['2026-12-05'] });
      const res = await app().request('GET', availabilityUrl(owner.id, { checkIn: '9999-12-30', checkOut: '9999-12-31' }));
      expect([200, 400]).toContain(res.status);
      const body = await json(res);
      if (res.status === 200) {
        expect(body.roomTypes[0].rates[0]).toMatchObject({ available: false, reason: 'arrival_date' });
        expect(body.nextAvailable).toBeUndefined();
      }
    });
  });

  describe('the calendar', () => {
    test('marks closed days and shows the lowest price of a free room each day', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner, { units: 2 });
      await createRate(app(), owner, roomType.id, { nightlyPrice: 10_000 });
      const saver = await createRate(app(), owner, roomType.id, { nightlyPrice: 8_000 });
      await putPrices(app(), owner, saver.id, [{ from: '2026-12-02', to: '2026-12-02', amount: 15_000 }]);
      await putClosures(app(), owner, { weekdays: [1], dates: ['2026-12-03'] });
      const res = await app().request('GET', `${pub(owner.id)}/calendar?from=2026-11-29&to=2026-12-03`);
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({
        from: '2026-11-29',
        to: '2026-12-03',
        currency: 'USD',
        days: [
          { date: '2026-11-29', closed: false, soldOut: false, fromPrice: 8_000 },
          { date: '2026-11-30', closed: true, soldOut: false, fromPrice: 8_000 },
          { date: '2026-12-01', closed: false, soldOut: false, fromPrice: 8_000 },
          { date: '2026-12-02', closed: false, soldOut: false, fromPrice: 10_000 },
          { date: '2026-12-03', closed: true, soldOut: false, fromPrice: 8_000 },
        ],
      });
    });

    test('a property with no free room shows every day sold out, without a price', async () => {
      const owner = await app().createProperty();
      const roomType = await createRoomType(app(), owner, { units: 0 });
      await createRate(app(), owner, roomType.id);
      const { days } = await json(await app().request('GET', `${pub(owner.id)}/calendar?from=2026-12-01&to=2026-12-02`));
      expect(days).toEqual([
        { date: '2026-12-01', closed: false, soldOut: true, fromPrice: null },
        { date: '2026-12-02', closed: false, soldOut: true, fromPrice: null },
      ]);
    });

    test('a sold-out room type does not lower the price shown', async () => {
      const owner = await app().createProperty();
      const none = await createRoomType(app(), owner, { units: 0, name: 'Gone' });
      const free = await createRoomType(app(), owner, { units: 1, name: 'Free' });
      await createRate(app(), owner, none.id, { nightlyPrice: 5_000 });
      await createRate(app(), owner, free.id, { nightlyPrice: 9_000 });
      const { days } = await json(await app().request('GET', `${pub(owner.id)}/calendar?from=2026-12-01&to=2026-12-01`));
      expect(days).toEqual([{ date: '2026-12-01', closed: false, soldOut: false, fromPrice: 9_000 }]);
    });

    test('public holidays show as closed for a property that opted in', async () => {
      const owner = await app().createProperty({ country: 'KR' });
      await putClosures(app(), owner, { publicHolidays: true });
      const { days } = await json(await app().request('GET', `${pub(owner.id)}/calendar?from=2026-12-24&to=2026-12-26`));
      expect(days.map((d: Json) => d.closed)).toEqual([false, true, false]);
    });

    test('public holidays are marked for the calendar to print in red, whether the property closes on them or not', async () => {
      const owner = await app().createProperty({ country: 'KR' });
      const { days } = await json(await app().request('GET', `${pub(owner.id)}/calendar?from=2027-02-05&to=2027-02-10`));
      // 설날 2027: Feb 6–8, and Feb 9 for the day that fell on a Sunday.
      expect(days.filter((d: Json) => d.holiday).map((d: Json) => d.date)).toEqual(['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09']);
      expect(days.every((d: Json) => d.closed === false)).toBe(true);
    });

    test.each([
      ['a range that ends before it starts', 'from=2026-12-10&to=2026-12-01', 'to'],
      ['a range over 400 days', 'from=2026-12-01&to=2028-01-10', 'to'],
      ['a date that does not exist', 'from=2026-02-30&to=2026-03-10', 'from'],
      ['no end', 'from=2026-12-01', 'to'],
    ])('a calendar with %s is refused with 400', async (_what, query, field) => {
      const owner = await app().createProperty();
      await expect400(await app().request('GET', `${pub(owner.id)}/calendar?${query}`), field);
    });
  });

  describe('quotes', () => {
    const quote = (pid: string, body: unknown, headers?: Record<string, string>) => app().request('POST', `${pub(pid)}/quotes`, { body, headers });

    async function quoted(pid: string, body: Json, headers?: Record<string, string>) {
      const res = await quote(pid, { ...STAY, ...body }, headers);
      expect(res.status, await res.clone().text()).toBe(200);
      return json(res);
    }

    /** One room type with room for a family, plus the four kinds of extras. */
    async function hotel(roomType: Json = {}) {
      const owner = await app().createProperty();
      const double = await createRoomType(app(), owner, { name: 'Double', maxGuests: 3, units: 3, ...roomType });
      const breakfast = await createExtra(app(), owner, { name: 'Breakfast', price: 1_500, per: 'guest_night' });
      const parking = await createExtra(app(), owner, { name: 'Parking', price: 1_000, per: 'night' });
      const transfer = await createExtra(app(), owner, { name: 'Transfer', price: 3_000, per: 'stay' });
      const towel = await createExtra(app(), owner, { name: 'Beach towel', price: 500, per: 'guest', maxQuantity: 3 });
      return { owner, double, breakfast, parking, transfer, towel };
    }

    test('prices several rooms on mixed rates with every kind of extra', async () => {
      const untilArrival = { tiers: [{ daysBefore: 0, refundPercent: 100 }], summary: 'Free cancellation until Tue 1 Dec' };
      const { owner, double, breakfast, parking, transfer, towel } = await hotel();
      const suite = await createRoomType(app(), owner, { name: 'Suite', maxGuests: 4, units: 1 });
      const flexible = await createRate(app(), owner, double.id, { name: 'Flexible', nightlyPrice: 10_000, deposit: { type: 'percentage', percent: 30 } });
      const saver = await createRate(app(), owner, suite.id, { name: 'Suite saver', nightlyPrice: 8_000, deposit: { type: 'fixed', amount: 5_000 } });
      const body = await quoted(owner.id, {
        rooms: [
          { rateId: flexible.id, adults: 2, extras: [{ extraId: breakfast.id }] },
          {
            rateId: saver.id,
            adults: 1,
            children: 1,
            extras: [{ extraId: parking.id }, { extraId: transfer.id, quantity: 2 }, { extraId: towel.id }],
          },
          { rateId: flexible.id, adults: 1 },
        ],
      });
      const nights = (amount: number) => [
        { date: '2026-12-01', amount },
        { date: '2026-12-02', amount },
      ];
      const line = (extra: Json, quantity: number, total: number) => ({
        extraId: extra.id,
        name: extra.name,
        per: extra.per,
        quantity,
        unitPrice: extra.price,
        total,
      });
      expect(body).toEqual({
        checkIn: '2026-12-01',
        checkOut: '2026-12-03',
        nights: 2,
        currency: 'USD',
        locale: 'en',
        rooms: [
          {
            rateId: flexible.id,
            rateName: 'Flexible',
            roomTypeId: double.id,
            roomTypeName: 'Double',
            adults: 2,
            children: 0,
            nightly: nights(10_000),
            roomTotal: 20_000,
            // 15.00 × 2 nights × 2 guests
            extras: [line(breakfast, 1, 6_000)],
            extrasTotal: 6_000,
            discount: 0,
            fees: 0,
            taxes: 0,
            total: 26_000,
          },
          {
            rateId: saver.id,
            rateName: 'Suite saver',
            roomTypeId: suite.id,
            roomTypeName: 'Suite',
            adults: 1,
            children: 1,
            nightly: nights(8_000),
            roomTotal: 16_000,
            // parking 10.00 × 2 nights; transfer 30.00 × 2 once; towel 5.00 × 2 guests
            extras: [line(parking, 1, 2_000), line(transfer, 2, 6_000), line(towel, 1, 1_000)],
            extrasTotal: 9_000,
            discount: 0,
            fees: 0,
            taxes: 0,
            total: 25_000,
          },
          {
            rateId: flexible.id,
            rateName: 'Flexible',
            roomTypeId: double.id,
            roomTypeName: 'Double',
            adults: 1,
            children: 0,
            nightly: nights(10_000),
            roomTotal: 20_000,
            extras: [],
            extrasTotal: 0,
            discount: 0,
            fees: 0,
            taxes: 0,
            total: 20_000,
          },
        ],
        deposits: [
          // 30% of both Flexible rooms' room totals, extras excluded.
          // SPEC 2.16: rates made without a policy refund everything until the day of arrival.
          { rateId: flexible.id, rateName: 'Flexible', type: 'percentage', amount: 12_000, message: '30% deposit required', cancellation: untilArrival },
          { rateId: saver.id, rateName: 'Suite saver', type: 'fixed', amount: 5_000, message: '$50.00 deposit required', cancellation: untilArrival },
        ],
        // SPEC 2.13: the rooms and their extras, line by line, summing to the total.
        lines: [
          { kind: 'room', name: 'Double · Flexible', amount: 20_000 },
          { kind: 'extra', name: 'Breakfast', amount: 6_000 },
          { kind: 'room', name: 'Suite · Suite saver', amount: 16_000 },
          { kind: 'extra', name: 'Parking', amount: 2_000 },
          { kind: 'extra', name: 'Transfer', amount: 6_000 },
          { kind: 'extra', name: 'Beach towel', amount: 1_000 },
          { kind: 'room', name: 'Double · Flexible', amount: 20_000 },
        ],
        total: 71_000,
        depositDue: 17_000,
        balanceDue: 54_000,
      });
    });

    test('a pay-today rate takes the rooms and their extras now', async () => {
      const { owner, double, breakfast } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'full' } });
      const body = await quoted(owner.id, { rooms: [{ rateId: rate.id, adults: 2, extras: [{ extraId: breakfast.id }] }] });
      expect(body.deposits).toEqual([expect.objectContaining({ amount: 26_000, message: 'Pay today' })]);
      expect(body).toMatchObject({ total: 26_000, depositDue: 26_000, balanceDue: 0 });
    });

    test('a first-night deposit is each room’s first night, extras left for later', async () => {
      const { owner, double, parking } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'first_night' } });
      await putPrices(app(), owner, rate.id, [{ from: '2026-12-01', to: '2026-12-01', amount: 12_000 }]);
      const room = { rateId: rate.id, adults: 1, extras: [{ extraId: parking.id }] };
      const body = await quoted(owner.id, { rooms: [room, room] });
      expect(body.deposits).toEqual([expect.objectContaining({ amount: 24_000, message: 'One night deposit required' })]);
      expect(body).toMatchObject({ total: 48_000, depositDue: 24_000, balanceDue: 24_000 });
    });

    test('a fixed deposit is charged once per rate, however many rooms', async () => {
      const { owner, double } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'fixed', amount: 5_000 } });
      const body = await quoted(owner.id, {
        rooms: [
          { rateId: rate.id, adults: 1 },
          { rateId: rate.id, adults: 2 },
        ],
      });
      expect(body).toMatchObject({ total: 40_000, depositDue: 5_000, balanceDue: 35_000 });
    });

    test('a fixed deposit never exceeds what the rooms cost, extras included', async () => {
      const { owner, double, breakfast } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'fixed', amount: 30_000 } });
      const body = await quoted(owner.id, { rooms: [{ rateId: rate.id, adults: 2, extras: [{ extraId: breakfast.id }] }] });
      expect(body.deposits).toEqual([expect.objectContaining({ type: 'fixed', amount: 26_000, message: '$260.00 deposit required' })]);
      expect(body).toMatchObject({ total: 26_000, depositDue: 26_000, balanceDue: 0 });
    });

    test('a percentage deposit leaves extras out and rounds half a cent up', async () => {
      const { owner, double, transfer } = await hotel();
      const rate = await createRate(app(), owner, double.id, { nightlyPrice: 10_002, deposit: { type: 'percentage', percent: 12.5 } });
      const body = await quoted(owner.id, { rooms: [{ rateId: rate.id, adults: 1, extras: [{ extraId: transfer.id }] }] });
      expect(body.deposits).toEqual([expect.objectContaining({ amount: 2_501, message: '12.5% deposit required' })]);
      expect(body).toMatchObject({ total: 23_004, depositDue: 2_501, balanceDue: 20_503 });
    });

    test('a pay-later stay leaves the whole balance for later', async () => {
      const { owner, double, towel } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'none' } });
      const body = await quoted(owner.id, { rooms: [{ rateId: rate.id, adults: 2, extras: [{ extraId: towel.id, quantity: 3 }] }] });
      expect(body.deposits).toEqual([expect.objectContaining({ amount: 0, message: 'Book now, pay later' })]);
      expect(body).toMatchObject({ total: 23_000, depositDue: 0, balanceDue: 23_000 });
    });

    test('prices and deposits sent by the guest are ignored', async () => {
      const { owner, double } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'full' } });
      const body = await quoted(owner.id, {
        total: 1,
        depositDue: 0,
        rooms: [{ rateId: rate.id, adults: 1, roomTotal: 1, nightly: [{ date: '2026-12-01', amount: 1 }] }],
      });
      expect(body).toMatchObject({ total: 20_000, depositDue: 20_000, balanceDue: 0 });
    });

    test('messages follow the locale in the body, then Accept-Language', async () => {
      const { owner, double } = await hotel();
      const rate = await createRate(app(), owner, double.id, { deposit: { type: 'fixed', amount: 5_000 } });
      const rooms = [{ rateId: rate.id, adults: 1 }];
      const id = await quoted(owner.id, { rooms, locale: 'id' }, { 'accept-language': 'ko' });
      expect(id.locale).toBe('id');
      expect(id.deposits[0].message).toBe(`${money('id', 'USD', 50)} deposit diperlukan`);
      const ko = await quoted(owner.id, { rooms }, { 'accept-language': 'ko-KR,ko;q=0.9' });
      expect(ko.locale).toBe('ko');
      expect(ko.deposits[0].message).toMatch(/[\uAC00-\uD7A3]/);
    });

    test('a won quote stays in whole won', async () => {
      const owner = await app().createProperty({ currency: 'KRW' });
      const roomType = await createRoomType(app(), owner);
      const rate = await createRate(app(), owner, roomType.id, { nightlyPrice: 120_000, deposit: { type: 'fixed', amount: 50_000 } });
      const body = await quoted(owner.id, { rooms: [{ rateId: rate.id, adults: 2 }] });
      expect(body).toMatchObject({ currency: 'KRW', total: 240_000, depositDue: 50_000, balanceDue: 190_000 });
      expect(body.deposits[0].message).toBe('₩50,000 deposit required');
    });

    describe('refusing quotes that cannot be priced', () => {
      test('an unknown rate is refused, naming the room', async () => {
        const { owner, double } = await hotel();
        const rate = await createRate(app(), owner, double.id);
        const res = await quote(owner.id, {
          ...STAY,
          rooms: [
            { rateId: rate.id, adults: 1 },
            { rateId: 'rate_nosuchrate000', adults: 1 },
          ],
        });
        await expect400(res, 'rooms.1.rateId');
      });

      test('an unknown extra is refused, naming the room and the extra', async () => {
        const { owner, double, parking } = await hotel();
        const rate = await createRate(app(), owner, double.id);
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: rate.id, adults: 1, extras: [{ extraId: 'ex_nosuchextra000' }] }] }), 'rooms.0.extras.0.extraId');
        await expect400(
          await quote(owner.id, {
            ...STAY,
            rooms: [
              { rateId: rate.id, adults: 1 },
              { rateId: rate.id, adults: 1, extras: [{ extraId: parking.id }, { extraId: 'ex_nosuchextra000' }] },
            ],
          }),
          'rooms.1.extras.1.extraId',
        );
      });

      test("another property's rate and extra cannot be quoted here", async () => {
        const { owner, double } = await hotel();
        const mine = await createRate(app(), owner, double.id);
        const other = await app().createProperty();
        const theirRoomType = await createRoomType(app(), other);
        const theirRate = await createRate(app(), other, theirRoomType.id, { nightlyPrice: 1 });
        const theirExtra = await createExtra(app(), other);
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: theirRate.id, adults: 1 }] }), 'rooms.0.rateId');
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: mine.id, adults: 1, extras: [{ extraId: theirExtra.id }] }] }), 'rooms.0.extras.0.extraId');
      });

      test('a deleted rate or extra can no longer be quoted', async () => {
        const { owner, double, parking } = await hotel();
        const rate = await createRate(app(), owner, double.id);
        const kept = await createRate(app(), owner, double.id);
        await app().request('DELETE', `/api/v1/properties/${owner.id}/rates/${rate.id}`, { key: owner.key });
        await app().request('DELETE', `/api/v1/properties/${owner.id}/extras/${parking.id}`, { key: owner.key });
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: rate.id, adults: 1 }] }), 'rooms.0.rateId');
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: kept.id, adults: 1, extras: [{ extraId: parking.id }] }] }), 'rooms.0.extras.0.extraId');
      });

      test('a party larger than the room sleeps is refused', async () => {
        const { owner, double } = await hotel({ maxGuests: 2 });
        const rate = await createRate(app(), owner, double.id);
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: rate.id, adults: 2, children: 1 }] }), 'rooms.0.adults');
      });

      test('more rooms than the room type has are refused as sold out', async () => {
        const { owner, double } = await hotel({ units: 1 });
        const rate = await createRate(app(), owner, double.id);
        await expectError(
          await quote(owner.id, {
            ...STAY,
            rooms: [
              { rateId: rate.id, adults: 1 },
              { rateId: rate.id, adults: 1 },
            ],
          }),
          409,
          'sold_out',
        );
      });

      test('a rate capped at one room a night still sells next to another rate of the same room type', async () => {
        const { owner, double } = await hotel({ units: 3 });
        const promo = await createRate(app(), owner, double.id, { name: 'Promo', nightlyPrice: 7_000, maxRoomsPerNight: 1 });
        const flexible = await createRate(app(), owner, double.id, { name: 'Flexible', nightlyPrice: 10_000 });
        // Promo sells one room (its cap), Flexible one: two of the three rooms.
        const body = await quoted(owner.id, {
          rooms: [
            { rateId: promo.id, adults: 1 },
            { rateId: flexible.id, adults: 1 },
          ],
        });
        expect(body.total).toBe(34_000);
      });

      test('a rate capped at one room a night cannot be quoted for two', async () => {
        const { owner, double } = await hotel({ units: 3 });
        const promo = await createRate(app(), owner, double.id, { name: 'Promo', maxRoomsPerNight: 1 });
        await expectError(
          await quote(owner.id, {
            ...STAY,
            rooms: [
              { rateId: promo.id, adults: 1 },
              { rateId: promo.id, adults: 1 },
            ],
          }),
          409,
          'sold_out',
        );
      });

      test('a stay over a closed night is refused', async () => {
        const { owner, double } = await hotel();
        const rate = await createRate(app(), owner, double.id);
        await putClosures(app(), owner, { dates: ['2026-12-02'] });
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: rate.id, adults: 1 }] }), 'rooms.0.rateId');
      });

      test('a stay the rate does not allow is refused', async () => {
        const { owner, double } = await hotel();
        const rate = await createRate(app(), owner, double.id, { minNights: 3 });
        await expect400(await quote(owner.id, { ...STAY, rooms: [{ rateId: rate.id, adults: 1 }] }), 'rooms.0.rateId');
      });

      test.each([
        ['a check-in in the past', { checkIn: '2026-11-23' }, 'checkIn'],
        ['a date that does not exist', { checkIn: '2026-02-30' }, 'checkIn'],
        ['a checkout before the check-in', { checkIn: '2026-12-05', checkOut: '2026-12-04' }, 'checkOut'],
        ['a stay of 61 nights', { checkIn: '2026-12-01', checkOut: '2027-01-31' }, 'checkOut'],
        ['no rooms', { rooms: [] }, 'rooms'],
        ['no adults', { rooms: [{ rateId: 'RATE', adults: 0 }] }, 'rooms.0.adults'],
        ['adults written as text', { rooms: [{ rateId: 'RATE', adults: '2' }] }, 'rooms.0.adults'],
        ['an extra quantity of 0', { rooms: [{ rateId: 'RATE', adults: 1, extras: [{ extraId: 'EXTRA', quantity: 0 }] }] }, 'rooms.0.extras.0.quantity'],
        ['a fractional extra quantity', { rooms: [{ rateId: 'RATE', adults: 1, extras: [{ extraId: 'EXTRA', quantity: 1.5 }] }] }, 'rooms.0.extras.0.quantity'],
      ])('a quote with %s is refused with 400', async (_what, change, field) => {
        const { owner, double, parking } = await hotel();
        const rate = await createRate(app(), owner, double.id);
        const body = JSON.parse(
          JSON.stringify({ ...STAY, rooms: [{ rateId: rate.id, adults: 1 }], ...change })
            .replaceAll('"RATE"', JSON.stringify(rate.id))
            .replaceAll('"EXTRA"', JSON.stringify(parking.id)),
        );
        await expect400(await quote(owner.id, body), field);
      });

      test('a body that is not valid JSON is refused as malformed', async () => {
        const owner = await app().createProperty();
        await expectError(await quote(owner.id, '{"checkIn": "2026-12-01",'), 400, 'malformed_json');
      });

      test('a body over 64 KiB is refused as too large', async () => {
        const owner = await app().createProperty();
        const body = JSON.stringify({ ...STAY, rooms: [], padding: 'x'.repeat(65 * 1024) });
        await expectError(await quote(owner.id, body), 413, 'payload_too_large');
      });

      test('a body that is not declared as JSON is refused', async () => {
        const { owner, double } = await hotel();
        const rate = await createRate(app(), owner, double.id);
        const body = JSON.stringify({ ...STAY, rooms: [{ rateId: rate.id, adults: 1 }] });
        await expectError(await quote(owner.id, body, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
        await expectError(await quote(owner.id, 'checkIn=2026-12-01', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
      });
    });
  });
});
