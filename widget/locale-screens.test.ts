// Issue 15: the main screens read as a local wrote them. Korean particles are chosen from the word
// (never "을(를)"), won is written "80,000원", names go family name first and nights are "2박";
// Indonesian reads as Indonesian. Each screen is rendered and read as a guest would.
import { expect, html } from '@open-wc/testing';
import { stayLines } from '../shared/lines.ts';
import type { Locale } from '../shared/locale.ts';
import type { Extra } from '../shared/schemas/extra.ts';
import type { Quote, RateOffer } from '../shared/schemas/stay.ts';
import { booking, fixtureIn, quote, rate } from '../test/support/widget.ts';
import { I18n, loadCatalog } from './i18n.ts';
import './db-confirmation.ts';
import './db-date-picker.ts';
import type { DbDatePicker } from './db-date-picker.ts';
import './db-extras.ts';
import './db-guest-form.ts';
import './db-payment-manual.ts';
import './db-rate-card.ts';
import './db-summary.ts';

const stay = { checkIn: '2026-12-05', checkOut: '2026-12-07' };
const breakfast: Extra = { id: 'breakfast', propertyId: 'demo', name: '조식', description: null, price: 10_000, per: 'guest_night' };
const parking: Extra = { id: 'parking', propertyId: 'demo', name: '주차', description: null, price: 5_000, per: 'stay' };

/** Every text a guest sees, shadow roots included, with its spacing collapsed. */
function seen(node: Node): string {
  const parts: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) parts.push(n.textContent ?? '');
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    if (n instanceof HTMLInputElement && n.placeholder) parts.push(n.placeholder);
    n.childNodes.forEach(walk);
  };
  walk(node);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Two nights at 80,000 with a 30,000 deposit, its messages in `locale` as the server writes them. */
function stayQuote(offer: RateOffer, locale: Locale, currency: string): Quote {
  const base = quote({ ...stay, rooms: [{ rateId: 'flex', adults: 2, children: 0, extras: [] }] });
  const room = { ...base.rooms[0]!, nightly: offer.nightly, roomTotal: 160_000, total: 160_000 };
  const deposit = { rateId: 'flex', rateName: offer.name, type: 'fixed' as const, amount: 30_000, message: offer.deposit.message, cancellation: offer.cancellation };
  const lines = stayLines([{ ...room, roomTypeName: '온돌 스탠다드', rateName: offer.name, discount: 0 }], undefined);
  return { ...base, currency, locale, rooms: [room], lines, deposits: [deposit], total: 160_000, depositDue: 30_000, balanceDue: 130_000 };
}

/** What a guest reads on each main screen, in `locale`. */
async function screens(locale: Locale, currency: string) {
  const i18n = new I18n(locale, currency);
  const offer = rate('flex', 80_000, { type: 'fixed', amount: 30_000 }, stay.checkIn, stay.checkOut, {}, locale, currency);
  const data = stayQuote(offer, locale, currency);
  const guest = { firstName: locale === 'ko' ? '민지' : 'Dewi', lastName: locale === 'ko' ? '김' : 'Lestari', email: 'minji@example.com' };
  const shown = {
    card: await fixtureIn(html`<db-rate-card .rate=${offer} max="3"></db-rate-card>`, { i18n }),
    summary: await fixtureIn(html`<db-summary .data=${data} payment-mode="manual"></db-summary>`, { i18n }),
    extras: await fixtureIn(html`<db-extras .extras=${[breakfast, parking]} .party=${{ guests: 2, nights: 2 }}></db-extras>`, { i18n }),
    form: await fixtureIn(html`<db-guest-form></db-guest-form>`, { i18n }),
    payment: await fixtureIn(
      html`<db-payment-manual .payment=${{ provider: 'manual', cardFrameUrl: 'about:blank' }} .booking=${booking(data, { guest, locale })} .clientToken=${'ct_secret'}></db-payment-manual>`,
      {
        i18n,
      },
    ),
    confirmation: await fixtureIn(html`<db-confirmation .booking=${booking(data, { guest, locale, status: 'confirmed' })} property-name="한옥 스테이"></db-confirmation>`, { i18n }),
  };
  return Object.fromEntries(Object.entries(shown).map(([name, el]) => [name, seen(el)])) as Record<keyof typeof shown, string>;
}

