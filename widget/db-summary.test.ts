import { expect, fixture, html } from '@open-wc/testing';
import { property, quote } from '../test/support/widget.ts';
import './db-summary.ts';
import type { DbSummary } from './db-summary.ts';

const twoRates = quote({
  checkIn: '2026-03-11',
  checkOut: '2026-03-13',
  rooms: [
    { rateId: 'saver', adults: 2, children: 0, extras: [{ extraId: property.extras[1]!.id, quantity: 1 }] },
    { rateId: 'flex', adults: 1, children: 1, extras: [] },
  ],
});

const words = (node: Element) => [...node.children].map((c) => c.textContent.trim()).join(' ');
const row = (el: DbSummary, selector: string) => words(el.shadowRoot!.querySelector(selector)!);

describe('db-summary', () => {
  it('shows the total, what is due now and the balance', async () => {
    const el = await fixture<DbSummary>(html`<db-summary .data=${twoRates}></db-summary>`);
    // saver: 2 × $100 + parking $20; flex: 2 × $120. Deposit: 30% of $200.
    expect(row(el, '.total')).to.equal('Total $460.00');
    expect(row(el, '.due')).to.equal('Due now $60.00');
    expect(row(el, '.balance')).to.equal('Balance, paid later $400.00');
  });

  it('lists every rate’s deposit message and cancellation policy, in the server’s words', async () => {
    const el = await fixture<DbSummary>(html`<db-summary .data=${twoRates}></db-summary>`);
    const messages = [...el.shadowRoot!.querySelectorAll('.messages li')].map(words);
    expect(messages).to.deep.equal(['Saver 30% deposit required Non-refundable', 'Flexible Book now, pay later Free cancellation until Wed 11 Mar']);
  });

  it('lists rooms with their guests and extras', async () => {
    const el = await fixture<DbSummary>(html`<db-summary .data=${twoRates}></db-summary>`);
    const lines = [...el.shadowRoot!.querySelectorAll('.lines li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(lines).to.deep.equal(['Garden Room · Saver2 adults $200.00', 'Parking $20.00', 'Garden Room · Flexible1 adult, 1 child $240.00']);
  });

  it('says the property will charge the deposit in manual mode', async () => {
    const el = await fixture<DbSummary>(html`<db-summary .data=${twoRates} payment-mode="manual"></db-summary>`);
    expect(row(el, '.due')).to.equal('To be charged by the property $60.00');
  });

  it('is accessible', async () => {
    const el = await fixture<DbSummary>(html`<db-summary .data=${twoRates}></db-summary>`);
    await expect(el).to.be.accessible();
  });
});
