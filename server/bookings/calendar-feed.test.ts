import { describe, expect, test } from 'vitest';
import { shiftMonths } from '../../shared/dates.ts';
import { FEED_MONTHS, unavailableRuns } from './calendar-feed.ts';

describe('how far the feed looks ahead', () => {
  test.each([
    ['2026-11-24', '2028-05-24'],
    ['2026-08-31', '2028-02-29'],
    ['2027-08-31', '2029-02-28'],
    ['2026-07-31', '2028-01-31'],
    ['2026-12-01', '2028-06-01'],
  ])('eighteen months after %s is %s', (from, to) => {
    expect(shiftMonths(from, FEED_MONTHS)).toBe(to);
  });
});

describe('nights the feed blocks', () => {
  const window = { from: '2026-12-01', to: '2026-12-08', isClosed: () => false, units: 2 };

  test('a night is blocked when every unit is taken, not before', () => {
    const sold = new Map([
      ['2026-12-02', 2],
      ['2026-12-03', 1],
      ['2026-12-04', 2],
    ]);
    expect(unavailableRuns({ ...window, sold })).toEqual([
      { first: '2026-12-02', end: '2026-12-03' },
      { first: '2026-12-04', end: '2026-12-05' },
    ]);
  });

  test('a closed night is blocked even with every room free, and joins sold-out nights next to it', () => {
    const sold = new Map([['2026-12-05', 2]]);
    expect(unavailableRuns({ ...window, sold, isClosed: (night) => night === '2026-12-06' })).toEqual([{ first: '2026-12-05', end: '2026-12-07' }]);
  });

  test('a room type without units is never available', () => {
    expect(unavailableRuns({ ...window, sold: new Map(), units: 0 })).toEqual([{ first: '2026-12-01', end: '2026-12-08' }]);
  });

  test('a run still going at the end of the window ends with it', () => {
    const sold = new Map([['2026-12-07', 2]]);
    expect(unavailableRuns({ ...window, sold })).toEqual([{ first: '2026-12-07', end: '2026-12-08' }]);
  });
});
