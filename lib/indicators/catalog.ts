/**
 * Neighbourhood indicators the map can show. `unit` is what the legend prints;
 * `decimals` how values are rounded for display.
 */
export const INDICATORS = [
  { code: 'population', nl: 'Bevolking', en: 'Population', unit: 'inhabitants', decimals: 0 },
  { code: 'share_65_plus', nl: 'Aandeel 65+', en: 'Share aged 65+', unit: '%', decimals: 1 },
  { code: 'share_80_plus_alone', nl: 'Aandeel 80+ alleenwonend', en: 'Share 80+ living alone', unit: '%', decimals: 1 },
  {
    code: 'share_increased_reimbursement',
    nl: 'Aandeel verhoogde tegemoetkoming',
    en: 'Share with increased reimbursement',
    unit: '%',
    decimals: 1,
  },
  { code: 'median_income', nl: 'Mediaan inkomen', en: 'Median income', unit: 'EUR', decimals: 0 },
] as const;

export type IndicatorCode = (typeof INDICATORS)[number]['code'];
export const INDICATOR_CODES = INDICATORS.map((indicator) => indicator.code) as IndicatorCode[];
export const DEFAULT_INDICATOR: IndicatorCode = 'share_65_plus';

export function findIndicator(code: string) {
  return INDICATORS.find((indicator) => indicator.code === code);
}
