// SPEC 2.22: a Korean property closes on the whole 설날 and 추석 periods, keeps single holidays open
// and reads the coming year's holidays.
import { describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expect400, json, type Json, type Owner, ownerGet, putClosures, useTestApp } from './support/api.ts';

describe.each(backends)('Korean public holidays on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  async function guesthouse() {
    const owner: Owner = await app().createProperty({ country: 'KR', timezone: 'Asia/Seoul', currency: 'KRW', locale: 'ko' });
    const roomType = await createRoomType(app(), owner);
    await createRate(app(), owner, roomType.id, { nightlyPrice: 80_000 });
    return owner;
  }
  const offered = async (owner: Owner, checkIn: string, checkOut: string) => {
    const answer = await json(await app().request('GET', `/api/v1/public/properties/${owner.id}/availability?checkIn=${checkIn}&checkOut=${checkOut}`));
    const rate = answer.roomTypes[0].rates[0] as Json;
    return rate.available ? 'open' : rate.reason;
  };

  test('with public holidays on, every day of 설날 and its substitute day is closed, not just the one the library names', async () => {
    const owner = await guesthouse();
    await putClosures(app(), owner, { publicHolidays: true });
    for (const night of ['2027-02-06', '2027-02-08', '2027-02-09']) expect(await offered(owner, night, '2027-02-10'), night).toBe('closed');
    expect(await offered(owner, '2027-02-10', '2027-02-11')).toBe('open');
    expect(await offered(owner, '2027-09-15', '2027-09-16')).toBe('closed');
  });

  test('a holiday kept open can be booked while the rest of the period and the other closures stay closed', async () => {
    const owner = await guesthouse();
    await putClosures(app(), owner, { publicHolidays: true, openHolidays: ['2027-02-08', '2027-02-06'], dates: ['2027-02-06'] });
    expect((await ownerGet(app(), owner, '/closures')).closures.openHolidays).toEqual(['2027-02-06', '2027-02-08']);
    expect(await offered(owner, '2027-02-08', '2027-02-09')).toBe('open');
    expect(await offered(owner, '2027-02-07', '2027-02-08')).toBe('closed');
    // Closed by date as well: keeping the holiday open does not open it.
    expect(await offered(owner, '2027-02-06', '2027-02-07')).toBe('closed');
  });

  test('bad open holidays are refused with their path and change nothing', async () => {
    const owner = await guesthouse();
    await putClosures(app(), owner, { publicHolidays: true, openHolidays: ['2027-02-08'] });
    const path = `/api/v1/properties/${owner.id}/closures`;
    await expect400(await app().request('PUT', path, { key: owner.key, body: { publicHolidays: true, openHolidays: ['2027-02-08', '8 Feb'] } }), 'openHolidays.1');
    await expect400(await app().request('PUT', path, { key: owner.key, body: { publicHolidays: true, openHolidays: '2027-02-08' } }), 'openHolidays');
    expect((await ownerGet(app(), owner, '/closures')).closures).toEqual({ weekdays: [], publicHolidays: true, dates: [], openHolidays: ['2027-02-08'] });
  });

  test('the owner reads a year of holidays in the property language, with the ones kept open', async () => {
    const owner = await guesthouse();
    await putClosures(app(), owner, { publicHolidays: true, openHolidays: ['2027-09-16'] });
    const { holidays } = await ownerGet(app(), owner, '/holidays?year=2027');
    expect(holidays.filter((h: Json) => h.date >= '2027-09-14' && h.date <= '2027-09-16')).toEqual([
      { date: '2027-09-14', name: '추석', open: false },
      { date: '2027-09-15', name: '추석', open: false },
      { date: '2027-09-16', name: '추석', open: true },
    ]);
    expect(holidays.find((h: Json) => h.date === '2027-02-09')).toEqual({ date: '2027-02-09', name: '설날 (대체공휴일)', open: false });
  });

  test('without a year the list covers the coming twelve months from today in the property time zone', async () => {
    const owner = await guesthouse();
    // The test clock reads 2026-11-24.
    const { holidays } = await ownerGet(app(), owner, '/holidays');
    const dates = holidays.map((h: Json) => h.date as string);
    expect(dates[0]).toBe('2026-12-25');
    expect(dates).toContain('2027-09-16');
    expect(dates.every((d: string) => d >= '2026-11-24' && d < '2027-11-24')).toBe(true);
    await expect400(await app().request('GET', `/api/v1/properties/${owner.id}/holidays?year=27`, { key: owner.key }), 'year');
  });
});
