import { expect } from '@open-wc/testing';
import { compactMoney } from './calendar-format.ts';
import { I18n, loadCatalog, resolveLocale } from './i18n.ts';
import { core, type CoreKey } from './locales/core.ts';
import { en } from './locales/en.ts';
import { id } from './locales/id.ts';
import { ko } from './locales/ko.ts';

// `{amount|을/를}` is Korean's amount with its particle (locales/korean.ts): the same placeholder.
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\|[^}]+)?\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  before(() => Promise.all([loadCatalog('ko'), loadCatalog('id')]));

  it('prefers the widget’s own locale, then the page’s language, then the property’s', () => {
    expect(resolveLocale('id', 'ko-KR', 'en')).to.equal('id');
    expect(resolveLocale(undefined, 'ko-KR', 'en')).to.equal('ko');
    expect(resolveLocale(undefined, 'fr', 'id')).to.equal('id');
    expect(resolveLocale('fr', 'de', null)).to.equal('en');
  });

  for (const name of ['ko', 'id'] as const) {
    it(`says what widget.js shows before any language has arrived in ${name}, with the same placeholders as English`, () => {
      for (const key of Object.keys(core.en) as CoreKey[]) {
        expect(core[name][key], key).to.be.a('string').and.not.equal('');
        expect(placeholders(core[name][key]), key).to.deep.equal(placeholders(core.en[key]));
      }
    });
  }

  for (const [name, catalog] of Object.entries({ ko, id })) {
    it(`translates every string into ${name} with the same placeholders as English, in the plural forms ${name} has`, () => {
      const hasOne = new Intl.PluralRules(name).resolvedOptions().pluralCategories.includes('one');
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const text = (catalog as Partial<Record<keyof typeof en, string>>)[key];
        if (key.endsWith('_one') && !hasOne) {
          expect(text, key).to.equal(undefined);
          continue;
        }
        expect(text, key).to.be.a('string').and.not.equal('');
        expect(placeholders(text!), key).to.deep.equal(placeholders(en[key]));
      }
    });
  }

  it('formats money in the property’s currency and the guest’s language', () => {
    expect(new I18n('en', 'USD').money(5000)).to.equal('$50.00');
    expect(new I18n('ko', 'KRW').money(50000)).to.equal('50,000원');
    expect(new I18n('ko', 'USD').money(5000)).to.equal('US$50.00');
    expect(new I18n('en', 'KRW').money(50000)).to.equal('₩50,000');
    expect(compactMoney(new I18n('en', 'KRW'), 120000)).to.equal('₩120K');
  });

  it('counts nights the way each language does', () => {
    expect(new I18n('en', 'USD').count('nights', 1)).to.equal('1 night');
    expect(new I18n('en', 'USD').count('nights', 3)).to.equal('3 nights');
    expect(new I18n('ko', 'KRW').count('nights', 3)).to.equal('3박');
    expect(new I18n('id', 'IDR').count('nights', 3)).to.equal('3 malam');
  });

  it('reads stay dates as calendar days, whatever the visitor’s time zone', () => {
    expect(new I18n('en', 'USD').date('2026-03-01', { day: 'numeric', month: 'long' })).to.equal('March 1');
    expect(new I18n('en', 'USD').range('2026-03-11', '2026-03-12')).to.equal('Wed, Mar 11 – Thu, Mar 12');
  });
});
