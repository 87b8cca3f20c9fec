import { Hono } from 'hono';
import { addDays } from '../../shared/dates.ts';
import { MAX_RESTRICTIONS, RestrictionsQuerySchema, RestrictionsUpdateSchema } from '../../shared/schemas/restrictions.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { invalidField, notFound } from '../errors.ts';
import { effectiveRestrictions } from '../restrictions.ts';
import { jsonBody, query } from '../validate.ts';

/** /api/v1/properties/:pid/rates/:id/restrictions (owner, SPEC 2.22). */
export function restrictions(deps: AppDeps) {
  const { store } = deps;
  const find = async (propertyId: string, id: string) => (await store.getRate(propertyId, id)) ?? Promise.reject(notFound('Rate'));

  return new Hono<AppEnv>()
    .put('/', jsonBody(RestrictionsUpdateSchema), async (c) => {
      const rate = await find(c.get('property').id, c.req.param('id') ?? '');
      // Merged by date and rule with what is stored; later entries win where they overlap, as the owner wrote them.
      const updated = await store.updateRestrictions(rate.id, c.req.valid('json').restrictions);
      if (updated === 'too_many_restrictions') throw invalidField('restrictions', `A rate keeps at most ${MAX_RESTRICTIONS} restrictions`);
      return c.json({ rateId: rate.id, ...updated });
    })
    .get('/', query(RestrictionsQuerySchema), async (c) => {
      const rate = await find(c.get('property').id, c.req.param('id') ?? '');
      const { from, to } = c.req.valid('query');
      return c.json({ restrictions: await effectiveRestrictions(store, rate, from, addDays(to, 1)) });
    });
}
