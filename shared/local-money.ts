// SPEC 2.1 displays amounts through Intl, which writes won as "₩80,000"; Korean readers write and
// expect "80,000원", so Korean text gets the number and the unit after it.
import { asLocale } from './locale.ts';
import { formatMoney } from './money.ts';

const koreanNumbers = new Intl.NumberFormat('ko', { maximumFractionDigits: 0 });

/** Minor units for people in `locale`: "80,000원" for won in Korean, else Intl's "₩80,000", "$50.00". */
export function formatLocalMoney(minor: number, currency: string, locale: string): string {
  return currency === 'KRW' && asLocale(locale) === 'ko' ? `${koreanNumbers.format(minor)}원` : formatMoney(minor, currency, locale);
}
