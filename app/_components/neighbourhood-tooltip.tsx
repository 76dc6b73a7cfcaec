'use client';

import { formatMeasure, formatNumber } from '@/lib/i18n/format';
import type { NeighbourhoodProperties } from '@/lib/map/area-data';
import type { NeighbourhoodOverlayStats } from '@/lib/map/neighbourhood-overlays';
import type { OverlayLayer } from '@/lib/map/overlay-layers';
import { useI18n } from './i18n-provider';

interface TooltipProps {
  neighbourhood: NeighbourhoodProperties;
  indicator: { code: string; nl: string; en: string; decimals: number };
  /** The neighbourhood's layer figures for the current filters, when loaded. */
  figures?: NeighbourhoodOverlayStats;
  layers: readonly OverlayLayer[];
}

/** What hovering a neighbourhood shows: its name, municipality, the value on the map and the layers' figures. */
export function NeighbourhoodTooltip({ neighbourhood, indicator, figures, layers }: TooltipProps) {
  const { t, lang, locale } = useI18n();
  const reading = neighbourhood.indicators[indicator.code];
  const value = reading
    ? `${reading.isEstimate ? '≈ ' : ''}${formatMeasure(locale, t, reading.value, reading.unit, indicator.decimals)}`
    : t('tooltip.noValue');
  const number = (n: number, decimals = 0) => formatNumber(locale, n, decimals);
  return (
    <>
      <strong className="tooltip-title">{neighbourhood.name}</strong>
      <span className="tooltip-sub">{neighbourhood.municipalityName}</span>
      <span className="tooltip-value">
        {indicator[lang]}: <b>{value}</b>
      </span>
      {figures && layers.includes('signals') && figures.signals !== undefined && (
        <span className="tooltip-value" data-testid="tooltip-signals">
          {figures.signals === null
            ? t('tooltip.signalsWithheld')
            : typeof figures.signalRate !== 'number'
              ? t('tooltip.signalsNoRate', { count: number(figures.signals) })
              : t('tooltip.signals', { count: number(figures.signals), rate: number(figures.signalRate, 1) })}
        </span>
      )}
      {figures && layers.includes('street_lights') && (
        <span className="tooltip-value">
          {t('tooltip.lights', { count: number(figures.streetLights), defects: number(figures.defects) })}
        </span>
      )}
      {figures && layers.includes('substandard_dwellings') && figures.substandardDwellings !== undefined && (
        <span className="tooltip-value">
          {figures.substandardDwellings === null
            ? t('tooltip.dwellingsWithheld')
            : t('tooltip.dwellings', { count: number(figures.substandardDwellings) })}
        </span>
      )}
    </>
  );
}
