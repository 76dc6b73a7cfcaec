import type { Locale } from './locale';
import type { Translate } from './translate';

const formatters = new Map<string, Intl.NumberFormat>();

/** Cached Intl formatters: creating one is far slower than using it, and legends format often. */
export function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    formatters.set(key, format);
  }
  return format;
}

/** A number in the locale: nl-BE writes 1.234,5 and en 1,234.5. */
export function formatNumber(locale: Locale, value: number, decimals = 0): string {
  return numberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * A value with its unit as people write it: "23,4%" / "23.4%", "€ 31.250" / "€31,250",
 * "1.234 inwoners" / "1,234 inhabitants". Unknown units are printed after the number.
 */
export function formatMeasure(locale: Locale, t: Translate, value: number, unit: string, decimals = 0): string {
  if (unit === '%') {
    return numberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value / 100);
  }
  if (unit === 'EUR') {
    return numberFormat(locale, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    }).format(value);
  }
  const number = formatNumber(locale, value, decimals);
  if (unit === 'inhabitants') return `${number} ${t('unit.inhabitants')}`;
  return unit ? `${number} ${unit}` : number;
}

/** The unit as a legend or column heading shows it: "%", "€", "inwoners". */
export function unitLabel(t: Translate, unit: string): string {
  if (unit === '%') return t('unit.percent');
  if (unit === 'EUR') return '€';
  if (unit === 'inhabitants') return t('unit.inhabitants');
  return unit;
}
