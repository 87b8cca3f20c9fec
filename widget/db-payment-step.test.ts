import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { BookingCreated } from '../shared/schemas/stay.ts';
import { created, nextEvent, quote } from '../test/support/widget.ts';
import './db-payment-step.ts';
import type { DbPaymentStep } from './db-payment-step.ts';

const stay = quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'saver', adults: 2, children: 0, extras: [] }] });
const stripePayment: BookingCreated['payment'] = { provider: 'stripe', clientSecret: 'pi_secret', publishableKey: 'pk_live_demo', intentType: 'payment' };

// The Stripe loader (stripe-loader.ts) uses an existing window.Stripe instead of loading the real script.
(window as unknown as { Stripe: unknown }).Stripe = () => ({
  elements: () => ({
    create: () => ({
      on() {},
      mount(target: HTMLElement) {
        target.textContent = 'card fields';
      },
    }),
  }),
});

describe('db-payment-step', () => {
  it('counts down the hold above the card frame in manual mode, with the price beside it', async () => {
    const booking = created(stay);
    const el = await fixture<DbPaymentStep>(html`<db-payment-step .created=${booking}></db-payment-step>`);
    expect(el.shadowRoot!.querySelector('db-hold-timer')!.expiresAt).to.equal(booking.booking.expiresAt);
    const manual = el.shadowRoot!.querySelector('db-payment-manual')!;
    expect(manual.booking).to.equal(booking.booking);
    expect(manual.clientToken).to.equal('ct_secret');
    expect(el.shadowRoot!.querySelector('db-payment-stripe')).to.equal(null);
    const summary = el.shadowRoot!.querySelector('db-summary')!;
    await summary.updateComplete;
    expect(summary.shadowRoot!.querySelector('.due dt')!.textContent).to.equal('To be charged by the property');
  });

  it('passes Stripe’s Payment Element, in the light DOM, through to the Stripe form', async () => {
    const mount = document.createElement('div');
    mount.slot = 'payment';
    const el = await fixture<DbPaymentStep>(html`<db-payment-step .created=${created(stay, { paymentMode: 'stripe' }, stripePayment)} .mount=${mount}>${mount}</db-payment-step>`);
    const form = el.shadowRoot!.querySelector('db-payment-stripe')!;
    expect(form.mount).to.equal(mount);
    const slot = form.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=payment]')!;
    expect(slot.assignedElements({ flatten: true })).to.deep.equal([mount]);
    await waitUntil(() => mount.textContent === 'card fields', 'the Payment Element mounted');
  });

  it('says when the hold has run out', async () => {
    const el = await fixture<DbPaymentStep>(html`<db-payment-step></db-payment-step>`);
    const expired = nextEvent(el, 'db-expired');
    el.created = created(stay, { expiresAt: new Date(Date.now() - 1000).toISOString() });
    await expired;
  });

  it('is accessible', async () => {
    const el = await fixture<DbPaymentStep>(html`<db-payment-step .created=${created(stay)}></db-payment-step>`);
    await expect(el).to.be.accessible();
  });
});
