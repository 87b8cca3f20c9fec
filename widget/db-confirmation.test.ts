import { expect, fixture, html } from '@open-wc/testing';
import { booking, quote } from '../test/support/widget.ts';
import './db-confirmation.ts';
import type { DbConfirmation } from './db-confirmation.ts';

const confirmed = booking(quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'saver', adults: 2, children: 0, extras: [] }] }), {
  status: 'confirmed',
});

describe('db-confirmation', () => {
  it('leads with the booking reference and where the e-mail went', async () => {
    const el = await fixture<DbConfirmation>(html`<db-confirmation .booking=${confirmed} property-name="Harbour House"></db-confirmation>`);
    expect(el.shadowRoot!.querySelector('[part=reference]')!.textContent).to.equal('HH-7Q4K2');
    expect(el.shadowRoot!.querySelector('.intro')!.textContent).to.equal('Thank you, Mina. Your stay at Harbour House is confirmed.');
    expect(el.shadowRoot!.querySelector('.email')!.textContent).to.equal('We’ve sent the details to mina@example.com.');
  });

  it('says the property will charge the deposit when payment is manual', async () => {
    const el = await fixture<DbConfirmation>(html`<db-confirmation .booking=${confirmed}></db-confirmation>`);
    const summary = el.shadowRoot!.querySelector('db-summary')!;
    await summary.updateComplete;
    expect(summary.shadowRoot!.querySelector('.due dt')!.textContent).to.equal('To be charged by the property');
  });

  it('is accessible', async () => {
    const el = await fixture<DbConfirmation>(html`<db-confirmation .booking=${confirmed} property-name="Harbour House"></db-confirmation>`);
    await expect(el).to.be.accessible();
  });
});
