/**
 * Composite need index per neighbourhood: standardised indicators, weighted, summed, ranked.
 *
 * 1. Direction: every indicator is turned so that higher means more need (median income is
 *    negated: a lower income is more need).
 * 2. Standardisation: z = (x − mean) / sd over the areas that have a value, sd the population
 *    standard deviation (divide by n). An indicator that is the same everywhere (sd = 0) says
 *    nothing about differences and gets z = 0 for all.
 * 3. Weights: the user's weights (≥ 0) are divided by their sum, so only their proportions
 *    matter; weight 0 leaves an indicator out.
 * 4. Missing values: an area missing an indicator is scored on the others, their weights
 *    scaled up to sum to 1 again, but only if the indicators it has carry at least
 *    `minCoverage` (default half) of the total weight; otherwise its index is null (unranked).
 *    Imputing the mean instead would quietly call the area average on what is unknown.
 * 5. The index is Σ w_k z_k (a z-like score: 0 is average, positive is more need); rank 1 is
 *    the most need, ties share a rank (1, 2, 2, 4).
 */

export type NeedDirection = 'higher_is_more_need' | 'lower_is_more_need';

/** Indicators the need index knows, with the direction in which they signal need. */
export const NEED_INDICATORS = {
  share_65_plus: 'higher_is_more_need',
  share_80_plus_alone: 'higher_is_more_need',
  share_increased_reimbursement: 'higher_is_more_need',
  median_income: 'lower_is_more_need',
  /** All signals per 1,000 inhabitants (smoothed), for the chosen period. */
  signals_per_1000: 'higher_is_more_need',
} as const satisfies Record<string, NeedDirection>;

export type NeedIndicatorKey = keyof typeof NEED_INDICATORS;

/**
 * Default weights (they sum to 1). Material deprivation weighs most, as the strongest
 * predictor of care and welfare needs: increased reimbursement (the insurance status of
 * low-income households) 0.25 and median income 0.20. Isolation in old age next: people aged
 * 80+ living alone 0.20, the share 65+ 0.10 (age alone is a weaker sign than age and living
 * alone). What care partners actually notice, signals per 1,000, 0.25: the index should follow
 * the field, but not be driven by reporting habits alone.
 */
export const DEFAULT_NEED_WEIGHTS: Readonly<Record<NeedIndicatorKey, number>> = {
  share_increased_reimbursement: 0.25,
  median_income: 0.2,
  share_80_plus_alone: 0.2,
  share_65_plus: 0.1,
  signals_per_1000: 0.25,
};

export interface NeedInput {
  code: string;
  values: Partial<Record<string, number | null>>;
}

export interface NeedOptions {
  weights?: Readonly<Partial<Record<string, number>>>;
  /** Directions of indicators beyond `NEED_INDICATORS` (or to override them). */
  directions?: Readonly<Record<string, NeedDirection>>;
  /** Share of the total weight an area must have values for; default 0.5. */
  minCoverage?: number;
}

export interface NeedScore {
  code: string;
  index: number | null;
  rank: number | null;
  /** z-score of each indicator, turned so that higher is more need; null where missing. */
  components: Record<string, number | null>;
  /** Share of the total weight this area had values for. */
  coverage: number;
}

export interface NeedIndexResult {
  /** Normalised weights actually used (sum 1), indicators with weight 0 left out. */
  weights: Record<string, number>;
  indicators: Record<string, { mean: number | null; sd: number | null; n: number; direction: NeedDirection }>;
  areas: NeedScore[];
}

export function computeNeedIndex(inputs: readonly NeedInput[], options: NeedOptions = {}): NeedIndexResult {
  const weights = normaliseWeights(options.weights ?? DEFAULT_NEED_WEIGHTS);
  const directions: Record<string, NeedDirection> = { ...NEED_INDICATORS, ...options.directions };
  const minCoverage = options.minCoverage ?? 0.5;
  const keys = Object.keys(weights);
  for (const key of keys)
    if (!directions[key]) throw new RangeError(`computeNeedIndex: no direction for indicator ${key}`);

  const indicators: NeedIndexResult['indicators'] = {};
  const zOf = new Map<string, (value: number) => number>();
  for (const key of keys) {
    const sign = directions[key] === 'lower_is_more_need' ? -1 : 1;
    const values = inputs
      .map((input) => input.values[key])
      .filter(isNumber)
      .map((value) => sign * value);
    const n = values.length;
    const mean = n > 0 ? values.reduce((sum, v) => sum + v, 0) / n : null;
    const sd = mean === null ? null : Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n);
    indicators[key] = { mean: mean === null ? null : sign * mean, sd, n, direction: directions[key]! };
    zOf.set(key, (value) =>
      sd === null || sd < 1e-12 * Math.max(1, Math.abs(mean!)) ? 0 : (sign * value - mean!) / sd,
    );
  }

  const scored = inputs.map((input) => {
    const components: Record<string, number | null> = {};
    let covered = 0;
    let sum = 0;
    for (const key of keys) {
      const value = input.values[key];
      components[key] = isNumber(value) ? zOf.get(key)!(value) : null;
      if (components[key] !== null) {
        covered += weights[key]!;
        sum += weights[key]! * components[key]!;
      }
    }
    const index = covered > 0 && covered >= minCoverage - 1e-12 ? sum / covered : null;
    return { code: input.code, index, components, coverage: covered };
  });

  const ranked = scored
    .filter((area) => area.index !== null)
    .map((area) => area.index!)
    .sort((a, b) => b - a);
  const areas = scored.map((area): NeedScore => ({
    ...area,
    rank: area.index === null ? null : ranked.findIndex((value) => value <= area.index! + 1e-12) + 1,
  }));
  return { weights, indicators, areas };
}

function normaliseWeights(weights: Readonly<Partial<Record<string, number>>>): Record<string, number> {
  const entries = Object.entries(weights).filter((entry): entry is [string, number] => entry[1] !== undefined);
  for (const [key, weight] of entries) {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`computeNeedIndex: weight of ${key} must be ≥ 0`);
  }
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (total <= 0) throw new RangeError('computeNeedIndex: at least one weight must be positive');
  return Object.fromEntries(entries.filter(([, weight]) => weight > 0).map(([key, weight]) => [key, weight / total]));
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
