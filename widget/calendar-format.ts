// What only the calendar writes: the locale's first weekday and short prices for its cells. Apart
// from i18n.ts because the calendar is a chunk (steps.ts) and widget.js need not carry them.
import { currencyExponent } from '../shared/money.ts';
import type { I18n } from './i18n.ts';

/** 0 = Sunday … 6 = Saturday: the locale's first day of the week. */
export function firstDayOfWeek(i18n: I18n): number {
  const info = new Intl.Locale(i18n.locale) as Intl.Locale & {
    getWeekInfo?: () => { firstDay: number };
    weekInfo?: { firstDay: number };
  };
  const firstDay = info.getWeekInfo?.().firstDay ?? info.weekInfo?.firstDay ?? 7;
  return firstDay % 7;
}

/** A short price for calendar cells: "$120", "₩120K", and in Korean "12만원" (as its amounts end in 원). */
export function compactMoney(i18n: I18n, minor: number): string {
  if (i18n.locale === 'ko' && i18n.currency === 'KRW') return `${new Intl.NumberFormat('ko', { notation: 'compact', maximumFractionDigits: 0 }).format(minor)}원`;
  return new Intl.NumberFormat(i18n.locale, {
    style: 'currency',
    currency: i18n.currency,
    notation: 'compact',
    maximumFractionDigits: 0,
  }).format(minor / 10 ** currencyExponent(i18n.currency));
}
