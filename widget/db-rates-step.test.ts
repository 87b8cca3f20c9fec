import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Api, ApiError } from './api.ts';
import { availability, fixtureIn, nextEvent, property, stubFetch } from '../test/support/widget.ts';
import './db-rates-step.ts';
import type { DbRatesStep } from './db-rates-step.ts';

const stay = { checkIn: '2026-03-11', checkOut: '2026-03-12' };
const party = { adults: 2, children: 0 };

function step(options: { selection?: Record<string, number>; error?: unknown; notice?: string; venue?: typeof property } = {}) {
  return fixtureIn<DbRatesStep>(
    html`<db-rates-step .venue=${options.venue ?? property} .stay=${stay} .party=${party} .availability=${availability(stay.checkIn, stay.checkOut)}
      .selection=${options.selection ?? {}} .error=${options.error} notice=${options.notice ?? ''}></db-rates-step>`,
    { api: new Api(location.origin, 'demo') },
  );
}
const find = (el: DbRatesStep, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const text = (el: DbRatesStep, selector: string) => find(el, selector)!.textContent.replace(/\s+/g, ' ').trim();

describe('db-rates-step', () => {
  it('shows the stay and the party being searched', async () => {
    const el = await step();
    expect(text(el, '#dates-toggle .field-value')).to.equal('Wed, Mar 11 – Thu, Mar 12 · 1 night');
    expect(text(el, '#guests-toggle .field-value')).to.equal('2 adults');
    expect(el.shadowRoot!.querySelector('db-rate-list')!.availability!.checkIn).to.equal('2026-03-11');
  });

  it('is a placeholder of itself until the stay is known', async () => {
    const el = await fixture<DbRatesStep>(html`<db-rates-step></db-rates-step>`);
    expect(el.shadowRoot!.querySelectorAll('.search-skeleton .skeleton')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('db-rate-list')!.loading).to.equal(true);
  });

  it('opens the calendar on the stay, with the nights’ prices, and closes it once dates are chosen', async () => {
    const fetch = stubFetch((call) => ({ body: { from: call.url.searchParams.get('from'), to: call.url.searchParams.get('to'), currency: 'USD', days: [] } }));
    try {
      const el = await step();
      find(el, '#dates-toggle')!.click();
      await waitUntil(() => fetch.calls.some((c) => c.url.pathname.endsWith('/calendar')), 'the calendar asked for');
      expect(fetch.calls[0]!.url.searchParams.get('from')).to.equal('2026-03-01');
      // SPEC 2.21: ranges are inclusive, so the last visible month ends the range on its last day.
      expect(fetch.calls[0]!.url.searchParams.get('to')).to.match(/^2026-0(3-31|4-30)$/);
      const picker = el.shadowRoot!.querySelector('db-date-picker')!;
      expect(picker.checkIn).to.equal('2026-03-11');
      await picker.updateComplete;
      picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-date="2026-03-12"]')!.click();
      await picker.updateComplete;
      setTimeout(() => picker.shadowRoot!.querySelector<HTMLButtonElement>('[data-date="2026-03-14"]')!.click());
      const chosen = await nextEvent(el, 'db-dates-change');
      expect(chosen.value).to.deep.equal({ checkIn: '2026-03-12', checkOut: '2026-03-14' });
      await waitUntil(() => !el.shadowRoot!.querySelector('#panel'), 'the calendar closed');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement).to.equal(find(el, '#dates-toggle'));
    } finally {
      fetch.restore();
    }
  });

  it('closes the guests panel with Escape and puts focus back on its button', async () => {
    const el = await step();
    find(el, '#guests-toggle')!.click();
    await el.updateComplete;
    expect(find(el, '#guests-toggle')!.getAttribute('aria-expanded')).to.equal('true');
    find(el, '#panel')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await waitUntil(() => !find(el, '#panel'));
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(find(el, '#guests-toggle'));
  });

  it('passes on the party the guest picks', async () => {
    const el = await step();
    find(el, '#guests-toggle')!.click();
    // The panel's code is a chunk (widget/steps.ts).
    await waitUntil(() => el.shadowRoot!.querySelector('db-guests')?.shadowRoot?.querySelector('db-stepper'), 'the guests panel');
    const adults = el.shadowRoot!.querySelector('db-guests')!.shadowRoot!.querySelector('db-stepper')!;
    setTimeout(() => adults.shadowRoot!.querySelectorAll('button')[1]!.click());
    const event = await nextEvent(el, 'db-guests-change');
    expect(event.value).to.deep.equal({ adults: 3, children: 0 });
  });

  it('passes on the rooms the guest chooses', async () => {
    const el = await step();
    const card = el.shadowRoot!.querySelector('db-rate-list')!.shadowRoot!.querySelector('db-rate-card')!;
    setTimeout(() => card.shadowRoot!.querySelector<HTMLButtonElement>('.choose')!.click());
    const event = await nextEvent(el, 'db-quantity-change');
    expect(event.value).to.deep.equal({ id: 'garden flex', quantity: 1 });
  });

  it('adds up the rooms chosen and lets the guest continue', async () => {
    const el = await step({ selection: { 'garden flex': 1, 'garden saver': 1 } });
    expect(text(el, '.footer-text span')).to.equal('2 rooms selected');
    expect(text(el, '.footer-text strong')).to.equal('$220.00');
    setTimeout(() => find(el, '.footer .primary')!.click());
    await nextEvent(el, 'db-continue');
  });

  it('shows a paused property’s rates, says bookings are paused and offers no way on', async () => {
    const el = await step({ selection: { 'garden flex': 1 }, venue: { ...property, status: 'paused' } });
    expect(text(el, '[part="paused"]')).to.contain('Bookings are paused');
    expect(el.shadowRoot!.querySelector('db-rate-list')!.availability!.roomTypes).to.have.length.above(0);
    expect(find(el, '.footer')).to.equal(null);
  });

  it('has no footer while no room is chosen', async () => {
    const el = await step();
    expect(find(el, '.footer')).to.equal(null);
  });

  it('says why the rates did not load, and asks again when the guest wants', async () => {
    const el = await step({ error: new ApiError(0, 'network', 'unreachable') });
    expect(find(el, 'db-rate-list')).to.equal(null);
    expect(text(el, '.error-state p')).to.equal('We couldn’t reach the booking service. Check your connection and try again.');
    setTimeout(() => find(el, '.error-state button')!.click());
    await nextEvent(el, 'db-retry');
  });

  it('tells the guest why they are back', async () => {
    const el = await step({ notice: 'Sorry, a room you chose was just booked by someone else.' });
    expect(find(el, '.notice')!.getAttribute('role')).to.equal('alert');
    expect(text(el, '.notice')).to.equal('Sorry, a room you chose was just booked by someone else.');
  });

  it('is accessible', async () => {
    const el = await step({ selection: { 'garden flex': 1 } });
    await expect(el).to.be.accessible();
  });
});
