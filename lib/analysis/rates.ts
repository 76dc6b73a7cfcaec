/**
 * Signal rates per 1,000 inhabitants, raw and smoothed by global empirical Bayes.
 *
 * Why smoothing: a neighbourhood of 40 people aged 65+ with 2 loneliness signals has a raw rate
 * of 50 per 1,000; one more signal makes it 75. Such rates jump with every case, so the map
 * would always show the smallest areas as extremes. Empirical Bayes pulls each rate toward the
 * overall rate, the more so the smaller its population; large areas keep their raw rate.
 *
 * Formula: global empirical Bayes, method of moments (Marshall 1991), the same as GeoDa's
 * "Empirical Bayes" rate and PySAL's `esda.smoothing.Empirical_Bayes`:
 *   r_i = e_i / b_i                 raw rate (events over population at risk)
 *   θ   = Σe / Σb                   overall rate: the prior mean
 *   s²  = Σ b_i (r_i − θ)² / Σb     population-weighted variance of the raw rates
 *   b̄   = Σb / n                    mean population at risk
 *   A   = max(0, s² − θ / b̄)        between-area variance (prior variance)
 *   w_i = A / (A + θ / b_i)         shrinkage weight: the smaller b_i, the smaller w_i
 *   r̃_i = w_i r_i + (1 − w_i) θ     smoothed rate
 * Rates are reported per 1,000 (× 1,000). Edge cases, decided here:
 * - A ≤ 0 (rates vary no more than chance alone would make them): A = 0, so every smoothed
 *   rate is θ. GeoDa does the same; without the clamp w_i would fall outside [0, 1].
 * - b_i = 0 or unknown: no rate at all (raw and smoothed null), and the area takes no part in
 *   θ, s², b̄ or n. A rate for an area without inhabitants means nothing, whatever its count.
 * - θ = 0 (no events anywhere): every smoothed rate is 0.
 */

export const PER = 1_000;

/** Population bases a rate can be computed against. `population` is always the fallback. */
export type RateBase = 'population' | 'population_65_plus' | 'population_80_plus';

/**
 * The base each signal category is measured against. Only where a narrower group is at risk
 * does the base differ; everything else is per 1,000 inhabitants.
 */
export const RATE_BASE_BY_CATEGORY: Readonly<Record<string, RateBase>> = {
  loneliness: 'population_65_plus',
};

export function rateBaseFor(categoryCode: string): RateBase {
  return RATE_BASE_BY_CATEGORY[categoryCode] ?? 'population';
}

export interface RateInput {
  code: string;
  /** Number of signals (events) in the area for the category and period. */
  count: number;
  /** Population of the requested base (e.g. residents aged 65+); null where not known. */
  basePopulation: number | null;
  /** Total population; the fallback base. */
  totalPopulation: number | null;
}

export interface AreaRate {
  code: string;
  count: number;
  /** The population the rate was computed against (of `base`); null when unknown. */
  population: number | null;
  rawPer1000: number | null;
  smoothedPer1000: number | null;
  /** w_i above: 1 keeps the raw rate, 0 is the overall rate. Null without a rate. */
  shrinkWeight: number | null;
}

export interface RateResult {
  requestedBase: RateBase;
  /** The base actually used: the requested one, or `population` when it was not available. */
  base: RateBase;
  /** False when the requested base was missing for at least one area and the total was used. */
  baseAvailable: boolean;
  overallPer1000: number | null;
  /** A above, per 1,000 squared; 0 when the rates vary no more than chance. */
  betweenAreaVariance: number;
  areas: AreaRate[];
}

/**
 * Raw and empirical-Bayes rates per 1,000 for one category and period over a set of areas.
 *
 * The base is chosen for the whole set: when the requested base is missing for any area, every
 * area falls back to the total population (`baseAvailable: false`). Mixing bases would make
 * rates incomparable on one map and the prior θ a blend of two different populations.
 */
export function computeRates(inputs: readonly RateInput[], requestedBase: RateBase = 'population'): RateResult {
  for (const input of inputs) validate(input);
  const baseAvailable = requestedBase === 'population' || inputs.every((input) => input.basePopulation !== null);
  const base: RateBase = baseAvailable ? requestedBase : 'population';
  const populationOf = (input: RateInput) => (base === 'population' ? input.totalPopulation : input.basePopulation);

  const usable = inputs.filter((input) => (populationOf(input) ?? 0) > 0);
  const smoother = empiricalBayes(usable.map((input) => ({ events: input.count, population: populationOf(input)! })));

  const areas = inputs.map((input): AreaRate => {
    const population = populationOf(input);
    if (population === null || population <= 0) {
      return {
        code: input.code,
        count: input.count,
        population,
        rawPer1000: null,
        smoothedPer1000: null,
        shrinkWeight: null,
      };
    }
    const raw = input.count / population;
    const { weight, smoothed } = smoother.smooth(raw, population);
    return {
      code: input.code,
      count: input.count,
      population,
      rawPer1000: raw * PER,
      smoothedPer1000: smoothed * PER,
      shrinkWeight: weight,
    };
  });

  return {
    requestedBase,
    base,
    baseAvailable,
    overallPer1000: smoother.theta === null ? null : smoother.theta * PER,
    betweenAreaVariance: smoother.betweenVariance * PER * PER,
    areas,
  };
}

