'use client';

import { formatMeasure } from '@/lib/i18n/format';
import type { NeighbourhoodProperties } from '@/lib/map/area-data';
import { useI18n } from './i18n-provider';

interface TooltipProps {
  neighbourhood: NeighbourhoodProperties;
  indicator: { code: string; nl: string; en: string; decimals: number };
}

/** What hovering a neighbourhood shows: its name, municipality and the value on the map. */
export function NeighbourhoodTooltip({ neighbourhood, indicator }: TooltipProps) {
  const { t, lang, locale } = useI18n();
  const reading = neighbourhood.indicators[indicator.code];
  const value = reading
    ? `${reading.isEstimate ? '≈ ' : ''}${formatMeasure(locale, t, reading.value, reading.unit, indicator.decimals)}`
    : t('tooltip.noValue');
  return (
    <>
      <strong className="tooltip-title">{neighbourhood.name}</strong>
      <span className="tooltip-sub">{neighbourhood.municipalityName}</span>
      <span className="tooltip-value">
        {indicator[lang]}: <b>{value}</b>
      </span>
    </>
  );
}
