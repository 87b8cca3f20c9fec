import { describe, expect, test } from 'vitest';
import { ReadCache } from './read-cache.ts';

describe('the public read cache', () => {
  test('a burst of reads loads once, and a write to the property makes the next read fresh', async () => {
    const cache = new ReadCache(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('p1', 'k', load), cache.get('p1', 'k', load)])).toEqual([1, 1]);
    cache.invalidate('p2');
    expect(await cache.get('p1', 'k', load)).toBe(1);
    cache.invalidate('p1');
    expect(await cache.get('p1', 'k', load)).toBe(2);
  });

  test('an entry ages out after its time to live', async () => {
    const cache = new ReadCache(5);
    let loads = 0;
    await cache.get('p', 'k', async () => ++loads);
    await new Promise((r) => setTimeout(r, 15));
    expect(await cache.get('p', 'k', async () => ++loads)).toBe(2);
  });

  test('past its bound the cache drops what was read longest ago, so a catalog many answers read outlives them', async () => {
    const cache = new ReadCache(60_000, 3);
    let loads = 0;
    const load = async () => ++loads;
    await cache.get('p', 'catalog', load);
    for (const answer of ['a', 'b', 'c', 'd']) {
      await cache.get('p', answer, load);
      expect(await cache.get('p', 'catalog', load)).toBe(1);
    }
    expect(await cache.get('p', 'a', load)).toBe(6);
  });

  test('a failed load is tried again on the next read', async () => {
    const cache = new ReadCache(60_000);
    await expect(cache.get('p', 'k', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('p', 'k', async () => 'up')).toBe('up');
  });
});