interface EventsAndPopulation {
  events: number;
  population: number;
}

/** The moments of the formula above, over areas with a positive population. */
export function empiricalBayes(areas: readonly EventsAndPopulation[]) {
  const n = areas.length;
  const eventSum = areas.reduce((sum, area) => sum + area.events, 0);
  const populationSum = areas.reduce((sum, area) => sum + area.population, 0);
  if (n === 0 || populationSum <= 0) {
    return { theta: null, betweenVariance: 0, smooth: (raw: number) => ({ weight: 1, smoothed: raw }) };
  }
  const theta = eventSum / populationSum;
  const weightedVariance =
    areas.reduce((sum, area) => sum + area.population * (area.events / area.population - theta) ** 2, 0) /
    populationSum;
  const meanPopulation = populationSum / n;
  const betweenVariance = Math.max(0, weightedVariance - theta / meanPopulation);
  const smooth = (raw: number, population: number) => {
    if (theta === 0) return { weight: 1, smoothed: 0 };
    const weight = betweenVariance / (betweenVariance + theta / population);
    return { weight, smoothed: weight * raw + (1 - weight) * theta };
  };
  return { theta, betweenVariance, smooth };
}

function validate(input: RateInput) {
  const bad = (what: string) =>
    new RangeError(`computeRates: ${what} of area ${input.code} must be a finite number ≥ 0`);
  if (!Number.isFinite(input.count) || input.count < 0) throw bad('count');
  for (const [name, value] of [
    ['basePopulation', input.basePopulation],
    ['totalPopulation', input.totalPopulation],
  ] as const) {
    if (value !== null && (!Number.isFinite(value) || value < 0)) throw bad(name);
  }
}

export interface ShownRateInput {
  code: string;
  /** The count as published: `value` null (or `suppressed` set) when it is hidden. */
  count: { value: number | null; suppressed: unknown };
  basePopulation: number | null;
  totalPopulation: number | null;
}

export interface ShownRateResult extends RateResult {
  /** `areas` holds the areas whose count is shown; this is one of them, or null when hidden. */
  rateOf(code: string): AreaRate | null;
  /** The population at risk of any area (of `base`), shown or hidden: populations are public. */
  populationOf(code: string): number | null;
  /** What an area stands for in Gi* and the like: its smoothed rate, or θ where it is hidden. */
  valueForStatistics(code: string): number | null;
}

/**
 * Rates from published counts only. The smoothing is fitted on the areas whose count is shown;
 * an area whose count is hidden gets no rate and stands in statistics for the overall rate θ
 * of the shown ones. So every rate, and all that is derived from rates (Gi* z-scores, the need
 * index, correlations), is a function of published figures: none of them can be solved for a
 * hidden count. (Gi* is unchanged by scaling its inputs, so z-scores computed from the true
 * rates of every area would, with a few shown rates, give the hidden rates back.)
 */
export function computeShownRates(
  inputs: readonly ShownRateInput[],
  requestedBase: RateBase = 'population',
): ShownRateResult {
  // Whether the base is there is a matter of populations (public), decided over every area.
  const baseAvailable = requestedBase === 'population' || inputs.every((input) => input.basePopulation !== null);
  const isShown = (input: ShownRateInput) => input.count.suppressed === null && input.count.value !== null;
  const fit = computeRates(
    inputs.filter(isShown).map((input) => ({
      code: input.code,
      count: input.count.value!,
      basePopulation: input.basePopulation,
      totalPopulation: input.totalPopulation,
    })),
    baseAvailable ? requestedBase : 'population',
  );
  const fitted = new Map(fit.areas.map((area) => [area.code, area]));
  const population = new Map(
    inputs.map((input) => [input.code, fit.base === 'population' ? input.totalPopulation : input.basePopulation]),
  );
  return {
    ...fit,
    requestedBase,
    baseAvailable,
    rateOf: (code) => fitted.get(code) ?? null,
    populationOf: (code) => population.get(code) ?? null,
    valueForStatistics: (code) => {
      const area = fitted.get(code);
      if (area) return area.smoothedPer1000;
      return (population.get(code) ?? 0) > 0 ? fit.overallPer1000 : null;
    },
  };
}
