import type { AnalysisPeriod } from '@/lib/analysis/periods';
import type { Locale } from '@/lib/i18n/locale';
import type { Translate } from '@/lib/i18n/translate';

const monthName = (locale: Locale, month: string) =>
  new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

/** "2025", or "2026 (jan.–okt.)" for a year the data covers only in part. */
export function periodLabel(period: AnalysisPeriod, locale: Locale, t: Translate): string {
  if (period.complete) return period.id;
  return t('analysis.periodPart', {
    year: period.id,
    from: monthName(locale, period.from),
    to: monthName(locale, period.to),
  });
}
