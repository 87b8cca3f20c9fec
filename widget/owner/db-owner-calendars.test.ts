import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CalendarView } from '../../shared/schemas/calendar.ts';
import { todayIn } from '../../shared/dates.ts';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-calendars.ts';
import './db-owner-calendars-conflicts.ts';
import type { DbOwnerCalendars } from './db-owner-calendars.ts';
import type { DbOwnerCalendarsConflicts } from './db-owner-calendars-conflicts.ts';
import { api, BASE, i18n, roomType, session } from './owner-fixtures.test-support.ts';

const today = todayIn('UTC', new Date());
const later = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const airbnb = (overrides: Partial<CalendarView> = {}): CalendarView => ({
  id: 'cal_1',
  roomTypeId: 'rt_1',
  name: 'Airbnb',
  url: 'https://www.airbnb.com/calendar/ical/123.ics?s=abc',
  createdAt: '2026-11-20T03:00:00Z',
  lastSyncAt: '2026-11-24T02:45:00Z',
  lastSuccessAt: '2026-11-24T02:45:00Z',
  lastError: null,
  nextSyncAt: '2026-11-24T03:00:00Z',
  events: 4,
  blocked: 6,
  conflicts: [
    { date: later(3), uid: 'ev-1', summary: 'Reserved', bookingId: 'bk_9', foundAt: '2026-11-24T02:45:00Z' },
    { date: later(-30), uid: 'ev-0', summary: 'Reserved', bookingId: null, foundAt: '2026-10-24T02:45:00Z' },
  ],
  ...overrides,
});

const FEED = `${location.origin}/ical/rt_1/tok_first.ics`;

const $ = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector)!;
const button = (root: ParentNode, text: string) => [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent.includes(text))!;
/** What the screen announced last, wherever its live region is. */
const status = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role=status]:not(.muted)')].map((p) => p.textContent).join('');

