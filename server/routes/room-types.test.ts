import { describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expect400, expectError, json, ownerGet, useTestApp } from '../../test/support/api.ts';

describe.each(backends)('room types API on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);
  const path = (pid: string, id = '') => `/api/v1/properties/${pid}/room-types${id ? `/${id}` : ''}`;

  test('the owner creates a room type and finds it in the list and by id', async () => {
    const owner = await app().createProperty();
    const res = await app().request('POST', path(owner.id), {
      key: owner.key,
      body: { name: 'Ocean Suite', description: 'Sea view', maxGuests: 4, units: 2, images: ['https://cdn.example/suite.jpg'] },
    });
    expect(res.status).toBe(201);
    const { roomType } = await json(res);
    expect(roomType).toEqual({
      id: expect.stringMatching(/^rt_/),
      propertyId: owner.id,
      name: 'Ocean Suite',
      description: 'Sea view',
      maxGuests: 4,
      units: 2,
      images: ['https://cdn.example/suite.jpg'],
      baseOccupancy: 4,
      maxAdults: 4,
      maxChildren: 4,
    });
    expect((await ownerGet(app(), owner, `/room-types/${roomType.id}`)).roomType).toEqual(roomType);
    expect((await ownerGet(app(), owner, '/room-types')).roomTypes).toEqual([roomType]);
  });

  test('a room type without description or images gets none', async () => {
    const owner = await app().createProperty();
    const roomType = await createRoomType(app(), owner, { name: 'Single', maxGuests: 1, units: 5 });
    expect(roomType).toMatchObject({ description: null, images: [], maxGuests: 1, units: 5 });
  });

  test('the owner lists only their own room types', async () => {
    const owner = await app().createProperty();
    const other = await app().createProperty();
    const mine = await createRoomType(app(), owner, { name: 'Mine' });
    await createRoomType(app(), other, { name: 'Theirs' });
    expect((await ownerGet(app(), owner, '/room-types')).roomTypes).toEqual([mine]);
  });

  test('the owner changes the units and the name, and only those', async () => {
    const owner = await app().createProperty();
    const roomType = await createRoomType(app(), owner, { description: 'Cosy' });
    const res = await app().request('PATCH', path(owner.id, roomType.id), { key: owner.key, body: { units: 7, name: 'Twin room' } });
    expect(res.status).toBe(200);
    const expected = { ...roomType, units: 7, name: 'Twin room' };
    expect((await json(res)).roomType).toEqual(expected);
    expect((await ownerGet(app(), owner, `/room-types/${roomType.id}`)).roomType).toEqual(expected);
  });

  test('a deleted room type disappears, and so do its rates', async () => {
    const owner = await app().createProperty();
    const roomType = await createRoomType(app(), owner);
    const keep = await createRoomType(app(), owner, { name: 'Kept' });
    const rate = await createRate(app(), owner, roomType.id);
    const res = await app().request('DELETE', path(owner.id, roomType.id), { key: owner.key });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    await expectError(await app().request('GET', path(owner.id, roomType.id), { key: owner.key }), 404, 'not_found');
    expect((await ownerGet(app(), owner, '/room-types')).roomTypes).toEqual([keep]);
    await expectError(await app().request('GET', `/api/v1/properties/${owner.id}/rates/${rate.id}`, { key: owner.key }), 404);
    await expectError(await app().request('PATCH', path(owner.id, roomType.id), { key: owner.key, body: { units: 1 } }), 404);
    await expectError(await app().request('DELETE', path(owner.id, roomType.id), { key: owner.key }), 404);
  });

  test.each([
    ['no guests', { maxGuests: 0 }, 'maxGuests'],
    ['more than 50 guests', { maxGuests: 51 }, 'maxGuests'],
    ['half a guest', { maxGuests: 1.5 }, 'maxGuests'],
    ['negative units', { units: -1 }, 'units'],
    ['a fractional number of units', { units: 2.5 }, 'units'],
    ['units written as text', { units: '3' }, 'units'],
    ['a blank name', { name: ' ' }, 'name'],
    ['an image that is not a URL', { images: ['suite.jpg'] }, 'images.0'],
    ['an image over plain http', { images: ['https://cdn.example/a.jpg', 'http://cdn.example/suite.jpg'] }, 'images.1'],
    ['a javascript: image', { images: ['javascript:alert(1)'] }, 'images.0'],
    ['a data: image', { images: ['data:image/png;base64,iVBORw0KGgo='] }, 'images.0'],
    ['more than 20 images', { images: Array.from({ length: 21 }, (_, i) => `https://cdn.example/${i}.jpg`) }, 'images'],
  ])('a room type with %s is refused and nothing is created', async (_what, change, field) => {
    const owner = await app().createProperty();
    const existing = await createRoomType(app(), owner);
    const res = await app().request('POST', path(owner.id), {
      key: owner.key,
      body: { name: 'Double room', maxGuests: 2, units: 3, ...change },
    });
    await expect400(res, field);
    expect((await ownerGet(app(), owner, '/room-types')).roomTypes).toEqual([existing]);
  });

  test.each([
    ['no guests', { maxGuests: 0 }, 'maxGuests'],
    ['negative units', { units: -2 }, 'units'],
    ['a fractional number of units', { units: 0.5 }, 'units'],
    ['a blank name', { name: '' }, 'name'],
    ['a null name', { name: null }, 'name'],
    ['an image that is not a URL', { images: ['suite.jpg'] }, 'images.0'],
    ['an image over plain http', { images: ['https://cdn.example/a.jpg', 'http://cdn.example/suite.jpg'] }, 'images.1'],
    ['a javascript: image', { images: ['javascript:alert(1)'] }, 'images.0'],
    ['a data: image', { images: ['data:image/png;base64,iVBORw0KGgo='] }, 'images.0'],
    ['more than 20 images', { images: Array.from({ length: 21 }, (_, i) => `https://cdn.example/${i}.jpg`) }, 'images'],
  ])('a change with %s is refused and the room type stays as it was', async (_what, change, field) => {
    const owner = await app().createProperty();
    const roomType = await createRoomType(app(), owner);
    const res = await app().request('PATCH', path(owner.id, roomType.id), { key: owner.key, body: { units: 9, ...change } });
    await expect400(res, field);
    expect((await ownerGet(app(), owner, `/room-types/${roomType.id}`)).roomType).toEqual(roomType);
  });

  test('an unknown room type id answers 404 to read, change and delete', async () => {
    const owner = await app().createProperty();
    for (const [method, body] of [['GET'], ['PATCH', { units: 1 }], ['DELETE']] as const) {
      await expectError(await app().request(method, path(owner.id, 'rt_nosuchroomtype0'), { key: owner.key, body }), 404, 'not_found');
    }
  });

  test("another property's room type is not found with the owner's own key, and stays untouched", async () => {
    const owner = await app().createProperty();
    const other = await app().createProperty();
    const theirs = await createRoomType(app(), other);
    for (const [method, body] of [['GET'], ['PATCH', { units: 1, name: 'Taken over' }], ['DELETE']] as const) {
      await expectError(await app().request(method, path(owner.id, theirs.id), { key: owner.key, body }), 404, 'not_found');
    }
    expect((await ownerGet(app(), other, `/room-types/${theirs.id}`)).roomType).toEqual(theirs);
  });
});
