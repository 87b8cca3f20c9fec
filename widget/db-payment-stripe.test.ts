import { expect, html, waitUntil } from '@open-wc/testing';
import { Api } from './api.ts';
import { booking, fixtureIn, nextEvent, quote, stubFetch } from '../test/support/widget.ts';
import './db-payment-stripe.ts';
import type { DbPaymentStripe } from './db-payment-stripe.ts';

/** What the Stripe.js double saw, and what it will answer next. */
const stripe = {
  key: '',
  elementsOptions: undefined as unknown as Record<string, unknown>,
  mountedIn: undefined as HTMLElement | undefined,
  confirmed: [] as { kind: string; options: Record<string, unknown> }[],
  next: {} as Record<string, unknown>,
};

// The Stripe loader (stripe-loader.ts) uses an existing window.Stripe instead of loading the real script.
(window as unknown as { Stripe: unknown }).Stripe = (key: string) => {
  stripe.key = key;
  return {
    elements(options: Record<string, unknown>) {
      stripe.elementsOptions = options;
      return {
        create: () => ({
          on: (event: string, callback: () => void) => event === 'ready' && setTimeout(callback),
          mount(target: HTMLElement) {
            stripe.mountedIn = target;
            target.innerHTML = '<div class="fake-payment-element">card fields</div>';
          },
        }),
      };
    },
    confirmPayment: async (options: Record<string, unknown>) => (stripe.confirmed.push({ kind: 'payment', options }), stripe.next),
    confirmSetup: async (options: Record<string, unknown>) => (stripe.confirmed.push({ kind: 'setup', options }), stripe.next),
  };
};

const pending = booking(quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'saver', adults: 2, children: 0, extras: [] }] }), {
  paymentMode: 'stripe',
});

async function payment(intentType: 'payment' | 'setup' = 'payment') {
  stripe.confirmed = [];
  stripe.next = { paymentIntent: { status: 'succeeded' } };
  const mount = document.createElement('div');
  mount.slot = 'payment';
  const el = await fixtureIn<DbPaymentStripe>(
    html`<db-payment-stripe .payment=${{ provider: 'stripe', clientSecret: 'pi_1_secret_2', publishableKey: 'pk_live_demo', intentType }}
      .booking=${pending} .clientToken=${'ct_secret'} .mount=${mount}>${mount}</db-payment-stripe>`,
    { api: new Api('https://api.example', 'demo') },
  );
  await waitUntil(() => el.shadowRoot!.querySelector('.element-box.ready'), 'the Payment Element became ready');
  const pay = () => el.shadowRoot!.querySelector<HTMLButtonElement>('.pay')!;
  return { el, mount, pay };
}

describe('db-payment-stripe', () => {
  it('mounts the Payment Element in the light-DOM slot, for this intent, in the guest’s language', async () => {
    const { mount, pay } = await payment();
    expect(stripe.key).to.equal('pk_live_demo');
    expect(stripe.mountedIn).to.equal(mount);
    expect(stripe.elementsOptions['clientSecret']).to.equal('pi_1_secret_2');
    expect(stripe.elementsOptions['locale']).to.equal('en');
    expect(pay().textContent.trim()).to.equal('Pay $30.00');
  });

  it('shows a declined card’s reason and lets the guest try again', async () => {
    const fetch = stubFetch(() => ({ body: { booking: { ...pending, status: 'confirmed' } } }));
    try {
      const { el, pay } = await payment();
      stripe.next = { error: { type: 'card_error', message: 'Your card was declined.' } };
      pay().click();
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]')!.textContent === 'Your card was declined.');
      expect(fetch.calls).to.have.length(0);
      stripe.next = { paymentIntent: { status: 'succeeded' } };
      setTimeout(() => pay().click());
      await nextEvent(el, 'db-paid');
      expect(stripe.confirmed).to.have.length(2);
    } finally {
      fetch.restore();
    }
  });

  it('confirms with Stripe, then has the server confirm the booking', async () => {
    const fetch = stubFetch(() => ({ body: { booking: { ...pending, status: 'confirmed' } } }));
    try {
      const { el, pay } = await payment();
      setTimeout(() => pay().click());
      const event = await nextEvent(el, 'db-paid');
      expect(event.value.status).to.equal('confirmed');
      expect(stripe.confirmed[0]!.kind).to.equal('payment');
      expect(stripe.confirmed[0]!.options['redirect']).to.equal('if_required');
      expect(fetch.calls[0]!.method).to.equal('POST');
      expect(fetch.calls[0]!.url.href).to.equal('https://api.example/api/v1/public/bookings/bk_1/confirm');
      expect(fetch.calls[0]!.headers.get('Authorization')).to.equal('Bearer ct_secret');
    } finally {
      fetch.restore();
    }
  });

  it('saves the card with a SetupIntent when nothing is due now', async () => {
    const fetch = stubFetch(() => ({ body: { booking: { ...pending, status: 'confirmed' } } }));
    try {
      const { el, pay } = await payment('setup');
      expect(pay().textContent.trim()).to.equal('Confirm booking');
      setTimeout(() => pay().click());
      await nextEvent(el, 'db-paid');
      expect(stripe.confirmed[0]!.kind).to.equal('setup');
    } finally {
      fetch.restore();
    }
  });

  it('asks the server again, without charging twice, when the confirmation failed', async () => {
    let attempts = 0;
    const fetch = stubFetch(() => (++attempts === 1 ? 'network-error' : { body: { booking: { ...pending, status: 'confirmed' } } }));
    try {
      const { el, pay } = await payment();
      pay().click();
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]')!.textContent.startsWith('We couldn’t reach'));
      setTimeout(() => pay().click());
      await nextEvent(el, 'db-paid');
      expect(stripe.confirmed).to.have.length(1);
    } finally {
      fetch.restore();
    }
  });

  it('reports an expired hold', async () => {
    const fetch = stubFetch(() => ({ status: 409, body: { error: { code: 'hold_expired', message: 'The hold expired' } } }));
    try {
      const { el, pay } = await payment();
      setTimeout(() => pay().click());
      await nextEvent(el, 'db-expired');
    } finally {
      fetch.restore();
    }
  });

  it('is accessible', async () => {
    const { el } = await payment();
    await expect(el).to.be.accessible();
  });
});
