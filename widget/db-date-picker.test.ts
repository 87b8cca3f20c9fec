import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../test/support/widget.ts';
import type { Calendar } from '../shared/schemas/stay.ts';
import type { StayValue } from './events.ts';
import './db-date-picker.ts';
import type { DbDatePicker } from './db-date-picker.ts';

const days: Calendar['days'] = [
  { date: '2026-03-12', closed: false, soldOut: false, fromPrice: 12000 },
  { date: '2026-03-14', closed: false, soldOut: true, fromPrice: null },
];

async function picker(checkIn = '2026-03-11', checkOut = '2026-03-12') {
  const el = await fixture<DbDatePicker>(
    html`<db-date-picker style="width: 340px" min="2026-03-10" check-in=${checkIn} check-out=${checkOut} .closedDates=${['2026-03-16']} .days=${days}></db-date-picker>`,
  );
  await el.updateComplete;
  return el;
}
const day = (el: DbDatePicker, date: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)!;
const focused = (el: DbDatePicker) => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset['date'];
const press = async (el: DbDatePicker, key: string) => {
  el.shadowRoot!.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  await el.updateComplete;
  await el.updateComplete;
};

describe('db-date-picker', () => {
  it('marks closed and sold-out nights so they cannot start a stay', async () => {
    const el = await picker();
    expect(day(el, '2026-03-16').getAttribute('aria-disabled')).to.equal('true');
    expect(day(el, '2026-03-16').textContent).to.contain('Monday, March 16, 2026, Closed');
    expect(day(el, '2026-03-14').getAttribute('aria-disabled')).to.equal('true');
    expect(day(el, '2026-03-14').textContent).to.contain('Sold out');
    expect(day(el, '2026-03-09').getAttribute('aria-disabled')).to.equal('true');
    day(el, '2026-03-16').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Choose your check-in date');
  });

  it('shows the lowest price of open nights', async () => {
    const el = await picker();
    expect(day(el, '2026-03-12').querySelector('.price')!.textContent).to.equal('$120');
  });

  it('picks a range with two clicks', async () => {
    const el = await picker();
    day(el, '2026-03-12').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Choose your check-out date');
    setTimeout(() => day(el, '2026-03-14').click());
    const event = await nextEvent(el, 'db-dates-change');
    expect(event.value).to.deep.equal({ checkIn: '2026-03-12', checkOut: '2026-03-14' });
  });

  it('lets a stay end on a closed day but not run through one', async () => {
    const el = await picker();
    let chosen: StayValue | undefined;
    el.addEventListener('db-dates-change', (e) => (chosen = e.value));
    day(el, '2026-03-15').click();
    await el.updateComplete;
    day(el, '2026-03-17').click();
    await el.updateComplete;
    expect(chosen, 'a stay over the closed 16th').to.equal(undefined);
    day(el, '2026-03-18').click();
    await el.updateComplete;
    expect(chosen).to.deep.equal({ checkIn: '2026-03-17', checkOut: '2026-03-18' });
    day(el, '2026-03-15').click();
    await el.updateComplete;
    day(el, '2026-03-16').click();
    await el.updateComplete;
    expect(chosen).to.deep.equal({ checkIn: '2026-03-15', checkOut: '2026-03-16' });
  });

  it('moves between days with the arrow keys and between months with Page Down', async () => {
    const el = await picker();
    await el.focus();
    expect(focused(el)).to.equal('2026-03-11');
    await press(el, 'ArrowRight');
    expect(focused(el)).to.equal('2026-03-12');
    await press(el, 'ArrowDown');
    expect(focused(el)).to.equal('2026-03-19');
    await press(el, 'ArrowLeft');
    expect(focused(el)).to.equal('2026-03-18');
    await press(el, 'ArrowUp');
    expect(focused(el)).to.equal('2026-03-11');
    await press(el, 'PageDown');
    expect(focused(el)).to.equal('2026-04-11');
    expect(el.shadowRoot!.querySelector('.month-title')!.textContent).to.equal('April 2026');
    await press(el, 'Home');
    expect(focused(el)).to.equal('2026-04-05');
    await press(el, 'End');
    expect(focused(el)).to.equal('2026-04-11');
  });

  it('keeps a single tab stop in the grid', async () => {
    const el = await picker();
    const stops = [...el.shadowRoot!.querySelectorAll('button[data-date]')].filter((b) => b.getAttribute('tabindex') === '0');
    expect(stops.map((b) => (b as HTMLElement).dataset['date'])).to.deep.equal(['2026-03-11']);
  });

  it('selects with Enter from the keyboard', async () => {
    const el = await picker();
    await el.focus();
    await press(el, 'ArrowRight');
    (el.shadowRoot!.activeElement as HTMLButtonElement).click();
    await el.updateComplete;
    await press(el, 'ArrowRight');
    setTimeout(() => (el.shadowRoot!.activeElement as HTMLButtonElement).click());
    const event = await nextEvent(el, 'db-dates-change');
    expect(event.value).to.deep.equal({ checkIn: '2026-03-12', checkOut: '2026-03-13' });
  });

  it('is accessible', async () => {
    const el = await picker();
    await expect(el).to.be.accessible();
  });
});