describe('db-owner-calendars', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  async function calendarsScreen(add?: (body: unknown) => { status: number; body: unknown }) {
    let calendars = [airbnb()];
    let feed = FEED;
    fetchStub = stubFetch((call) => {
      const path = call.url.pathname;
      if (path === `${BASE}/room-types`) return { body: { roomTypes: [roomType] } };
      if (path === `${BASE}/room-types/rt_1/ical`) return { body: { url: feed } };
      if (path === `${BASE}/room-types/rt_1/ical/rotate`) return { body: { url: (feed = `${location.origin}/ical/rt_1/tok_second.ics`) } };
      if (path === `${BASE}/room-types/rt_1/calendars/cal_1/sync`) return { body: { events: 5, blocked: 7, released: 0, conflicts: 1 } };
      if (call.method === 'DELETE') {
        calendars = calendars.filter((c) => path !== `${BASE}/room-types/rt_1/calendars/${c.id}`);
        return { body: {} };
      }
      if (call.method === 'POST') {
        const answer = add?.(call.body) ?? {
          status: 201,
          body: { calendar: airbnb({ id: 'cal_2', ...(call.body as { name: string; url: string }), events: 2, conflicts: [] }), sync: { ok: true } },
        };
        if (answer.status === 201) calendars = [...calendars, (answer.body as { calendar: CalendarView }).calendar];
        return answer;
      }
      return { body: { calendars } };
    });
    const el = await fixture<DbOwnerCalendars>(html`<db-owner-calendars .api=${api} .i18n=${i18n}></db-owner-calendars>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.rows'), 'the calendars are shown');
    return el;
  }

  it('shows each room type’s feed address and its imported calendars with the last sync and conflicts', async () => {
    const el = await calendarsScreen();
    expect($(el, 'h2').textContent).to.equal('Sea view double');
    expect($(el, '.snippet').textContent).to.equal(FEED);
    const row = $(el, '.rows > li');
    expect(row.textContent).to.contain('Airbnb').and.contain('events: 4 · nights blocked: 6').and.contain('Conflicts: 2');
    expect(row.querySelector(`a[href="/owner/bookings/bk_9"]`)).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('replaces the feed address only after the owner confirms', async () => {
    const el = await calendarsScreen();
    const rotate = button(el.shadowRoot!, 'Replace the address');
    rotate.click();
    await el.updateComplete;
    expect(rotate.getAttribute('aria-expanded')).to.equal('true');
    expect(fetchStub!.calls.some((c) => c.method === 'POST')).to.equal(false);
    expect($(el, '.confirm').textContent).to.contain('stops working');
    await expect(el).to.be.accessible();
    button($(el, '.confirm'), 'Replace it').click();
    await waitUntil(() => $(el, '.snippet').textContent.includes('tok_second'), 'the new address is shown');
    expect(fetchStub!.calls.find((c) => c.method === 'POST')!.headers.get('x-csrf-token')).to.equal(session.csrfToken);
    expect(el.shadowRoot!.querySelector('.confirm')).to.equal(null);
    expect(status(el)).to.equal('New feed address for Sea view double.');
  });

  it('adds a calendar, syncs one now and removes one, saying what happened', async () => {
    const el = await calendarsScreen();
    const form = $(el, 'form.add');
    (form.querySelector('input[name=name]') as HTMLInputElement).value = 'Booking.com';
    (form.querySelector('input[name=url]') as HTMLInputElement).value = 'https://admin.booking.com/ical/1.ics';
    button(form, 'Add a calendar').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.rows > li').length === 2, 'two calendars');
    expect(fetchStub!.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ name: 'Booking.com', url: 'https://admin.booking.com/ical/1.ics' });
    expect(status(el)).to.equal('Booking.com added; events found: 2.');

    button($(el, '.rows > li'), 'Sync now').click();
    await waitUntil(() => status(el)?.startsWith('Airbnb synced'), 'the sync is reported');
    expect(status(el)).to.equal('Airbnb synced · events: 5 · nights blocked: 7 · conflicts: 1.');

    button($(el, '.rows > li'), 'Remove').click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('.rows > li').length === 1, 'one calendar');
    expect($(el, '.rows > li').textContent).to.contain('Booking.com');
    await expect(el).to.be.accessible();
  });

  it('shows a refused address under the field of the form that sent it', async () => {
    const el = await calendarsScreen(() => ({
      status: 400,
      body: { error: { code: 'validation_failed', message: 'Invalid request', details: [{ path: 'url', message: 'Private addresses are refused' }] } },
    }));
    const form = $(el, 'form.add');
    (form.querySelector('input[name=name]') as HTMLInputElement).value = 'Home';
    (form.querySelector('input[name=url]') as HTMLInputElement).value = 'https://192.168.0.2/cal.ics';
    button(form, 'Add a calendar').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.field-error'), 'the field error');
    const input = form.querySelector('input[name=url]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, `#${input.getAttribute('aria-describedby')}`).textContent).to.equal('Private addresses are refused');
    await expect(el).to.be.accessible();
  });
});

describe('db-owner-calendars-conflicts', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  afterEach(() => {
    fetchStub?.restore();
  });

  it('lists today’s and later conflicts across room types, linked to the booking, and leaves past ones out', async () => {
    fetchStub = stubFetch((call) => {
      if (call.url.pathname === `${BASE}/room-types`) return { body: { roomTypes: [roomType] } };
      return { body: { calendars: [airbnb()] } };
    });
    const el = await fixture<DbOwnerCalendarsConflicts>(html`<db-owner-calendars-conflicts .api=${api} .i18n=${i18n}></db-owner-calendars-conflicts>`);
    await waitUntil(() => el.shadowRoot!.querySelector('section'), 'the conflicts are shown');
    expect($(el, 'h2').textContent.replace(/\s+/g, ' ')).to.equal('Calendar conflicts (1)');
    const row = $(el, '.rows > li');
    expect(row.textContent).to.contain('Sea view double').and.contain('Airbnb: Reserved');
    expect(row.querySelector('a')!.getAttribute('href')).to.equal('/owner/bookings/bk_9');
    await expect(el).to.be.accessible();
  });
});
