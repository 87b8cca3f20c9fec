// SPEC 2.21 in the console: a rate across several room types with a price each, a rate derived from another, and how the list shows both.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Rate } from '../../shared/schemas/rate.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-rate.ts';
import './db-owner-rates.ts';
import type { DbOwnerRate } from './db-owner-rate.ts';
import { api, BASE, i18n, rate, roomType } from './owner-fixtures.test-support.ts';

const suite = { ...roomType, id: 'rt_2', name: 'Family suite' };
const plan = {
  ...rate,
  roomTypes: [
    { roomTypeId: 'rt_1', nightlyPrice: 12_000 },
    { roomTypeId: 'rt_2', nightlyPrice: 20_000 },
  ],
} as Rate;
const derived = { ...rate, id: 'rate_2', name: 'Member', nightlyPrice: 10_800, derivedFrom: { rateId: 'rate_1', adjust: { percent: -10 } } } as Rate;

describe('rate plans and derived rates in the console', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  /** Answers the reads; a POST is refused with `detail` under its path. */
  function serve(detail: { path: string; message: string }) {
    fetchStub = stubFetch((call) => {
      const path = call.url.pathname;
      if (call.method === 'POST') return { status: 400, body: { error: { code: 'invalid_input', message: detail.message, details: [detail] } } };
      if (path === `${BASE}/room-types`) return { body: { roomTypes: [roomType, suite] } };
      if (path === `${BASE}/rates`) return { body: { rates: [plan, derived] } };
      if (path === `${BASE}/rates/rate_1`) return { body: { rate: { ...plan, payInFullOption: false, extraAdultPrice: 0, childPrices: [] } } };
      if (path === `${BASE}/rates/rate_1/prices`) {
        const amount = call.url.searchParams.get('roomTypeId') === 'rt_2' ? 20_000 : 12_000;
        return { body: { prices: [{ date: '2026-12-11', amount, source: 'default' }] } };
      }
      return { status: 404, body: { error: { code: 'not_found', message: 'No such route' } } };
    });
  }

  async function newRate() {
    const el = await fixture<DbOwnerRate>(html`<db-owner-rate .api=${api} .i18n=${i18n}></db-owner-rate>`);
    await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the form');
    const name = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=name]')!;
    name.value = 'Summer';
    return el;
  }

  const type = (input: HTMLInputElement, value: string) => {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const button = (el: HTMLElement, text: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.includes(text))!;
  const errorOf = (el: HTMLElement, input: Element) => el.shadowRoot!.getElementById(input.getAttribute('aria-describedby')!)!.textContent;

  it('creates a rate across two room types with a price each, and shows a refused price under its room type', async () => {
    serve({ path: 'roomTypes.1.nightlyPrice', message: 'nightlyPrice is at most 100000000' });
    const el = await newRate();
    type(el.shadowRoot!.querySelector<HTMLInputElement>('input[name=nightlyPrice]')!, '120');
    button(el, 'Add a room type').click();
    await el.updateComplete;
    const prices = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=nightlyPrice]');
    expect(prices.length).to.equal(2);
    expect([...el.shadowRoot!.querySelectorAll<HTMLSelectElement>('select[name=roomTypeId]')].map((s) => s.value)).to.deep.equal(['rt_1', 'rt_2']);
    type(prices[1]!, '200');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field error');
    const post = fetchStub!.calls.find((c) => c.method === 'POST')!;
    expect(post.body).to.deep.include({
      roomTypes: [
        { roomTypeId: 'rt_1', nightlyPrice: 12_000 },
        { roomTypeId: 'rt_2', nightlyPrice: 20_000 },
      ],
    });
    expect(post.body).not.to.have.any.keys('roomTypeId', 'nightlyPrice', 'derivedFrom');
    const second = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=nightlyPrice]')[1]!;
    expect(second.getAttribute('aria-invalid')).to.equal('true');
    expect(errorOf(el, second)).to.equal('nightlyPrice is at most 100000000');
    await expect(el).to.be.accessible();
  });

  it('creates a rate 10% below another without prices of its own, and shows a refused percent under it', async () => {
    serve({ path: 'derivedFrom.adjust.percent', message: 'percent is at least -100' });
    const el = await newRate();
    const parent = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=derivedFrom]')!;
    // Only a rate with prices of its own can be a parent.
    expect([...parent.options].map((o) => o.textContent)).to.deep.equal(['No other rate: its own prices', 'Flexible']);
    parent.value = 'rate_1';
    parent.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('input[name=nightlyPrice]')).to.equal(null);
    type(el.shadowRoot!.querySelector<HTMLInputElement>('input[name=adjustValue]')!, '-10');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field error');
    expect(fetchStub!.calls.find((c) => c.method === 'POST')!.body).to.deep.include({ roomTypes: [{ roomTypeId: 'rt_1' }], derivedFrom: { rateId: 'rate_1', adjust: { percent: -10 } } });
    const adjust = el.shadowRoot!.querySelector<HTMLInputElement>('input[name=adjustValue]')!;
    expect(errorOf(el, adjust)).to.equal('percent is at least -100');
    await expect(el).to.be.accessible();
  });

  it('sends an amount below the parent in minor units', async () => {
    serve({ path: 'name', message: 'unused' });
    const el = await newRate();
    const parent = el.shadowRoot!.querySelector<HTMLSelectElement>('select[name=derivedFrom]')!;
    parent.value = 'rate_1';
    parent.dispatchEvent(new Event('change'));
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name=adjustKind][value=amount]')!.click();
    type(el.shadowRoot!.querySelector<HTMLInputElement>('input[name=adjustValue]')!, '-15.50');
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitUntil(() => fetchStub!.calls.some((c) => c.method === 'POST'), 'sent');
    expect(fetchStub!.calls.find((c) => c.method === 'POST')!.body).to.deep.include({ derivedFrom: { rateId: 'rate_1', adjust: { amount: -1_550 } } });
  });

  it('lists a plan once with its room types, and a derived rate by its parent', async () => {
    serve({ path: 'name', message: 'unused' });
    const el = await fixture(html`<db-owner-rates .api=${api} .i18n=${i18n}></db-owner-rates>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.rows'), 'the rates');
    const rows = [...el.shadowRoot!.querySelectorAll('.rows li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(rows).to.have.length(2);
    expect(rows[0]).to.contain('Sea view double $120.00 · Family suite $200.00');
    expect(rows[1]).to.contain('Member').and.contain('−10% of Flexible');
    await expect(el).to.be.accessible();
  });

  it('shows a plan’s prices by date for each of its room types', async () => {
    serve({ path: 'name', message: 'unused' });
    const el = await fixture<DbOwnerRate>(html`<db-owner-rate .api=${api} .i18n=${i18n} rateId="rate_1"></db-owner-rate>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('db-owner-rate-prices').length === 2, 'a prices table per room type');
    const panels = [...el.shadowRoot!.querySelectorAll('db-owner-rate-prices')];
    await waitUntil(() => panels.every((panel) => panel.shadowRoot!.querySelector('table')), 'the prices');
    expect(panels.map((panel) => panel.shadowRoot!.querySelector('h2')!.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Prices by date and weekday · Sea view double',
      'Prices by date and weekday · Family suite',
    ]);
    expect(panels.map((panel) => panel.shadowRoot!.querySelector('tbody')!.textContent.includes('$200.00'))).to.deep.equal([false, true]);
    expect([...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=nightlyPrice]')].map((input) => input.value)).to.deep.equal(['120.00', '200.00']);
    await expect(el).to.be.accessible();
  });
});
