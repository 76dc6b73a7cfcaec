import { setLocale } from '@/app/_actions/locale';
import { LOCALE_LABELS, LOCALES, type Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';

/**
 * NL | EN as a form posting to a server action: works before hydration and without
 * JavaScript, and the action re-renders the page in the new language.
 */
export function LanguageSwitch({ locale, t }: { locale: Locale; t: Translate }) {
  return (
    <form
      action={setLocale}
      className="language-switch"
      aria-label={t('header.language')}
      data-testid="language-switch"
    >
      {LOCALES.map((option) => (
        <button
          key={option}
          type="submit"
          name="locale"
          value={option}
          lang={option}
          aria-pressed={option === locale}
          title={t('header.switchLanguage', { language: LOCALE_LABELS[option].name })}
          data-testid={`language-${LOCALE_LABELS[option].short.toLowerCase()}`}
        >
          {LOCALE_LABELS[option].short}
        </button>
      ))}
    </form>
  );
}
