// SPEC 2.21: rate plans across room types with caps counted across them, and derived rates that
// follow their parent, through the owner and public APIs on SQLite and PostgreSQL.
import { describe, expect, test } from 'vitest';
import { backends, createRoomType, expect400, expectError, json, type Json, type Owner, useTestApp } from './support/api.ts';

// 2026-12-04 is a Friday: the stay's nights are Friday and Saturday.
const stay = { checkIn: '2026-12-04', checkOut: '2026-12-06' };
const guest = (n = 0) => ({ firstName: 'Mina', lastName: 'Cho', email: `mina${n}@example.com` });

describe.each(backends)('rate plans on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  const rates = (owner: Owner) => `/api/v1/properties/${owner.id}/rates`;
  const post = (owner: Owner, body: Json) => app().request('POST', rates(owner), { key: owner.key, body: { deposit: { type: 'none' }, ...body } });
  const patch = (owner: Owner, id: string, body: Json) => app().request('PATCH', `${rates(owner)}/${id}`, { key: owner.key, body });
  const putPrices = (owner: Owner, id: string, prices: Json[]) => app().request('PUT', `${rates(owner)}/${id}/prices`, { key: owner.key, body: { prices } });
  const quote = (owner: Owner, body: Json) => app().request('POST', `/api/v1/public/properties/${owner.id}/quotes`, { body: { ...stay, ...body } });
  const book = (owner: Owner, body: Json, n = 0) => app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, { body: { ...stay, guest: guest(n), ...body } });

  async function created(res: Response): Promise<Json> {
    expect(res.status, await res.clone().text()).toBe(201);
    return (await json(res)).rate as Json;
  }

  async function availability(owner: Owner, dates: { checkIn: string; checkOut: string } = stay) {
    const res = await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=${dates.checkIn}&checkOut=${dates.checkOut}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return json(res);
  }

  /** The offer of `rateId` under `roomTypeId`. */
  const offer = (answer: Json, roomTypeId: string, rateId: string): Json | undefined =>
    (answer.roomTypes as Json[]).find((t) => t.id === roomTypeId)?.rates.find((r: Json) => r.id === rateId);

  async function guesthouse(units = 5) {
    const t = app();
    const owner = await t.createProperty({ currency: 'KRW' });
    const standard = (await createRoomType(t, owner, { name: 'Standard', units })).id as string;
    const family = (await createRoomType(t, owner, { name: 'Family', units, maxGuests: 4 })).id as string;
    return { owner, standard, family };
  }

  async function flexiblePlan(owner: Owner, standard: string, family: string, fields: Json = {}) {
    return created(
      await post(owner, {
        name: 'Flexible',
        roomTypes: [
          { roomTypeId: standard, nightlyPrice: 80_000 },
          { roomTypeId: family, nightlyPrice: 120_000 },
        ],
        ...fields,
      }),
    );
  }

  test('one Flexible plan for two room types has a price per room type and is offered under both', async () => {
    const { owner, standard, family } = await guesthouse();
    const flexible = await flexiblePlan(owner, standard, family);
    expect(flexible).toMatchObject({
      roomTypeId: standard,
      nightlyPrice: 80_000,
      roomTypes: [
        { roomTypeId: standard, nightlyPrice: 80_000 },
        { roomTypeId: family, nightlyPrice: 120_000 },
      ],
      derivedFrom: null,
    });
    const saturday = await putPrices(owner, flexible.id, [{ from: '2026-12-05', to: '2026-12-05', amount: 150_000, roomTypeId: family }]);
    expect(saturday.status, await saturday.clone().text()).toBe(200);

    const answer = await availability(owner);
    expect(offer(answer, standard, flexible.id)).toMatchObject({ available: true, roomTotal: 160_000 });
    expect(offer(answer, family, flexible.id)!.nightly).toEqual([
      { date: '2026-12-04', amount: 120_000 },
      { date: '2026-12-05', amount: 150_000 },
    ]);
    const read = await app().request('GET', `${rates(owner)}/${flexible.id}/prices?from=2026-12-04&to=2026-12-05&roomTypeId=${family}`, { key: owner.key });
    expect((await json(read)).prices.map((p: Json) => [p.amount, p.source])).toEqual([
      [120_000, 'default'],
      [150_000, 'date'],
    ]);
  });

  test('a plan of several room types asks which one its prices and price read-backs are for', async () => {
    const { owner, standard, family } = await guesthouse();
    const flexible = await flexiblePlan(owner, standard, family);
    const elsewhere = await createRoomType(app(), owner, { name: 'Annex' });
    await expect400(await putPrices(owner, flexible.id, [{ from: '2026-12-05', to: '2026-12-05', amount: 1 }]), 'prices.0.roomTypeId');
    await expect400(await putPrices(owner, flexible.id, [{ from: '2026-12-05', to: '2026-12-05', amount: 1, roomTypeId: elsewhere.id }]), 'prices.0.roomTypeId');
    await expect400(await app().request('GET', `${rates(owner)}/${flexible.id}/prices?from=2026-12-04&to=2026-12-05`, { key: owner.key }), 'roomTypeId');
    expect(offer(await availability(owner), standard, flexible.id)!.roomTotal).toBe(160_000);
  });

  test('a plan is refused with the field named when its room types or prices are missing, repeated or mixed', async () => {
    const { owner, standard, family } = await guesthouse();
    const base = { name: 'Flexible' };
    await expect400(await post(owner, { ...base, roomTypes: [{ roomTypeId: standard, nightlyPrice: 1 }, { roomTypeId: family }] }), 'roomTypes.1.nightlyPrice');
    await expect400(
      await post(owner, {
        ...base,
        roomTypes: [
          { roomTypeId: standard, nightlyPrice: 1 },
          { roomTypeId: standard, nightlyPrice: 2 },
        ],
      }),
      'roomTypes.1.roomTypeId',
    );
    await expect400(await post(owner, { ...base, roomTypes: [{ roomTypeId: 'rt_nowhere', nightlyPrice: 1 }] }), 'roomTypes.0.roomTypeId');
    await expect400(await post(owner, { ...base, roomTypeId: standard, roomTypes: [{ roomTypeId: family, nightlyPrice: 1 }] }), 'roomTypeId');
    await expect400(await post(owner, { ...base, roomTypes: [] }), 'roomTypes');
    await expect400(await post(owner, { ...base, roomTypeId: standard }), 'nightlyPrice');
    expect((await json(await app().request('GET', rates(owner), { key: owner.key }))).rates).toHaveLength(0);
    const flexible = await flexiblePlan(owner, standard, family);
    await expect400(await patch(owner, flexible.id, { nightlyPrice: 90_000 }), 'nightlyPrice');
    const changed = await patch(owner, flexible.id, { roomTypes: [{ roomTypeId: family, nightlyPrice: 130_000 }] });
    expect((await json(changed)).rate).toMatchObject({ roomTypeId: family, nightlyPrice: 130_000, roomTypes: [{ roomTypeId: family, nightlyPrice: 130_000 }] });
    expect(offer(await availability(owner), standard, flexible.id)).toBeUndefined();
  });

  test('a quote and a booking name the room type of the plan, and the booking holds that room type', async () => {
    const { owner, standard, family } = await guesthouse(1);
    const flexible = await flexiblePlan(owner, standard, family);
    const other = await createRoomType(app(), owner, { name: 'Annex' });
    expect(await expectError(await quote(owner, { rooms: [{ rateId: flexible.id, adults: 2 }] }), 400)).toEqual(['rooms.0.roomTypeId']);
    expect(await expectError(await quote(owner, { rooms: [{ rateId: flexible.id, roomTypeId: other.id, adults: 2 }] }), 400)).toEqual(['rooms.0.roomTypeId']);

    const q = await json(await quote(owner, { rooms: [{ rateId: flexible.id, roomTypeId: family, adults: 3 }] }));
    expect(q.rooms[0]).toMatchObject({ rateId: flexible.id, roomTypeId: family, roomTypeName: 'Family', roomTotal: 240_000 });

    const res = await book(owner, {
      rooms: [
        { rateId: flexible.id, roomTypeId: family, adults: 3 },
        { rateId: flexible.id, roomTypeId: standard, adults: 2 },
      ],
    });
    const { booking } = await json(res);
    expect(res.status).toBe(201);
    expect(booking.total).toBe(400_000);
    expect(booking.rooms.map((r: Json) => r.roomTypeId)).toEqual([family, standard]);
    const after = await availability(owner);
    expect(offer(after, family, flexible.id)).toMatchObject({ available: false, reason: 'sold_out' });
    expect(offer(after, standard, flexible.id)).toMatchObject({ available: false, reason: 'sold_out' });
  });

  test('"Early bird, 10 rooms in total" across two room types sells exactly 10 under a burst of 20 bookings', async () => {
    const { owner, standard, family } = await guesthouse(20);
    const early = await flexiblePlan(owner, standard, family, { name: 'Early bird', maxRoomsTotal: 10 });
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => book(owner, { rooms: [{ rateId: early.id, roomTypeId: n % 2 === 0 ? standard : family, adults: 2 }] }, n)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    for (const r of answers.filter((a) => a.status === 409)) expect((await json(r)).error.code).toBe('sold_out');
    const after = await availability(owner);
    for (const roomType of [standard, family]) expect(offer(after, roomType, early.id)).toMatchObject({ available: false, reason: 'rate_limit_reached', unitsLeft: 0 });
    const owned = await json(await app().request('GET', `/api/v1/properties/${owner.id}/bookings`, { key: owner.key }));
    expect(owned.bookings).toHaveLength(10);
  });

  test('maxRoomsPerNight counts the plan’s rooms in every room type together', async () => {
    const { owner, standard, family } = await guesthouse();
    const flexible = await flexiblePlan(owner, standard, family, { maxRoomsPerNight: 2 });
    expect((await book(owner, { rooms: [{ rateId: flexible.id, roomTypeId: standard, adults: 2 }] }, 1)).status).toBe(201);
    expect((await book(owner, { rooms: [{ rateId: flexible.id, roomTypeId: family, adults: 2 }] }, 2)).status).toBe(201);
    await expectError(await book(owner, { rooms: [{ rateId: flexible.id, roomTypeId: family, adults: 2 }] }, 3), 409, 'sold_out');
    await expectError(await quote(owner, { rooms: [{ rateId: flexible.id, roomTypeId: standard, adults: 2 }] }), 409, 'sold_out');
    // Another stay's nights are untouched; one booking of three rooms over both room types is over the cap.
    const later = { checkIn: '2026-12-10', checkOut: '2026-12-11' };
    const three = [standard, family, family].map((roomTypeId) => ({ rateId: flexible.id, roomTypeId, adults: 2 }));
    await expectError(await book(owner, { ...later, rooms: three }, 4), 409, 'sold_out');
    expect((await book(owner, { ...later, rooms: three.slice(0, 2) }, 5)).status).toBe(201);
  });

  test('an Early bird derived at -10% follows its parent’s prices, price changes and weekday pattern in every room type', async () => {
    const { owner, standard, family } = await guesthouse();
    const flexible = await flexiblePlan(owner, standard, family);
    const early = await created(await post(owner, { name: 'Early bird', derivedFrom: { rateId: flexible.id, adjust: { percent: -10 } }, deposit: { type: 'full' } }));
    expect(early).toMatchObject({
      derivedFrom: { rateId: flexible.id, adjust: { percent: -10 } },
      roomTypes: [
        { roomTypeId: standard, nightlyPrice: 72_000 },
        { roomTypeId: family, nightlyPrice: 108_000 },
      ],
      deposit: { type: 'full' },
    });
    let answer = await availability(owner);
    expect(offer(answer, standard, early.id)!.roomTotal).toBe(144_000);
    expect(offer(answer, family, early.id)!.roomTotal).toBe(216_000);

    const changed = await patch(owner, flexible.id, {
      roomTypes: [
        { roomTypeId: standard, nightlyPrice: 85_005 },
        { roomTypeId: family, nightlyPrice: 120_000 },
      ],
    });
    expect(changed.status, await changed.clone().text()).toBe(200);
    const weekend = await putPrices(owner, flexible.id, [{ from: '2026-12-01', weekdays: [6], amount: 100_000, roomTypeId: standard }]);
    expect(weekend.status, await weekend.clone().text()).toBe(200);
    answer = await availability(owner);
    // Friday 85,005 − 10% = 76,504.5 → 76,505 (half-up); Saturday 100,000 − 10%.
    expect(offer(answer, standard, early.id)!.nightly).toEqual([
      { date: '2026-12-04', amount: 76_505 },
      { date: '2026-12-05', amount: 90_000 },
    ]);
    expect(offer(answer, standard, early.id)!.deposit.amount).toBe(166_505);
    expect(offer(answer, family, early.id)!.roomTotal).toBe(216_000);
    const read = await app().request('GET', `${rates(owner)}/${early.id}/prices?from=2026-12-04&to=2026-12-05&roomTypeId=${standard}`, { key: owner.key });
    expect((await json(read)).prices).toEqual([
      { date: '2026-12-04', amount: 76_505, source: 'default' },
      { date: '2026-12-05', amount: 90_000, source: 'weekday' },
    ]);
    const booked = await json(await book(owner, { rooms: [{ rateId: early.id, roomTypeId: standard, adults: 2 }] }));
    expect(booked.booking).toMatchObject({ total: 166_505, depositDue: 166_505 });
  });

  test('a derived rate that takes off more than the price costs nothing, never less', async () => {
    const { owner, standard, family } = await guesthouse();
    const flexible = await flexiblePlan(owner, standard, family);
    const staff = await created(await post(owner, { name: 'Staff', roomTypeId: standard, derivedFrom: { rateId: flexible.id, adjust: { amount: -100_000 } } }));
    expect(staff.roomTypes).toEqual([{ roomTypeId: standard, nightlyPrice: 0 }]);
    expect(offer(await availability(owner), standard, staff.id)!.roomTotal).toBe(0);
    expect(offer(await availability(owner), family, staff.id)).toBeUndefined();
  });

  test('derived rates keep to one level, their parent’s room types and no prices of their own', async () => {
    const { owner, standard, family } = await guesthouse();
    const single = await created(await post(owner, { name: 'Room only', roomTypeId: standard, nightlyPrice: 70_000 }));
    const flexible = await flexiblePlan(owner, standard, family);
    const derive = (fields: Json, adjust: Json = { percent: -10 }) => post(owner, { name: 'Early bird', derivedFrom: { rateId: flexible.id, adjust }, ...fields });
    await expect400(await derive({}, { percent: -150 }), 'derivedFrom.adjust.percent');
    await expect400(await derive({}, { percent: 10.005 }), 'derivedFrom.adjust.percent');
    await expect400(await derive({}, { amount: 10.5 }), 'derivedFrom.adjust.amount');
    await expect400(await derive({ nightlyPrice: 50_000 }), 'nightlyPrice');
    await expect400(await derive({ roomTypes: [{ roomTypeId: family, nightlyPrice: 1 }] }), 'roomTypes.0.nightlyPrice');
    await expect400(await post(owner, { name: 'Ghost', derivedFrom: { rateId: 'rate_nowhere', adjust: { percent: -10 } } }), 'derivedFrom.rateId');
    await expect400(await post(owner, { name: 'Family deal', roomTypeId: family, derivedFrom: { rateId: single.id, adjust: { percent: -10 } } }), 'roomTypeId');
    const theirs = await app().createProperty();
    const theirRoom = await createRoomType(app(), theirs);
    const theirRate = await created(await post(theirs, { name: 'Theirs', roomTypeId: theirRoom.id, nightlyPrice: 1 }));
    await expect400(await post(owner, { name: 'Borrowed', derivedFrom: { rateId: theirRate.id, adjust: { percent: -10 } } }), 'derivedFrom.rateId');
    expect((await json(await app().request('GET', rates(owner), { key: owner.key }))).rates).toHaveLength(2);

    const early = await created(await derive({ roomTypes: [{ roomTypeId: family }] }));
    expect(early.roomTypes).toEqual([{ roomTypeId: family, nightlyPrice: 108_000 }]);
    await expectError(await post(owner, { name: 'Deeper', derivedFrom: { rateId: early.id, adjust: { percent: -5 } } }), 409, 'parent_is_derived');
    await expectError(await putPrices(owner, early.id, [{ from: '2026-12-05', to: '2026-12-05', amount: 1 }]), 409, 'derived_rate_has_no_prices');
    await expectError(await patch(owner, flexible.id, { derivedFrom: { rateId: single.id, adjust: { percent: 5 } } }), 409, 'derivation_fixed');
    await expectError(await patch(owner, single.id, { derivedFrom: { rateId: flexible.id, adjust: { percent: 5 } } }), 409, 'derivation_fixed');
    await expectError(await patch(owner, flexible.id, { roomTypes: [{ roomTypeId: standard, nightlyPrice: 80_000 }] }), 409, 'rate_has_derived_rates');
    await expectError(await app().request('DELETE', `${rates(owner)}/${flexible.id}`, { key: owner.key }), 409, 'rate_has_derived_rates');

    const moved = await patch(owner, early.id, { derivedFrom: { rateId: flexible.id, adjust: { amount: 5_000 } } });
    expect((await json(moved)).rate.roomTypes).toEqual([{ roomTypeId: family, nightlyPrice: 125_000 }]);
    expect((await app().request('DELETE', `${rates(owner)}/${early.id}`, { key: owner.key })).status).toBe(204);
    expect((await app().request('DELETE', `${rates(owner)}/${flexible.id}`, { key: owner.key })).status).toBe(204);
  });

  test('deleting a room type leaves a plan its other room types, and a plan of that room type alone goes with it', async () => {
    const { owner, standard, family } = await guesthouse();
    const flexible = await flexiblePlan(owner, standard, family);
    await created(await post(owner, { name: 'Room only', roomTypeId: standard, nightlyPrice: 70_000 }));
    expect((await app().request('DELETE', `/api/v1/properties/${owner.id}/room-types/${standard}`, { key: owner.key })).status).toBe(204);
    const left = (await json(await app().request('GET', rates(owner), { key: owner.key }))).rates as Json[];
    expect(left.map((r) => r.id)).toEqual([flexible.id]);
    expect(left[0]).toMatchObject({ roomTypeId: family, nightlyPrice: 120_000, roomTypes: [{ roomTypeId: family, nightlyPrice: 120_000 }] });
    expect(offer(await availability(owner), family, flexible.id)!.roomTotal).toBe(240_000);
  });

  test('a one-room-type rate answers as before, with its room type listed once and no parent', async () => {
    const { owner, standard, family } = await guesthouse();
    const rate = await created(await post(owner, { name: 'Room only', roomTypeId: standard, nightlyPrice: 70_000 }));
    expect(rate).toMatchObject({ roomTypeId: standard, nightlyPrice: 70_000, roomTypes: [{ roomTypeId: standard, nightlyPrice: 70_000 }], derivedFrom: null });
    await putPrices(owner, rate.id, [{ from: '2026-12-05', to: '2026-12-05', amount: 90_000 }]);
    const moved = await patch(owner, rate.id, { roomTypeId: family });
    expect((await json(moved)).rate).toMatchObject({ roomTypeId: family, roomTypes: [{ roomTypeId: family, nightlyPrice: 70_000 }] });
    // Its prices moved with it.
    expect(offer(await availability(owner), family, rate.id)!.roomTotal).toBe(160_000);
    const q = await json(await quote(owner, { rooms: [{ rateId: rate.id, adults: 2 }] }));
    expect(q.rooms[0]).toMatchObject({ roomTypeId: family, roomTotal: 160_000 });
  });

  test('the new owner’s setup takes at most 8 API calls', async () => {
    const t = app();
    const owner = await t.createProperty({ currency: 'KRW' });
    const calls: string[] = [];
    const call = async (method: string, path: string, body: Json) => {
      calls.push(`${method} ${path}`);
      const res = await t.request(method, `/api/v1/properties/${owner.id}${path}`, { key: owner.key, body });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return json(res);
    };
    const year = { from: '2026-11-24', to: '2027-11-23' };
    const peak = { from: '2026-12-20', to: '2027-01-05' };

    const standard = (await call('POST', '/room-types', { name: 'Standard', maxGuests: 2, units: 4 })).roomType.id as string;
    const family = (await call('POST', '/room-types', { name: 'Family', maxGuests: 4, units: 2 })).roomType.id as string;
    const flexible = (
      await call('POST', '/rates', {
        name: 'Flexible',
        deposit: { type: 'percentage', percent: 30 },
        roomTypes: [
          { roomTypeId: standard, nightlyPrice: 80_000 },
          { roomTypeId: family, nightlyPrice: 120_000 },
        ],
      })
    ).rate.id as string;
    // Friday and Saturday nights for a year, for both room types, in one update.
    await call('PUT', `/rates/${flexible}/prices`, {
      prices: [
        { ...year, weekdays: [5, 6], amount: 100_000, roomTypeId: standard },
        { ...year, weekdays: [5, 6], amount: 150_000, roomTypeId: family },
      ],
    });
    const early = (
      await call('POST', '/rates', {
        name: 'Early bird',
        deposit: { type: 'full' },
        refundable: false,
        maxRoomsTotal: 10,
        derivedFrom: { rateId: flexible, adjust: { percent: -10 } },
      })
    ).rate.id as string;
    for (const rate of [flexible, early]) await call('PUT', `/rates/${rate}/restrictions`, { restrictions: [{ ...peak, minNights: 2 }] });

    expect(calls.length, calls.join('\n')).toBeLessThanOrEqual(8);
    expect(calls).toEqual([
      'POST /room-types',
      'POST /room-types',
      'POST /rates',
      `PUT /rates/${flexible}/prices`,
      'POST /rates',
      `PUT /rates/${flexible}/restrictions`,
      `PUT /rates/${early}/restrictions`,
    ]);

    const weekend = await availability(owner);
    expect(offer(weekend, standard, flexible)!.roomTotal).toBe(200_000);
    expect(offer(weekend, family, flexible)!.roomTotal).toBe(300_000);
    expect(offer(weekend, standard, early)!.roomTotal).toBe(180_000);
    expect(offer(weekend, family, early)!.roomTotal).toBe(270_000);
    const weekdays = await availability(owner, { checkIn: '2027-03-02', checkOut: '2027-03-04' });
    expect(offer(weekdays, standard, flexible)!.roomTotal).toBe(160_000);
    expect(offer(weekdays, family, early)!.roomTotal).toBe(216_000);
    const onePeakNight = await availability(owner, { checkIn: '2026-12-22', checkOut: '2026-12-23' });
    for (const roomType of [standard, family]) {
      for (const rate of [flexible, early]) expect(offer(onePeakNight, roomType, rate)).toMatchObject({ available: false, reason: 'min_nights' });
    }
  });
});
