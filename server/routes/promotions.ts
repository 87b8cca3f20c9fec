import { Hono } from 'hono';
import { PromotionCreateSchema, PromotionPatchSchema } from '../../shared/schemas/promotion.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { createPromotion, findPromotion, updatePromotion } from '../bookings/promotions.ts';
import { jsonBody } from '../validate.ts';

/** /api/v1/properties/:pid/promotions (owner, `rates` scope): SPEC 2.14. */
export function promotions(deps: AppDeps) {
  const { store } = deps;
  return new Hono<AppEnv>()
    .post('/', jsonBody(PromotionCreateSchema), async (c) => c.json({ promotion: await createPromotion(deps, c.get('property').id, c.req.valid('json')) }, 201))
    .get('/', async (c) => c.json({ promotions: await store.listPromotions(c.get('property').id) }))
    .get('/:id', async (c) => c.json({ promotion: await findPromotion(deps, c.get('property').id, c.req.param('id')) }))
    .patch('/:id', jsonBody(PromotionPatchSchema), async (c) => c.json({ promotion: await updatePromotion(deps, c.get('property').id, c.req.param('id'), c.req.valid('json')) }))
    .delete('/:id', async (c) => {
      const propertyId = c.get('property').id;
      await findPromotion(deps, propertyId, c.req.param('id'));
      await store.deletePromotion(propertyId, c.req.param('id'));
      return c.body(null, 204);
    });
}
