import { describe, expect, test } from 'vitest';
import { backends, expect400, expectError, json, useTestApp } from '../../test/support/api.ts';
import { PROFILE_DEFAULTS } from '../../shared/schemas/profile.ts';
import { sha256 } from '../ids.ts';

const VALID = { name: 'Harbour View Inn', currency: 'USD', timezone: 'Asia/Seoul', paymentMode: 'manual' };

describe.each(backends)('properties API on %s', (_name, databaseUrl) => {
  const app = useTestApp(databaseUrl);

  const create = (body: unknown, key: string | null = app().adminToken) => app().request('POST', '/api/v1/properties', { key: key ?? undefined, body });

  describe('creating a property', () => {
    test('an admin creates a property and gets its secret key once, with sensible defaults', async () => {
      const res = await create({ ...VALID, country: 'KR', allowedOrigins: ['https://harbourview.example'] });
      expect(res.status).toBe(201);
      const body = await json(res);
      const id = body.property.id as string;
      expect(body.secretKey).toMatch(new RegExp(`^dbk\\.${id}\\.[\\w-]{20,}$`));
      expect(body.property).toEqual({
        id,
        name: 'Harbour View Inn',
        currency: 'USD',
        timezone: 'Asia/Seoul',
        country: 'KR',
        locale: 'en',
        paymentMode: 'manual',
        acceptedCardBrands: ['visa', 'mastercard', 'amex'],
        allowedOrigins: ['https://harbourview.example'],
        email: null,
        description: null,
        pageIndexed: true,
        maxRoomsPerBooking: 4,
        bookingHorizonMonths: 18,
        balanceCollection: null,
        cardRetention: 'until_deposit_charged',
        taxes: [],
        fees: [],
        priceDisplay: 'total',
        ...PROFILE_DEFAULTS,
        createdAt: '2026-11-24T03:00:00.000Z',
      });
    });

    test('the secret key is never shown again when the owner reads the property', async () => {
      const created = await json(await create(VALID));
      const secret = (created.secretKey as string).split('.')[2]!;
      const res = await app().request('GET', `/api/v1/properties/${created.property.id}`, { key: created.secretKey });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/secretKey|keyHash/);
      expect(JSON.parse(text).property).toEqual(created.property);
    });

    test('the secret key is stored only as a hash', async () => {
      const created = await json(await create(VALID));
      const found = await app().store.ownerKeyByHash(sha256(created.secretKey));
      expect(found?.property.id).toBe(created.property.id);
      const secret = (created.secretKey as string).split('.')[2]!;
      expect(JSON.stringify(await app().store.listOwnerKeys(created.property.id))).not.toContain(secret);
    });

    test('each property gets its own key', async () => {
      const a = await json(await create(VALID));
      const b = await json(await create(VALID));
      expect(a.property.id).not.toBe(b.property.id);
      expect(a.secretKey).not.toBe(b.secretKey);
    });

    test('creating a property needs the admin token', async () => {
      const before = await app().store.countProperties();
      await expectError(await create(VALID, null), 401, 'unauthorized');
      await expectError(await create(VALID, 'not-the-admin-token'), 401, 'unauthorized');
      await expectError(await app().request('POST', '/api/v1/properties', { body: VALID, headers: { authorization: `Basic ${app().adminToken}` } }), 401);
      expect(await app().store.countProperties()).toBe(before);
    });

    test("a property's own key cannot create properties", async () => {
      const owner = await app().createProperty();
      const before = await app().store.countProperties();
      await expectError(await create(VALID, owner.key), 401, 'unauthorized');
      expect(await app().store.countProperties()).toBe(before);
    });

    test.each([
      ['an unknown currency', { currency: 'XXY' }, 'currency'],
      ['a lower-case currency', { currency: 'usd' }, 'currency'],
      ['an unknown time zone', { timezone: 'Mars/Olympus_Mons' }, 'timezone'],
      ['an unknown country', { country: 'XX' }, 'country'],
      ['a country that is not a code', { country: 'Korea' }, 'country'],
      ['an origin without a scheme', { allowedOrigins: ['harbourview.example'] }, 'allowedOrigins.0'],
      ['an origin with a path', { allowedOrigins: ['https://harbourview.example/book'] }, 'allowedOrigins.0'],
      ['an origin with a query string', { allowedOrigins: ['https://harbourview.example?utm=x'] }, 'allowedOrigins.0'],
      ['an origin with credentials', { allowedOrigins: ['https://owner:pw@harbourview.example'] }, 'allowedOrigins.0'],
      ['a wildcard origin', { allowedOrigins: ['*'] }, 'allowedOrigins.0'],
      ['a locale we do not ship', { locale: 'fr' }, 'locale'],
      ['an unknown payment mode', { paymentMode: 'cash' }, 'paymentMode'],
      ['an unknown card brand', { acceptedCardBrands: ['visa', 'maestro'] }, 'acceptedCardBrands.1'],
      ['no accepted card brand', { acceptedCardBrands: [] }, 'acceptedCardBrands'],
      ['a blank name', { name: '   ' }, 'name'],
      ['no name', { name: undefined }, 'name'],
      ['a malformed e-mail', { email: 'frontdesk-at-example' }, 'email'],
    ])('a property with %s is refused and nothing is created', async (_what, change, path) => {
      const before = await app().store.countProperties();
      await expect400(await create({ ...VALID, ...change }), path);
      expect(await app().store.countProperties()).toBe(before);
    });
  });

  describe('reading and changing a property', () => {
    test('the owner changes the name, locale, origins, country and e-mail', async () => {
      const owner = await app().createProperty();
      const change = {
        name: 'Harbour View Guesthouse',
        locale: 'ko',
        allowedOrigins: ['https://harbourview.example', 'http://localhost:5173'],
        country: 'KR',
        email: 'frontdesk@harbourview.example',
        acceptedCardBrands: ['visa', 'jcb'],
      };
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, { key: owner.key, body: change });
      expect(res.status).toBe(200);
      expect((await json(res)).property).toEqual({ ...owner.property, ...change });
      const read = await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key });
      expect((await json(read)).property).toEqual({ ...owner.property, ...change });
    });

    test('a patch cannot change the id, creation time or key of a property', async () => {
      const owner = await app().createProperty();
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, {
        key: owner.key,
        body: { id: 'prop_hijacked', createdAt: '2020-01-01T00:00:00Z', keyHash: 'a'.repeat(64), secretKey: 'dbk.x.y' },
      });
      expect(res.status).toBe(200);
      expect((await json(res)).property).toEqual(owner.property);
      const read = await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key });
      expect(read.status).toBe(200);
      expect(await app().store.getProperty('prop_hijacked')).toBeUndefined();
    });

    test.each([
      ['an unknown currency', { currency: 'XXY' }, 'currency'],
      ['an unknown time zone', { timezone: 'Asia/Atlantis' }, 'timezone'],
      ['an unknown country', { country: 'XX' }, 'country'],
      ['a malformed origin', { allowedOrigins: ['https://harbourview.example/'] }, 'allowedOrigins.0'],
      ['more than 50 origins', { allowedOrigins: Array.from({ length: 51 }, (_, i) => `https://site${i}.example`) }, 'allowedOrigins'],
      ['a locale we do not ship', { locale: 'de' }, 'locale'],
      ['no accepted card brand', { acceptedCardBrands: [] }, 'acceptedCardBrands'],
      ['a blank name', { name: '' }, 'name'],
    ])('a change with %s is refused and the property stays as it was', async (_what, change, path) => {
      const owner = await app().createProperty({ country: 'KR', allowedOrigins: ['https://harbourview.example'] });
      const recordBefore = await app().store.getProperty(owner.id);
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, {
        key: owner.key,
        // A valid field next to the bad one must not be applied either.
        body: { name: 'Renamed', ...change },
      });
      await expect400(res, path);
      const read = await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key });
      expect((await json(read)).property).toEqual(owner.property);
      expect(await app().store.getProperty(owner.id)).toEqual(recordBefore);
    });

    test('switching the payment mode tells the owner how many pending bookings it cancelled', async () => {
      const owner = await app().createProperty({ paymentMode: 'manual' });
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, { key: owner.key, body: { paymentMode: 'stripe' } });
      expect(res.status).toBe(200);
      const body = await json(res);
      expect(body.property.paymentMode).toBe('stripe');
      // SPEC 2.8: no booking was pending, and the answer says so.
      expect(body.cancelledPending).toBe(0);
    });

    test('a body not declared as JSON is refused and the property stays as it was', async () => {
      const owner = await app().createProperty();
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, {
        key: owner.key,
        body: JSON.stringify({ name: 'Renamed' }),
        headers: { 'content-type': 'text/plain' },
      });
      await expectError(res, 415, 'unsupported_media_type');
      const read = await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key });
      expect((await json(read)).property).toEqual(owner.property);
    });

    test('a body over 64 KiB is refused and the property stays as it was', async () => {
      const owner = await app().createProperty();
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, {
        key: owner.key,
        body: { name: 'Renamed', description: 'x'.repeat(65 * 1024) },
      });
      await expectError(res, 413, 'payload_too_large');
      const read = await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key });
      expect((await json(read)).property).toEqual(owner.property);
    });

    test('a body that is not JSON is refused and the property stays as it was', async () => {
      const owner = await app().createProperty();
      const res = await app().request('PATCH', `/api/v1/properties/${owner.id}`, {
        key: owner.key,
        body: '{"name": "Half',
      });
      await expectError(res, 400, 'malformed_json');
      const read = await app().request('GET', `/api/v1/properties/${owner.id}`, { key: owner.key });
      expect((await json(read)).property).toEqual(owner.property);
    });
  });
});
