import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Line } from '../shared/schemas/promotion.ts';
import type { Booking } from '../shared/schemas/stay.ts';
import { booking, property, quote, stubFetch, type Call, type Reply } from '../test/support/widget.ts';
import './db-manage.ts';
import type { DbManage } from './db-manage.ts';

const stay = quote({ checkIn: '2026-03-11', checkOut: '2026-03-13', rooms: [{ rateId: 'saver', adults: 2, children: 0, extras: [] }] });
const confirmed = booking(stay, { status: 'confirmed', paymentMode: 'stripe', amountPaid: stay.depositDue });
const cancellation = { summary: 'Free cancellation until Tue, Mar 10', refundIfCancelledNow: stay.depositDue, cancellable: true };

/** The server as the manage page sees it: the booking behind its token, the property, and the guest's actions. */
function server(current: Booking, overrides: (call: Call) => Reply | undefined = () => undefined) {
  return stubFetch((call) => {
    const answer = overrides(call);
    if (answer) return answer;
    if (call.url.pathname === `/api/v1/public/properties/${current.propertyId}`) return { body: property };
    if (call.headers.get('authorization') !== 'Bearer ct_secret') return { status: 404, body: { error: { code: 'not_found', message: 'Booking not found' } } };
    if (call.method === 'GET') return { body: { booking: current, cancellation } };
    return { status: 500, body: null };
  });
}

async function manage(token = 'ct_secret') {
  const el = await fixture<DbManage>(html`<db-manage booking="bk_1" .token=${token}></db-manage>`);
  await waitUntil(() => el.shadowRoot!.querySelector('h1'), 'a heading is shown');
  return el;
}

