import { describe, expect, test } from 'vitest';
import { adjustOverrides, adjustPrice, planKey, planRoomsLeft, plansByKey } from './rate-plans.ts';

describe('derived prices', () => {
  test('10% below the parent rounds half-up to the minor unit', () => {
    expect(adjustPrice(100_000, { percent: -10 })).toBe(90_000);
    expect(adjustPrice(15, { percent: -10 })).toBe(14); // 13.5 → 14
    expect(adjustPrice(25, { percent: -2.5 })).toBe(24); // 24.375 → 24
    expect(adjustPrice(1_005, { percent: 12.35 })).toBe(1_129); // 1129.1175 → 1129
  });

  test('an amount adjusts every night and never takes the price below 0', () => {
    expect(adjustPrice(10_000, { amount: 2_500 })).toBe(12_500);
    expect(adjustPrice(10_000, { amount: -12_000 })).toBe(0);
    expect(adjustPrice(10_000, { percent: -100 })).toBe(0);
  });

  test('overrides are adjusted night by night', () => {
    expect([...adjustOverrides(new Map([['2027-01-01', 20_000]]), { percent: -10 })]).toEqual([['2027-01-01', 18_000]]);
  });

  test('a plan key names the room type only when one is asked for', () => {
    expect(planKey('rate_1')).toBe('rate_1');
    expect(planKey('rate_1', 'rt_2')).toBe('rate_1|rt_2');
  });
});

describe('plans across room types', () => {
  const flexible = { id: 'flex', maxRoomsPerNight: 3, maxRoomsTotal: 10 };
  const sold = (night: number, total: number) => ({ rateSold: () => night, rateSoldTotal: () => total });

  test('the id alone finds the first room type; the key finds each', () => {
    const byKey = plansByKey([
      { id: 'flex', roomTypeId: 'double', nightlyPrice: 100 },
      { id: 'flex', roomTypeId: 'suite', nightlyPrice: 200 },
    ]);
    expect(byKey.get('flex')!.nightlyPrice).toBe(100);
    expect(byKey.get(planKey('flex', 'suite'))!.nightlyPrice).toBe(200);
  });

  test('rooms left on a plan are the fewer of its nightly and total caps, whatever room types sold them', () => {
    expect(planRoomsLeft(flexible, ['2027-01-01'], sold(1, 5))).toBe(2);
    expect(planRoomsLeft(flexible, ['2027-01-01'], sold(0, 9))).toBe(1);
    expect(planRoomsLeft({ ...flexible, maxRoomsTotal: null }, ['2027-01-01'], sold(4, 0))).toBe(0);
    expect(planRoomsLeft({ id: 'open', maxRoomsPerNight: null, maxRoomsTotal: null }, ['2027-01-01'], sold(99, 99))).toBe(Number.POSITIVE_INFINITY);
  });
});
