import { Hono } from 'hono';
import { ExtraCreateSchema, ExtraPatchSchema } from '../../shared/schemas/extra.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { notFound } from '../errors.ts';
import { newId } from '../ids.ts';
import { jsonBody } from '../validate.ts';

/** /api/v1/properties/:pid/extras (owner). */
export function extras(deps: AppDeps) {
  const { store } = deps;
  const find = async (propertyId: string, id: string) => (await store.getExtra(propertyId, id)) ?? Promise.reject(notFound('Extra'));

  return new Hono<AppEnv>()
    .post('/', jsonBody(ExtraCreateSchema), async (c) => {
      const body = c.req.valid('json');
      const extra = { id: newId('ex'), propertyId: c.get('property').id, ...body, description: body.description ?? null };
      await store.createExtra(extra);
      return c.json({ extra: await find(extra.propertyId, extra.id) }, 201);
    })
    .get('/', async (c) => c.json({ extras: await store.listExtras(c.get('property').id) }))
    .get('/:id', async (c) => c.json({ extra: await find(c.get('property').id, c.req.param('id')) }))
    .patch('/:id', jsonBody(ExtraPatchSchema), async (c) => {
      const propertyId = c.get('property').id;
      await find(propertyId, c.req.param('id'));
      await store.updateExtra(propertyId, c.req.param('id'), c.req.valid('json'));
      return c.json({ extra: await find(propertyId, c.req.param('id')) });
    })
    .delete('/:id', async (c) => {
      const propertyId = c.get('property').id;
      await find(propertyId, c.req.param('id'));
      await store.archiveExtra(propertyId, c.req.param('id'), deps.clock().toISOString());
      return c.body(null, 204);
    });
}
