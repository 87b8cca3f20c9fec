import { describe, expect, it } from 'vitest';
import { backoff, DEFAULT_RETRY } from './retry.ts';

const T0 = new Date('2026-02-01T10:00:00.000Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe('retry policies', () => {
  it('waits 1, 2, 4 … minutes between tries by default, never more than an hour', () => {
    const gaps = [1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => (DEFAULT_RETRY({ attempts, createdAt: T0 }, T0)!.getTime() - T0.getTime()) / 60_000);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('schedules no try later than a day after the job was enqueued', () => {
    expect(DEFAULT_RETRY({ attempts: 20, createdAt: T0 }, minutes(23 * 60))).toEqual(minutes(24 * 60));
    expect(DEFAULT_RETRY({ attempts: 20, createdAt: T0 }, minutes(23 * 60 + 1))).toBeNull();
  });

  it('follows the back-off a kind chooses', () => {
    const policy = backoff({ firstMs: 5_000, maxMs: 3_600_000, giveUpAfterMs: 3 * 86_400_000 });
    expect(policy({ attempts: 3, createdAt: T0 }, T0)).toEqual(new Date(T0.getTime() + 20_000));
    expect(policy({ attempts: 30, createdAt: T0 }, minutes(3 * 24 * 60 - 30))).toBeNull();
  });
});
