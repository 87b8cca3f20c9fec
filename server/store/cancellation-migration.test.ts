// SPEC 2.16: upgrading gives every rate a cancellation policy that means what `refundable` meant.
import { describe, expect, test } from 'vitest';
import { backends } from '../../test/support/api.ts';
import { upgradeFrom } from '../../test/support/old-database.ts';

interface Before011 {
  properties: Record<string, string | number | null>;
  room_types: Record<string, string | number | null>;
  rates: Record<string, string | number | null>;
}

describe.each(backends)('upgrading to cancellation policies on %s', (_name, databaseUrl) => {
  test('a refundable rate refunds everything until arrival, a non-refundable one nothing', async () => {
    await upgradeFrom<Before011>(
      databaseUrl,
      '009_property_keys',
      async (old) => {
        const at = '2025-01-01T00:00:00.000Z';
        await old
          .insertInto('properties')
          .values({
            id: 'p1',
            name: 'Old Inn',
            currency: 'USD',
            timezone: 'Asia/Seoul',
            locale: 'en',
            payment_mode: 'manual',
            accepted_card_brands: '["visa"]',
            allowed_origins: '[]',
            closures: '{"weekdays":[],"publicHolidays":false,"dates":[]}',
            created_at: at,
          })
          .execute();
        await old.insertInto('room_types').values({ id: 'rt1', property_id: 'p1', name: 'Double', max_guests: 2, units: 1, images: '[]', created_at: at }).execute();
        for (const [id, refundable] of [
          ['flex', 1],
          ['saver', 0],
        ] as const) {
          await old
            .insertInto('rates')
            .values({ id, property_id: 'p1', room_type_id: 'rt1', name: id, nightly_price: 10_000, deposit: '{"type":"none"}', refundable, created_at: at })
            .execute();
        }
      },
      async (store) => {
        expect(await store.getRate('p1', 'flex')).toMatchObject({ refundable: true, cancellationPolicy: { tiers: [{ daysBefore: 0, refundPercent: 100 }] } });
        expect(await store.getRate('p1', 'saver')).toMatchObject({ refundable: false, cancellationPolicy: { tiers: [] } });
      },
    );
  });
});
