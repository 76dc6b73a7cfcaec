'use client';

import '@/lib/validation/jitless-zod';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { catalogLanguage, type Locale } from '@/lib/i18n/locale';
import { createTranslator, messagesFor, type Translate } from '@/lib/i18n/translate';

export interface I18n {
  locale: Locale;
  /** Which name a catalogue entry (indicator, category, service type) shows: `nl` or `en`. */
  lang: 'nl' | 'en';
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Gives client components the request's locale. Both dictionaries are small, so they are
 * bundled and only the locale crosses from the server.
 */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ locale, lang: catalogLanguage(locale), t: createTranslator(messagesFor(locale)) }),
    [locale],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
