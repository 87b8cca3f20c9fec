import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import './db-expired-step.ts';
import type { DbExpiredStep } from './db-expired-step.ts';

describe('db-expired-step', () => {
  it('says how long the room was held and that nothing was charged', async () => {
    const el = await fixture<DbExpiredStep>(html`<db-expired-step hold-minutes="15"></db-expired-step>`);
    expect(el.shadowRoot!.querySelector('p')!.textContent).to.contain('We held your room for 15 minutes').and.contain('nothing was charged');
  });

  it('lets the guest start again', async () => {
    const el = await fixture<DbExpiredStep>(html`<db-expired-step hold-minutes="15"></db-expired-step>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=primary-button]')!;
    expect(button.textContent).to.equal('Start again');
    setTimeout(() => button.click());
    await nextEvent(el, 'db-continue');
  });

  it('is accessible', async () => {
    const el = await fixture<DbExpiredStep>(html`<db-expired-step hold-minutes="15"></db-expired-step>`);
    await expect(el).to.be.accessible();
  });
});