describe('the screens in Korean and Indonesian', () => {
  before(() => Promise.all([loadCatalog('ko'), loadCatalog('id')]));

  for (const [locale, currency] of [
    ['ko', 'KRW'],
    ['id', 'IDR'],
  ] as const) {
    it(`never print a particle in brackets such as (를) or (으) in ${locale}`, async () => {
      for (const text of Object.values(await screens(locale, currency))) expect(text).not.to.match(/\((?:을|를|으|이|가|와|과|은|는)\)/);
    });
  }

  it('write every Korean amount in won as the number followed by 원, never ₩', async () => {
    const { card, summary, payment, ...others } = await screens('ko', 'KRW');
    for (const text of [card, summary, payment, ...Object.values(others)]) {
      expect(text).not.to.contain('₩');
      for (const amount of text.matchAll(/\d{1,3}(?:,\d{3})+/g)) expect(text.slice(amount.index + amount[0].length).startsWith('원'), `${amount[0]} in “${text}”`).to.equal(true);
    }
    expect(card).to.contain('예약금 30,000원 결제');
    expect(card).to.contain('160,000원');
    expect(summary).to.contain('2박');
    expect(payment).to.contain('숙소에서 30,000원을 청구합니다');
  });

  it('asks a Korean guest for the family name before the given name, and thanks them by their full name', async () => {
    const { form, confirmation } = await screens('ko', 'KRW');
    expect(form.indexOf('성')).to.be.lessThan(form.indexOf('이름'));
    expect(confirmation).to.contain('김민지 님, 감사합니다.');
    expect(confirmation).to.contain('예약 내용을 minji@example.com 주소로 보내 드렸습니다.');
  });

  it('offers breakfast for 2 over 2 nights in Korean as one yes/no with its amount', async () => {
    const { extras } = await screens('ko', 'KRW');
    expect(extras).to.contain('조식 10,000원 1인 1박당 2인 × 2박 40,000원');
    expect(extras).to.contain('주차 5,000원 1회');
  });

  it('prints Sundays in red in the Korean calendar, with prices in 만원', async () => {
    const days = [{ date: '2026-12-13', closed: false, soldOut: false, fromPrice: 120_000 }];
    const el = await fixtureIn<DbDatePicker>(html`<db-date-picker style="width: 340px" min="2026-12-01" .days=${days}></db-date-picker>`, { i18n: new I18n('ko', 'KRW') });
    const day = (date: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)!;
    const red = getComputedStyle(el.shadowRoot!.querySelector('.day.sunday')!).color;
    expect(red).to.equal('rgb(180, 35, 24)');
    expect(getComputedStyle(day('2026-12-13')).color).to.equal(red);
    expect(getComputedStyle(day('2026-12-14')).color).not.to.equal(red);
    expect(getComputedStyle(el.shadowRoot!.querySelector('th.sunday')!).color).to.equal(red);
    expect(day('2026-12-13').textContent).to.contain('12만원');
  });

  it('prints a public holiday in red like a Sunday', async () => {
    const days = [{ date: '2026-12-25', closed: false, soldOut: false, fromPrice: 120_000, holiday: true as const }];
    const el = await fixtureIn<DbDatePicker>(html`<db-date-picker style="width: 340px" min="2026-12-01" .days=${days}></db-date-picker>`, { i18n: new I18n('ko', 'KRW') });
    const day = (date: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-date="${date}"]`)!;
    expect(getComputedStyle(day('2026-12-25')).color).to.equal('rgb(180, 35, 24)');
    expect(getComputedStyle(day('2026-12-24')).color).not.to.equal('rgb(180, 35, 24)');
  });

  it('speaks Indonesian with nights as malam and the given name first', async () => {
    const { card, summary, extras, form, payment, confirmation } = await screens('id', 'IDR');
    expect(card).to.contain('2 malam');
    expect(summary).to.contain('Sisa pembayaran (dibayar nanti)');
    expect(payment).to.contain('Properti akan menagih Rp 30.000');
    expect(extras).to.contain('2 tamu × 2 malam');
    expect(form.indexOf('Nama depan')).to.be.lessThan(form.indexOf('Nama belakang'));
    expect(confirmation).to.contain('Terima kasih, Dewi. Pemesanan Anda di');
  });
});
