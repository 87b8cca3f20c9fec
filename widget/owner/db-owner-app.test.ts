import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { stubFetch } from '../../test/support/widget.ts';
import './db-owner-app.ts';
import type { DbOwnerApp } from './db-owner-app.ts';
import { BASE, property, session } from './owner-fixtures.test-support.ts';

describe('db-owner-app', () => {
  let fetchStub: ReturnType<typeof stubFetch> | undefined;
  const start = location.pathname;
  afterEach(() => {
    fetchStub?.restore();
    history.replaceState(null, '', start);
    localStorage.removeItem('directbook-owner-locale');
  });

  function server(signedIn: boolean) {
    localStorage.setItem('directbook-owner-locale', 'en');
    let open = signedIn;
    fetchStub = stubFetch((call) => {
      const path = call.url.pathname;
      if (path === '/owner/api/session') {
        if (call.method === 'POST') return ((open = true), { status: 201, body: session });
        if (call.method === 'DELETE') return ((open = false), { body: {} });
        return open ? { body: session } : { status: 401, body: { error: { code: 'unauthorized', message: 'Sign in' } } };
      }
      if (path === BASE) return { body: { property } };
      return { body: { bookings: [] } };
    });
  }

  const inner = (el: DbOwnerApp, tag: string) => el.shadowRoot!.querySelector(tag);

  it('asks for the key when there is no session, then shows today with the sections', async () => {
    server(false);
    const el = await fixture<DbOwnerApp>(html`<db-owner-app></db-owner-app>`);
    await waitUntil(() => inner(el, 'db-owner-sign-in'), 'the sign-in');
    await expect(el).to.be.accessible();
    const signIn = inner(el, 'db-owner-sign-in')!.shadowRoot!;
    signIn.querySelector('input')!.value = 'dbk.prop_1.secret';
    signIn.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => inner(el, 'db-owner-today'), 'today');
    expect(el.shadowRoot!.querySelector('.property')!.textContent).to.equal('Harbour House');
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal([
      'Today',
      'Bookings',
      'Calendar',
      'Rates',
      'Extras',
      'Promotions',
      'Closures',
      'Profile',
      'Embed',
      'Payments',
      'Channels',
      'Webhooks',
    ]);
    await expect(el).to.be.accessible();
  });

  it('moves between screens by its links, focusing the new heading, and signs out', async () => {
    server(true);
    const el = await fixture<DbOwnerApp>(html`<db-owner-app></db-owner-app>`);
    await waitUntil(() => inner(el, 'db-owner-today'), 'today');
    el.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="/owner/bookings"]')!.click();
    await waitUntil(() => inner(el, 'db-owner-bookings'), 'bookings');
    expect(location.pathname).to.equal('/owner/bookings');
    const screen = inner(el, 'db-owner-bookings')!;
    await waitUntil(() => screen.shadowRoot!.activeElement?.tagName === 'H1', 'the heading has focus');
    expect(el.shadowRoot!.querySelector('nav a[aria-current=page]')!.textContent).to.equal('Bookings');
    [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Sign out')!.click();
    await waitUntil(() => inner(el, 'db-owner-sign-in'), 'signed out');
    const out = fetchStub!.calls.find((c) => c.method === 'DELETE')!;
    expect(out.headers.get('x-csrf-token')).to.equal(session.csrfToken);
  });

  it('on a phone, shows the current section in the sideways-scrolling sections, the page itself no wider', async () => {
    server(true);
    history.replaceState(null, '', '/owner/payments');
    // The element itself at a phone's width: a wrapping <div> would make fixture() wait for a frame, which a background page never paints.
    const el = await fixture<DbOwnerApp>(html`<db-owner-app style="width: 375px"></db-owner-app>`);
    await waitUntil(() => inner(el, 'db-owner-payments'), 'payments');
    const nav = el.shadowRoot!.querySelector('nav')!;
    const current = nav.querySelector('[aria-current=page]')!.getBoundingClientRect();
    const visible = nav.getBoundingClientRect();
    expect(nav.scrollWidth).to.be.greaterThan(nav.clientWidth);
    expect(current.left).to.be.at.least(visible.left);
    expect(current.right).to.be.at.most(visible.right);
    expect(el.scrollWidth).to.equal(375);
    await expect(el).to.be.accessible();
  });

  it('speaks Korean when chosen', async () => {
    server(true);
    const el = await fixture<DbOwnerApp>(html`<db-owner-app></db-owner-app>`);
    await waitUntil(() => inner(el, 'db-owner-today'), 'today');
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'ko';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent)).to.deep.equal([
      '오늘',
      '예약',
      '달력',
      '요금',
      '추가 옵션',
      '프로모션',
      '휴무',
      '숙소 정보',
      '임베드',
      '결제',
      '채널',
      '웹훅',
    ]);
    expect(document.documentElement.lang).to.equal('ko');
    document.documentElement.lang = 'en';
  });
});
