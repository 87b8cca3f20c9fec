// SPEC 2.4: the locale is the request's, else Accept-Language, else the property's, else English.

export const LOCALES = ['en', 'ko', 'id'] as const;
export type Locale = (typeof LOCALES)[number];

export function asLocale(value: string | undefined | null): Locale | undefined {
  if (!value) return undefined;
  const base = value.trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? '') ? (base as Locale) : undefined;
}

/** The first supported language of an Accept-Language header, by quality. */
export function fromAcceptLanguage(header: string | undefined | null): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag, q } of ranked) {
    const locale = q > 0 ? asLocale(tag) : undefined;
    if (locale) return locale;
  }
  return undefined;
}

export function pickLocale(requested: string | undefined, acceptLanguage: string | undefined, propertyLocale: string | undefined): Locale {
  return asLocale(requested) ?? fromAcceptLanguage(acceptLanguage) ?? asLocale(propertyLocale) ?? 'en';
}
