// SPEC 2.3: an extra priced per guest or per night is taken once for the whole room (the price
// already counts the party and the stay); other extras up to their maxQuantity.
import { describe, expect, test } from 'vitest';
import { backends, createExtra, createRate, createRoomType, expect400, json, type Json, type Owner, useTestApp } from './support/api.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-07' };

describe.each(backends)('extra quantities on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function hotel() {
    const t = app();
    const owner: Owner = await t.createProperty();
    const roomType = await createRoomType(t, owner, { units: 2 });
    const rate = await createRate(t, owner, roomType.id, { nightlyPrice: 50_000 });
    return { owner, rateId: rate.id as string };
  }
  const quote = (owner: Owner, rateId: string, extras: Json[]) =>
    app().request('POST', `/api/v1/public/properties/${owner.id}/quotes`, { body: { ...stay, rooms: [{ rateId, adults: 2, extras }] } });

  test('an owner reads each extra’s maximum: 1 for breakfast per guest per night, 10 for parking per stay, or the one they set', async () => {
    const { owner } = await hotel();
    const breakfast = await createExtra(app(), owner, { name: 'Breakfast', price: 10_000, per: 'guest_night' });
    const parking = await createExtra(app(), owner, { name: 'Parking', price: 5_000, per: 'stay' });
    const towels = await createExtra(app(), owner, { name: 'Towels', price: 1_000, per: 'stay', maxQuantity: 3 });
    expect([breakfast.maxQuantity, parking.maxQuantity, towels.maxQuantity]).toEqual([1, 10, 3]);
    const patched = await app().request('PATCH', `/api/v1/properties/${owner.id}/extras/${parking.id}`, { key: owner.key, body: { maxQuantity: 2 } });
    expect(((await json(patched)).extra as Json).maxQuantity).toBe(2);
    const listed = (await json(await app().request('GET', `/api/v1/public/properties/${owner.id}`))).extras as Json[];
    expect(listed.map((e) => e.maxQuantity)).toEqual([1, 2, 3]);
  });

  test('a maximum outside 1–20 or not whole is refused with its field', async () => {
    const { owner } = await hotel();
    const post = (maxQuantity: unknown) =>
      app().request('POST', `/api/v1/properties/${owner.id}/extras`, { key: owner.key, body: { name: 'Parking', price: 5_000, per: 'stay', maxQuantity } });
    for (const bad of [0, 21, 1.5, '2']) await expect400(await post(bad), 'maxQuantity');
    expect((await json(await app().request('GET', `/api/v1/properties/${owner.id}/extras`, { key: owner.key }))).extras).toHaveLength(0);
  });

  test('breakfast for 2 guests over 2 nights is priced once, and asking for it twice is refused', async () => {
    const { owner, rateId } = await hotel();
    const breakfast = await createExtra(app(), owner, { name: 'Breakfast', price: 10_000, per: 'guest_night' });
    const once = await quote(owner, rateId, [{ extraId: breakfast.id, quantity: 1 }]);
    expect(once.status).toBe(200);
    expect(((await json(once)).rooms as Json[])[0]!.extrasTotal).toBe(40_000);
    await expect400(await quote(owner, rateId, [{ extraId: breakfast.id, quantity: 2 }]), 'rooms.0.extras.0.quantity');
  });

  test('a booking asking for more parking than the owner allows is refused and holds nothing', async () => {
    const { owner, rateId } = await hotel();
    const parking = await createExtra(app(), owner, { name: 'Parking', price: 5_000, per: 'stay', maxQuantity: 2 });
    expect((await quote(owner, rateId, [{ extraId: parking.id, quantity: 2 }])).status).toBe(200);
    const book = await app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, {
      body: { ...stay, rooms: [{ rateId, adults: 2, extras: [{ extraId: parking.id, quantity: 3 }] }], guest: { firstName: 'Minji', lastName: 'Kim', email: 'minji@example.com' } },
    });
    await expect400(book, 'rooms.0.extras.0.quantity');
    const bookings = await json(await app().request('GET', `/api/v1/properties/${owner.id}/bookings`, { key: owner.key }));
    expect(bookings.bookings).toHaveLength(0);
  });
});
