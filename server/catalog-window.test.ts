import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRate, createRoomType } from '../test/support/api.ts';
import { createTestApp, type TestApp } from '../test/support/test-app.ts';
import { addDays, daysBetween } from '../shared/dates.ts';
import { catalogCovering, occupancyCovering, windowOf } from './catalog-window.ts';
import { ReadCache } from './read-cache.ts';
import type { PropertyRecord, Store } from './store/store.ts';

/** The store, counting the reads of room types (one per catalog) and of what room types sold (one per count). */
function counting(store: Store) {
  const reads = { catalogs: 0, sold: 0 };
  const counted = new Proxy(store, {
    get(target, name, receiver) {
      if (name === 'listRoomTypes') reads.catalogs++;
      if (name === 'roomTypeSold') reads.sold++;
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
  return { store: counted, reads };
}

describe('the windows availability reads', () => {
  test('cover the nights asked about, start on a 64-night step and are the same for stays starting in one step', () => {
    const dates = fc.integer({ min: 0, max: 3_000 }).map((n) => addDays('2025-01-01', n));
    fc.assert(
      fc.property(dates, fc.integer({ min: 1, max: 90 }), (from, nights) => {
        const to = addDays(from, nights);
        const window = windowOf(from, to);
        expect(window.from <= from && to <= window.to).toBe(true);
        expect(daysBetween('1970-01-01', window.from) % 64).toBe(0);
        expect(daysBetween('1970-01-01', window.to) % 64).toBe(0);
        expect(daysBetween(window.from, window.to)).toBeGreaterThanOrEqual(128);
        if (daysBetween(window.from, to) <= 128) expect(windowOf(window.from, addDays(window.from, 1))).toEqual(window);
      }),
    );
  });
});

describe('catalogs and sales kept for availability', () => {
  let t: TestApp;
  let property: PropertyRecord;
  beforeAll(async () => {
    t = await createTestApp();
    const owner = await t.createProperty();
    const roomType = await createRoomType(t, owner);
    await createRate(t, owner, roomType.id);
    property = (await t.store.getProperty(owner.id))!;
  });
  afterAll(() => t.close());

  test('a year of different check-ins reads a catalog once per window, not once per stay', async () => {
    const cache = new ReadCache(60_000);
    const { store, reads } = counting(t.store);
    for (let day = 0; day < 365; day++) {
      const checkIn = addDays('2026-12-01', day);
      const catalog = await catalogCovering(cache, store, property, checkIn, addDays(checkIn, 3));
      expect(catalog.rates).toHaveLength(1);
    }
    expect(reads.catalogs).toBeLessThanOrEqual(Math.ceil(365 / 64) + 1);
  });

  test('what is sold is counted once per second of the clock, and again after a write', async () => {
    const cache = new ReadCache(60_000);
    const { store, reads } = counting(t.store);
    const at = new Date('2026-11-24T03:00:00.100Z');
    const sold = async (now: Date, checkIn = '2026-12-01') => {
      const catalog = await catalogCovering(cache, store, property, checkIn, addDays(checkIn, 2));
      return occupancyCovering(cache, store, catalog, checkIn, addDays(checkIn, 62), now);
    };
    await sold(at);
    await sold(new Date(at.getTime() + 800), '2026-12-02');
    expect(reads.sold).toBe(1);
    await sold(new Date(at.getTime() + 1_000));
    expect(reads.sold).toBe(2);
    cache.invalidate(property.id);
    await sold(new Date(at.getTime() + 1_000));
    expect(reads).toEqual({ catalogs: 2, sold: 3 });
  });
});
