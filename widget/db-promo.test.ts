import { expect, html } from '@open-wc/testing';
import type { PromoAnswer, PromoReason } from '../shared/schemas/promotion.ts';
import { I18n, loadCatalog } from './i18n.ts';
import type { Locale } from '../shared/locale.ts';
import { fixtureIn, nextEvent } from '../test/support/widget.ts';
import './db-promo.ts';
import type { DbPromo } from './db-promo.ts';

async function promo(answer?: PromoAnswer, locale: Locale = 'en') {
  return fixtureIn<DbPromo>(html`<db-promo .answer=${answer}></db-promo>`, { i18n: new I18n(locale, 'USD') });
}
const find = <T extends HTMLElement = HTMLElement>(el: DbPromo, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const result = (el: DbPromo) => find(el, '#result')!.textContent.replace(/\s+/g, ' ').trim();

// One sentence per reason the server gives (SPEC 2.14), in each language.
const REASONS: Record<Locale, Record<PromoReason, string>> = {
  en: {
    unknown: 'We don’t recognise the code SPRING. Please check it and try again.',
    expired: 'The code SPRING has expired.',
    not_yet: 'The code SPRING can’t be used yet.',
    stay_dates: 'The code SPRING isn’t valid for these dates.',
    min_nights: 'The code SPRING needs a longer stay.',
    used_up: 'The code SPRING has been used up.',
    not_for_rate: 'The code SPRING doesn’t apply to these rates.',
  },
  ko: {
    unknown: 'SPRING 코드를 찾을 수 없습니다. 코드를 확인한 뒤 다시 입력해 주세요.',
    expired: 'SPRING 코드는 사용 기간이 끝났습니다.',
    not_yet: 'SPRING 코드는 아직 사용할 수 없습니다.',
    stay_dates: 'SPRING 코드는 선택한 날짜에는 사용할 수 없습니다.',
    min_nights: 'SPRING 코드는 더 오래 머무르실 때만 사용할 수 있습니다.',
    used_up: 'SPRING 코드는 준비된 수량이 모두 소진되었습니다.',
    not_for_rate: 'SPRING 코드는 이 요금에는 적용되지 않습니다.',
  },
  id: {
    unknown: 'Kode SPRING tidak dikenali. Periksa kembali lalu coba lagi.',
    expired: 'Masa berlaku kode SPRING sudah habis.',
    not_yet: 'Kode SPRING belum bisa digunakan sekarang.',
    stay_dates: 'Kode SPRING tidak berlaku untuk tanggal menginap ini.',
    min_nights: 'Kode SPRING hanya berlaku untuk masa menginap yang lebih lama.',
    used_up: 'Kuota kode SPRING sudah habis.',
    not_for_rate: 'Kode SPRING tidak berlaku untuk tarif ini.',
  },
};

describe('db-promo', () => {
  before(() => Promise.all([loadCatalog('ko'), loadCatalog('id')]));

  it('is a closed “Have a code?” disclosure until the guest opens it', async () => {
    const el = await promo();
    expect(find(el, 'summary')!.textContent).to.equal('Have a code?');
    expect(find<HTMLDetailsElement>(el, 'details')!.open).to.equal(false);
  });

  it('sends the code the guest typed, trimmed', async () => {
    const el = await promo();
    find(el, 'summary')!.click();
    find<HTMLInputElement>(el, 'input')!.value = ' welcome10 ';
    setTimeout(() => find(el, 'button[type=submit]')!.click());
    const event = await nextEvent(el, 'db-promo-change');
    expect(event.value).to.equal('welcome10');
  });

  it('says a malformed code is not one without asking the server', async () => {
    const el = await promo();
    let sent = false;
    el.addEventListener('db-promo-change', () => (sent = true));
    find<HTMLInputElement>(el, 'input')!.value = 'TEN OFF!';
    find(el, 'button[type=submit]')!.click();
    await el.updateComplete;
    expect(sent).to.equal(false);
    expect(result(el)).to.equal('We don’t recognise the code TEN OFF!. Please check it and try again.');
    expect(find(el, 'input')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('says the code applies, open, and lets the guest remove it', async () => {
    const el = await promo({ code: 'WELCOME10', applied: true });
    expect(find<HTMLDetailsElement>(el, 'details')!.open).to.equal(true);
    expect(find<HTMLInputElement>(el, 'input')!.value).to.equal('WELCOME10');
    expect(result(el)).to.equal('Code WELCOME10 applied: the prices shown include the discount. Remove code');
    setTimeout(() => find(el, '.link')!.click());
    const event = await nextEvent(el, 'db-promo-change');
    expect(event.value).to.equal('');
  });

  for (const locale of ['en', 'ko', 'id'] as const) {
    it(`says in words why a code does not apply, for each reason, in ${locale}`, async () => {
      for (const [reason, sentence] of Object.entries(REASONS[locale])) {
        const el = await promo({ code: 'SPRING', applied: false, reason: reason as PromoReason }, locale);
        expect(result(el)).to.equal(sentence);
        expect(find(el, 'input')!.getAttribute('aria-invalid')).to.equal('true');
      }
    });
  }

  it('is accessible, closed, applied and not applied', async () => {
    for (const answer of [undefined, { code: 'WELCOME10', applied: true }, { code: 'SPRING', applied: false, reason: 'expired' as const }]) {
      const el = await promo(answer);
      find<HTMLDetailsElement>(el, 'details')!.open = true;
      await expect(el).to.be.accessible();
    }
  });
});
