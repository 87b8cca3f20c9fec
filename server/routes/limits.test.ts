// Issue 13: a property has at most a configured number of room types and rates, so no availability
// answer or "next available" search grows without bound; archiving one makes room for another.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, createRate, createRoomType, expectError } from '../../test/support/api.ts';
import { createTestApp, type TestApp } from '../../test/support/test-app.ts';

describe.each(backends)('limits per property on %s', (_name, databaseUrl) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ databaseUrl, limits: { rates: 2, roomTypes: 1 } });
  });
  afterAll(() => t.close());

  test('one room type more than the limit is refused with 409 until one is archived', async () => {
    const owner = await t.createProperty();
    const first = await createRoomType(t, owner);
    const refused = await t.request('POST', `/api/v1/properties/${owner.id}/room-types`, { key: owner.key, body: { name: 'One too many', maxGuests: 2, units: 1 } });
    await expectError(refused, 409, 'limit_reached');
    expect((await t.request('GET', `/api/v1/properties/${owner.id}/room-types`, { key: owner.key }).then((r) => r.json())) as unknown).toMatchObject({ roomTypes: [{ id: first.id }] });
    expect((await t.request('DELETE', `/api/v1/properties/${owner.id}/room-types/${first.id}`, { key: owner.key })).status).toBe(204);
    await createRoomType(t, owner, { name: 'In its place' });
  });

  test('one rate more than the limit is refused with 409, and another property has its own allowance', async () => {
    const owner = await t.createProperty();
    const roomType = await createRoomType(t, owner);
    await createRate(t, owner, roomType.id);
    await createRate(t, owner, roomType.id, { name: 'Second' });
    const refused = await t.request('POST', `/api/v1/properties/${owner.id}/rates`, {
      key: owner.key,
      body: { roomTypeId: roomType.id, name: 'Third', nightlyPrice: 10_000, deposit: { type: 'none' } },
    });
    await expectError(refused, 409, 'limit_reached');
    const other = await t.createProperty();
    await createRate(t, other, (await createRoomType(t, other)).id);
  });
});
