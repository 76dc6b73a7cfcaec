import {
  ACCESS_DISTANCES,
  ALL_CATEGORIES,
  type AnalysisQuery,
  DEFAULT_WEIGHT_PERCENT,
} from '@/lib/analysis/analysis-query';
import type { AnalysisPeriod } from '@/lib/analysis/periods';
import { catalogLanguage } from '@/lib/i18n/locale';
import { getTranslator } from '@/lib/i18n/server';
import { SIGNAL_CATEGORIES } from '@/lib/signals/categories';
import { periodLabel } from './period-label';
import styles from './analysis.module.css';

/**
 * Category, period and access distance: a plain GET form, so the result is a shareable URL
 * and works before any script has loaded. Tab and weights ride along as hidden fields.
 */
export async function AnalysisFilters({
  regionCode,
  query,
  periods,
  period,
}: {
  regionCode: string;
  query: AnalysisQuery;
  periods: readonly AnalysisPeriod[];
  period: AnalysisPeriod | null;
}) {
  const { t, locale } = await getTranslator();
  const lang = catalogLanguage(locale);
  const weightsChanged = Object.entries(query.weights).some(
    ([key, value]) => DEFAULT_WEIGHT_PERCENT[key as keyof typeof DEFAULT_WEIGHT_PERCENT] !== value,
  );
  return (
    <form method="get" action={`/analyse/${regionCode}`} className={styles.filters} data-testid="analysis-filters">
      <label>
        <span>{t('analysis.filter.category')}</span>
        <select name="categorie" defaultValue={query.category} data-testid="filter-category">
          <option value={ALL_CATEGORIES}>{t('analysis.allCategories')}</option>
          {SIGNAL_CATEGORIES.map((category) => (
            <option key={category.code} value={category.code}>
              {category[lang]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('analysis.filter.period')}</span>
        <select name="periode" defaultValue={period?.id} data-testid="filter-period">
          {periods.map((p) => (
            <option key={p.id} value={p.id}>
              {periodLabel(p, locale, t)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('analysis.filter.distance')}</span>
        <select name="afstand" defaultValue={String(query.distance)} data-testid="filter-distance">
          {ACCESS_DISTANCES.map((d) => (
            <option key={d} value={d}>
              {t('analysis.metres', { metres: d })}
            </option>
          ))}
        </select>
      </label>
      {query.tab !== 'hotspots' && <input type="hidden" name="tab" value={query.tab} />}
      {weightsChanged && (
        <input
          type="hidden"
          name="gewichten"
          value={Object.entries(query.weights)
            .map(([k, v]) => `${k}:${v}`)
            .join(',')}
        />
      )}
      <button type="submit" className="button button-primary" data-testid="filter-submit">
        {t('analysis.filter.apply')}
      </button>
      <p className={styles.periodNote} data-testid="period-note">
        {t('analysis.periodNote')}
      </p>
    </form>
  );
}
