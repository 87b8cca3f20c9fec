import { Hono } from 'hono';
import { PropertyCreateSchema, PropertyPatchSchema } from '../../shared/schemas/property.ts';
import type { AppDeps, AppEnv } from '../app-env.ts';
import { KEY_SCOPES } from '../../shared/schemas/owner-key.ts';
import { adminAuth, newOwnerKey } from '../auth.ts';
import { isKnownCountry } from '../closures.ts';
import { invalidField } from '../errors.ts';
import { newId } from '../ids.ts';
import { jsonBody } from '../validate.ts';
import { propertyView } from '../views.ts';
import { profileOf } from '../profile-view.ts';

function checkCountry(country: string | undefined) {
  if (country !== undefined && !isKnownCountry(country)) throw invalidField('country', 'Unknown country code');
}

/** POST /api/v1/properties (admin). */
export function adminProperties(deps: AppDeps) {
  return new Hono().post('/', adminAuth(deps), jsonBody(PropertyCreateSchema), async (c) => {
    const body = c.req.valid('json');
    checkCountry(body.country);
    const id = newId('prop');
    const createdAt = deps.clock().toISOString();
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
      maxRoomsPerBooking: body.maxRoomsPerBooking,
      bookingHorizonMonths: body.bookingHorizonMonths,
      balanceCollection: body.balanceCollection,
      cardRetention: body.cardRetention,
      taxes: body.taxes,
      fees: body.fees,
      priceDisplay: body.priceDisplay,
      ...profileOf(body),
      closures: { weekdays: [], publicHolidays: false, dates: [], openHolidays: [] },
      createdAt,
    };
    // Issue 9: the first key has every scope, so it can make the narrower ones.
    const { record: firstKey, secretKey } = newOwnerKey(id, { name: 'First key', scopes: KEY_SCOPES, createdAt });
    await deps.store.createProperty(record, firstKey);
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
