import { getTranslator } from '@/lib/i18n/server';
import { catalogLanguage } from '@/lib/i18n/locale';
import { SIGNAL_CATEGORIES, SIGNAL_STATUSES } from '@/lib/signals/categories';
import { SIGNAL_STATUS_LABELS } from '@/lib/signals/labels';
import styles from '@/app/_components/signal-page.module.css';

/** Status and category as a plain GET form: works without JavaScript, and the URL keeps the filter. */
export async function SignalFilterForm({
  statuses,
  categories,
}: {
  statuses: readonly string[];
  categories: readonly string[];
}) {
  const { t, locale } = await getTranslator();
  const lang = catalogLanguage(locale);
  return (
    <form method="get" action="/meldingen" className={styles.filters} data-testid="signal-list-filters">
      <div className={styles.field}>
        <label htmlFor="filter-status">{t('signals.list.status')}</label>
        <select
          id="filter-status"
          name="status"
          className="select"
          defaultValue={statuses.length === 1 ? statuses[0] : ''}
        >
          <option value="">{t('signals.list.allStatuses')}</option>
          {SIGNAL_STATUSES.map((status) => (
            <option key={status} value={status}>
              {SIGNAL_STATUS_LABELS[status][lang]}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-category">{t('signals.list.category')}</label>
        <select
          id="filter-category"
          name="category"
          className="select"
          defaultValue={categories.length === 1 ? categories[0] : ''}
        >
          <option value="">{t('signals.list.allCategories')}</option>
          {SIGNAL_CATEGORIES.map((category) => (
            <option key={category.code} value={category.code}>
              {category[lang]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" data-testid="signal-list-filter-submit">
        {t('signals.list.filter')}
      </button>
    </form>
  );
}
