import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-card-reveal.ts';
import './db-owner-resend-confirmation.ts';
import type { DbOwnerCardReveal } from './db-owner-card-reveal.ts';
import type { DbOwnerResendConfirmation } from './db-owner-resend-confirmation.ts';
import { api, BASE, i18n, ownerBooking, session } from './owner-fixtures.test-support.ts';

const booking = ownerBooking({ paymentMode: 'manual', card: { brand: 'visa', last4: '1111', expMonth: 7, expYear: 2031 } });
const CARD = { number: '4111111111111111', expMonth: 7, expYear: 2031, holderName: 'Mina Park' };

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const button = (el: Element, text: string) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.includes(text))!;

describe('db-owner-card-reveal', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function reveal(answer: () => { status?: number; body: unknown } = () => ({ body: { card: CARD } })) {
    fetchStub = stubFetch(() => answer());
    const el = await fixture<DbOwnerCardReveal>(html`<db-owner-card-reveal .api=${api} .i18n=${i18n} .booking=${booking}></db-owner-card-reveal>`);
    button(el, 'Reveal card').click();
    await el.updateComplete;
    return el;
  }

  it('asks why, sends the reason, and shows the card until the owner closes it', async () => {
    const el = await reveal();
    expect(el.shadowRoot!.activeElement?.tagName).to.equal('TEXTAREA');
    await expect(el).to.be.accessible();
    ($(el, 'textarea') as HTMLTextAreaElement).value = 'No-show: charging the first night';
    button(el, 'Reveal').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.card-shown'), 'the card is shown');
    const call = fetchStub!.calls[0]!;
    expect(call.url.pathname).to.equal(`${BASE}/bookings/bk_1/card/reveal`);
    expect(call.body).to.deep.equal({ reason: 'No-show: charging the first night' });
    expect(call.headers.get('x-csrf-token')).to.equal(session.csrfToken);
    expect($(el, '.card-shown').textContent).to.contain('4111 1111 1111 1111').and.contain('07/2031').and.contain('Mina Park');
    expect(el.shadowRoot!.activeElement?.id).to.equal('card-heading');
    await expect(el).to.be.accessible();
    button(el, 'Close the card').click();
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).not.to.contain('4111');
    expect(button(el, 'Reveal card').isConnected).to.equal(true);
  });

  it('refuses an empty reason without asking the server', async () => {
    const el = await reveal();
    button(el, 'Reveal').click();
    await el.updateComplete;
    expect(fetchStub!.calls).to.have.length(0);
    expect($(el, '.field-error').textContent).to.equal('Say why the card is needed.');
    expect($(el, 'textarea').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('says why the server refused, and shows no card', async () => {
    const el = await reveal(() => ({ status: 429, body: { error: { code: 'rate_limited', message: 'A key may reveal at most 10 cards an hour' } } }));
    ($(el, 'textarea') as HTMLTextAreaElement).value = 'Checking the name';
    button(el, 'Reveal').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the refusal');
    expect($(el, '[role=alert]').textContent).to.equal('A key may reveal at most 10 cards an hour');
    expect(el.shadowRoot!.querySelector('.card-shown')).to.equal(null);
  });
});

describe('db-owner-resend-confirmation', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  it('sends the confirmation again and says to whom', async () => {
    fetchStub = stubFetch(() => ({ status: 202, body: { booking } }));
    const el = await fixture<DbOwnerResendConfirmation>(html`<db-owner-resend-confirmation .api=${api} .i18n=${i18n} .booking=${booking}></db-owner-resend-confirmation>`);
    button(el, 'Resend confirmation').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.status-line'), 'the outcome');
    expect(fetchStub.calls[0]!.method).to.equal('POST');
    expect(fetchStub.calls[0]!.url.pathname).to.equal(`${BASE}/bookings/bk_1/confirmation/resend`);
    expect($(el, '[role=status]').textContent).to.equal('Confirmation sent again to mina@example.com.');
    await expect(el).to.be.accessible();
  });
});
