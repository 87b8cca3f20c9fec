// Issue 9: upgrading keeps every property's one key working, now as its first named key with every scope.
import { describe, expect, test } from 'vitest';
import { KEY_SCOPES } from '../../shared/schemas/owner-key.ts';
import { backends } from '../../test/support/api.ts';
import { upgradeFrom } from '../../test/support/old-database.ts';
import { newPropertyKey, sha256 } from '../ids.ts';

interface Yesterday {
  properties: Record<string, string | number | null>;
}

describe.each(backends)('upgrading to named keys on %s', (_name, databaseUrl) => {
  test('a property made before keys had names keeps its key, now named and with every scope', async () => {
    const key = newPropertyKey('prop_old');
    await upgradeFrom<Yesterday>(
      databaseUrl,
      '006_channel_sync',
      async (old) => {
        await old
          .insertInto('properties')
          .values({
            id: 'prop_old',
            name: 'Old Inn',
            currency: 'USD',
            timezone: 'Asia/Seoul',
            country: null,
            locale: 'en',
            payment_mode: 'manual',
            accepted_card_brands: '["visa"]',
            allowed_origins: '[]',
            email: null,
            description: null,
            key_hash: sha256(key),
            closures: '{"weekdays":[],"publicHolidays":false,"dates":[]}',
            created_at: '2025-01-01T00:00:00.000Z',
            page_indexed: 1,
          })
          .execute();
      },
      async (store) => {
        const found = await store.ownerKeyByHash(sha256(key));
        expect(found?.property).toMatchObject({ id: 'prop_old', name: 'Old Inn' });
        expect(found?.key).toMatchObject({ propertyId: 'prop_old', name: 'First key', scopes: [...KEY_SCOPES], createdAt: '2025-01-01T00:00:00.000Z', revokedAt: null });
        expect(await store.getProperty('prop_old')).not.toHaveProperty('keyHash');
      },
    );
  });
});
