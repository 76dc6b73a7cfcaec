/**
 * The languages Buurtradar speaks. Dutch (Belgium) is the source language; English is the
 * second. The choice lives in a cookie so that server components can read it on every request.
 */
export const LOCALES = ['nl-BE', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'nl-BE';
export const LOCALE_COOKIE = 'buurtradar_locale';

/** Short labels for the language switch, in the language itself. */
export const LOCALE_LABELS: Record<Locale, { short: string; name: string }> = {
  'nl-BE': { short: 'NL', name: 'Nederlands' },
  en: { short: 'EN', name: 'English' },
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The catalogues in lib/ carry `nl` and `en` names: which one this locale reads. */
export function catalogLanguage(locale: Locale): 'nl' | 'en' {
  return locale === 'en' ? 'en' : 'nl';
}

/**
 * The locale for a request: a valid cookie wins (the user chose it); otherwise the first
 * Accept-Language entry, by weight, that we speak; otherwise Dutch.
 */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  for (const tag of preferredLanguages(input.acceptLanguage ?? '')) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (primary === 'nl') return 'nl-BE';
    if (primary === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

/** Accept-Language tags sorted by their q weight (highest first, ties in header order). */
function preferredLanguages(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}
