import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { addDays, weekdayOf } from '../../shared/dates.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-calendar.ts';
import type { DbOwnerCalendar } from './db-owner-calendar.ts';
import { api, BASE, i18n, ownerBooking, rate, roomType, session, todayUtc } from './owner-fixtures.test-support.ts';

describe('db-owner-calendar', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  const today = todayUtc();

  const rates = [rate, { ...rate, id: 'rate_2', name: 'Non-refundable' }];

  async function calendar() {
    let closures = { weekdays: [] as number[], publicHolidays: false, dates: [addDays(today, 3)] };
    const booked = ownerBooking({ checkIn: today, checkOut: addDays(today, 2) });
    fetchStub = stubFetch((call) => {
      const path = call.url.pathname;
      if (path === `${BASE}/room-types`) return { body: { roomTypes: [roomType] } };
      if (path === `${BASE}/rates`) return { body: { rates } };
      if (path === `${BASE}/closures`) {
        if (call.method === 'PUT') closures = call.body as typeof closures;
        return { body: { closures } };
      }
      if (path === `${BASE}/bookings`) return { body: { bookings: [booked] } };
      const restrictions = /^.*\/rates\/(rate_\d)\/restrictions$/.exec(path);
      if (restrictions) {
        if (call.method === 'PUT') return { body: { rateId: restrictions[1], restrictions: 1 } };
        const dates = Array.from({ length: 14 }, (_, i) => addDays(today, i));
        const night = (date: string) => ({ date, minNights: date === addDays(today, 2) ? 2 : null, maxNights: null, closedToArrival: date === addDays(today, 4), closedToDeparture: false });
        return { body: { restrictions: restrictions[1] === 'rate_1' ? dates.map(night) : [] } };
      }
      if (/\/rates\/rate_\d\/prices$/.test(path)) {
        if (call.method === 'PUT') return { body: { rateId: 'rate_1', datesUpdated: 0, patterns: 1 } };
        const dates = Array.from({ length: 14 }, (_, i) => addDays(today, i));
        return { body: { prices: dates.map((date) => ({ date, amount: date === addDays(today, 1) ? 15_000 : 12_000, source: date === addDays(today, 1) ? 'date' : 'default' })) } };
      }
      return { status: 404, body: { error: { code: 'not_found', message: 'No such route' } } };
    });
    const el = await fixture<DbOwnerCalendar>(html`<db-owner-calendar .api=${api} .i18n=${i18n} timezone="UTC"></db-owner-calendar>`);
    await waitUntil(() => el.shadowRoot!.querySelector('table'), 'the grid is shown');
    return el;
  }

  const cells = (el: DbOwnerCalendar, row: string) => [...el.shadowRoot!.querySelectorAll(`tr.${row} td`)].map((td) => td.textContent.trim());

  it('shows units left, each night’s price and the closed dates for the next 14 days', async () => {
    const el = await calendar();
    expect(el.shadowRoot!.querySelectorAll('thead th[scope=col]').length).to.equal(15);
    const units = cells(el, 'units');
    expect(units.slice(0, 3)).to.deep.equal(['2 left', '2 left', '3 left']);
    const prices = cells(el, 'rate');
    expect(prices.slice(0, 2)).to.deep.equal(['$120', '$150']);
    const flexible = el.shadowRoot!.querySelector('tr.rate')!;
    const marks = [...flexible.querySelectorAll('td')].map((td) => [td.querySelector('.min-stay [aria-hidden]')?.textContent, td.querySelector('.no-arrival')?.textContent]);
    expect(marks.slice(0, 5)).to.deep.equal([
      [undefined, undefined],
      [undefined, undefined],
      ['2+', undefined],
      [undefined, undefined],
      [undefined, 'No check-in'],
    ]);
    expect(flexible.querySelectorAll('td')[2]!.querySelector('.visually-hidden')!.textContent).to.equal('at least 2 nights');
    expect(el.shadowRoot!.querySelectorAll('thead th.closed').length).to.equal(1);
    expect(fetchStub!.calls.find((c) => c.url.pathname.endsWith('/prices'))!.url.search).to.equal(`?from=${today}&to=${addDays(today, 13)}`);
    expect(fetchStub!.calls.find((c) => c.url.pathname.endsWith('/restrictions'))!.url.search).to.equal(`?from=${today}&to=${addDays(today, 13)}`);
    await expect(el).to.be.accessible();
  });

  it('sets a Friday and Saturday price for a season', async () => {
    const el = await calendar();
    const form = el.shadowRoot!.querySelector('form')!;
    (form.querySelector('input[name=from]') as HTMLInputElement).value = '2027-06-01';
    (form.querySelector('input[name=to]') as HTMLInputElement).value = '2027-08-31';
    form.querySelector<HTMLInputElement>('input[name=weekday][value="5"]')!.click();
    form.querySelector<HTMLInputElement>('input[name=weekday][value="6"]')!.click();
    (form.querySelector('input[name=amount]') as HTMLInputElement).value = '180';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent === 'Price saved for Flexible.', 'saved');
    const put = fetchStub!.calls.find((c) => c.method === 'PUT')!;
    expect(put.url.pathname).to.equal(`${BASE}/rates/rate_1/prices`);
    expect(put.body).to.deep.equal({ prices: [{ from: '2027-06-01', to: '2027-08-31', amount: 18_000, weekdays: [5, 6] }] });
    expect(put.headers.get('x-csrf-token')).to.equal(session.csrfToken);
  });

  it('closes and opens dates, keeping the other closures', async () => {
    const el = await calendar();
    const form = el.shadowRoot!.querySelector('form')!;
    const target = addDays(today, 5);
    (form.querySelector('input[name=from]') as HTMLInputElement).value = target;
    (form.querySelector('input[name=to]') as HTMLInputElement).value = target;
    [...form.querySelectorAll('button')].find((b) => b.textContent.includes('Close these dates'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('thead th.closed').length === 2, 'two closed dates');
    expect(fetchStub!.calls.find((c) => c.method === 'PUT')!.body).to.deep.equal({ weekdays: [], publicHolidays: false, dates: [addDays(today, 3), target].sort() });
    expect(weekdayOf(target)).to.be.within(0, 6);
    const again = el.shadowRoot!.querySelector('form')!;
    (again.querySelector('input[name=from]') as HTMLInputElement).value = today;
    (again.querySelector('input[name=to]') as HTMLInputElement).value = addDays(today, 13);
    [...again.querySelectorAll('button')].find((b) => b.textContent.includes('Open these dates'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('thead th.closed').length === 0, 'all open');
  });

  it('sets a weekend minimum stay on every rate, one request per rate', async () => {
    const el = await calendar();
    const form = el.shadowRoot!.querySelector('form')!;
    (form.querySelector('input[name=from]') as HTMLInputElement).value = '2027-07-01';
    (form.querySelector('input[name=to]') as HTMLInputElement).value = '2027-08-31';
    form.querySelector<HTMLInputElement>('input[name=weekday][value="5"]')!.click();
    const select = form.querySelector<HTMLSelectElement>('select[name=rate]')!;
    select.value = [...select.options].find((o) => o.textContent === 'All rates')!.value;
    (form.querySelector('input[name=minStay]') as HTMLInputElement).value = '2';
    [...form.querySelectorAll('button')].find((b) => b.textContent.includes('Set minimum stay'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=status]')!.textContent === 'Minimum stay saved for every rate.', 'saved');
    const puts = fetchStub!.calls.filter((c) => c.method === 'PUT');
    expect(puts.map((c) => c.url.pathname)).to.deep.equal([`${BASE}/rates/rate_1/restrictions`, `${BASE}/rates/rate_2/restrictions`]);
    for (const put of puts) expect(put.body).to.deep.equal({ restrictions: [{ from: '2027-07-01', to: '2027-08-31', minNights: 2, weekdays: [5] }] });
    await expect(el).to.be.accessible();
  });

  it('refuses a minimum stay over 30 nights without asking the server', async () => {
    const el = await calendar();
    const form = el.shadowRoot!.querySelector('form')!;
    (form.querySelector('input[name=minStay]') as HTMLInputElement).value = '31';
    [...form.querySelectorAll('button')].find((b) => b.textContent.includes('Set minimum stay'))!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the error');
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal('Enter a whole number of nights from 1 to 30');
    expect(fetchStub!.calls.some((c) => c.method === 'PUT')).to.equal(false);
  });
});
