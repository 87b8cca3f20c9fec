// SPEC 2.21: weekday prices, open-ended prices, merging by date and reading back every night's price.
import { describe, expect, test } from 'vitest';
import { addDays } from '../shared/dates.ts';
import { backends, createRate, createRoomType, expect400, json, type Json, type Owner, putPrices, useTestApp } from './support/api.ts';

describe.each(backends)('price patterns on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function hotel() {
    const owner: Owner = await app().createProperty();
    const roomType = await createRoomType(app(), owner);
    const rate = await createRate(app(), owner, roomType.id, { nightlyPrice: 80_000 });
    return { owner, rateId: rate.id as string };
  }
  const pricesPath = (owner: Owner, rateId: string) => `/api/v1/properties/${owner.id}/rates/${rateId}/prices`;
  const readPrices = async (owner: Owner, rateId: string, from: string, to: string) =>
    (await json(await app().request('GET', `${pricesPath(owner, rateId)}?from=${from}&to=${to}`, { key: owner.key }))).prices as Json[];
  const nightly = async (owner: Owner, checkIn: string, checkOut: string) =>
    (await json(await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=${checkIn}&checkOut=${checkOut}`))).roomTypes[0].rates[0].nightly as Json[];

  test('a Friday and Saturday price with no end prices every weekend night for years', async () => {
    const { owner, rateId } = await hotel();
    await putPrices(app(), owner, rateId, [{ from: '2026-12-01', weekdays: [5, 6], amount: 120_000 }]);
    // 2026-12-04 is a Friday; 2029-06-01 too.
    expect(await nightly(owner, '2026-12-03', '2026-12-07')).toEqual([
      { date: '2026-12-03', amount: 80_000 },
      { date: '2026-12-04', amount: 120_000 },
      { date: '2026-12-05', amount: 120_000 },
      { date: '2026-12-06', amount: 80_000 },
    ]);
    const later = await readPrices(owner, rateId, '2029-05-31', '2029-06-03');
    expect(later).toEqual([
      { date: '2029-05-31', amount: 80_000, source: 'default' },
      { date: '2029-06-01', amount: 120_000, source: 'weekday' },
      { date: '2029-06-02', amount: 120_000, source: 'weekday' },
      { date: '2029-06-03', amount: 80_000, source: 'default' },
    ]);
  });

  test('a specific date beats the weekend price, and a later update merges instead of replacing', async () => {
    const { owner, rateId } = await hotel();
    await putPrices(app(), owner, rateId, [
      { from: '2026-12-01', weekdays: [5, 6], amount: 120_000 },
      { from: '2026-12-25', to: '2026-12-26', amount: 200_000 },
    ]);
    // A later weekend price for December only, then a new weekday price that leaves the rest alone.
    await putPrices(app(), owner, rateId, [{ from: '2026-12-01', to: '2026-12-31', weekdays: [6], amount: 150_000 }]);
    await putPrices(app(), owner, rateId, [{ from: '2026-12-07', to: '2026-12-07', amount: 60_000 }]);
    const prices = await readPrices(owner, rateId, '2026-12-04', '2026-12-07');
    expect(prices).toEqual([
      { date: '2026-12-04', amount: 120_000, source: 'weekday' },
      { date: '2026-12-05', amount: 150_000, source: 'weekday' },
      { date: '2026-12-06', amount: 80_000, source: 'default' },
      { date: '2026-12-07', amount: 60_000, source: 'date' },
    ]);
    expect((await readPrices(owner, rateId, '2026-12-25', '2026-12-26')).map((p) => [p.amount, p.source])).toEqual([
      [200_000, 'date'],
      [200_000, 'date'],
    ]);
    // After December the Saturday price is the open-ended one again.
    expect((await readPrices(owner, rateId, '2027-01-02', '2027-01-02'))[0]).toEqual({ date: '2027-01-02', amount: 120_000, source: 'weekday' });
  });

  test('an open-ended price without weekdays replaces the dates it covers and beats weekday prices', async () => {
    const { owner, rateId } = await hotel();
    await putPrices(app(), owner, rateId, [
      { from: '2027-01-08', to: '2027-01-08', amount: 99_000 },
      { from: '2026-12-01', weekdays: [5], amount: 120_000 },
    ]);
    await putPrices(app(), owner, rateId, [{ from: '2027-01-01', amount: 90_000 }]);
    expect((await readPrices(owner, rateId, '2026-12-31', '2027-01-08')).map((p) => p.amount)).toEqual([80_000, 90_000, 90_000, 90_000, 90_000, 90_000, 90_000, 90_000, 90_000]);
    expect((await readPrices(owner, rateId, '2026-12-25', '2026-12-25'))[0]!.source).toBe('weekday');
  });

  test.each([
    ['a weekday 7', [{ from: '2026-12-01', weekdays: [7], amount: 1 }], 'prices.1.weekdays.0'],
    ['a weekday twice', [{ from: '2026-12-01', weekdays: [5, 5], amount: 1 }], 'prices.1.weekdays'],
    ['to before from', [{ from: '2026-12-10', to: '2026-12-01', weekdays: [5], amount: 1 }], 'prices.1.to'],
    ['a range over three years', [{ from: '2026-12-01', to: '2029-12-01', weekdays: [5], amount: 1 }], 'prices.1.to'],
    ['a fractional amount', [{ from: '2026-12-01', weekdays: [5], amount: 1.5 }], 'prices.1.amount'],
  ])('an update with %s is refused with its path and changes nothing', async (_what, prices, path) => {
    const { owner, rateId } = await hotel();
    await putPrices(app(), owner, rateId, [{ from: '2026-12-01', weekdays: [6], amount: 100_000 }]);
    const before = await readPrices(owner, rateId, '2026-12-01', '2026-12-14');
    await expect400(await app().request('PUT', pricesPath(owner, rateId), { key: owner.key, body: { prices: [{ from: '2026-12-02', amount: 5 }, ...prices] } }), path);
    expect(await readPrices(owner, rateId, '2026-12-01', '2026-12-14')).toEqual(before);
  });

  test('reading more than three years at once is refused', async () => {
    const { owner, rateId } = await hotel();
    await expect400(await app().request('GET', `${pricesPath(owner, rateId)}?from=2026-12-01&to=2029-12-01`, { key: owner.key }), 'to');
  });

  test('a rate keeps at most 200 weekday patterns; the 201st is refused', async () => {
    const { owner, rateId } = await hotel();
    // Each starts and ends a day after the one before, so none hides another.
    const many = Array.from({ length: 201 }, (_, i) => ({ from: addDays('2027-01-01', i), to: addDays('2027-01-11', i), weekdays: [i % 7], amount: 1_000 + i }));
    const res = await app().request('PUT', pricesPath(owner, rateId), { key: owner.key, body: { prices: many } });
    await expect400(res, 'prices');
    expect((await readPrices(owner, rateId, '2027-01-01', '2027-07-31')).every((p) => p.source === 'default')).toBe(true);
  });

  test('a quote and a booking charge the weekend price', async () => {
    const { owner, rateId } = await hotel();
    await putPrices(app(), owner, rateId, [{ from: '2026-12-01', weekdays: [5, 6], amount: 120_000 }]);
    const body = { checkIn: '2026-12-03', checkOut: '2026-12-06', rooms: [{ rateId, adults: 2 }] };
    const quote = await json(await app().request('POST', `/api/v1/public/properties/${owner.id}/quotes`, { body }));
    expect(quote.total).toBe(80_000 + 120_000 + 120_000);
    const booking = await app().request('POST', `/api/v1/public/properties/${owner.id}/bookings`, {
      body: { ...body, guest: { firstName: 'Mina', lastName: 'Cho', email: 'mina@example.com' } },
    });
    expect(booking.status, await booking.clone().text()).toBe(201);
    expect((await json(booking)).booking.total).toBe(320_000);
  });
});
