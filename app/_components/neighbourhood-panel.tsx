'use client';

import { useEffect, useEffectEvent, useId, type ReactNode } from 'react';
import { formatMeasure, formatNumber } from '@/lib/i18n/format';
import { INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import type { NeighbourhoodProperties } from '@/lib/map/area-data';
import type { MonthWindow } from '@/lib/map/month-window';
import type { NeighbourhoodOverlayStats } from '@/lib/map/neighbourhood-overlays';
import type { OverlayLayer } from '@/lib/map/overlay-layers';
import { useI18n } from './i18n-provider';

interface PanelProps {
  neighbourhood: NeighbourhoodProperties;
  /** The indicator on the map, highlighted in the list. */
  activeIndicator: IndicatorCode;
  /** The neighbourhood's layer figures for the current filters (when a layer needs them). */
  figures?: NeighbourhoodOverlayStats;
  layers: readonly OverlayLayer[];
  windowLabel: MonthWindow | null;
  onClose: () => void;
}

/** Details of the selected neighbourhood: where it is, and every indicator in the locale. */
export function NeighbourhoodPanel({
  neighbourhood,
  activeIndicator,
  figures,
  layers,
  windowLabel,
  onClose,
}: PanelProps) {
  const { t, lang, locale } = useI18n();
  const headingId = useId();
  const close = useEffectEvent(onClose);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const readings = Object.values(neighbourhood.indicators);
  const sources = [...new Set(readings.map((r) => t('panel.source', { source: r.source, period: r.period })))];
  const hasEstimates = readings.some((r) => r.isEstimate);

  return (
    <aside className="panel" data-testid="neighbourhood-panel" aria-labelledby={headingId}>
      <header className="panel-head">
        <div>
          <p className="eyebrow">{t('map.neighbourhoodLabel')}</p>
          <h2 id={headingId} className="panel-title" data-testid="panel-name">
            {neighbourhood.name}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('panel.close')}
          title={t('panel.close')}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
          </svg>
        </button>
      </header>

      <dl className="panel-facts">
        <div>
          <dt>{t('panel.municipality')}</dt>
          <dd data-testid="panel-municipality">{neighbourhood.municipalityName}</dd>
        </div>
        <div>
          <dt>{t('panel.code')}</dt>
          <dd className="numeric">{neighbourhood.code}</dd>
        </div>
        <div>
          <dt>{t('panel.area')}</dt>
          <dd className="numeric">{t('panel.areaValue', { value: formatNumber(locale, neighbourhood.areaKm2, 2) })}</dd>
        </div>
      </dl>

      <h3 className="section-heading">{t('panel.indicators')}</h3>
      <ul className="indicator-list">
        {INDICATORS.map((indicator) => {
          const reading = neighbourhood.indicators[indicator.code];
          return (
            <li
              key={indicator.code}
              className={indicator.code === activeIndicator ? 'indicator-row is-active' : 'indicator-row'}
            >
              <span className="indicator-name">{indicator[lang]}</span>
              <span className="indicator-value">
                {reading ? (
                  <>
                    {reading.isEstimate && (
                      <span className="approx" aria-hidden="true">
                        ≈{' '}
                      </span>
                    )}
                    {formatMeasure(locale, t, reading.value, reading.unit, indicator.decimals)}
                    {reading.isEstimate && <span className="visually-hidden"> ({t('panel.estimate')})</span>}
                  </>
                ) : (
                  <span className="muted">{t('panel.noValue')}</span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
      {figures && <LayerFigures figures={figures} layers={layers} window={windowLabel} />}

      {(hasEstimates || sources.length > 0) && (
        <footer className="panel-foot">
          {hasEstimates && (
            <p className="panel-estimates" data-testid="panel-estimates">
              {t('panel.estimates')}
            </p>
          )}
          {sources.length > 0 && <p className="panel-source">{sources.join(' · ')}</p>}
        </footer>
      )}
    </aside>
  );
}

/** The switched-on layers' figures for this neighbourhood in the chosen period and filters. */
function LayerFigures({
  figures,
  layers,
  window,
}: {
  figures: NeighbourhoodOverlayStats;
  layers: readonly OverlayLayer[];
  window: MonthWindow | null;
}) {
  const { t, locale } = useI18n();
  const month = (m: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const period = window
    ? window.from === window.to
      ? month(window.from)
      : `${month(window.from)} – ${month(window.to)}`
    : '';
  const count = (value: number | null) =>
    value === null ? <span className="muted">{t('panel.withheld')}</span> : formatNumber(locale, value);
  const rows: [string, ReactNode, string][] = [];
  // No `signals` key: the person may not see this neighbourhood's signals, so no row at all.
  if (layers.includes('signals') && figures.signals !== undefined) {
    rows.push([t('panel.signals'), count(figures.signals), 'panel-signals']);
    if (typeof figures.signalRate === 'number')
      rows.push([t('panel.signalRate'), formatNumber(locale, figures.signalRate, 1), 'panel-signal-rate']);
  }
  if (layers.includes('street_lights')) {
    rows.push([t('panel.lights'), formatNumber(locale, figures.streetLights), 'panel-lights']);
    rows.push([t('panel.lightDensity'), formatNumber(locale, figures.lightDensity, 1), 'panel-light-density']);
    rows.push([t('panel.defects'), formatNumber(locale, figures.defects), 'panel-defects']);
  }
  if (layers.includes('substandard_dwellings') && figures.substandardDwellings !== undefined)
    rows.push([t('panel.dwellings'), count(figures.substandardDwellings), 'panel-dwellings']);
  if (rows.length === 0) return null;
  return (
    <>
      <h3 className="section-heading">{t('panel.layersHeading', { period })}</h3>
      <dl className="panel-facts" data-testid="panel-layer-figures">
        {rows.map(([term, value, testId]) => (
          <div key={testId}>
            <dt>{term}</dt>
            <dd className="numeric" data-testid={testId}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}
