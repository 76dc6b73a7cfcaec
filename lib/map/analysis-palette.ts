import type { Significance } from '@/lib/analysis/getis-ord';

/**
 * Gi* classes in ColorBrewer RdBu (diverging, colour-blind safe): red for hot spots, blue for
 * cold spots, darker for more confidence, near-white for not significant, the way ArcGIS and
 * GeoDa draw them. Source: colorbrewer2.org (Apache 2.0).
 */
export const SIGNIFICANCE_COLORS: Readonly<Record<Significance, string>> = {
  hot_99: '#b2182b',
  hot_95: '#ef8a62',
  hot_90: '#fddbc7',
  not_significant: '#f7f7f7',
  cold_90: '#d1e5f0',
  cold_95: '#67a9cf',
  cold_99: '#2166ac',
};

export const SIGNIFICANCE_ORDER: readonly Significance[] = [
  'hot_99',
  'hot_95',
  'hot_90',
  'not_significant',
  'cold_90',
  'cold_95',
  'cold_99',
];

/** Need versus supply: flagged (high need and poor access), one of the two, neither. */
export const ACCESS_FLAG_COLORS = {
  flagged: '#b2182b',
  highNeed: '#ef8a62',
  poorAccess: '#fddbc7',
  neither: '#f7f7f7',
} as const;
export type AccessFlag = keyof typeof ACCESS_FLAG_COLORS;

/** Neighbourhoods outside what the person may see: background, not "no data". */
export const OUTSIDE_COLOR = '#eceff3';
