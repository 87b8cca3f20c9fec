import { describe, expect, test } from 'vitest';
import { backends, createExtra, expect400, expectError, json, ownerGet, useTestApp } from '../../test/support/api.ts';

describe.each(backends)('extras API on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const path = (pid: string, id = '') => `/api/v1/properties/${pid}/extras${id ? `/${id}` : ''}`;

  test.each(['stay', 'night', 'guest', 'guest_night'])('the owner offers an extra charged per %s', async (per) => {
    const owner = await app().createProperty();
    const res = await app().request('POST', path(owner.id), {
      key: owner.key,
      body: { name: 'Airport transfer', description: 'One way', price: 3_000, per },
    });
    expect(res.status).toBe(201);
    const { extra } = await json(res);
    expect(extra).toEqual({
      id: expect.stringMatching(/^ex_/),
      propertyId: owner.id,
      name: 'Airport transfer',
      description: 'One way',
      price: 3_000,
      per,
      // SPEC 2.3: priced per guest or night, it is taken once; per stay, up to 10.
      maxQuantity: per === 'stay' ? 10 : 1,
    });
    expect((await ownerGet(app(), owner, `/extras/${extra.id}`)).extra).toEqual(extra);
    expect((await ownerGet(app(), owner, '/extras')).extras).toEqual([extra]);
  });

  test('an extra may be free', async () => {
    const owner = await app().createProperty();
    const extra = await createExtra(app(), owner, { name: 'Welcome drink', price: 0, per: 'guest' });
    expect(extra).toMatchObject({ price: 0, description: null });
  });

  test('the owner changes an extra’s price and keeps the rest', async () => {
    const owner = await app().createProperty();
    const extra = await createExtra(app(), owner);
    const res = await app().request('PATCH', path(owner.id, extra.id), { key: owner.key, body: { price: 1_800 } });
    expect(res.status).toBe(200);
    expect((await json(res)).extra).toEqual({ ...extra, price: 1_800 });
    expect((await ownerGet(app(), owner, `/extras/${extra.id}`)).extra).toEqual({ ...extra, price: 1_800 });
  });

  test('a deleted extra is no longer listed nor offered to guests', async () => {
    const owner = await app().createProperty();
    const gone = await createExtra(app(), owner, { name: 'Gone' });
    const kept = await createExtra(app(), owner, { name: 'Kept' });
    const res = await app().request('DELETE', path(owner.id, gone.id), { key: owner.key });
    expect(res.status).toBe(204);
    expect((await ownerGet(app(), owner, '/extras')).extras).toEqual([kept]);
    await expectError(await app().request('GET', path(owner.id, gone.id), { key: owner.key }), 404, 'not_found');
    const info = await json(await app().request('GET', `/api/v1/public/properties/${owner.id}`));
    expect(info.extras).toEqual([kept]);
  });

  test.each([
    ['a negative price', { price: -100 }, 'price'],
    ['a price in fractions of a cent', { price: 12.5 }, 'price'],
    ['a price written as text', { price: '15' }, 'price'],
    ['an unknown charging unit', { per: 'week' }, 'per'],
    ['no charging unit', { per: undefined }, 'per'],
    ['a blank name', { name: '  ' }, 'name'],
  ])('an extra with %s is refused and nothing is created', async (_what, change, field) => {
    const owner = await app().createProperty();
    const existing = await createExtra(app(), owner);
    const res = await app().request('POST', path(owner.id), {
      key: owner.key,
      body: { name: 'Parking', price: 1_000, per: 'night', ...change },
    });
    await expect400(res, field);
    expect((await ownerGet(app(), owner, '/extras')).extras).toEqual([existing]);
  });

  test.each([
    ['a negative price', { price: -1 }, 'price'],
    ['a fractional price', { price: 0.5 }, 'price'],
    ['an unknown charging unit', { per: 'month' }, 'per'],
    ['a blank name', { name: '' }, 'name'],
  ])('a change with %s is refused and the extra stays as it was', async (_what, change, field) => {
    const owner = await app().createProperty();
    const extra = await createExtra(app(), owner);
    const res = await app().request('PATCH', path(owner.id, extra.id), { key: owner.key, body: { name: 'Renamed', ...change } });
    await expect400(res, field);
    expect((await ownerGet(app(), owner, `/extras/${extra.id}`)).extra).toEqual(extra);
  });

  test('an unknown extra id answers 404 to read, change and delete', async () => {
    const owner = await app().createProperty();
    for (const [method, body] of [['GET'], ['PATCH', { price: 1 }], ['DELETE']] as const) {
      await expectError(await app().request(method, path(owner.id, 'ex_nosuchextra000'), { key: owner.key, body }), 404, 'not_found');
    }
  });

  test("another property's extra is not found with the owner's own key, and stays untouched", async () => {
    const owner = await app().createProperty();
    const other = await app().createProperty();
    const theirs = await createExtra(app(), other);
    for (const [method, body] of [['GET'], ['PATCH', { price: 1 }], ['DELETE']] as const) {
      await expectError(await app().request(method, path(owner.id, theirs.id), { key: owner.key, body }), 404, 'not_found');
    }
    expect((await ownerGet(app(), other, `/extras/${theirs.id}`)).extra).toEqual(theirs);
    expect((await ownerGet(app(), owner, '/extras')).extras).toEqual([]);
  });
});
