import { z } from 'zod';
import { neighbourhoodCode } from '@/lib/areas/codes';
import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import { DEFAULT_NEED_WEIGHTS, type NeedIndicatorKey } from './need-index';
import { periodId } from './periods';
import { ALL } from './publication';

/**
 * The state of an analysis page lives in its query string, so a link reproduces the view:
 *   /analyse/sw11?categorie=loneliness&periode=2026&afstand=1000&tab=index&gewichten=…&buurt=…
 * Pages are forgiving (a stale value falls back to its default); the export API is strict and
 * answers a bad value with a 400 naming it.
 */

export const ANALYSIS_TABS = ['hotspots', 'index', 'aanbod', 'verlichting', 'wonen'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];
export const ACCESS_DISTANCES = [500, 750, 1000, 1500, 2000] as const;
export const DEFAULT_ACCESS_DISTANCE = 1000;
/** `categorie=alle`: all categories together. */
export const ALL_CATEGORIES = 'alle';

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
export const categoryParam = z.enum([ALL_CATEGORIES, ...SIGNAL_CATEGORY_CODES] as [string, ...string[]]);
export const distanceParam = z.coerce
  .number()
  .refine((value) => (ACCESS_DISTANCES as readonly number[]).includes(value), {
    message: `must be one of ${ACCESS_DISTANCES.join(', ')} (metres)`,
  });

/** `gewichten=share_65_plus:10,median_income:20,…`: whole numbers 0–100, only known indicators. */
export const weightsParam = z
  .string()
  .max(300)
  .transform((text, ctx) => {
    const weights: Partial<Record<NeedIndicatorKey, number>> = {};
    for (const item of text.split(',')) {
      const [key, value] = item.split(':');
      const number = Number(value);
      if (!key || !(key in DEFAULT_NEED_WEIGHTS) || !Number.isInteger(number) || number < 0 || number > 100) {
        ctx.addIssue({
          code: 'custom',
          message: `has "${item}": give indicator:weight pairs, weights 0–100, indicators ${Object.keys(DEFAULT_NEED_WEIGHTS).join(', ')}`,
        });
        return z.NEVER;
      }
      weights[key as NeedIndicatorKey] = number;
    }
    if (Object.values(weights).every((weight) => weight === 0)) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one weight above 0' });
      return z.NEVER;
    }
    return { ...zeroWeights(), ...weights };
  });

const zeroWeights = () =>
  Object.fromEntries(Object.keys(DEFAULT_NEED_WEIGHTS).map((key) => [key, 0])) as Record<NeedIndicatorKey, number>;
/** The default weights as whole percentages (the sliders' scale). */
export const DEFAULT_WEIGHT_PERCENT = Object.fromEntries(
  Object.entries(DEFAULT_NEED_WEIGHTS).map(([key, weight]) => [key, Math.round(weight * 100)]),
) as Record<NeedIndicatorKey, number>;

export interface AnalysisQuery {
  category: string;
  period: string | undefined;
  distance: number;
  tab: AnalysisTab;
  weights: Record<NeedIndicatorKey, number>;
  neighbourhood: string | undefined;
}

const pageSchema = z.object({
  categorie: z.preprocess(first, categoryParam).catch(ALL_CATEGORIES),
  periode: z.preprocess(first, periodId.optional()).catch(undefined),
  afstand: z.preprocess(first, distanceParam).catch(DEFAULT_ACCESS_DISTANCE),
  tab: z.preprocess(first, z.enum(ANALYSIS_TABS)).catch('hotspots'),
  gewichten: z.preprocess(first, weightsParam.optional()).catch(undefined),
  buurt: z.preprocess(first, neighbourhoodCode.optional()).catch(undefined),
});

export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export function parseAnalysisQuery(input: SearchParamsRecord): AnalysisQuery {
  const parsed = pageSchema.parse(input);
  return {
    category: parsed.categorie,
    period: parsed.periode,
    distance: parsed.afstand,
    tab: parsed.tab,
    weights: parsed.gewichten ?? DEFAULT_WEIGHT_PERCENT,
    neighbourhood: parsed.buurt,
  };
}

/** The publication's category key for a `categorie` value. */
export const categoryKey = (category: string) => (category === ALL_CATEGORIES ? ALL : category);

/** The query string of a state; defaults are left out so links stay short. */
export function analysisSearch(state: Partial<AnalysisQuery>): string {
  const params = new URLSearchParams();
  if (state.category && state.category !== ALL_CATEGORIES) params.set('categorie', state.category);
  if (state.period) params.set('periode', state.period);
  if (state.distance && state.distance !== DEFAULT_ACCESS_DISTANCE) params.set('afstand', String(state.distance));
  if (state.tab && state.tab !== 'hotspots') params.set('tab', state.tab);
  if (
    state.weights &&
    Object.entries(state.weights).some(([key, value]) => DEFAULT_WEIGHT_PERCENT[key as NeedIndicatorKey] !== value)
  ) {
    params.set(
      'gewichten',
      Object.entries(state.weights)
        .map(([key, value]) => `${key}:${value}`)
        .join(','),
    );
  }
  if (state.neighbourhood) params.set('buurt', state.neighbourhood);
  const text = params.toString();
  return text ? `?${text.replaceAll('%3A', ':').replaceAll('%2C', ',')}` : '';
}
