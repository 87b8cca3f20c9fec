import { describe, expect, test } from 'vitest';
import { backends, expect400, json, ownerGet, useTestApp } from '../../test/support/api.ts';

describe.each(backends)('closures API on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const path = (pid: string) => `/api/v1/properties/${pid}/closures`;

  test('a new property is never closed', async () => {
    const owner = await app().createProperty();
    expect(await ownerGet(app(), owner, '/closures')).toEqual({ closures: { weekdays: [], publicHolidays: false, dates: [], openHolidays: [] } });
  });

  test('the owner closes weekly days and dates, kept sorted and without repeats', async () => {
    const owner = await app().createProperty();
    const res = await app().request('PUT', path(owner.id), {
      key: owner.key,
      body: { weekdays: [1, 0, 1], dates: ['2026-12-31', '2026-12-24', '2026-12-31'] },
    });
    expect(res.status).toBe(200);
    const expected = { weekdays: [0, 1], publicHolidays: false, dates: ['2026-12-24', '2026-12-31'], openHolidays: [] };
    expect(await json(res)).toEqual({ closures: expected });
    expect(await ownerGet(app(), owner, '/closures')).toEqual({ closures: expected });
  });

  test('closing again replaces the earlier closures', async () => {
    const owner = await app().createProperty();
    await app().request('PUT', path(owner.id), { key: owner.key, body: { weekdays: [1], dates: ['2026-12-24'] } });
    const res = await app().request('PUT', path(owner.id), { key: owner.key, body: { dates: ['2027-01-01'] } });
    expect(res.status).toBe(200);
    expect(await ownerGet(app(), owner, '/closures')).toEqual({
      closures: { weekdays: [], publicHolidays: false, dates: ['2027-01-01'], openHolidays: [] },
    });
  });

  test('a property with a country closes on its public holidays when the owner opts in', async () => {
    const owner = await app().createProperty({ country: 'KR' });
    const res = await app().request('PUT', path(owner.id), { key: owner.key, body: { publicHolidays: true } });
    expect(res.status).toBe(200);
    expect((await ownerGet(app(), owner, '/closures')).closures.publicHolidays).toBe(true);
  });

  test('public holidays cannot be switched on before the property has a country', async () => {
    const owner = await app().createProperty();
    await app().request('PUT', path(owner.id), { key: owner.key, body: { weekdays: [2] } });
    const res = await app().request('PUT', path(owner.id), { key: owner.key, body: { publicHolidays: true, weekdays: [3] } });
    await expect400(res, 'publicHolidays');
    expect(await ownerGet(app(), owner, '/closures')).toEqual({ closures: { weekdays: [2], publicHolidays: false, dates: [], openHolidays: [] } });
  });

  test.each([
    ['weekday 7', { weekdays: [7] }, 'weekdays.0'],
    ['a negative weekday', { weekdays: [1, -1] }, 'weekdays.1'],
    ['half a weekday', { weekdays: [2.5] }, 'weekdays.0'],
    ['a weekday written as a name', { weekdays: ['monday'] }, 'weekdays.0'],
    ['a date that does not exist', { dates: ['2026-02-30'] }, 'dates.0'],
    ['a date in another format', { dates: ['2026-12-24', '24/12/2026'] }, 'dates.1'],
    ['a public holidays flag that is not a boolean', { publicHolidays: 'yes' }, 'publicHolidays'],
    ['an open holiday that is not a date', { publicHolidays: true, openHolidays: ['2027-02-30'] }, 'openHolidays.0'],
  ])('closures with %s are refused and nothing changes', async (_what, body, field) => {
    const owner = await app().createProperty({ country: 'KR' });
    const before = { weekdays: [1], publicHolidays: false, dates: ['2026-12-24'], openHolidays: [] };
    await app().request('PUT', path(owner.id), { key: owner.key, body: before });
    await expect400(await app().request('PUT', path(owner.id), { key: owner.key, body: { dates: ['2027-01-01'], ...body } }), field);
    expect(await ownerGet(app(), owner, '/closures')).toEqual({ closures: before });
  });

  test('closures are kept apart from the property an owner reads', async () => {
    const owner = await app().createProperty();
    await app().request('PUT', path(owner.id), { key: owner.key, body: { weekdays: [1] } });
    expect((await ownerGet(app(), owner, '')).property).toEqual(owner.property);
  });
});
