import { expect, html } from '@open-wc/testing';
import type { Locale } from '../shared/locale.ts';
import type { DepositPolicy } from '../shared/schemas/rate.ts';
import { I18n, loadCatalog } from './i18n.ts';
import { fixtureIn, nextEvent, rate } from '../test/support/widget.ts';
import './db-rate-card.ts';
import type { DbRateCard } from './db-rate-card.ts';

const policies: DepositPolicy[] = [{ type: 'none' }, { type: 'full' }, { type: 'first_night' }, { type: 'fixed', amount: 5000 }, { type: 'percentage', percent: 12.5 }];

// SPEC 2.4, word for word: the server's messages, as the widget must show them.
const expected: Record<Locale, string[]> = {
  en: ['Book now, pay later', 'Pay today', 'One night deposit required', '$50.00 deposit required', '12.5% deposit required'],
  ko: ['지금 예약하고 나중에 결제', '오늘 전액 결제', '첫 1박 요금을 예약금으로 결제', '예약금 US$50.00 결제', '예약금 12.5% 결제'],
  id: ['Pesan sekarang, bayar nanti', 'Bayar hari ini', 'Diperlukan deposit satu malam', 'US$50,00 deposit diperlukan', '12,5% deposit diperlukan'],
};

async function card(offer = rate('flex', 12000, { type: 'none' }, '2026-03-11', '2026-03-13'), locale: Locale = 'en', currency = 'USD') {
  return fixtureIn<DbRateCard>(html`<db-rate-card .rate=${offer} .choice=${`garden ${offer.id}`} max="3"></db-rate-card>`, { i18n: new I18n(locale, currency) });
}
const text = (el: DbRateCard, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim();

describe('db-rate-card', () => {
  before(() => Promise.all([loadCatalog('ko'), loadCatalog('id')]));

  for (const locale of ['en', 'ko', 'id'] as const) {
    it(`shows each deposit message exactly as written, in ${locale}`, async () => {
      for (const [index, policy] of policies.entries()) {
        const el = await card(rate('flex', 12000, policy, '2026-03-11', '2026-03-13', {}, locale), locale);
        expect(text(el, '.deposit')).to.equal(expected[locale][index]);
        expect(el.shadowRoot!.querySelector('.deposit')!.classList.contains(`deposit-${policy.type}`)).to.equal(true);
      }
    });
  }

  it('shows the total for the stay and the nightly price', async () => {
    const el = await card();
    expect(text(el, '.price')).to.equal('$240.00');
    expect(el.shadowRoot!.querySelector('.buy')!.textContent).to.contain('total for 2 nights');
    expect(el.shadowRoot!.querySelector('.buy')!.textContent).to.contain('$120.00 / night');
  });

  it('prices in won without decimals in Korean', async () => {
    const el = await card(rate('flex', 120000, { type: 'none' }, '2026-03-11', '2026-03-12', {}, 'ko', 'KRW'), 'ko', 'KRW');
    expect(text(el, '.price')).to.equal('120,000원');
    expect(el.shadowRoot!.querySelector('.buy')!.textContent).to.contain('1박 총액');
  });

  it('warns when only a few rooms are left', async () => {
    const el = await card(rate('flex', 12000, { type: 'none' }, '2026-03-11', '2026-03-12', { unitsLeft: 2 }));
    expect(text(el, '.scarce')).to.equal('Only 2 left');
    const plenty = await card(rate('flex', 12000, { type: 'none' }, '2026-03-11', '2026-03-12', { unitsLeft: 8 }));
    expect(plenty.shadowRoot!.querySelector('.scarce')).to.equal(null);
  });

  it('says why a rate cannot be booked and offers no button', async () => {
    const el = await card(rate('flex', 12000, { type: 'none' }, '2026-03-11', '2026-03-12', { available: false, reason: 'min_nights', unitsLeft: 0 }));
    expect(text(el, '.reason')).to.equal('Needs a longer stay');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('turns Choose into a room count', async () => {
    const el = await card();
    setTimeout(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.choose')!.click());
    const event = await nextEvent(el, 'db-quantity-change');
    expect(event.value).to.deep.equal({ id: 'garden flex', quantity: 1 });
    await el.updateComplete;
    const stepper = el.shadowRoot!.querySelector('db-stepper')!;
    expect(stepper.value).to.equal(1);
    expect(stepper.max).to.equal(3);
  });

  it('states the cancellation policy in the server’s words, as sent', async () => {
    const words = ['Free cancellation until Wed 23 Dec; 50% refund if cancelled 3–6 days before arrival', '도착 3~6일 전 취소 시 50% 환불', 'Tidak dapat dikembalikan'];
    for (const summary of words) {
      const el = await card(rate('flex', 12000, { type: 'none' }, '2026-12-30', '2026-12-31', { cancellation: { tiers: [], summary } }));
      expect(el.shadowRoot!.querySelector('[part="cancellation"]')!.textContent).to.equal(summary);
    }
  });

  it('says when a rate is non-refundable', async () => {
    const el = await card(rate('saver', 10000, { type: 'none' }, '2026-03-11', '2026-03-12', { refundable: false }));
    expect(el.shadowRoot!.querySelector('.tags')!.textContent).to.contain('Non-refundable');
  });

  it('is accessible', async () => {
    const el = await card();
    await expect(el).to.be.accessible();
  });

  describe('prices as the property shows them (SPEC 2.13, 2.14)', () => {
    // Two nights at $120, with $30 of cleaning and $24 of taxes: $294 all-in.
    const taxed = rate('flex', 12000, { type: 'none' }, '2026-03-11', '2026-03-13', { total: 29400 });
    // The same with 10% off the room: $216 room, $270 all-in.
    const promoted = rate('flex', 12000, { type: 'none' }, '2026-03-11', '2026-03-13', { roomTotal: 21600, roomTotalBefore: 24000, total: 27000, totalBefore: 29400 });
    const baseCard = (offer: typeof taxed) => fixtureIn<DbRateCard>(html`<db-rate-card .rate=${offer} max="3" base></db-rate-card>`, { i18n: new I18n('en', 'USD') });

    it('shows the all-in price of the stay, taxes and fees included', async () => {
      const el = await card(taxed);
      expect(text(el, '.price')).to.equal('$294.00');
      expect(el.shadowRoot!.querySelector('.buy')!.textContent).to.contain('total for 2 nights incl. taxes and fees');
    });

    it('shows the room price plus taxes and fees where the property chooses base prices', async () => {
      const el = await baseCard(taxed);
      expect(text(el, '.price')).to.equal('$240.00');
      expect(el.shadowRoot!.querySelector('.buy')!.textContent).to.contain('total for 2 nights + taxes and fees');
    });

    it('strikes through the price before a promotion, and says so to a screen reader', async () => {
      const el = await card(promoted);
      const before = el.shadowRoot!.querySelector('.price s')!;
      expect(before.textContent).to.equal('was$294.00');
      expect(before.querySelector('.visually-hidden')!.textContent).to.equal('was');
      expect(text(el, '.price')).to.equal('was$294.00 $270.00');
      expect(getComputedStyle(before).textDecorationLine).to.equal('line-through');
      const base = await baseCard(promoted);
      expect(text(base, '.price s')).to.equal('was$240.00');
      expect(text(base, '.price')).to.equal('was$240.00 $216.00');
    });

    it('shows no struck price without a promotion', async () => {
      const el = await card(taxed);
      expect(el.shadowRoot!.querySelector('.price s')).to.equal(null);
    });

    it('is accessible with a promotion', async () => {
      const el = await card(promoted);
      await expect(el).to.be.accessible();
    });
  });
});
