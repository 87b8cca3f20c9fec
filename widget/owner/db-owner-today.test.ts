import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { addDays } from '../../shared/dates.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-today.ts';
import type { DbOwnerToday } from './db-owner-today.ts';
import { api, i18n, ownerBooking, todayUtc } from './owner-fixtures.test-support.ts';

describe('db-owner-today', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  it('lists today’s arrivals, departures and the holds waiting for payment', async () => {
    const today = todayUtc();
    const arriving = ownerBooking({ id: 'bk_a', reference: 'DB-ARRIVE01', checkIn: today, checkOut: addDays(today, 2) });
    const leaving = ownerBooking({ id: 'bk_d', reference: 'DB-LEAVE001', checkIn: addDays(today, -2), checkOut: today });
    const held = ownerBooking({ id: 'bk_p', reference: 'DB-PENDING1', status: 'pending', checkIn: addDays(today, 5), checkOut: addDays(today, 6) });
    fetchStub = stubFetch((call) => ({ body: { bookings: call.url.searchParams.get('status') === 'pending' ? [held] : [arriving, leaving] } }));
    const el = await fixture<DbOwnerToday>(html`<db-owner-today .api=${api} .i18n=${i18n} timezone="UTC"></db-owner-today>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('section').length === 3, 'three sections');
    const [arrivals, departures, pending] = [...el.shadowRoot!.querySelectorAll('section')].map((s) => s.textContent);
    expect(arrivals).to.contain('Arrivals').and.contain('DB-ARRIVE01').and.not.contain('DB-LEAVE001');
    expect(departures).to.contain('DB-LEAVE001').and.not.contain('DB-ARRIVE01');
    expect(pending).to.contain('DB-PENDING1').and.contain('held until');
    const around = fetchStub.calls.find((c) => c.url.searchParams.has('from'))!;
    expect(around.url.searchParams.get('from')).to.equal(addDays(today, -1));
    expect(around.url.searchParams.get('to')).to.equal(today);
    expect(el.shadowRoot!.querySelector<HTMLAnchorElement>('a.row')!.getAttribute('href')).to.equal('/owner/bookings/bk_a');
    await expect(el).to.be.accessible();
  });

  it('says when there is nobody', async () => {
    fetchStub = stubFetch(() => ({ body: { bookings: [] } }));
    const el = await fixture<DbOwnerToday>(html`<db-owner-today .api=${api} .i18n=${i18n} timezone="UTC"></db-owner-today>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('section').length === 3, 'three sections');
    expect([...el.shadowRoot!.querySelectorAll('section p')].map((p) => p.textContent)).to.deep.equal(['None.', 'None.', 'None.']);
    await expect(el).to.be.accessible();
  });
});
