import { expect, html } from '@open-wc/testing';
import type { Locale } from '../shared/locale.ts';
import type { Calendar } from '../shared/schemas/stay.ts';
import { fixtureIn } from '../test/support/widget.ts';
import { I18n, loadCatalog } from './i18n.ts';
import type { StayValue } from './events.ts';
import './db-date-picker.ts';
import type { DbDatePicker } from './db-date-picker.ts';

// SPEC 2.22: the calendar's marks. 2026-03-14 is a Saturday no rate takes arrivals on; no stay ends on the 17th; arrivals on the 12th need 2 nights.
const days: Calendar['days'] = [
  { date: '2026-03-12', closed: false, soldOut: false, fromPrice: 12000, minNights: 2 },
  { date: '2026-03-14', closed: false, soldOut: false, fromPrice: 12000, noArrival: true },
  { date: '2026-03-17', closed: false, soldOut: false, fromPrice: 12000, noDeparture: true },
];

async function picker(locale: Locale = 'en') {
  const el = await fixtureIn<DbDatePicker>(html`<db-date-picker style="width: 340px" min="2026-03-10" .days=${days}></db-date-picker>`, { i18n: new I18n(locale, 'USD') });
  await el.updateComplete;
  return el;
}
const day = (el: DbDatePicker, date: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)!;
async function click(el: DbDatePicker, date: string) {
  day(el, date).click();
  await el.updateComplete;
}

describe('db-date-picker restrictions', () => {
  before(() => Promise.all([loadCatalog('ko'), loadCatalog('id')]));

  it('does not let a guest arrive on a night closed to arrival, and says why', async () => {
    const el = await picker();
    expect(day(el, '2026-03-14').getAttribute('aria-disabled')).to.equal('true');
    expect(day(el, '2026-03-14').textContent).to.contain('Saturday, March 14, 2026, No check-in on this day');
    await click(el, '2026-03-14');
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Choose your check-in date');
    // A stay may still run through it.
    let chosen: StayValue | undefined;
    el.addEventListener('db-dates-change', (e) => (chosen = e.value));
    await click(el, '2026-03-13');
    await click(el, '2026-03-15');
    expect(chosen).to.deep.equal({ checkIn: '2026-03-13', checkOut: '2026-03-15' });
  });

  it('does not let a stay end on a date closed to departure, and says why', async () => {
    const el = await picker();
    let chosen: StayValue | undefined;
    el.addEventListener('db-dates-change', (e) => (chosen = e.value));
    expect(day(el, '2026-03-17').textContent).not.to.contain('No check-out');
    await click(el, '2026-03-15');
    expect(day(el, '2026-03-17').textContent).to.contain('Tuesday, March 17, 2026, No check-out on this day');
    // Picking it starts a new stay there instead of ending this one.
    await click(el, '2026-03-17');
    expect(chosen).to.equal(undefined);
    await click(el, '2026-03-15');
    await click(el, '2026-03-18');
    expect(chosen).to.deep.equal({ checkIn: '2026-03-15', checkOut: '2026-03-18' });
  });

  it('shows the minimum stay on the chosen arrival and refuses a shorter stay', async () => {
    const el = await picker();
    let chosen: StayValue | undefined;
    el.addEventListener('db-dates-change', (e) => (chosen = e.value));
    await click(el, '2026-03-12');
    expect(day(el, '2026-03-12').querySelector('.min-stay')!.textContent).to.equal('min. 2 nights');
    expect(el.shadowRoot!.querySelector('.hint')!.textContent).to.equal('Choose your check-out date, min. 2 nights');
    expect(day(el, '2026-03-12').textContent).to.contain('Thursday, March 12, 2026, Check-in, min. 2 nights');
    // One night later does not end the stay: it starts a new one.
    await click(el, '2026-03-13');
    expect(chosen).to.equal(undefined);
    await click(el, '2026-03-12');
    await click(el, '2026-03-14');
    expect(chosen).to.deep.equal({ checkIn: '2026-03-12', checkOut: '2026-03-14' });
  });

  it('says the minimum stay in Korean and Indonesian', async () => {
    for (const [locale, text] of [
      ['ko', '최소 2박'],
      ['id', 'min. 2 malam'],
    ] as const) {
      const el = await picker(locale);
      await click(el, '2026-03-12');
      expect(day(el, '2026-03-12').querySelector('.min-stay')!.textContent).to.equal(text);
    }
  });

  it('is accessible with its marks, before and after choosing an arrival', async () => {
    const el = await picker();
    await expect(el).to.be.accessible();
    await click(el, '2026-03-12');
    await expect(el).to.be.accessible();
  });
});
