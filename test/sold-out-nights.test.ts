// Issue 13: a hold for nights this instance lately found sold out is refused before it is priced;
// the database still decides, so nights freed anywhere are sold again at once. On every backend,
// with a second instance on the same database.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { backends, type OneRateHotel, twoInstancesWithOneRate } from './support/api.ts';
import type { TestApp } from './support/test-app.ts';

const guest = { firstName: 'Min', lastName: 'Kim', email: 'min@example.com' };
const stay = { checkIn: '2026-12-10', checkOut: '2026-12-11' };

describe.each(backends)('sold-out nights on %s', (_name, databaseUrl) => {
  let first: TestApp;
  let second: TestApp;
  let h: OneRateHotel;
  beforeEach(async () => {
    ({ first, second, hotel: h } = await twoInstancesWithOneRate(databaseUrl, 1));
  });
  afterEach(async () => {
    await second.close();
    await first.close();
  });

  const book = (app: TestApp, body: object = {}) =>
    app.request('POST', `/api/v1/public/properties/${h.id}/bookings`, { body: { ...stay, rooms: [{ rateId: h.rateId, adults: 2 }], guest, ...body } });

  /** The night's one unit held on `first`, and a second try there refused: `first` now knows the night is full. */
  async function sellOut() {
    const held = await book(first);
    expect(held.status).toBe(201);
    const refused = await book(first);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.code).toBe('sold_out');
    return (await held.json()).booking.id as string;
  }

  test('a night cancelled through another instance is held again on this one', async () => {
    const id = await sellOut();
    expect((await second.request('POST', `/api/v1/properties/${h.id}/bookings/${id}/cancel`, { key: h.key, body: { scope: 'booking' } })).status).toBe(200);
    expect((await book(first)).status).toBe(201);
  });

  test('a night whose hold has expired is held again', async () => {
    await sellOut();
    first.setNow(new Date(first.now().getTime() + 60 * 60_000));
    expect((await book(first)).status).toBe(201);
  });

  test('a room added through another instance is sold at once', async () => {
    await sellOut();
    expect((await second.request('PATCH', `/api/v1/properties/${h.id}/room-types/${h.roomTypeId}`, { key: h.key, body: { units: 2 } })).status).toBe(200);
    expect((await book(first)).status).toBe(201);
    expect((await book(first)).status).toBe(409);
  });

  test('a request for a night already gone is told so before it is priced (its promo code is not even looked at)', async () => {
    await sellOut();
    const res = await book(first, { promoCode: 'NO-SUCH-CODE' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('sold_out');
    // Another instance has not seen the night full: it prices first, and the code is what it refuses.
    expect((await (await book(second, { promoCode: 'NO-SUCH-CODE' })).json()).error.code).not.toBe('sold_out');
  });

  test('requests arriving all at once for a full night and a freed night each get their own answer', async () => {
    await sellOut();
    const nextNight = { checkIn: '2026-12-11', checkOut: '2026-12-12' };
    const held = await book(first, nextNight);
    expect(held.status).toBe(201);
    expect((await book(first, nextNight)).status).toBe(409);
    const id = (await held.json()).booking.id as string;
    expect((await second.request('POST', `/api/v1/properties/${h.id}/bookings/${id}/cancel`, { key: h.key, body: { scope: 'booking' } })).status).toBe(200);
    const [full, freed] = await Promise.all([book(first), book(first, nextNight)]);
    expect((await full.json()).error.code).toBe('sold_out');
    expect(freed.status).toBe(201);
  });

  test('a sold-out request with an unknown rate is still told which field is wrong', async () => {
    await sellOut();
    const res = await book(first, { rooms: [{ rateId: 'rate_nope', adults: 2 }] });
    expect(res.status).toBe(400);
    expect((await res.json()).error.details[0].path).toBe('rooms.0.rateId');
  });
});
