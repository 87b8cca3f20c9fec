// Strings in en, ko and id; money and dates always through Intl (SPEC 2.1, 4).
import { asLocale, type Locale } from '../shared/locale.ts';
import { formatMoney } from '../shared/money.ts';
import { core } from './locales/core.ts';
import type { MessageKey } from './locales/en.ts';

// Each language is a chunk, English too, so a guest downloads only their own, fetched beside the
// first API request (direct-book.ts); widget.js carries just what it may show before (core.ts).
// A language whose grammar the plain `{name}` filling cannot serve brings its own (locales/korean.ts).
type Strings = Partial<Record<MessageKey, string>>;
type Catalog = Strings & Partial<Grammar>;
const catalogs: Partial<Record<Locale, Catalog>> = {};
const importers: Record<Locale, () => Promise<Catalog>> = {
  en: () => import('./locales/en.ts').then((module) => module.en),
  ko: () => import('./locales/ko.ts').then((module) => module.ko),
  id: () => import('./locales/id.ts').then((module) => module.id),
};

/** Resolves once `locale`'s strings are here; until then an I18n for it speaks only core.ts. */
export async function loadCatalog(locale: Locale): Promise<void> {
  catalogs[locale] ??= await importers[locale]();
}

/** True when every string of `locale` can be shown now. */
export function hasCatalog(locale: Locale): boolean {
  return locale in catalogs;
}

/**
 * What a language's chunk may bring beside its strings, so widget.js carries no language's rules:
 * Korean fills `{amount|을/를}` with the particle that fits and writes won as "80,000원".
 */
export interface Grammar {
  fill(text: string, params: Params): string;
  money: typeof formatMoney;
}

type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type PluralKey = PluralBase<MessageKey>;
export type Params = Record<string, string | number>;

/**
 * The widget's locale: its own `locale` attribute, else the page's `<html lang>`, else the one the
 * server answered in (the guest's browser language if it has it, else the property's), else English.
 */
export function resolveLocale(attribute?: string | null, pageLang?: string | null, answered?: string | null): Locale {
  return asLocale(attribute) ?? asLocale(pageLang) ?? asLocale(answered) ?? 'en';
}

// Made once per locale and options for every I18n: the first one of a page costs the browser tens of
// milliseconds (it loads the locale's data), later ones far less, using one almost nothing.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * Has the browser load the date and number data of `locale` (without one, of the guest's language,
 * which the server answers in when it has it) now, while the first request travels, rather than
 * when the rates it brings are drawn.
 */
export function warmFormats(locale?: Locale): void {
  const i18n = new I18n(locale ?? asLocale(navigator.language) ?? 'en', 'USD');
  i18n.range('2026-01-01', '2026-01-02');
  i18n.money(0);
}

/** One locale and currency's way of saying things; immutable, so Lit sees a new one as a change. */
export class I18n {
  readonly #plurals: Intl.PluralRules;

  constructor(
    readonly locale: Locale,
    readonly currency: string,
  ) {
    this.#plurals = new Intl.PluralRules(locale);
  }

  t(key: MessageKey, params: Params = {}): string {
    // A missing string shows its key rather than breaking the page; the flow never asks for one
    // before loadCatalog (direct-book.ts), and the tests load English first (test/support/wtr-setup.ts).
    const catalog = catalogs[this.locale];
    const text = (core[this.locale] as Strings)[key] ?? catalog?.[key] ?? key;
    return catalog?.fill?.(text, params) ?? text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
  }

  /** A counted phrase such as "3 nights", the number written the locale's way. */
  count(key: PluralKey, count: number): string {
    const rule = this.#plurals.select(count);
    const chosen = (rule === 'one' ? `${key}_one` : `${key}_other`) as MessageKey;
    return this.t(chosen, { count: new Intl.NumberFormat(this.locale).format(count) });
  }

  /** "2 adults, 1 child": a party as the search bar and the summary show it. */
  party(adults: number, children: number): string {
    const adultsText = this.count('adultsCount', adults);
    return children ? `${adultsText}, ${this.count('childrenCount', children)}` : adultsText;
  }

  money(minor: number): string {
    return (catalogs[this.locale]?.money ?? formatMoney)(minor, this.currency, this.locale);
  }

  /** Formats an ISO local date; the date is a calendar day, so it is read and shown in UTC. */
  date(iso: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' }): string {
    return this.#format(options).format(utc(iso));
  }

  /** "Friday, December 12, 2026": a date spelled out, for confirmations and screen readers. */
  longDate(iso: string): string {
    return this.date(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  }

  /** "Fri 12 – Sat 13 Dec" with the locale's own range rules. */
  range(checkIn: string, checkOut: string): string {
    return this.#format({ weekday: 'short', day: 'numeric', month: 'short' }).formatRange(utc(checkIn), utc(checkOut));
  }

  #format(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const key = `${this.locale}|${JSON.stringify(options)}`;
    let format = dateFormats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(this.locale, { ...options, timeZone: 'UTC' });
      dateFormats.set(key, format);
    }
    return format;
  }
}

function utc(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
