// SPEC 2.22: restrictions by date through the owner API, and what guests meet in availability,
// quotes, bookings, "next available" and the calendar.
import { describe, expect, test } from 'vitest';
import { addDays } from '../shared/dates.ts';
import { backends, createRate, createRoomType, expect400, expectError, json, type Json, type Owner, useTestApp } from './support/api.ts';

// The test clock's today is 2026-11-24; 2026-12-05 is a Saturday.
const PEAK = { from: '2026-12-24', to: '2026-12-31' };
const guest = { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' };

describe.each(backends)('restrictions by date on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function hotel(rate: Json = {}) {
    const owner: Owner = await app().createProperty();
    const roomType = await createRoomType(app(), owner, { units: 3 });
    const created = await createRate(app(), owner, roomType.id, { nightlyPrice: 80_000, ...rate });
    return { owner, roomTypeId: roomType.id as string, rateId: created.id as string };
  }
  const path = (owner: Owner, rateId: string) => `/api/v1/properties/${owner.id}/rates/${rateId}/restrictions`;
  async function restrict(owner: Owner, rateId: string, restrictions: Json[]) {
    const res = await app().request('PUT', path(owner, rateId), { key: owner.key, body: { restrictions } });
    expect(res.status, await res.clone().text()).toBe(200);
    return json(res);
  }
  const readBack = async (owner: Owner, rateId: string, from: string, to: string) =>
    (await json(await app().request('GET', `${path(owner, rateId)}?from=${from}&to=${to}`, { key: owner.key }))).restrictions as Json[];
  const availability = async (owner: Owner, checkIn: string, checkOut: string) =>
    json(await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=${checkIn}&checkOut=${checkOut}&adults=2`));
  const offer = async (owner: Owner, checkIn: string, checkOut: string) => (await availability(owner, checkIn, checkOut)).roomTypes[0].rates[0] as Json;
  const stayBody = (rateId: string, checkIn: string, checkOut: string) => ({ checkIn, checkOut, rooms: [{ rateId, adults: 2 }] });
  const quote = (owner: Owner, rateId: string, checkIn: string, checkOut: string) =>
    app().request('POST', `/api/v1/public/properties/${owner.id}/quotes`, { body: stayBody(rateId, checkIn, checkOut) });
  const book = (owner: Owner, rateId: string, checkIn: string, checkOut: string) =>
    app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, { body: { ...stayBody(rateId, checkIn, checkOut), guest } });
  const calendar = async (owner: Owner, from: string, to: string) =>
    (await json(await app().request('GET', `/api/v1/public/properties/${owner.id}/calendar?from=${from}&to=${to}`))).days as Json[];

  async function expectRefused(res: Response, reason: string) {
    const paths = await expectError(res, 400, reason);
    expect(paths).toContain('rooms.0.rateId');
  }

  describe('a peak-season minimum of 2 nights', () => {
    test('a 1-night peak stay is not offered, says min_nights, and cannot be quoted or booked', async () => {
      const { owner, rateId } = await hotel();
      await restrict(owner, rateId, [{ ...PEAK, minNights: 2 }]);
      expect(await offer(owner, '2026-12-26', '2026-12-27')).toMatchObject({ available: false, reason: 'min_nights' });
      await expectRefused(await quote(owner, rateId, '2026-12-26', '2026-12-27'), 'min_nights');
      await expectRefused(await book(owner, rateId, '2026-12-26', '2026-12-27'), 'min_nights');
    });

    test('a 2-night peak stay is sold, and 1 night outside the season still is', async () => {
      const { owner, rateId } = await hotel();
      await restrict(owner, rateId, [{ ...PEAK, minNights: 2 }]);
      expect(await offer(owner, '2026-12-26', '2026-12-28')).toMatchObject({ available: true });
      expect((await quote(owner, rateId, '2026-12-26', '2026-12-28')).status).toBe(200);
      expect((await book(owner, rateId, '2026-12-26', '2026-12-28')).status).toBe(201);
      expect(await offer(owner, '2026-12-10', '2026-12-11')).toMatchObject({ available: true });
      // The arrival night decides: leaving on the first peak day, or arriving the night before it, is a 1-night stay outside the season.
      expect(await offer(owner, '2026-12-23', '2026-12-24')).toMatchObject({ available: true });
    });

    test("the season's minimum replaces the rate's own, both ways", async () => {
      const { owner, rateId } = await hotel({ minNights: 3 });
      await restrict(owner, rateId, [{ from: '2027-01-10', to: '2027-01-20', minNights: 1 }]);
      expect(await offer(owner, '2027-01-12', '2027-01-13')).toMatchObject({ available: true });
      expect(await offer(owner, '2027-01-05', '2027-01-06')).toMatchObject({ available: false, reason: 'min_nights' });
    });

    test('a maximum stay on the arrival night refuses longer stays with max_nights', async () => {
      const { owner, rateId } = await hotel();
      await restrict(owner, rateId, [{ ...PEAK, maxNights: 3 }]);
      expect(await offer(owner, '2026-12-26', '2026-12-30')).toMatchObject({ available: false, reason: 'max_nights' });
      await expectRefused(await quote(owner, rateId, '2026-12-26', '2026-12-30'), 'max_nights');
      expect(await offer(owner, '2026-12-26', '2026-12-29')).toMatchObject({ available: true });
    });
  });

  test('no arrival on a night closed to arrival, though a stay may pass through it', async () => {
    const { owner, rateId } = await hotel();
    await restrict(owner, rateId, [{ from: '2026-12-24', to: '2026-12-24', closedToArrival: true }]);
    expect(await offer(owner, '2026-12-24', '2026-12-26')).toMatchObject({ available: false, reason: 'closed_to_arrival' });
    await expectRefused(await quote(owner, rateId, '2026-12-24', '2026-12-26'), 'closed_to_arrival');
    await expectRefused(await book(owner, rateId, '2026-12-24', '2026-12-26'), 'closed_to_arrival');
    expect(await offer(owner, '2026-12-23', '2026-12-26')).toMatchObject({ available: true });
  });

  test('no checkout on a date closed to departure, though a stay may pass through it', async () => {
    const { owner, rateId } = await hotel();
    await restrict(owner, rateId, [{ from: '2027-01-01', to: '2027-01-01', closedToDeparture: true }]);
    expect(await offer(owner, '2026-12-30', '2027-01-01')).toMatchObject({ available: false, reason: 'closed_to_departure' });
    await expectRefused(await quote(owner, rateId, '2026-12-30', '2027-01-01'), 'closed_to_departure');
    expect(await offer(owner, '2026-12-30', '2027-01-02')).toMatchObject({ available: true });
    expect(await offer(owner, '2027-01-01', '2027-01-02')).toMatchObject({ available: true });
  });

  test('no Saturday arrivals, all year on, while other days and stays over Saturday sell', async () => {
    const { owner, rateId } = await hotel();
    await restrict(owner, rateId, [{ from: '2026-12-01', weekdays: [6], closedToArrival: true }]);
    expect(await offer(owner, '2026-12-05', '2026-12-07')).toMatchObject({ available: false, reason: 'closed_to_arrival' });
    // 2027-06-05 is a Saturday too.
    expect(await offer(owner, '2027-06-05', '2027-06-06')).toMatchObject({ available: false, reason: 'closed_to_arrival' });
    expect(await offer(owner, '2026-12-04', '2026-12-07')).toMatchObject({ available: true });
    expect(await offer(owner, '2026-12-06', '2026-12-07')).toMatchObject({ available: true });
  });

  test('updates merge by date and rule, later entries win where they overlap, and every date reads back', async () => {
    const { owner, rateId } = await hotel({ maxNights: 14 });
    await restrict(owner, rateId, [
      { from: '2026-12-20', to: '2026-12-31', minNights: 2 },
      { from: '2026-12-01', weekdays: [6], closedToArrival: true },
    ]);
    // A later, shorter entry: 3 nights over New Year, and Saturday 26 open for arrivals after all.
    const updated = await restrict(owner, rateId, [
      { from: '2026-12-30', to: '2027-01-01', minNights: 3 },
      { from: '2026-12-26', to: '2026-12-26', closedToArrival: false, closedToDeparture: true },
    ]);
    expect(updated).toEqual({ rateId, restrictions: 4 });
    const night = (date: string, minNights: number | null, closedToArrival = false, closedToDeparture = false) => ({ date, minNights, maxNights: 14, closedToArrival, closedToDeparture });
    expect(await readBack(owner, rateId, '2026-12-18', '2027-01-02')).toEqual([
      night('2026-12-18', null),
      night('2026-12-19', null, true),
      night('2026-12-20', 2),
      night('2026-12-21', 2),
      night('2026-12-22', 2),
      night('2026-12-23', 2),
      night('2026-12-24', 2),
      night('2026-12-25', 2),
      night('2026-12-26', 2, false, true),
      night('2026-12-27', 2),
      night('2026-12-28', 2),
      night('2026-12-29', 2),
      night('2026-12-30', 3),
      night('2026-12-31', 3),
      night('2027-01-01', 3),
      night('2027-01-02', null, true),
    ]);
    // Writing the same rule again replaces the entry it hides instead of piling up.
    expect(await restrict(owner, rateId, [{ from: '2026-12-01', weekdays: [6], closedToArrival: true }])).toEqual({ rateId, restrictions: 4 });
    expect((await readBack(owner, rateId, '2026-12-26', '2026-12-26'))[0]).toMatchObject({ closedToArrival: true, closedToDeparture: true });
  });

  test.each([
    ['minNights above maxNights', { from: '2026-12-01', to: '2026-12-31', minNights: 3, maxNights: 2 }, 'restrictions.1.maxNights'],
    ['a weekday 7', { from: '2026-12-01', weekdays: [7], closedToArrival: true }, 'restrictions.1.weekdays.0'],
    ['to before from', { from: '2026-12-10', to: '2026-12-01', minNights: 2 }, 'restrictions.1.to'],
    ['a range over three years', { from: '2026-12-01', to: '2029-12-01', minNights: 2 }, 'restrictions.1.to'],
    ['no rule at all', { from: '2026-12-01', to: '2026-12-31' }, 'restrictions.1'],
    ['a minimum of 0 nights', { from: '2026-12-01', minNights: 0 }, 'restrictions.1.minNights'],
  ])('an update with %s is refused with its path and changes nothing', async (_what, bad, badPath) => {
    const { owner, rateId } = await hotel();
    await restrict(owner, rateId, [{ from: '2026-12-01', weekdays: [6], closedToArrival: true }]);
    const before = await readBack(owner, rateId, '2026-12-01', '2026-12-14');
    const res = await app().request('PUT', path(owner, rateId), { key: owner.key, body: { restrictions: [{ from: '2026-12-02', minNights: 5 }, bad] } });
    await expect400(res, badPath);
    expect(await readBack(owner, rateId, '2026-12-01', '2026-12-14')).toEqual(before);
  });

  test('a rate keeps at most 200 restrictions; an update past that is refused and changes nothing', async () => {
    const { owner, rateId } = await hotel();
    // Each starts a day after the one before, so none hides another.
    const entries = (n: number, start: string) => Array.from({ length: n }, (_, i) => ({ from: addDays(start, i), to: addDays(start, i + 10), minNights: 2 }));
    await restrict(owner, rateId, entries(150, '2027-01-01'));
    await expect400(await app().request('PUT', path(owner, rateId), { key: owner.key, body: { restrictions: entries(51, '2027-07-01') } }), 'restrictions');
    await expect400(await app().request('PUT', path(owner, rateId), { key: owner.key, body: { restrictions: entries(201, '2028-01-01') } }), 'restrictions');
    expect((await readBack(owner, rateId, '2027-07-01', '2027-07-01'))[0]!.minNights).toBeNull();
  });

  test('reading more than three years at once, or another property’s rate, is refused', async () => {
    const { owner, rateId } = await hotel();
    await expect400(await app().request('GET', `${path(owner, rateId)}?from=2026-12-01&to=2029-12-01`, { key: owner.key }), 'to');
    const other: Owner = await app().createProperty();
    const res = await app().request('PUT', path(other, rateId), { key: other.key, body: { restrictions: [{ from: '2026-12-01', minNights: 2 }] } });
    await expectError(res, 404, 'not_found');
  });

  test('"next available" skips the stays the restrictions refuse', async () => {
    const { owner, rateId } = await hotel();
    // Closed on 2026-12-01, and no arrival on the 2nd or 3rd, nor a departure on the 5th: a 2-night stay first fits from the 4th.
    await app().request('PUT', `/api/v1/properties/${owner.id}/closures`, { key: owner.key, body: { dates: ['2026-12-01'] } });
    await restrict(owner, rateId, [
      { from: '2026-12-02', to: '2026-12-03', closedToArrival: true },
      { from: '2026-12-05', to: '2026-12-05', closedToDeparture: true },
    ]);
    const answer = await availability(owner, '2026-12-01', '2026-12-03');
    expect(answer.roomTypes[0].rates[0]).toMatchObject({ available: false, reason: 'closed' });
    expect(answer.nextAvailable).toEqual({ checkIn: '2026-12-04', checkOut: '2026-12-06' });
  });

  test('the calendar marks nights no rate takes arrivals on, dates no rate lets a stay end on, and the shortest minimum stay', async () => {
    const { owner, roomTypeId, rateId } = await hotel();
    const other = (await createRate(app(), owner, roomTypeId, { name: 'Saver', nightlyPrice: 70_000 })).id as string;
    for (const id of [rateId, other]) {
      await restrict(owner, id, [
        { from: '2026-12-05', to: '2026-12-05', closedToArrival: true },
        { from: '2026-12-06', to: '2026-12-06', closedToDeparture: true },
      ]);
    }
    await restrict(owner, rateId, [{ from: '2026-12-07', to: '2026-12-08', minNights: 3, closedToDeparture: true }]);
    await restrict(owner, other, [{ from: '2026-12-07', to: '2026-12-07', minNights: 2 }]);
    const days = await calendar(owner, '2026-12-04', '2026-12-09');
    expect(days.map(({ date, noArrival, noDeparture, minNights }) => ({ date, noArrival, noDeparture, minNights }))).toEqual([
      { date: '2026-12-04', noArrival: undefined, noDeparture: undefined, minNights: undefined },
      { date: '2026-12-05', noArrival: true, noDeparture: undefined, minNights: undefined },
      { date: '2026-12-06', noArrival: undefined, noDeparture: true, minNights: undefined },
      { date: '2026-12-07', noArrival: undefined, noDeparture: undefined, minNights: 2 },
      // Only one rate needs 3 nights from the 8th; the other takes one night, so there is no mark.
      { date: '2026-12-08', noArrival: undefined, noDeparture: undefined, minNights: undefined },
      { date: '2026-12-09', noArrival: undefined, noDeparture: undefined, minNights: undefined },
    ]);
    // Marks appear only where they apply: a day without any has none of the three keys.
    expect(Object.keys(days[0]!)).toEqual(['date', 'closed', 'soldOut', 'fromPrice']);
  });
});
