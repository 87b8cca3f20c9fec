import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-bookings.ts';
import type { DbOwnerBookings } from './db-owner-bookings.ts';
import { api, i18n, ownerBooking } from './owner-fixtures.test-support.ts';

// The blob: URL of the CSV is read with the browser's own fetch, not the stub.
const browserFetch = window.fetch.bind(window);

describe('db-owner-bookings', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  const mina = ownerBooking();
  const joon = ownerBooking({ id: 'bk_2', reference: 'DB-JOON0002', status: 'cancelled', guest: { firstName: '=Joon', lastName: 'Kim', email: 'joon@example.com' } });

  async function list() {
    fetchStub = stubFetch((call) => {
      const q = call.url.searchParams.get('q');
      const status = call.url.searchParams.get('status');
      return { body: { bookings: [mina, joon].filter((b) => (!q || b.reference.includes(q)) && (!status || b.status === status)) } };
    });
    const el = await fixture<DbOwnerBookings>(html`<db-owner-bookings .api=${api} .i18n=${i18n}></db-owner-bookings>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('a.row').length === 2, 'both bookings');
    return el;
  }

  const rows = (el: DbOwnerBookings) => [...el.shadowRoot!.querySelectorAll('a.row .ref')].map((r) => r.textContent);

  it('finds a booking by its reference through the API’s search', async () => {
    const el = await list();
    const search = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=search]')!;
    search.value = 'DB-GJPCYH1R';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => rows(el).length === 1, 'one booking');
    expect(rows(el)).to.deep.equal(['DB-GJPCYH1R']);
    expect(fetchStub!.calls.at(-1)!.url.searchParams.get('q')).to.equal('DB-GJPCYH1R');
    await expect(el).to.be.accessible();
  });

  it('filters by status', async () => {
    const el = await list();
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'cancelled';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => rows(el).length === 1, 'one booking');
    expect(rows(el)).to.deep.equal(['DB-JOON0002']);
    expect(fetchStub!.calls.at(-1)!.url.searchParams.get('status')).to.equal('cancelled');
  });

  it('offers the list as CSV with amounts in dollars and formulas defused', async () => {
    const el = await list();
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[download]')!;
    expect(link.textContent).to.equal('Download CSV');
    const csv = await (await browserFetch(link.href)).text();
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).to.equal('reference,status,checkIn,checkOut,firstName,lastName,email,currency,total,amountPaid,amountRefunded,balanceDue');
    expect(lines[1]).to.equal('DB-GJPCYH1R,confirmed,2026-12-10,2026-12-12,Mina,Park,mina@example.com,USD,240.00,72.00,0.00,168.00');
    expect(lines[2]).to.contain(",'=Joon,");
  });
});
