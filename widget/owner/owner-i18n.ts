// The console's words in en, ko and id, and money and dates through the widget's own Intl formatting.
import type { Locale } from '../../shared/locale.ts';
import { type LocalizedText, textIn } from '../../shared/localized-text.ts';
import { fillKorean } from '../../shared/korean.ts';
import { formatLocalMoney } from '../../shared/local-money.ts';
import { currencyExponent } from '../../shared/money.ts';
import { I18n } from '../i18n.ts';
import { en, type OwnerMessageKey, type OwnerMessages } from './locales/en.ts';
import { id } from './locales/id.ts';
import { ko } from './locales/ko.ts';

const catalogs: Record<Locale, OwnerMessages> = { en, ko, id };

export const LOCALES: readonly Locale[] = ['en', 'ko', 'id'];

/** Each language in itself, as a speaker of it looks for it. */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어', id: 'Bahasa Indonesia' };

/** One locale and currency; immutable, so Lit sees a new one as a change. */
export class OwnerI18n {
  readonly #format: I18n;

  constructor(
    readonly locale: Locale,
    readonly currency: string,
  ) {
    this.#format = new I18n(locale, currency);
  }

  t(key: OwnerMessageKey, params: Record<string, string | number> = {}): string {
    const text = catalogs[this.locale][key];
    // Korean particles follow the word before them: `{name|이/가}` (shared/korean.ts).
    if (this.locale === 'ko') return fillKorean(text, params);
    return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }

  /** A name or description the owner may have written per language (SPEC 2.11), in the console's language. */
  text(value: LocalizedText): string {
    return textIn(value, this.locale);
  }

  money(minor: number): string {
    return formatLocalMoney(minor, this.currency, this.locale);
  }

  /** "$200" for a whole amount, "$199.50" otherwise: the calendar's 14 columns fit a laptop's width. */
  price(minor: number): string {
    const exponent = currencyExponent(this.currency);
    // Whole amounts of a currency without decimals read the same either way, won in Korean as "150,000원".
    if (minor % 10 ** exponent !== 0 || exponent === 0) return this.money(minor);
    return new Intl.NumberFormat(this.locale, { style: 'currency', currency: this.currency, maximumFractionDigits: 0 }).format(minor / 10 ** exponent);
  }

  date(iso: string, options?: Intl.DateTimeFormatOptions): string {
    return this.#format.date(iso, options);
  }

  range(checkIn: string, checkOut: string): string {
    return this.#format.range(checkIn, checkOut);
  }

  /** Minor units as the owner types them back: "120.50", "150000"; no symbol, no grouping. */
  toMajor(minor: number): string {
    const digits = currencyExponent(this.currency);
    return (minor / 10 ** digits).toFixed(digits);
  }

  /** "120.50" (or "120,50", "1,200") in the currency's major unit as minor units; undefined when it is not an amount. */
  toMinor(text: string): number | undefined {
    const digits = currencyExponent(this.currency);
    const cleaned = text.trim().replace(/[\s\u00a0]/g, '');
    // A comma followed by exactly the currency's decimals is a decimal comma (id, ko keyboards); otherwise grouping.
    const normalised = digits > 0 && new RegExp(`^\\d+,\\d{1,${digits}}$`).test(cleaned) ? cleaned.replace(',', '.') : cleaned.replace(/,/g, '');
    const match = new RegExp(`^(\\d+)(?:\\.(\\d{1,${Math.max(digits, 1)}}))?$`).exec(normalised);
    if (!match || (digits === 0 && match[2])) return undefined;
    return Number(match[1]) * 10 ** digits + Number((match[2] ?? '').padEnd(digits, '0') || 0);
  }
}
