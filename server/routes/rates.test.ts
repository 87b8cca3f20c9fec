import { describe, expect, test } from 'vitest';
import type { TestApp } from '../../test/support/test-app.ts';
import { backends, createRate, createRoomType, expect400, expectError, json, type Json, type Owner, ownerGet, putPrices, useTestApp } from '../../test/support/api.ts';

const overridesOf = (t: TestApp, rateId: string) => t.store.listPriceOverrides([rateId], '2000-01-01', '9999-12-31');

describe.each(backends)('rates API on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const path = (pid: string, id = '') => `/api/v1/properties/${pid}/rates${id ? `/${id}` : ''}`;

  async function setup(): Promise<{ owner: Owner; roomType: Json }> {
    const owner = await app().createProperty();
    return { owner, roomType: await createRoomType(app(), owner) };
  }

  const post = (owner: Owner, body: Json) => app().request('POST', path(owner.id), { key: owner.key, body });
  const patch = (owner: Owner, id: string, body: Json) => app().request('PATCH', path(owner.id, id), { key: owner.key, body });

  describe('creating, reading, changing and deleting', () => {
    test('the owner creates a rate with every limit and reads it back as written', async () => {
      const { owner, roomType } = await setup();
      const body = {
        roomTypeId: roomType.id,
        name: 'Early bird',
        description: 'Pay 30% now',
        nightlyPrice: 12_000,
        deposit: { type: 'percentage', percent: 30 },
        minNights: 2,
        maxNights: 14,
        bookableFrom: '2026-11-01T00:00:00Z',
        bookableUntil: '2027-03-01T00:00:00Z',
        maxRoomsPerNight: 2,
        maxRoomsTotal: 40,
        arrivalDates: ['2026-12-24', '2026-12-31'],
        refundable: false,
      };
      const res = await post(owner, body);
      expect(res.status).toBe(201);
      const created = await json(res);
      expect(created.warnings).toEqual([]);
      // SPEC 2.16: refundable: false is the cancellation policy without tiers.
      expect(created.rate).toEqual({
        id: expect.stringMatching(/^rate_/),
        propertyId: owner.id,
        payInFullOption: false,
        extraAdultPrice: 0,
        childPrices: [],
        ...body,
        cancellationPolicy: { tiers: [] },
        // SPEC 2.21: additive, a rate of one room type is a plan of that room type.
        roomTypes: [{ roomTypeId: roomType.id, nightlyPrice: 12_000 }],
        derivedFrom: null,
      });
      expect((await ownerGet(app(), owner, `/rates/${created.rate.id}`)).rate).toEqual(created.rate);
      expect((await ownerGet(app(), owner, '/rates')).rates).toEqual([created.rate]);
    });

    test('a rate without limits is refundable and has no limits', async () => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id);
      expect(rate).toMatchObject({
        description: null,
        minNights: null,
        maxNights: null,
        bookableFrom: null,
        bookableUntil: null,
        maxRoomsPerNight: null,
        maxRoomsTotal: null,
        arrivalDates: null,
        refundable: true,
      });
    });

    test.each([
      [{ type: 'none' }],
      [{ type: 'full' }],
      [{ type: 'first_night' }],
      [{ type: 'fixed', amount: 5_000 }],
      [{ type: 'percentage', percent: 100 }],
      [{ type: 'percentage', percent: 12.5 }],
      [{ type: 'percentage', percent: 0.01 }],
    ])('every deposit policy can be chosen: %j', async (deposit) => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id, { deposit });
      expect(rate.deposit).toEqual(deposit);
      expect((await ownerGet(app(), owner, `/rates/${rate.id}`)).rate.deposit).toEqual(deposit);
    });

    test('the owner changes the price and deposit and clears a limit, leaving the rest alone', async () => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id, { minNights: 2, maxNights: 5, description: 'Old' });
      const res = await patch(owner, rate.id, {
        nightlyPrice: 15_000,
        deposit: { type: 'first_night' },
        maxNights: null,
        description: null,
        refundable: false,
      });
      expect(res.status).toBe(200);
      const expected = {
        ...rate,
        nightlyPrice: 15_000,
        deposit: { type: 'first_night' },
        maxNights: null,
        description: null,
        refundable: false,
        cancellationPolicy: { tiers: [] },
        roomTypes: [{ roomTypeId: roomType.id, nightlyPrice: 15_000 }],
      };
      expect(await json(res)).toEqual({ rate: expected, warnings: [] });
      expect((await ownerGet(app(), owner, `/rates/${rate.id}`)).rate).toEqual(expected);
    });

    test('the owner moves a rate to another of their room types', async () => {
      const { owner, roomType } = await setup();
      const suite = await createRoomType(app(), owner, { name: 'Suite' });
      const rate = await createRate(app(), owner, roomType.id);
      const res = await patch(owner, rate.id, { roomTypeId: suite.id });
      expect(res.status).toBe(200);
      expect((await ownerGet(app(), owner, `/rates/${rate.id}`)).rate.roomTypeId).toBe(suite.id);
    });

    test('a deleted rate disappears from the owner API and from availability', async () => {
      const { owner, roomType } = await setup();
      const gone = await createRate(app(), owner, roomType.id, { name: 'Gone' });
      const kept = await createRate(app(), owner, roomType.id, { name: 'Kept' });
      const res = await app().request('DELETE', path(owner.id, gone.id), { key: owner.key });
      expect(res.status).toBe(204);
      await expectError(await app().request('GET', path(owner.id, gone.id), { key: owner.key }), 404, 'not_found');
      expect((await ownerGet(app(), owner, '/rates')).rates).toEqual([kept]);
      const avail = await json(await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=2026-12-01&checkOut=2026-12-02`));
      expect(avail.roomTypes[0].rates.map((r: Json) => r.id)).toEqual([kept.id]);
    });
  });

  describe('refusing bad rates', () => {
    test.each([
      ['a negative price', { nightlyPrice: -1 }, 'nightlyPrice'],
      ['a price in fractions of a cent', { nightlyPrice: 99.5 }, 'nightlyPrice'],
      ['a price written as text', { nightlyPrice: '100' }, 'nightlyPrice'],
      ['a percentage of 0', { deposit: { type: 'percentage', percent: 0 } }, 'deposit.percent'],
      ['a percentage of 100.5', { deposit: { type: 'percentage', percent: 100.5 } }, 'deposit.percent'],
      ['a percentage with three decimals', { deposit: { type: 'percentage', percent: 12.345 } }, 'deposit.percent'],
      ['a negative percentage', { deposit: { type: 'percentage', percent: -10 } }, 'deposit.percent'],
      ['a percentage without a percent', { deposit: { type: 'percentage' } }, 'deposit.percent'],
      ['a fixed deposit of 0', { deposit: { type: 'fixed', amount: 0 } }, 'deposit.amount'],
      ['a negative fixed deposit', { deposit: { type: 'fixed', amount: -500 } }, 'deposit.amount'],
      ['a fixed deposit in fractions of a cent', { deposit: { type: 'fixed', amount: 50.5 } }, 'deposit.amount'],
      ['an unknown deposit type', { deposit: { type: 'half' } }, 'deposit.type'],
      ['minNights above maxNights', { minNights: 3, maxNights: 2 }, 'maxNights'],
      ['maxNights of 61', { maxNights: 61 }, 'maxNights'],
      ['minNights of 0', { minNights: 0 }, 'minNights'],
      ['bookableUntil before bookableFrom', { bookableFrom: '2026-12-01T00:00:00Z', bookableUntil: '2026-11-01T00:00:00Z' }, 'bookableUntil'],
      ['bookableUntil equal to bookableFrom', { bookableFrom: '2026-12-01T00:00:00Z', bookableUntil: '2026-12-01T00:00:00Z' }, 'bookableUntil'],
      ['a bookableFrom that is not a date-time', { bookableFrom: 'next Monday' }, 'bookableFrom'],
      ['a bookableFrom on a day that does not exist', { bookableFrom: '2026-02-30T09:00:00Z' }, 'bookableFrom'],
      ['a bookableUntil without a time zone', { bookableUntil: '2027-01-01T00:00:00' }, 'bookableUntil'],
      ['an arrival date that does not exist', { arrivalDates: ['2026-02-30'] }, 'arrivalDates.0'],
      ['a negative room cap', { maxRoomsPerNight: -1 }, 'maxRoomsPerNight'],
      ['a blank name', { name: '' }, 'name'],
    ])('a rate with %s is refused and nothing is created', async (_what, change, field) => {
      const { owner, roomType } = await setup();
      const existing = await createRate(app(), owner, roomType.id);
      const res = await post(owner, { roomTypeId: roomType.id, name: 'New', nightlyPrice: 10_000, deposit: { type: 'none' }, ...change });
      await expect400(res, field);
      expect((await ownerGet(app(), owner, '/rates')).rates).toEqual([existing]);
    });

    test("a rate on another property's room type is refused, naming roomTypeId", async () => {
      const { owner } = await setup();
      const other = await app().createProperty();
      const theirs = await createRoomType(app(), other);
      await expect400(await post(owner, { roomTypeId: theirs.id, name: 'Sneaky', nightlyPrice: 1, deposit: { type: 'none' } }), 'roomTypeId');
      await expect400(await post(owner, { roomTypeId: 'rt_doesnotexist00', name: 'Ghost', nightlyPrice: 1, deposit: { type: 'none' } }), 'roomTypeId');
      expect((await ownerGet(app(), owner, '/rates')).rates).toEqual([]);
      expect((await ownerGet(app(), other, '/rates')).rates).toEqual([]);
    });

    test('a rate on a deleted room type is refused, naming roomTypeId', async () => {
      const { owner, roomType } = await setup();
      await app().request('DELETE', `/api/v1/properties/${owner.id}/room-types/${roomType.id}`, { key: owner.key });
      await expect400(await post(owner, { roomTypeId: roomType.id, name: 'Late', nightlyPrice: 1, deposit: { type: 'none' } }), 'roomTypeId');
      expect((await ownerGet(app(), owner, '/rates')).rates).toEqual([]);
    });

    test.each([
      ['a negative price', { nightlyPrice: -100 }, 'nightlyPrice'],
      ['a percentage of 100.5', { deposit: { type: 'percentage', percent: 100.5 } }, 'deposit.percent'],
      ['a fixed deposit of 0', { deposit: { type: 'fixed', amount: 0 } }, 'deposit.amount'],
      ['maxNights below the rate’s minNights', { maxNights: 2 }, 'maxNights'],
      ['minNights above the rate’s maxNights', { minNights: 9 }, 'maxNights'],
      ['maxNights of 61', { maxNights: 61 }, 'maxNights'],
      ['bookableUntil before the rate’s bookableFrom', { bookableUntil: '2026-11-30T00:00:00Z' }, 'bookableUntil'],
      ['bookableFrom after the rate’s bookableUntil', { bookableFrom: '2027-06-01T00:00:00Z' }, 'bookableUntil'],
    ])('a change with %s is refused and the rate stays as it was', async (_what, change, field) => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id, {
        minNights: 3,
        maxNights: 7,
        bookableFrom: '2026-12-01T00:00:00Z',
        bookableUntil: '2027-01-01T00:00:00Z',
      });
      // The valid name next to the bad field must not be applied either.
      await expect400(await patch(owner, rate.id, { name: 'Renamed', ...change }), field);
      expect((await ownerGet(app(), owner, `/rates/${rate.id}`)).rate).toEqual(rate);
    });

    test("moving a rate to another property's room type is refused and the rate stays as it was", async () => {
      const { owner, roomType } = await setup();
      const other = await app().createProperty();
      const theirs = await createRoomType(app(), other);
      const rate = await createRate(app(), owner, roomType.id);
      await expect400(await patch(owner, rate.id, { roomTypeId: theirs.id }), 'roomTypeId');
      expect((await ownerGet(app(), owner, `/rates/${rate.id}`)).rate).toEqual(rate);
    });
  });

  describe('warnings about fixed deposits', () => {
    test('a fixed deposit larger than the shortest stay is accepted with a warning', async () => {
      const { owner, roomType } = await setup();
      const res = await post(owner, { roomTypeId: roomType.id, name: 'Deposit heavy', nightlyPrice: 10_000, deposit: { type: 'fixed', amount: 20_000 } });
      expect(res.status).toBe(201);
      const body = await json(res);
      expect(body.warnings).toHaveLength(1);
      expect(body.warnings[0]).toContain('$200.00');
      expect(body.warnings[0]).toContain('$100.00');
      expect((await ownerGet(app(), owner, `/rates/${body.rate.id}`)).rate.deposit).toEqual({ type: 'fixed', amount: 20_000 });
    });

    test('a fixed deposit the shortest allowed stay covers gives no warning', async () => {
      const { owner, roomType } = await setup();
      const atPrice = await post(owner, { roomTypeId: roomType.id, name: 'Equal', nightlyPrice: 10_000, deposit: { type: 'fixed', amount: 10_000 } });
      expect((await json(atPrice)).warnings).toEqual([]);
      const twoNights = await post(owner, {
        roomTypeId: roomType.id,
        name: 'Two nights minimum',
        nightlyPrice: 10_000,
        minNights: 2,
        deposit: { type: 'fixed', amount: 20_000 },
      });
      expect((await json(twoNights)).warnings).toEqual([]);
    });

    test('a change that makes the fixed deposit exceed the shortest stay warns, and a longer minimum clears it', async () => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id, { nightlyPrice: 10_000, deposit: { type: 'fixed', amount: 5_000 } });
      const cheaper = await json(await patch(owner, rate.id, { nightlyPrice: 4_000 }));
      expect(cheaper.warnings).toHaveLength(1);
      expect(cheaper.warnings[0]).toContain('$50.00');
      const longer = await json(await patch(owner, rate.id, { minNights: 2 }));
      expect(longer.warnings).toEqual([]);
    });

    test('a warning speaks the property currency', async () => {
      const owner = await app().createProperty({ currency: 'KRW' });
      const roomType = await createRoomType(app(), owner);
      const res = await post(owner, { roomTypeId: roomType.id, name: 'Won', nightlyPrice: 40_000, deposit: { type: 'fixed', amount: 50_000 } });
      const [warning] = (await json(res)).warnings;
      expect(warning).toContain('₩50,000');
      expect(warning).toContain('₩40,000');
    });
  });

  describe('per-date prices', () => {
    test('a price range includes its last day', async () => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id, { nightlyPrice: 10_000 });
      const res = await app().request('PUT', `${path(owner.id, rate.id)}/prices`, {
        key: owner.key,
        body: { prices: [{ from: '2026-12-01', to: '2026-12-03', amount: 15_000 }] },
      });
      expect(res.status).toBe(200);
      expect(await json(res)).toEqual({ rateId: rate.id, datesUpdated: 3, patterns: 0 });
      const avail = await json(await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=2026-11-30&checkOut=2026-12-05`));
      expect(avail.roomTypes[0].rates[0].nightly).toEqual([
        { date: '2026-11-30', amount: 10_000 },
        { date: '2026-12-01', amount: 15_000 },
        { date: '2026-12-02', amount: 15_000 },
        { date: '2026-12-03', amount: 15_000 },
        { date: '2026-12-04', amount: 10_000 },
      ]);
    });

    test('a one-day range sets one night, and a later range wins where ranges overlap', async () => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id);
      await putPrices(app(), owner, rate.id, [
        { from: '2026-12-24', to: '2026-12-26', amount: 20_000 },
        { from: '2026-12-25', to: '2026-12-25', amount: 30_000 },
      ]);
      expect(await overridesOf(app(), rate.id)).toEqual(
        expect.arrayContaining([
          { rateId: rate.id, date: '2026-12-24', amount: 20_000 },
          { rateId: rate.id, date: '2026-12-25', amount: 30_000 },
          { rateId: rate.id, date: '2026-12-26', amount: 20_000 },
        ]),
      );
      expect(await overridesOf(app(), rate.id)).toHaveLength(3);
    });

    test('setting a date again replaces its price', async () => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id);
      await putPrices(app(), owner, rate.id, [{ from: '2026-12-24', to: '2026-12-24', amount: 20_000 }]);
      await putPrices(app(), owner, rate.id, [{ from: '2026-12-24', to: '2026-12-24', amount: 25_000 }]);
      expect(await overridesOf(app(), rate.id)).toEqual([{ rateId: rate.id, date: '2026-12-24', amount: 25_000 }]);
    });

    test.each([
      ['a reversed range', [{ from: '2026-12-10', to: '2026-12-01', amount: 15_000 }], 'prices.0.to'],
      ['a negative price', [{ from: '2026-12-01', to: '2026-12-02', amount: -1 }], 'prices.0.amount'],
      ['a fractional price', [{ from: '2026-12-01', to: '2026-12-02', amount: 150.5 }], 'prices.0.amount'],
      ['a date that does not exist', [{ from: '2026-02-30', to: '2026-03-02', amount: 100 }], 'prices.0.from'],
      ['a range longer than three years', [{ from: '2026-12-01', to: '2029-12-01', amount: 100 }], 'prices.0.to'],
      [
        'ranges that together span more than three years',
        [
          { from: '2026-12-01', to: '2027-12-01', amount: 100 },
          { from: '2029-11-01', to: '2029-12-01', amount: 100 },
        ],
        'prices',
      ],
      [
        'a good range followed by a bad one',
        [
          { from: '2026-12-01', to: '2026-12-02', amount: 100 },
          { from: '2026-12-05', to: '2026-12-04', amount: 100 },
        ],
        'prices.1.to',
      ],
    ])('prices with %s are refused and no price changes', async (_what, prices, field) => {
      const { owner, roomType } = await setup();
      const rate = await createRate(app(), owner, roomType.id);
      await putPrices(app(), owner, rate.id, [{ from: '2026-12-01', to: '2026-12-01', amount: 12_000 }]);
      const res = await app().request('PUT', `${path(owner.id, rate.id)}/prices`, { key: owner.key, body: { prices } });
      await expect400(res, field);
      expect(await overridesOf(app(), rate.id)).toEqual([{ rateId: rate.id, date: '2026-12-01', amount: 12_000 }]);
    });
  });

  describe('ids that are not the owner’s', () => {
    test('an unknown rate id answers 404 everywhere', async () => {
      const { owner } = await setup();
      const id = 'rate_nosuchrate000';
      await expectError(await app().request('GET', path(owner.id, id), { key: owner.key }), 404, 'not_found');
      await expectError(await patch(owner, id, { name: 'x' }), 404, 'not_found');
      await expectError(await app().request('DELETE', path(owner.id, id), { key: owner.key }), 404, 'not_found');
      await expectError(await app().request('PUT', `${path(owner.id, id)}/prices`, { key: owner.key, body: { prices: [] } }), 404, 'not_found');
    });

    test("another property's rate is not found with the owner's own key, and stays untouched", async () => {
      const { owner } = await setup();
      const other = await app().createProperty();
      const theirRoomType = await createRoomType(app(), other);
      const theirs = await createRate(app(), other, theirRoomType.id);
      const prices = { prices: [{ from: '2026-12-01', to: '2026-12-05', amount: 1 }] };
      await expectError(await app().request('GET', path(owner.id, theirs.id), { key: owner.key }), 404, 'not_found');
      await expectError(await patch(owner, theirs.id, { nightlyPrice: 1 }), 404, 'not_found');
      await expectError(await app().request('PUT', `${path(owner.id, theirs.id)}/prices`, { key: owner.key, body: prices }), 404);
      await expectError(await app().request('DELETE', path(owner.id, theirs.id), { key: owner.key }), 404, 'not_found');
      expect((await ownerGet(app(), other, `/rates/${theirs.id}`)).rate).toEqual(theirs);
      expect(await overridesOf(app(), theirs.id)).toEqual([]);
    });
  });
});
