import { Hono } from 'hono';
import * as v from 'valibot';
import { ClosuresSchema } from '../../shared/schemas/property.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { invalidField } from '../errors.ts';
import { jsonBody } from '../validate.ts';

/** GET|PUT /api/v1/properties/:pid/closures (owner), SPEC 2.6 and 2.22. */
export function closures(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => {
      // Closures stored before openHolidays existed read as none kept open.
      return c.json({ closures: v.parse(ClosuresSchema, c.get('property').closures) });
    })
    .put('/', jsonBody(ClosuresSchema), async (c) => {
      const property = c.get('property');
      const body = c.req.valid('json');
      if (body.publicHolidays && !property.country) {
        throw invalidField('publicHolidays', "Set the property's country first: holidays are looked up by country");
      }
      const closures = {
        weekdays: [...new Set(body.weekdays)].sort(),
        publicHolidays: body.publicHolidays,
        dates: [...new Set(body.dates)].sort(),
        openHolidays: [...new Set(body.openHolidays)].sort(),
      };
      await deps.store.updateProperty(property.id, { closures });
      return c.json({ closures });
    });
}
