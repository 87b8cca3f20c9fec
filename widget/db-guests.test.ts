import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import './db-guests.ts';
import type { DbGuests } from './db-guests.ts';

describe('db-guests', () => {
  it('reports the whole party when the guest adds a child', async () => {
    const el = await fixture<DbGuests>(html`<db-guests adults="2" children="0"></db-guests>`);
    const children = el.shadowRoot!.querySelectorAll('db-stepper')[1]!;
    setTimeout(() => children.shadowRoot!.querySelectorAll('button')[1]!.click());
    const event = await nextEvent(el, 'db-guests-change');
    expect(event.value).to.deep.equal({ adults: 2, children: 1 });
  });

  it('keeps at least one adult', async () => {
    const el = await fixture<DbGuests>(html`<db-guests adults="1"></db-guests>`);
    const adults = el.shadowRoot!.querySelector('db-stepper')!;
    expect(adults.min).to.equal(1);
    expect(adults.shadowRoot!.querySelector('button')!.getAttribute('aria-disabled')).to.equal('true');
  });

  it('is accessible', async () => {
    const el = await fixture<DbGuests>(html`<db-guests></db-guests>`);
    await expect(el).to.be.accessible();
  });
});
