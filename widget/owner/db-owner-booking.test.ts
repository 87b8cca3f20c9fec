import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Booking } from '../../shared/schemas/stay.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-booking.ts';
import type { DbOwnerBooking } from './db-owner-booking.ts';
import { api, BASE, i18n, ownerBooking, rate, session } from './owner-fixtures.test-support.ts';

describe('db-owner-booking', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function open(booking: Booking, answer: (method: string, path: string, body: unknown) => { status?: number; body: unknown } | undefined = () => undefined) {
    let current = booking;
    const payments = [{ id: 'pay_1', amount: 7_200, method: 'bank_transfer', note: 'Deposit by transfer', recordedAt: '2026-11-24T03:00:00Z' }];
    fetchStub = stubFetch((call) => {
      const path = call.url.pathname;
      const given = answer(call.method, path, call.body);
      if (given) {
        if ((given.body as { booking?: Booking }).booking) current = (given.body as { booking: Booking }).booking;
        return given;
      }
      if (path === `${BASE}/rates`) return { body: { rates: [rate] } };
      return { body: { booking: current, payments } };
    });
    const el = await fixture<DbOwnerBooking>(html`<db-owner-booking .api=${api} .i18n=${i18n} booking-id="bk_1"></db-owner-booking>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#lines'), 'the booking is shown');
    return el;
  }

  const $ = (el: DbOwnerBooking, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;

  it('shows the lines, the money, the payments and the policy', async () => {
    const el = await open(ownerBooking());
    expect($(el, 'h1').textContent).to.equal('Booking DB-GJPCYH1R');
    const money = [...el.shadowRoot!.querySelectorAll('.money-list dt')].map((dt) => `${dt.textContent.trim()} ${dt.nextElementSibling!.textContent.trim()}`);
    expect(money).to.include.members(['Sea view double · Flexible $240.00', 'Paid $72.00', 'Balance due $168.00']);
    expect($(el, '#payments').parentElement!.textContent).to.contain('Bank transfer').and.contain('Deposit by transfer').and.contain('$72.00');
    expect($(el, '#policy').parentElement!.textContent).to.contain('Flexible');
    await expect(el).to.be.accessible();
  });

  it('cancels with a refund of a chosen amount, sending the session’s CSRF token', async () => {
    const el = await open(ownerBooking(), (method, path, body) =>
      method === 'POST' && path.endsWith('/cancel')
        ? { body: { booking: ownerBooking({ status: 'cancelled', amountRefunded: (body as { refund: { amount: number } }).refund.amount }), refunded: 3_000 } }
        : undefined,
    );
    $(el, 'input[value=amount]').click();
    await el.updateComplete;
    ($(el, 'input[name=amount]') as HTMLInputElement).value = '30.00';
    $(el, 'form button[type=submit]').click();
    await waitUntil(() => $(el, '.chip').textContent === 'Cancelled', 'the booking is cancelled');
    const cancel = fetchStub!.calls.find((c) => c.url.pathname.endsWith('/cancel'))!;
    expect(cancel.body).to.deep.equal({ scope: 'booking', refund: { amount: 3_000 } });
    expect(cancel.headers.get('x-csrf-token')).to.equal(session.csrfToken);
    expect($(el, '[role=status]').textContent).to.equal('Cancelled; $30.00 refunded.');
    expect(el.shadowRoot!.querySelector('input[value=amount]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  for (const [by, said] of [
    ['stripe', 'Cancelled; $0.00 refunded. The refund of $72.00 more is retried automatically until Stripe takes it.'],
    ['property', 'Cancelled; $0.00 refunded. Stripe refused the refund of $72.00: refund it to the guest yourself.'],
  ] as const) {
    it(`says who makes a refund Stripe did not take at once (${by})`, async () => {
      const el = await open(ownerBooking(), (method, path) =>
        method === 'POST' && path.endsWith('/cancel') ? { body: { booking: ownerBooking({ status: 'cancelled' }), refunded: 0, refundPending: 7_200, refundPendingBy: by } } : undefined,
      );
      $(el, 'form button[type=submit]').click();
      await waitUntil(() => $(el, '.chip').textContent === 'Cancelled', 'the booking is cancelled');
      expect($(el, '[role=status]').textContent).to.equal(said);
    });
  }

  it('refuses an amount that is not one, before asking the server', async () => {
    const el = await open(ownerBooking());
    $(el, 'input[value=amount]').click();
    await el.updateComplete;
    ($(el, 'input[name=amount]') as HTMLInputElement).value = '30.123';
    $(el, 'form button[type=submit]').click();
    await el.updateComplete;
    expect($(el, '[role=alert]').textContent).to.contain('Enter an amount');
    expect(fetchStub!.calls.some((c) => c.method === 'POST')).to.equal(false);
  });

  it('records a payment and marks the deposit charged', async () => {
    const el = await open(ownerBooking(), (method, path) => {
      if (method === 'POST' && path.endsWith('/payments')) return { status: 201, body: { booking: ownerBooking({ amountPaid: 24_000, balanceDue: 0 }), payment: {} } };
      if (method === 'POST' && path.endsWith('/deposit-charged')) return { body: { booking: ownerBooking() } };
      return undefined;
    });
    const form = $(el, 'select[name=method]').closest('form')!;
    (form.querySelector('input[name=amount]') as HTMLInputElement).value = '168';
    (form.querySelector('select') as HTMLSelectElement).value = 'cash';
    (form.querySelector('input[name=note]') as HTMLInputElement).value = 'At check-out';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => $(el, '[role=status]').textContent === '$168.00 recorded.', 'the payment is recorded');
    expect(fetchStub!.calls.find((c) => c.url.pathname.endsWith('/payments'))!.body).to.deep.equal({ amount: 16_800, method: 'cash', note: 'At check-out' });
    // Nothing is left to pay, so there is no payment form any more.
    await waitUntil(() => !el.shadowRoot!.querySelector('select[name=method]'), 'the form is gone');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes('Mark deposit charged'))!.click();
    await waitUntil(() => $(el, '[role=status]').textContent === 'The deposit is marked charged.', 'the deposit is marked');
  });

  it('shows why the server refused an action', async () => {
    const el = await open(ownerBooking(), (method) =>
      method === 'POST' ? { status: 409, body: { error: { code: 'booking_final', message: 'Only a confirmed booking whose deposit is not yet marked can be marked charged' } } } : undefined,
    );
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes('Mark deposit charged'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the reason is shown');
    expect($(el, '[role=alert]').textContent).to.contain('Only a confirmed booking');
  });
});
