import { expect, fixture, html } from '@open-wc/testing';
import { property, quote } from '../test/support/widget.ts';
import './db-summary.ts';
import type { DbSummary, SummaryData } from './db-summary.ts';

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

  it('lists a booking from before lines with its rooms’ guests and extras', async () => {
    const { lines: _, ...old } = twoRates;
    const el = await fixture<DbSummary>(html`<db-summary .data=${old}></db-summary>`);
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

  describe('with taxes, fees and a promotion (SPEC 2.13, 2.14)', () => {
    // Room $200 − 10% code, cleaning $30, city tax $4 (exclusive), VAT $18 already in the prices.
    const priced: SummaryData = {
      ...twoRates,
      rooms: [{ ...twoRates.rooms[1]!, adults: 2, children: 1, extras: [] }],
      lines: [
        { kind: 'room', name: 'Garden Room · Flexible', amount: 20000 },
        { kind: 'extra', name: 'Breakfast', amount: 4500 },
        { kind: 'discount', name: 'WELCOME10', amount: -2000 },
        { kind: 'fee', name: 'Cleaning', amount: 3000 },
        { kind: 'tax', name: 'City tax', amount: 400 },
        { kind: 'tax', name: 'VAT', amount: 1800, included: true },
      ],
      total: 25900,
      depositDue: 5400,
      balanceDue: 20500,
    };
    const lines = (el: DbSummary) => [...el.shadowRoot!.querySelectorAll('.lines li')].map(words);

    it('lists every line the guest pays, the discount with a minus, an included tax without adding it', async () => {
      const el = await fixture<DbSummary>(html`<db-summary .data=${priced}></db-summary>`);
      expect(lines(el)).to.deep.equal(['Garden Room · Flexible $200.00', 'Breakfast $45.00', 'WELCOME10 −$20.00', 'Cleaning $30.00', 'City tax $4.00', '']);
      const included = el.shadowRoot!.querySelector('.lines .included')!;
      expect(included.textContent).to.equal('incl. VAT $18.00');
      expect(included.querySelector('.amount')).to.equal(null);
      expect(row(el, '.total')).to.equal('Total $259.00');
      expect(row(el, '.due')).to.equal('Due now $54.00');
      expect(row(el, '.balance')).to.equal('Balance, paid later $205.00');
    });

    it('shows the discount in green and the party of the whole stay', async () => {
      const el = await fixture<DbSummary>(html`<db-summary .data=${priced}></db-summary>`);
      expect(getComputedStyle(el.shadowRoot!.querySelector('.lines .discount')!).color).to.equal('rgb(10, 107, 54)');
      expect(el.shadowRoot!.querySelector('.stay')!.textContent).to.contain('2 adults, 1 child');
    });

    it('is accessible', async () => {
      const el = await fixture<DbSummary>(html`<db-summary .data=${priced}></db-summary>`);
      await expect(el).to.be.accessible();
    });
  });
});
