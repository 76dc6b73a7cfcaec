'use client';

import { formatNumber, unitLabel } from '@/lib/i18n/format';
import type { ClassBreaks } from '@/lib/map/class-breaks';
import { useI18n } from './i18n-provider';

interface LegendProps {
  indicator: { nl: string; en: string; unit: string; decimals: number };
  result: ClassBreaks;
  /** Whether any shown value is an estimate: ranges then get the ≈ mark. */
  hasEstimates: boolean;
  loading: boolean;
}

/** Class breaks of the choropleth with their colours, unit, counts and the no-data swatch. */
export function Legend({ indicator, result, hasEstimates, loading }: LegendProps) {
  const { t, lang, locale } = useI18n();
  const number = (value: number) => formatNumber(locale, value, indicator.decimals);
  const approx = hasEstimates ? '≈ ' : '';
  const empty = !loading && result.classes.length === 0;

  return (
    <section className="legend" data-testid="legend" aria-label={t('legend.title')} aria-busy={loading}>
      <div className="legend-head">
        <span className="legend-title">{indicator[lang]}</span>
        <span className="legend-unit" data-testid="legend-unit">
          {unitLabel(t, indicator.unit)}
        </span>
      </div>
      {loading ? (
        <ul className="legend-classes" aria-hidden="true">
          {[0, 1, 2, 3, 4].map((i) => (
            <li key={i} className="legend-row">
              <span className="swatch skeleton" />
              <span className="skeleton skeleton-text" />
            </li>
          ))}
        </ul>
      ) : (
        <ul className="legend-classes">
          {result.classes.map((entry) => (
            <li key={entry.min} className="legend-row" data-testid="legend-class">
              <span className="swatch" style={{ background: entry.color }} aria-hidden="true" />
              <span className="legend-range">
                {approx}
                {entry.min === entry.max
                  ? number(entry.min)
                  : t('legend.range', { min: number(entry.min), max: number(entry.max) })}
              </span>
              <span className="legend-count" title={t('legend.countTitle', { count: entry.count })}>
                {entry.count}
              </span>
            </li>
          ))}
          <li className="legend-row legend-row-nodata">
            <span className="swatch" style={{ background: result.noDataColor }} aria-hidden="true" />
            <span className="legend-range">{t('legend.noData')}</span>
            {result.missing > 0 && (
              <span className="legend-count" title={t('legend.countTitle', { count: result.missing })}>
                {result.missing}
              </span>
            )}
          </li>
        </ul>
      )}
      {empty && <p className="legend-note">{t('legend.empty')}</p>}
      {hasEstimates && !loading && (
        <p className="legend-note" data-testid="legend-estimates">
          {t('legend.estimates')}
        </p>
      )}
      {!empty && !loading && <p className="legend-method">{t('legend.method')}</p>}
    </section>
  );
}
