// SPEC 2.21: upgrading makes every rate a plan of its one room type, its prices and weekday
// patterns kept on that room type, so nothing a guest pays changes.
import type { Kysely } from 'kysely';
import { describe, expect, test } from 'vitest';
import { backends } from '../../test/support/api.ts';
import { upgradeFrom } from '../../test/support/old-database.ts';
import { migrateUpTo } from './migrations.ts';

type Row = Record<string, string | number | null>;
interface Before024 {
  properties: Row;
  room_types: Row;
  rates: Row;
  price_overrides: Row;
  price_patterns: Row;
}

describe.each(backends)('upgrading to rate plans on %s', (_name, databaseUrl) => {
  test('a rate keeps its room type, default price, single-date prices and weekday patterns', async () => {
    await upgradeFrom<Before024>(
      databaseUrl,
      '009_property_keys',
      async (old, current) => {
        const at = '2025-01-01T00:00:00.000Z';
        await old
          .insertInto('properties')
          .values({
            id: 'p1',
            name: 'Old Inn',
            currency: 'KRW',
            timezone: 'Asia/Seoul',
            locale: 'ko',
            payment_mode: 'manual',
            accepted_card_brands: '["visa"]',
            allowed_origins: '[]',
            closures: '{"weekdays":[],"publicHolidays":false,"dates":[]}',
            created_at: at,
          })
          .execute();
        await old.insertInto('room_types').values({ id: 'rt1', property_id: 'p1', name: 'Double', max_guests: 2, units: 1, images: '[]', created_at: at }).execute();
        await old
          .insertInto('rates')
          .values({ id: 'flex', property_id: 'p1', room_type_id: 'rt1', name: 'Flexible', nightly_price: 80_000, deposit: '{"type":"none"}', refundable: 1, created_at: at })
          .execute();
        await migrateUpTo(old as Kysely<unknown>, '023_restrictions', current);
        await old.insertInto('price_overrides').values({ rate_id: 'flex', date: '2026-12-24', amount: 150_000 }).execute();
        await old.insertInto('price_patterns').values({ rate_id: 'flex', seq: 1, from_date: '2026-01-01', to_date: null, weekdays: '[5,6]', amount: 100_000 }).execute();
      },
      async (store) => {
        expect(await store.getRate('p1', 'flex')).toMatchObject({ roomTypeId: 'rt1', nightlyPrice: 80_000, roomTypes: [{ roomTypeId: 'rt1', nightlyPrice: 80_000 }], derivedFrom: null });
        const prices = await store.listRatePrices(['flex'], '2026-12-24', '2026-12-26');
        expect(prices.dates).toEqual([{ rateId: 'flex', roomTypeId: 'rt1', date: '2026-12-24', amount: 150_000 }]);
        expect(prices.patterns).toEqual([{ rateId: 'flex', roomTypeId: 'rt1', seq: 1, from: '2026-01-01', to: null, weekdays: [5, 6], amount: 100_000 }]);
      },
    );
  });
});
