import { Hono } from 'hono';
import { PropertyCreateSchema, PropertyPatchSchema } from '../../shared/schemas/property.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { adminAuth } from '../auth.ts';
import { isKnownCountry } from '../closures.ts';
import { invalidField } from '../errors.ts';
import { newId, newPropertyKey, sha256 } from '../ids.ts';
import { jsonBody } from '../validate.ts';
import { propertyView } from '../views.ts';

function checkCountry(country: string | undefined) {
  if (country !== undefined && !isKnownCountry(country)) throw invalidField('country', 'Unknown country code');
}

/** POST /api/v1/properties (admin). */
export function adminProperties(deps: AppDeps) {
  return new Hono().post('/', adminAuth(deps), jsonBody(PropertyCreateSchema), async (c) => {
    const body = c.req.valid('json');
    checkCountry(body.country);
    const id = newId('prop');
    const secretKey = newPropertyKey(id);
    const record = {
      id,
      name: body.name,
      currency: body.currency,
      timezone: body.timezone,
      country: body.country ?? null,
      locale: body.locale,
      paymentMode: body.paymentMode,
      acceptedCardBrands: body.acceptedCardBrands,
      allowedOrigins: body.allowedOrigins,
      email: body.email ?? null,
      description: body.description ?? null,
      pageIndexed: body.pageIndexed,
      keyHash: sha256(secretKey),
      closures: { weekdays: [], publicHolidays: false, dates: [] },
      createdAt: deps.clock().toISOString(),
    };
    await deps.store.createProperty(record);
    // SPEC 3: the key is shown once; only its hash is kept.
    return c.json({ property: propertyView(record), secretKey }, 201);
  });
}

/** GET|PATCH /api/v1/properties/:pid (owner). */
export function ownerProperty(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ property: propertyView(c.get('property')) }))
    .patch('/', jsonBody(PropertyPatchSchema), async (c) => {
      const property = c.get('property');
      const patch = c.req.valid('json');
      checkCountry(patch.country);
      await deps.store.updateProperty(property.id, patch);
      const modeChanged = patch.paymentMode !== undefined && patch.paymentMode !== property.paymentMode;
      const cancelledPending = modeChanged ? await deps.store.cancelPending(property.id, deps.clock().toISOString()) : undefined;
      const updated = (await deps.store.getProperty(property.id))!;
      return c.json({ property: propertyView(updated), ...(modeChanged ? { cancelledPending } : {}) });
    });
}
