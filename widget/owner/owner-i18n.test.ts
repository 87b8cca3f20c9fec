import { expect } from '@open-wc/testing';
import { OwnerI18n } from './owner-i18n.ts';
import { en } from './locales/en.ts';
import { id } from './locales/id.ts';
import { ko } from './locales/ko.ts';

describe('owner-i18n', () => {
  it('reads amounts typed in major units as minor units', () => {
    const usd = new OwnerI18n('en', 'USD');
    expect(usd.toMinor('120')).to.equal(12_000);
    expect(usd.toMinor('120.5')).to.equal(12_050);
    expect(usd.toMinor(' 1,200.00 ')).to.equal(120_000);
    expect(usd.toMinor('120,50')).to.equal(12_050);
    for (const wrong of ['', 'abc', '1.234', '-5', '1e3']) expect(usd.toMinor(wrong), wrong).to.equal(undefined);
    const krw = new OwnerI18n('ko', 'KRW');
    expect(krw.toMinor('150,000')).to.equal(150_000);
    expect(krw.toMinor('150000.5')).to.equal(undefined);
  });

  it('shows whole prices without decimals and others with them', () => {
    const usd = new OwnerI18n('en', 'USD');
    expect([usd.price(20_000), usd.price(19_950)]).to.deep.equal(['$200', '$199.50']);
    expect(new OwnerI18n('ko', 'KRW').price(150_000)).to.equal('150,000원');
  });

  it('has every string in Korean and Indonesian', () => {
    for (const catalog of [ko, id]) expect(Object.keys(catalog).sort()).to.deep.equal(Object.keys(en).sort());
    expect(new OwnerI18n('ko', 'KRW').t('bookingHeading', { reference: 'DB-1' })).to.equal('예약 DB-1');
    // Issue 15: the particle fits the name, never "이(가)".
    expect(new OwnerI18n('ko', 'KRW').t('extraAdded', { name: '조식' })).to.equal('조식이 추가되었습니다.');
    expect(new OwnerI18n('ko', 'KRW').t('extraAdded', { name: '주차' })).to.equal('주차가 추가되었습니다.');
  });
});
