import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent, property } from '../test/support/widget.ts';
import './db-extras.ts';
import type { DbExtras } from './db-extras.ts';

describe('db-extras', () => {
  it('shows each extra with its price and how it is counted', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras}></db-extras>`);
    const prices = [...el.shadowRoot!.querySelectorAll('.price')].map((p) => p.textContent.trim());
    expect(prices).to.deep.equal(['$15.00 per guest per night', '$20.00 per stay']);
  });

  it('reports the quantity the guest picks', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras} .value=${{ parking: 1 }}></db-extras>`);
    const parking = el.shadowRoot!.querySelectorAll('db-stepper')[1]!;
    expect(parking.value).to.equal(1);
    setTimeout(() => parking.shadowRoot!.querySelectorAll('button')[1]!.click());
    const event = await nextEvent(el, 'db-quantity-change');
    expect(event.value).to.deep.equal({ id: 'parking', quantity: 2 });
  });

  it('shows nothing when the property has no extras', async () => {
    const el = await fixture<DbExtras>(html`<db-extras></db-extras>`);
    expect(el.shadowRoot!.querySelector('ul')).to.equal(null);
  });

  it('is accessible', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras}></db-extras>`);
    await expect(el).to.be.accessible();
  });
});
