import { expect, html, waitUntil } from '@open-wc/testing';
import type { CardFrameMessage } from '../shared/card-frame.ts';
import { Api } from './api.ts';
import { booking, fixtureIn, nextEvent, quote, stubFetch } from '../test/support/widget.ts';
import './db-payment-manual.ts';
import type { DbPaymentManual } from './db-payment-manual.ts';

const pending = booking(quote({ checkIn: '2026-03-11', checkOut: '2026-03-12', rooms: [{ rateId: 'saver', adults: 2, children: 0, extras: [] }] }));

// The frame is about:blank, so it shares this page's origin, which the test passes as the API's.
async function payment(apiBase = location.origin) {
  const el = await fixtureIn<DbPaymentManual>(
    html`<db-payment-manual .payment=${{ provider: 'manual', cardFrameUrl: 'about:blank' }} .booking=${pending} .clientToken=${'ct_secret'}></db-payment-manual>`,
    { api: new Api(apiBase, 'demo') },
  );
  const frame = el.shadowRoot!.querySelector('iframe')!;
  const received: CardFrameMessage[] = [];
  frame.contentWindow!.addEventListener('message', (e: MessageEvent<CardFrameMessage>) => received.push(e.data));
  // Runs inside the frame, so the message's source is the frame's window.
  const fromFrame = (message: CardFrameMessage) => (frame.contentWindow as Window & { eval(code: string): void }).eval(`parent.postMessage(${JSON.stringify(message)}, '*')`);
  return { el, frame, received, fromFrame };
}

describe('db-payment-manual', () => {
  it('says the property will charge the deposit, and leaves the card brands to the frame', async () => {
    const { el } = await payment();
    expect(el.shadowRoot!.querySelector('.charge')!.textContent).to.equal('The property will charge $30.00');
    expect(el.shadowRoot!.querySelectorAll('svg')).to.have.length(0);
  });

  it('sends the booking to the card frame once the frame is ready, and only to the API origin', async () => {
    const { el, frame, received, fromFrame } = await payment();
    // The frame URL is the server's, plus the widget's accent so the frame's button matches.
    expect(frame.getAttribute('src')).to.equal('about:blank?accent=%230b6e5f');
    fromFrame({ type: 'directbook:card-frame:ready' });
    await waitUntil(() => received.length > 0);
    expect(received[0]).to.deep.equal({ type: 'directbook:card-frame:init', bookingId: 'bk_1', clientToken: 'ct_secret', locale: 'en' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.frame-box')!.classList.contains('ready')).to.equal(true);
  });

  it('ignores messages that do not come from its frame', async () => {
    const { el, received } = await payment();
    window.postMessage({ type: 'directbook:card-frame:ready' }, '*');
    await new Promise((r) => setTimeout(r, 50));
    expect(received).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.frame-box')!.classList.contains('ready')).to.equal(false);
  });

  it('ignores its frame when the frame is not on the API origin', async () => {
    const { el, received, fromFrame } = await payment('https://api.elsewhere.example');
    fromFrame({ type: 'directbook:card-frame:ready' });
    await new Promise((r) => setTimeout(r, 50));
    expect(received).to.have.length(0);
    expect(el.shadowRoot!.querySelector('.frame-box')!.classList.contains('ready')).to.equal(false);
  });

  it('grows the frame to the height the frame asks for', async () => {
    const { el, frame, fromFrame } = await payment();
    fromFrame({ type: 'directbook:card-frame:resize', height: 412.4 });
    await waitUntil(() => frame.getAttribute('height') === '413');
    expect(el.shadowRoot!.querySelector('iframe')!.height).to.equal('413');
  });

  it('reads the confirmed booking back once the card is stored', async () => {
    const confirmed = { ...pending, status: 'confirmed' as const };
    const fetch = stubFetch(() => ({ body: { booking: confirmed } }));
    try {
      const { el, fromFrame } = await payment();
      fromFrame({ type: 'directbook:card-frame:result', ok: true, brand: 'visa', last4: '4242' });
      const event = await nextEvent(el, 'db-paid');
      expect(event.value.status).to.equal('confirmed');
      expect(fetch.calls[0]!.url.pathname).to.equal('/api/v1/public/bookings/bk_1');
      expect(fetch.calls[0]!.headers.get('Authorization')).to.equal('Bearer ct_secret');
    } finally {
      fetch.restore();
    }
  });

  it('is accessible', async () => {
    const { el } = await payment();
    await expect(el).to.be.accessible();
  });
});
