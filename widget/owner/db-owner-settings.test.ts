// The rates list and form, closures, embed and payments screens: each shows what the API holds, writes what the owner set, and passes axe.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { type Reply, stubFetch } from '../../test/support/widget.ts';
import './db-owner-rates.ts';
import './db-owner-rate.ts';
import './db-owner-closures.ts';
import './db-owner-embed.ts';
import './db-owner-payments.ts';
import { api, BASE, i18n, property, rate, roomType } from './owner-fixtures.test-support.ts';

const fullRate = { ...rate, payInFullOption: false, extraAdultPrice: 0, childPrices: [] };
const fullProperty = {
  ...property,
  allowedOrigins: ['https://harbour.example'],
  paymentMode: 'manual',
  cardRetention: 'until_deposit_charged',
  balanceCollection: null,
  taxes: [],
  fees: [],
  priceDisplay: 'total',
};

describe('the owner’s settings screens', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  function serve(extra: (call: Parameters<Parameters<typeof stubFetch>[0]>[0]) => Reply | undefined = () => undefined) {
    fetchStub = stubFetch((call) => {
      const answer = extra(call);
      if (answer) return answer;
      const path = call.url.pathname;
      if (path === `${BASE}/room-types`) return { body: { roomTypes: [roomType] } };
      if (path === `${BASE}/rates`) return { body: { rates: [rate] } };
      if (path === `${BASE}/rates/rate_1`) return { body: { rate: fullRate } };
      if (path.endsWith('/prices')) return { body: { prices: [{ date: '2026-12-11', amount: 25_000, source: 'weekday' }] } };
      if (path === `${BASE}/closures`) return { body: { closures: { weekdays: [], publicHolidays: true, dates: [], openHolidays: [] } } };
      if (path === `${BASE}/holidays`) return { body: { holidays: [{ date: '2026-12-25', name: 'Christmas Day', open: false }] } };
      if (path.startsWith('/api/v1/public/')) return { body: { embedAllowed: true } };
      return { body: { property: fullProperty } };
    });
  }

  it('lists rates by room type with their price and deposit', async () => {
    serve();
    const el = await fixture(html`<db-owner-rates .api=${api} .i18n=${i18n}></db-owner-rates>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.rows'), 'the rates');
    expect(el.shadowRoot!.textContent).to.contain('Sea view double').and.contain('Flexible').and.contain('$120.00 a night').and.contain('No deposit');
    await expect(el).to.be.accessible();
  });

  it('shows a refused refund tier under its field, and reads back the rate’s prices with their source', async () => {
    const detail = { path: 'cancellationPolicy.tiers.1.daysBefore', message: 'daysBefore is at most 730' };
    serve((call) => (call.method === 'PATCH' ? { status: 400, body: { error: { code: 'invalid_input', message: detail.message, details: [detail] } } } : undefined));
    const el = await fixture(html`<db-owner-rate .api=${api} .i18n=${i18n} rateId="rate_1"></db-owner-rate>`);
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form');
    const prices = el.shadowRoot!.querySelector('db-owner-rate-prices')!;
    await waitUntil(() => prices.shadowRoot!.querySelector('table'), 'the prices');
    expect(prices.shadowRoot!.querySelector('tbody')!.textContent).to.contain('$250.00').and.contain('A weekday price');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field error');
    const invalid = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[aria-invalid=true]');
    expect([...invalid].map((input) => input.value)).to.deep.equal(['2']);
    expect(el.shadowRoot!.getElementById(invalid[0]!.getAttribute('aria-describedby')!)!.textContent).to.equal('daysBefore is at most 730');
    await expect(el).to.be.accessible();
  });

  it('keeps a holiday open while closed on the others', async () => {
    serve();
    const el = await fixture(html`<db-owner-closures .api=${api} .i18n=${i18n}></db-owner-closures>`);
    await waitUntil(() => el.shadowRoot!.textContent.includes('Christmas Day'), 'the holidays');
    el.shadowRoot!.querySelector<HTMLInputElement>('ul.rows input[type=checkbox]')!.click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => fetchStub!.calls.some((c) => c.method === 'PUT'), 'saved');
    expect(fetchStub!.calls.find((c) => c.method === 'PUT')!.body).to.deep.include({ publicHolidays: true, openHolidays: ['2026-12-25'] });
    await expect(el).to.be.accessible();
  });

  it('gives the snippet and tells a listed site from an unlisted one', async () => {
    serve();
    const el = await fixture(html`<db-owner-embed .api=${api} .i18n=${i18n}></db-owner-embed>`);
    await waitUntil(() => el.shadowRoot!.querySelector('textarea'), 'the sites');
    expect(el.shadowRoot!.querySelector('pre')!.textContent).to.contain(`${location.origin}/widget.js`).and.contain('property="prop_1"');
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=url]')!;
    input.value = 'harbour.example/rooms';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => el.shadowRoot!.textContent.includes('https://harbour.example is listed'), 'listed');
    input.value = 'https://other.example';
    input.dispatchEvent(new Event('input'));
    await waitUntil(() => el.shadowRoot!.textContent.includes('https://other.example is not listed'), 'not listed');
    await expect(el).to.be.accessible();
  });

  it('saves a fee in the currency’s major unit', async () => {
    serve((call) => (call.method === 'PATCH' ? { body: { property: fullProperty } } : undefined));
    const el = await fixture(html`<db-owner-payments .api=${api} .i18n=${i18n}></db-owner-payments>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#fees-heading'), 'the form');
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.includes('Add a fee'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-label="Fee 1"]'), 'a fee row');
    const [name, amount] = el.shadowRoot!.querySelectorAll<HTMLInputElement>('[aria-label="Fee 1"] input');
    name!.value = 'Cleaning';
    name!.dispatchEvent(new Event('input'));
    amount!.value = '25';
    amount!.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => fetchStub!.calls.some((c) => c.method === 'PATCH'), 'saved');
    expect(fetchStub!.calls.find((c) => c.method === 'PATCH')!.body).to.deep.include({ fees: [{ name: 'Cleaning', per: 'stay', amount: 2_500 }], balanceCollection: null });
    await expect(el).to.be.accessible();
  });
});
