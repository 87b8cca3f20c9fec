// SPEC 2.12: base occupancy, extra adults and children's age bands through the owner and public APIs.
import { describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expect400, expectError, json, type Json, type Owner, ownerGet, useTestApp } from './support/api.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-08' };
const guest = { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' };
const bands = [
  { maxAge: 2, amount: 0 },
  { maxAge: 12, amount: 2_500 },
];

describe.each(backends)('occupancy and children on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const owned = (owner: Owner, path: string) => `/api/v1/properties/${owner.id}${path}`;
  const pub = (owner: Owner, path: string) => `/api/v1/public/properties/${owner.id}${path}`;

  /** A family room for five priced for two (10,000 a night), an extra adult 4,000, children by age; and a double without extras. */
  async function hotel(deposit: Json = { type: 'first_night' }) {
    const t = app();
    const owner: Owner = await t.createProperty();
    const family = await createRoomType(t, owner, { name: 'Family', maxGuests: 5, baseOccupancy: 2, maxAdults: 3, maxChildren: 2 });
    const rate = await createRate(t, owner, family.id, { nightlyPrice: 10_000, deposit, extraAdultPrice: 4_000, childPrices: bands });
    const double = await createRoomType(t, owner, { name: 'Double', maxGuests: 2 });
    const plain = await createRate(t, owner, double.id, { name: 'Plain', nightlyPrice: 8_000 });
    return { owner, family, rate: rate.id as string, plain: plain.id as string };
  }
  const availability = async (owner: Owner, query: string) => app().request('GET', pub(owner, `/availability?checkIn=${stay.checkIn}&checkOut=${stay.checkOut}&${query}`));
  const offers = async (owner: Owner, query: string) => {
    const res = await availability(owner, query);
    const body = await json(res);
    expect(res.status, JSON.stringify(body)).toBe(200);
    return new Map<string, Json>((body.roomTypes as Json[]).flatMap((rt) => (rt.rates as Json[]).map((r) => [r.id as string, { ...r, roomType: rt }])));
  };
  const quote = (owner: Owner, body: Json) => app().request('POST', pub(owner, '/quotes'), { body: { ...stay, ...body } });
  const okQuote = async (owner: Owner, body: Json) => {
    const res = await quote(owner, body);
    const q = await json(res);
    expect(res.status, JSON.stringify(q)).toBe(200);
    return q;
  };

  test('an owner sets a room type’s occupancy and a rate’s extra adult and child prices, and reads them back', async () => {
    const { owner, family, rate } = await hotel();
    expect(family).toMatchObject({ maxGuests: 5, baseOccupancy: 2, maxAdults: 3, maxChildren: 2 });
    expect((await ownerGet(app(), owner, `/room-types/${family.id}`)).roomType).toEqual(family);
    expect((await ownerGet(app(), owner, `/rates/${rate}`)).rate).toMatchObject({ extraAdultPrice: 4_000, childPrices: bands });
    const double = await createRoomType(app(), owner, { maxGuests: 3 });
    expect(double).toMatchObject({ baseOccupancy: 3, maxAdults: 3, maxChildren: 3 });
    // Limits left at maxGuests follow it; limits the owner set stay.
    const grown = await app().request('PATCH', owned(owner, `/room-types/${double.id}`), { key: owner.key, body: { maxGuests: 5 } });
    expect((await json(grown)).roomType).toMatchObject({ maxGuests: 5, baseOccupancy: 5, maxAdults: 5, maxChildren: 5 });
    const patched = await app().request('PATCH', owned(owner, `/room-types/${family.id}`), { key: owner.key, body: { maxGuests: 6 } });
    expect((await json(patched)).roomType).toMatchObject({ maxGuests: 6, baseOccupancy: 2, maxAdults: 3, maxChildren: 2 });
  });

  test('bad occupancy fields are refused with the field named, and nothing changes', async () => {
    const { owner, family, rate } = await hotel();
    const postRoomType = (body: Json) => app().request('POST', owned(owner, '/room-types'), { key: owner.key, body: { name: 'Bad', maxGuests: 4, units: 1, ...body } });
    await expect400(await postRoomType({ baseOccupancy: 5 }), 'baseOccupancy');
    await expect400(await postRoomType({ baseOccupancy: 0 }), 'baseOccupancy');
    await expect400(await postRoomType({ maxAdults: 5 }), 'maxAdults');
    await expect400(await postRoomType({ maxChildren: -1 }), 'maxChildren');
    await expect400(await postRoomType({ maxChildren: 1.5 }), 'maxChildren');
    const patchRoomType = (body: Json) => app().request('PATCH', owned(owner, `/room-types/${family.id}`), { key: owner.key, body });
    await expect400(await patchRoomType({ maxAdults: 6 }), 'maxAdults');
    await expect400(await patchRoomType({ maxGuests: 2 }), 'maxGuests');
    await expect400(await patchRoomType({ maxGuests: 3, baseOccupancy: 4 }), 'baseOccupancy');
    expect((await ownerGet(app(), owner, '/room-types')).roomTypes).toHaveLength(2);
    expect((await ownerGet(app(), owner, `/room-types/${family.id}`)).roomType).toEqual(family);

    const before = (await ownerGet(app(), owner, `/rates/${rate}`)).rate;
    const patchRate = (body: Json) => app().request('PATCH', owned(owner, `/rates/${rate}`), { key: owner.key, body });
    await expect400(
      await patchRate({
        childPrices: [
          { maxAge: 12, amount: 2_500 },
          { maxAge: 2, amount: 0 },
        ],
      }),
      'childPrices.1.maxAge',
    );
    await expect400(
      await patchRate({
        childPrices: [
          { maxAge: 5, amount: 0 },
          { maxAge: 5, amount: 1_000 },
        ],
      }),
      'childPrices.1.maxAge',
    );
    await expect400(await patchRate({ childPrices: [{ maxAge: 18, amount: 0 }] }), 'childPrices.0.maxAge');
    await expect400(await patchRate({ childPrices: [{ maxAge: -1, amount: 0 }] }), 'childPrices.0.maxAge');
    await expect400(await patchRate({ childPrices: [{ maxAge: 5, amount: -1 }] }), 'childPrices.0.amount');
    await expect400(await patchRate({ childPrices: [{ maxAge: 5, amount: 1.5 }] }), 'childPrices.0.amount');
    await expect400(await patchRate({ extraAdultPrice: -100 }), 'extraAdultPrice');
    await expect400(await patchRate({ extraAdultPrice: 99.5 }), 'extraAdultPrice');
    const post = await app().request('POST', owned(owner, '/rates'), {
      key: owner.key,
      body: { roomTypeId: family.id, name: 'Bad', nightlyPrice: 1_000, deposit: { type: 'none' }, childPrices: [{ maxAge: 20, amount: 0 }] },
    });
    await expect400(post, 'childPrices.0.maxAge');
    expect((await ownerGet(app(), owner, `/rates/${rate}`)).rate).toEqual(before);
    expect((await ownerGet(app(), owner, '/rates')).rates).toHaveLength(2);
  });

  test('availability with children’s ages adds the guests beyond the base to every night, and says which rates price children', async () => {
    const { owner, rate, plain } = await hotel();
    const two = await offers(owner, 'adults=2');
    expect(two.get(rate)).toMatchObject({ available: true, roomTotal: 30_000, pricesChildren: true });
    expect(two.get(plain)).toMatchObject({ available: true, pricesChildren: false });
    expect(two.get(rate)!.roomType).toMatchObject({ maxGuests: 5, maxAdults: 3, maxChildren: 2 });
    // The infant is free, the 8-year-old pays the 3–12 band.
    const withKids = await offers(owner, 'adults=2&childAges=1,8');
    expect(withKids.get(rate)!.nightly.map((n: Json) => n.amount)).toEqual([12_500, 12_500, 12_500]);
    expect(withKids.get(rate)).toMatchObject({ available: true, roomTotal: 37_500, deposit: { type: 'first_night', amount: 12_500 } });
    // A third adult pays the extra adult price, and the child is beyond the base too.
    const three = await offers(owner, 'adults=3&childAges=8');
    expect(three.get(rate)).toMatchObject({ available: true, roomTotal: 3 * 16_500 });
  });

  test('availability does not offer rates whose room type cannot take the party', async () => {
    const { owner, rate, plain } = await hotel();
    const withKids = await offers(owner, 'adults=2&childAges=1,8');
    expect(withKids.get(plain)).toMatchObject({ available: false, reason: 'too_many_guests' });
    const threeKids = await offers(owner, 'adults=1&childAges=1,4,8');
    expect(threeKids.get(rate)).toMatchObject({ available: false, reason: 'too_many_guests' });
    const fourAdults = await offers(owner, 'adults=4');
    expect(fourAdults.get(rate)).toMatchObject({ available: false, reason: 'too_many_guests' });
  });

  test('availability with children but no ages is refused where a rate prices children by age', async () => {
    const { owner } = await hotel();
    expect(await expectError(await availability(owner, 'adults=2&children=1'), 400, 'child_ages_required')).toEqual(['childAges']);
    await expect400(await availability(owner, 'adults=2&children=1&childAges=4,9'), 'childAges');
    await expect400(await availability(owner, 'adults=2&childAges=4,18'), 'childAges.1');
  });

  test('a quote charges the guests beyond the base each night, in the room price, the first-night deposit and its line', async () => {
    const { owner, rate } = await hotel();
    const q = await okQuote(owner, { rooms: [{ rateId: rate, adults: 3, childAges: [8, 1] }] });
    expect(q.rooms[0]).toMatchObject({ adults: 3, children: 2, childAges: [8, 1], roomTotal: 49_500 });
    expect(q.rooms[0].nightly.map((n: Json) => n.amount)).toEqual([16_500, 16_500, 16_500]);
    expect(q.lines[0]).toMatchObject({ kind: 'room', amount: 49_500 });
    expect(q.deposits[0]).toMatchObject({ type: 'first_night', amount: 16_500 });
    expect(q.total).toBe(49_500);
  });

  test('a percentage deposit and a promotion both include the occupancy charges', async () => {
    const { owner, rate } = await hotel({ type: 'percentage', percent: 30 });
    const promo = await app().request('POST', owned(owner, '/promotions'), { key: owner.key, body: { code: 'TEN', name: 'Ten', discount: { type: 'percent', percent: 10 } } });
    expect(promo.status, await promo.clone().text()).toBe(201);
    const plain = await okQuote(owner, { rooms: [{ rateId: rate, adults: 3, childAges: [8] }] });
    expect(plain.deposits[0].amount).toBe(14_850);
    const discounted = await okQuote(owner, { promoCode: 'TEN', rooms: [{ rateId: rate, adults: 3, childAges: [8] }] });
    expect(discounted.lines).toContainEqual(expect.objectContaining({ kind: 'discount', amount: -4_950 }));
    expect(discounted.deposits[0].amount).toBe(Math.round(44_550 * 0.3));
  });

  test('children by count still work where the rate prices no children, and are priced as adults beyond the base', async () => {
    const t = app();
    const owner: Owner = await t.createProperty();
    const roomType = await createRoomType(t, owner, { maxGuests: 4, baseOccupancy: 2 });
    const rate = await createRate(t, owner, roomType.id, { nightlyPrice: 10_000, extraAdultPrice: 3_000 });
    const q = await okQuote(owner, { rooms: [{ rateId: rate.id, adults: 2, children: 1 }] });
    expect(q.rooms[0]).toMatchObject({ children: 1, roomTotal: 39_000 });
  });

  test('a quote with children but no ages is refused where the rate prices children by age', async () => {
    const { owner, rate } = await hotel();
    expect(await expectError(await quote(owner, { rooms: [{ rateId: rate, adults: 2, children: 1 }] }), 400, 'child_ages_required')).toEqual(['rooms.0.childAges']);
    await expect400(await quote(owner, { rooms: [{ rateId: rate, adults: 2, children: 1, childAges: [4, 9] }] }), 'rooms.0.childAges');
  });

  test('a room the party does not fit is refused, naming its adults or its children', async () => {
    const { owner, rate, plain } = await hotel();
    expect(await expectError(await quote(owner, { rooms: [{ rateId: rate, adults: 4 }] }), 400, 'too_many_guests')).toEqual(['rooms.0.adults']);
    const kids = await quote(owner, { rooms: [{ rateId: rate, adults: 1, childAges: [1, 4, 8] }] });
    expect(await expectError(kids, 400, 'too_many_guests')).toEqual(['rooms.0.childAges']);
    const crowded = await app().request('POST', pub(owner, '/bookings'), { body: { ...stay, guest, rooms: [{ rateId: plain, adults: 2, childAges: [5] }] } });
    expect(await expectError(crowded, 400, 'too_many_guests')).toEqual(['rooms.0.adults']);
  });

  test('a booking charges the occupancy per night and keeps each room’s children’s ages', async () => {
    const { owner, rate, plain } = await hotel();
    const res = await app().request('POST', pub(owner, '/bookings'), {
      body: {
        ...stay,
        guest,
        rooms: [
          { rateId: rate, adults: 2, childAges: [1, 8] },
          { rateId: plain, adults: 2 },
        ],
      },
    });
    const created = await json(res);
    expect(res.status, JSON.stringify(created)).toBe(201);
    expect(created.booking).toMatchObject({ total: 37_500 + 24_000, depositDue: 12_500 });
    const { booking } = await ownerGet(app(), owner, `/bookings/${created.booking.id}`);
    expect(booking.rooms[0]).toMatchObject({ childAges: [1, 8], children: 2, roomTotal: 37_500 });
    expect(booking.rooms[0].nightly.map((n: Json) => n.amount)).toEqual([12_500, 12_500, 12_500]);
    expect(booking.rooms[1].childAges).toBeUndefined();
  });

  test('the widget is told to ask children’s ages only where some rate prices them', async () => {
    const { owner } = await hotel();
    expect((await json(await app().request('GET', pub(owner, '')))).asksChildAges).toBe(true);
    const other: Owner = await app().createProperty();
    const roomType = await createRoomType(app(), other);
    await createRate(app(), other, roomType.id);
    expect((await json(await app().request('GET', pub(other, '')))).asksChildAges).toBe(false);
  });
});