const $ = (el: DbManage, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const button = (el: DbManage, name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const text = (el: DbManage) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

describe('db-manage', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
    fetchStub = undefined;
    document.documentElement.lang = 'en';
  });

  it('says it is loading while the booking is on its way', async () => {
    fetchStub = stubFetch(() => new Promise<Reply>(() => {}));
    const el = await fixture<DbManage>(html`<db-manage booking="bk_1" .token=${'ct_secret'}></db-manage>`);
    expect($(el, '.page')!.getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.loading .visually-hidden')!.textContent).to.equal('Loading');
    await expect(el).to.be.accessible();
  });

  it('shows the booking, its price, its policy and what cancelling now would refund, asking with the token', async () => {
    fetchStub = server(confirmed);
    const el = await manage();
    await waitUntil(() => $(el, '.property'), 'the property name arrives');
    expect(fetchStub.calls[0]!.url.pathname).to.equal('/api/v1/public/bookings/bk_1');
    expect(fetchStub.calls[0]!.headers.get('authorization')).to.equal('Bearer ct_secret');
    expect($(el, '.property')!.textContent).to.equal('Harbour House');
    expect($(el, '[part=reference]')!.textContent).to.equal('HH-7Q4K2');
    expect($(el, '.status')!.textContent).to.equal('Confirmed');
    expect(text(el)).to.contain('Wednesday, March 11, 2026');
    expect(text(el)).to.contain('Mina Park');
    expect($(el, '.policy p')!.textContent).to.equal('Free cancellation until Tue, Mar 10');
    expect($(el, '.refund-now')!.textContent).to.equal('If you cancel now, you get $60.00 back.');
    const summary = $(el, 'db-summary')!;
    expect((summary as unknown as { data: Booking }).data).to.deep.equal(confirmed);
    expect(document.title).to.equal('Your booking at Harbour House');
    await expect(el).to.be.accessible();
  });

  it('lists the booking’s lines as the summary does: fees, taxes, a discount, and an included tax that adds nothing (SPEC 2.13)', async () => {
    const lines: Line[] = [
      { kind: 'room', name: 'Garden Room · Saver', amount: 20000 },
      { kind: 'discount', name: 'WELCOME10', amount: -2000 },
      { kind: 'fee', name: 'Cleaning', amount: 3000 },
      { kind: 'tax', name: 'City tax', amount: 400 },
      { kind: 'tax', name: 'VAT', amount: 1636, included: true },
    ];
    fetchStub = server({ ...confirmed, lines, total: 21400 });
    const el = await manage();
    await waitUntil(() => $(el, 'db-summary')?.shadowRoot?.querySelector('.lines li'), 'the summary');
    const summary = $(el, 'db-summary')!.shadowRoot!;
    const shown = [...summary.querySelectorAll('.lines li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(shown).to.deep.equal(['Garden Room · Saver$200.00', 'WELCOME10−$20.00', 'Cleaning$30.00', 'City tax$4.00', 'incl. VAT $16.36']);
    expect(summary.querySelector('.total')!.textContent).to.contain('$214.00');
    await expect(el).to.be.accessible();
  });

  it('asks before cancelling; Escape keeps the booking and gives the focus back to the button', async () => {
    fetchStub = server(confirmed);
    const el = await manage();
    button(el, 'Cancel booking')!.click();
    await el.updateComplete;
    expect($(el, '.confirm')!.getAttribute('role')).to.equal('group');
    expect(el.shadowRoot!.activeElement!.id).to.equal('confirm-question');
    expect($(el, '#confirm-question')!.textContent).to.equal('Cancel this booking? This can’t be undone.');
    await expect(el).to.be.accessible();
    $(el, '.confirm')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    expect($(el, '.confirm')).to.equal(null);
    expect(el.shadowRoot!.activeElement!.id).to.equal('cancel');
    expect(fetchStub.calls.filter((c) => c.method === 'POST')).to.have.length(0);
  });

  it('cancels on the second click, then shows the booking as cancelled with its refund and no cancel button', async () => {
    const after = { ...confirmed, status: 'cancelled' as const, amountRefunded: stay.depositDue };
    fetchStub = server(confirmed, (call) => (call.method === 'POST' && call.url.pathname.endsWith('/cancel') ? { body: { booking: after, refunded: stay.depositDue } } : undefined));
    const el = await manage();
    button(el, 'Cancel booking')!.click();
    await el.updateComplete;
    button(el, 'Yes, cancel')!.click();
    await waitUntil(() => $(el, '.cancelled'), 'the booking shows as cancelled');
    const cancel = fetchStub.calls.find((c) => c.method === 'POST')!;
    expect(cancel.url.pathname).to.equal('/api/v1/public/bookings/bk_1/cancel');
    expect(cancel.headers.get('authorization')).to.equal('Bearer ct_secret');
    expect(cancel.body).to.deep.equal({ expectedRefund: stay.depositDue });
    expect($(el, '.status')!.textContent).to.equal('Cancelled');
    expect(($(el, '.cancelled')!.textContent ?? '').replace(/\s+/g, ' ').trim()).to.equal('This booking is cancelled. $60.00 is refunded to your card. It can take 5–10 days to appear.');
    expect(el.shadowRoot!.activeElement!.id).to.equal('cancelled');
    expect($(el, '[role=status]')!.textContent).to.equal('This booking is cancelled.');
    expect(button(el, 'Cancel booking')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  /** Cancels through the page, the server answering that `refundPending` is still to go back by `refundPendingBy`; the banner's words. */
  async function cancelledWithPending(refundPendingBy: 'stripe' | 'property') {
    const answer = { booking: { ...confirmed, status: 'cancelled' as const, amountRefunded: 0 }, refunded: 0, refundPending: stay.depositDue, refundPendingBy };
    fetchStub = server(confirmed, (call) => (call.method === 'POST' && call.url.pathname.endsWith('/cancel') ? { body: answer } : undefined));
    const el = await manage();
    button(el, 'Cancel booking')!.click();
    await el.updateComplete;
    button(el, 'Yes, cancel')!.click();
    await waitUntil(() => $(el, '.cancelled'), 'the booking shows as cancelled');
    return ($(el, '.cancelled')!.textContent ?? '').replace(/\s+/g, ' ').trim();
  }

  it('a refund Stripe could not take at once is still told as on its way to the card', async () => {
    expect(await cancelledWithPending('stripe')).to.equal('This booking is cancelled. $60.00 is refunded to your card. It can take 5–10 days to appear.');
  });

  it('a refund Stripe refused is told as the property’s to make', async () => {
    expect(await cancelledWithPending('property')).to.equal('This booking is cancelled. The property will refund $60.00 to you.');
  });

  it('shows a booking cancelled before as cancelled, with nothing to cancel or pay', async () => {
    fetchStub = server({ ...confirmed, status: 'cancelled', paymentMode: 'manual', refundOwed: 6000 });
    const el = await manage();
    expect($(el, '.status')!.textContent).to.equal('Cancelled');
    expect(text(el)).to.contain('The property will refund $60.00 to you.');
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
  });

  it('a cancel the server says was already made shows the booking as it is now', async () => {
    let cancelled = false;
    fetchStub = server(confirmed, (call) => {
      if (call.method === 'POST') {
        cancelled = true;
        return { status: 409, body: { error: { code: 'already_cancelled', message: 'This booking is already cancelled' } } };
      }
      return cancelled && call.url.pathname === '/api/v1/public/bookings/bk_1'
        ? { body: { booking: { ...confirmed, status: 'cancelled' }, cancellation: { ...cancellation, cancellable: false } } }
        : undefined;
    });
    const el = await manage();
    button(el, 'Cancel booking')!.click();
    await el.updateComplete;
    button(el, 'Yes, cancel')!.click();
    await waitUntil(() => $(el, '.cancelled'), 'the booking shows as cancelled');
    expect($(el, '.error')).to.equal(null);
  });

  it('when a policy boundary passed since the page asked, it shows the new refund and asks again, cancelling nothing', async () => {
    let later = false;
    fetchStub = server(confirmed, (call) => {
      if (call.method === 'POST') {
        later = true;
        return { status: 409, body: { error: { code: 'refund_changed', message: 'The refund is now 0' } } };
      }
      return later && call.url.pathname === '/api/v1/public/bookings/bk_1' ? { body: { booking: confirmed, cancellation: { ...cancellation, refundIfCancelledNow: 0 } } } : undefined;
    });
    const el = await manage();
    button(el, 'Cancel booking')!.click();
    await el.updateComplete;
    button(el, 'Yes, cancel')!.click();
    await waitUntil(() => $(el, '.policy .error')?.textContent, 'the change is explained');
    expect($(el, '.policy .error')!.textContent).to.equal('The refund changed since you opened this page: it is now $0.00. Please confirm again.');
    expect($(el, '.refund-now')!.textContent).to.equal('If you cancel now, nothing is refunded.');
    expect($(el, '.status')!.textContent).to.equal('Confirmed');
    expect(button(el, 'Yes, cancel')).not.to.equal(undefined);
  });

  it('a wrong or missing token shows a neutral "link not valid", in the guest’s language, without asking for anything', async () => {
    fetchStub = server(confirmed);
    const wrong = await manage('not-the-token');
    expect($(wrong, 'h1')!.textContent).to.equal('This link isn’t valid');
    expect(text(wrong)).to.contain('Please open the link from your confirmation e-mail in full');
    expect(text(wrong)).not.to.contain('HH-7Q4K2');
    await expect(wrong).to.be.accessible();
    const calls = fetchStub.calls.length;
    const missing = await manage('');
    expect($(missing, 'h1')!.textContent).to.equal('This link isn’t valid');
    expect(fetchStub.calls.length).to.equal(calls);
  });

  it('speaks the booking’s language', async () => {
    fetchStub = server({ ...confirmed, locale: 'ko', currency: 'KRW', amountPaid: 60_000, total: 200_000 });
    const el = await manage();
    expect($(el, 'h1')!.textContent).to.equal('예약 내역');
    expect($(el, '.status')!.textContent).to.equal('예약 확정');
    expect(button(el, '예약 취소')).not.to.equal(undefined);
    expect(button(el, '잔금 결제')).not.to.equal(undefined);
    expect(document.documentElement.lang).to.equal('ko');
  });

  it('offers the balance in stripe mode and pays it through the Payment Element, then shows the booking paid in full', async () => {
    const paidInFull = { ...confirmed, amountPaid: confirmed.total };
    fetchStub = server(confirmed, (call) => {
      if (call.method === 'POST' && call.url.pathname.endsWith('/balance'))
        return { body: { clientSecret: 'pi_balance_secret_x', publishableKey: 'pk_test', amount: confirmed.total - confirmed.amountPaid } };
      if (call.method === 'POST' && call.url.pathname.endsWith('/confirm')) return { body: { booking: paidInFull } };
      return undefined;
    });
    const confirmedWith: unknown[] = [];
    (window as unknown as { Stripe: unknown }).Stripe = () => ({
      elements: () => ({
        create: () => ({
          on: (event: string, callback: () => void) => event === 'ready' && setTimeout(callback),
          mount: (target: HTMLElement) => (target.textContent = 'Test card'),
        }),
      }),
      confirmPayment: async (options: unknown) => {
        confirmedWith.push(options);
        return { paymentIntent: { id: 'pi_balance', status: 'succeeded' } };
      },
    });
    const el = await manage();
    const owed = (confirmed.total - confirmed.amountPaid) / 100;
    expect([$(el, '.owed dt')!.textContent, $(el, '.owed dd')!.textContent]).to.deep.equal(['Still to pay', `$${owed.toFixed(2)}`]);
    await expect(el).to.be.accessible();
    button(el, 'Pay the balance')!.click();
    await waitUntil(() => $(el, 'db-pay-balance'), 'the payment form is shown');
    const pay = $(el, 'db-pay-balance')!;
    // The Payment Element lives in the light DOM (SPEC 2.8), slotted through.
    await waitUntil(() => el.querySelector('[slot=payment]')?.textContent === 'Test card', 'the Payment Element is mounted');
    await waitUntil(() => pay.shadowRoot!.querySelector('.pay[aria-disabled=false]'), 'the Payment Element is ready');
    pay.shadowRoot!.querySelector<HTMLButtonElement>('.pay')!.click();
    await waitUntil(() => $(el, '.paid'), 'the booking shows paid in full');
    expect(confirmedWith).to.have.length(1);
    expect(fetchStub.calls.filter((c) => c.method === 'POST').map((c) => c.url.pathname)).to.deep.equal(['/api/v1/public/bookings/bk_1/balance', '/api/v1/public/bookings/bk_1/confirm']);
    expect($(el, '.paid')!.textContent).to.equal('Thank you: your booking is paid in full.');
    expect(el.querySelector('[slot=payment]')).to.equal(null);
    await aTimeout(0);
    expect(el.shadowRoot!.activeElement!.id).to.equal('paid');
  });

  it('offers no balance when the property charges it itself', async () => {
    fetchStub = server({ ...confirmed, paymentMode: 'manual' });
    const el = await manage();
    expect(button(el, 'Pay the balance')).to.equal(undefined);
    expect($(el, '.balance')).to.equal(null);
  });
});
