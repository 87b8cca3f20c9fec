import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import './db-hold-timer.ts';
import type { DbHoldTimer } from './db-hold-timer.ts';

describe('db-hold-timer', () => {
  it('counts down the minutes and seconds the room is held', async () => {
    const expiresAt = new Date(Date.now() + 14 * 60_000 + 30_500).toISOString();
    const el = await fixture<DbHoldTimer>(html`<db-hold-timer expires-at=${expiresAt}></db-hold-timer>`);
    expect(el.shadowRoot!.querySelector('[role=timer]')!.textContent!.trim()).to.equal('Your room is held for 14:31');
  });

  it('warns in the last minute', async () => {
    const el = await fixture<DbHoldTimer>(html`<db-hold-timer expires-at=${new Date(Date.now() + 30_000).toISOString()}></db-hold-timer>`);
    expect(el.shadowRoot!.querySelector('.timer')!.classList.contains('urgent')).to.equal(true);
    expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.equal('Less than a minute left to complete your booking.');
  });

  it('says when the time has run out', async () => {
    const el = await fixture<DbHoldTimer>(html`<db-hold-timer expires-at=${new Date(Date.now() + 1200).toISOString()}></db-hold-timer>`);
    await oneEvent(el, 'db-expired');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role=timer]')!.textContent).to.contain('0:00');
  });
});
