import { expect, fixture, html } from '@open-wc/testing';
import type { Extra } from '../shared/schemas/extra.ts';
import { nextEvent, property } from '../test/support/widget.ts';
import './db-extras.ts';
import type { DbExtras } from './db-extras.ts';

const party = { guests: 2, nights: 2 };

describe('db-extras', () => {
  it('shows each extra with its price and how it is counted', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras}></db-extras>`);
    const prices = [...el.shadowRoot!.querySelectorAll('.price')].map((p) => p.textContent.trim());
    expect(prices).to.deep.equal(['$15.00 per guest per night', '$20.00 per stay']);
  });

  it('offers breakfast per guest per night as a yes/no for the party, with what it comes to, never a counter', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras} .party=${party}></db-extras>`);
    const breakfast = el.shadowRoot!.querySelectorAll('li')[0]!;
    expect(breakfast.querySelector('db-stepper')).to.equal(null);
    expect(breakfast.querySelector('.amount')!.textContent.replace(/\s+/g, ' ').trim()).to.equal('2 guests × 2 nights $60.00');
    const box = breakfast.querySelector<HTMLInputElement>('input[type=checkbox]')!;
    setTimeout(() => box.click());
    expect((await nextEvent(el, 'db-quantity-change')).value).to.deep.equal({ id: 'breakfast', quantity: 1 });
    el.value = { breakfast: 1 };
    await el.updateComplete;
    expect(box.checked).to.equal(true);
    setTimeout(() => box.click());
    expect((await nextEvent(el, 'db-quantity-change')).value).to.deep.equal({ id: 'breakfast', quantity: 0 });
  });

  it('counts a per-night extra by the nights only and a per-guest one by the guests only', async () => {
    const extras: Extra[] = [
      { id: 'late', propertyId: 'demo', name: 'Late check-out', description: null, price: 1000, per: 'night' },
      { id: 'towel', propertyId: 'demo', name: 'Towels', description: null, price: 500, per: 'guest' },
    ];
    const el = await fixture<DbExtras>(html`<db-extras .extras=${extras} .party=${{ guests: 3, nights: 2 }}></db-extras>`);
    const amounts = [...el.shadowRoot!.querySelectorAll('.amount')].map((p) => p.textContent.replace(/\s+/g, ' ').trim());
    expect(amounts).to.deep.equal(['2 nights $20.00', '3 guests $15.00']);
  });

  it('reports the quantity the guest picks for an extra per stay, up to its maximum', async () => {
    const extras = [property.extras[0]!, { ...property.extras[1]!, maxQuantity: 3 }];
    const el = await fixture<DbExtras>(html`<db-extras .extras=${extras} .value=${{ parking: 1 }}></db-extras>`);
    const parking = el.shadowRoot!.querySelector('db-stepper')!;
    expect(parking.value).to.equal(1);
    expect(parking.max).to.equal(3);
    setTimeout(() => parking.shadowRoot!.querySelectorAll('button')[1]!.click());
    const event = await nextEvent(el, 'db-quantity-change');
    expect(event.value).to.deep.equal({ id: 'parking', quantity: 2 });
  });

  it('lets a per-stay extra without a maximum go up to 10', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras}></db-extras>`);
    expect(el.shadowRoot!.querySelector('db-stepper')!.max).to.equal(10);
  });

  it('shows nothing when the property has no extras', async () => {
    const el = await fixture<DbExtras>(html`<db-extras></db-extras>`);
    expect(el.shadowRoot!.querySelector('ul')).to.equal(null);
  });

  it('is accessible', async () => {
    const el = await fixture<DbExtras>(html`<db-extras .extras=${property.extras} .party=${party}></db-extras>`);
    await expect(el).to.be.accessible();
  });
});
