import { Hono } from 'hono';
import { RoomTypeCreateSchema, RoomTypePatchSchema } from '../../shared/schemas/room-type.ts';
import { limitsOf } from '../../shared/occupancy.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { DEFAULT_LIMITS, limitReached, notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { jsonBody } from '../validate.ts';
import { occupancyPatch } from '../room-type-occupancy.ts';

/** /api/v1/properties/:pid/room-types (owner). */
export function roomTypes(deps: AppDeps) {
  const { store } = deps;
  const find = async (propertyId: string, id: string) => (await store.getRoomType(propertyId, id)) ?? Promise.reject(notFound('Room type'));

  return new Hono<AppEnv>()
    .post('/', jsonBody(RoomTypeCreateSchema), async (c) => {
      const body = c.req.valid('json');
      const limit = deps.config.limits?.roomTypes ?? DEFAULT_LIMITS.roomTypes;
      if ((await store.listRoomTypes(c.get('property').id)).length >= limit) throw limitReached('room types', limit);
      const roomType = { id: newId('rt'), propertyId: c.get('property').id, ...body, description: body.description ?? null };
      await store.createRoomType(roomType);
      return c.json({ roomType: { ...roomType, ...limitsOf(roomType) } }, 201);
    })
    .get('/', async (c) => c.json({ roomTypes: await store.listRoomTypes(c.get('property').id) }))
    .get('/:id', async (c) => c.json({ roomType: await find(c.get('property').id, c.req.param('id')) }))
    .patch('/:id', jsonBody(RoomTypePatchSchema), async (c) => {
      const propertyId = c.get('property').id;
      const current = await find(propertyId, c.req.param('id'));
      await store.updateRoomType(propertyId, c.req.param('id'), occupancyPatch(current, c.req.valid('json')));
      return c.json({ roomType: await find(propertyId, c.req.param('id')) });
    })
    .delete('/:id', async (c) => {
      const propertyId = c.get('property').id;
      await find(propertyId, c.req.param('id'));
      await store.archiveRoomType(propertyId, c.req.param('id'), deps.clock().toISOString());
      return c.body(null, 204);
    });
}
