// SPEC 2.11: names and descriptions are a plain text or one per language; a guest reads theirs, else the
// property's language, else whichever the owner wrote.
import { LOCALES, type Locale } from './locale.ts';

export type TextByLocale = Partial<Record<Locale, string>>;
export type LocalizedText = string | TextByLocale;

/** The text for a reader of `locale`; `fallback` is the property's locale. */
export function textIn(text: LocalizedText, locale: Locale, fallback?: Locale): string {
  if (typeof text === 'string') return text;
  for (const candidate of [locale, fallback, ...LOCALES]) {
    const value = candidate && text[candidate];
    if (value) return value;
  }
  return '';
}

/** `textIn` for optional texts: absent stays null. */
export function optionalTextIn(text: LocalizedText | null | undefined, locale: Locale, fallback?: Locale): string | null {
  return text === null || text === undefined ? null : textIn(text, locale, fallback);
}
