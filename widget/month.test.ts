import { expect } from '@open-wc/testing';
import { shiftMonths } from '../shared/dates.ts';
import { addMonths, monthWeeks } from './month.ts';

describe('month arithmetic for the calendar', () => {
  it('lays out March 2026 in weeks starting on Sunday, with blanks before the 1st', () => {
    const weeks = monthWeeks('2026-03-01', 0);
    expect(weeks[0]).to.deep.equal(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07']);
    expect(weeks.at(-1)).to.deep.equal(['2026-03-29', '2026-03-30', '2026-03-31', null, null, null, null]);
  });

  it('starts weeks on Monday where the locale does', () => {
    const weeks = monthWeeks('2026-03-01', 1);
    expect(weeks[0]).to.deep.equal([null, null, null, null, null, null, '2026-03-01']);
  });

  it('moves across year ends and keeps the day inside shorter months', () => {
    expect(addMonths('2026-12-15', 1)).to.equal('2027-01-01');
    expect(addMonths('2026-01-15', -1)).to.equal('2025-12-01');
    expect(shiftMonths('2026-01-31', 1)).to.equal('2026-02-28');
  });
});
