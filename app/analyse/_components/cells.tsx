'use client';

import { useI18n } from '@/app/_components/i18n-provider';
import type { SuppressedValue } from '@/lib/analysis/suppression';
import { formatNumber } from '@/lib/i18n/format';

/** A published count: the number, or "x" where it is hidden (primary and secondary look alike). */
export function CountCell({ value }: { value: SuppressedValue }) {
  const { t, locale } = useI18n();
  if (value.suppressed !== null)
    return (
      <abbr title={t('analysis.hiddenTitle')} className="suppressed">
        x
      </abbr>
    );
  return <>{value.value === null ? '' : formatNumber(locale, value.value)}</>;
}

/** A number with fixed decimals, or a dash where there is none. */
export function NumberCell({ value, decimals = 1 }: { value: number | null | undefined; decimals?: number }) {
  const { locale } = useI18n();
  return (
    <>
      {value === null || value === undefined || !Number.isFinite(value) ? '–' : formatNumber(locale, value, decimals)}
    </>
  );
}

export function PercentCell({ share, decimals = 0 }: { share: number | null | undefined; decimals?: number }) {
  const { locale } = useI18n();
  if (share === null || share === undefined || !Number.isFinite(share)) return <>–</>;
  return (
    <>
      {new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: decimals,
        minimumFractionDigits: decimals,
      }).format(share)}
    </>
  );
}
