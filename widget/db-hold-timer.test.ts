import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import './db-hold-timer.ts';
import type { DbHoldTimer } from './db-hold-timer.ts';

// The timer reads this clock, not the wall clock, so every figure below is exact.
const start = Date.parse('2026-03-10T12:00:00Z');
let time = start;
const now = () => time;
const at = (ms: number) => new Date(start + ms).toISOString();

function timer(expiresAt: string) {
  time = start;
  return fixture<DbHoldTimer>(html`<db-hold-timer .now=${now} expires-at=${expiresAt}></db-hold-timer>`);
}

describe('db-hold-timer', () => {
  it('counts down the minutes and seconds the room is held', async () => {
    const el = await timer(at(14 * 60_000 + 30_500));
    expect(el.shadowRoot!.querySelector('[role=timer]')!.textContent.trim()).to.equal('Your room is held for 14:31');
    expect(el.shadowRoot!.querySelector('.timer')!.classList.contains('urgent')).to.equal(false);
  });

  it('warns in the last minute', async () => {
    const el = await timer(at(59_000));
    expect(el.shadowRoot!.querySelector('[role=timer]')!.textContent.trim()).to.equal('Your room is held for 0:59');
    expect(el.shadowRoot!.querySelector('.timer')!.classList.contains('urgent')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('Less than a minute left to complete your booking.');
  });

  it('says when the time has run out', async () => {
    const el = await timer(at(1200));
    expect(el.shadowRoot!.querySelector('[role=timer]')!.textContent).to.contain('0:02');
    time = start + 1200;
    await nextEvent(el, 'db-expired');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=timer]')!.textContent).to.contain('0:00');
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('');
  });
});
