import type { Adjacency } from './contiguity';

/**
 * Local Getis-Ord Gi* hot-spot statistic (Getis & Ord 1992; Ord & Getis 1995), as PySAL's
 * `esda.G_Local(y, w, transform='B', star=True)` and ArcGIS's "Hot Spot Analysis" compute it.
 *
 * Weights are binary: w_ij = 1 for the area itself and for each neighbour (contiguity), else 0.
 * With n areas, x̄ = Σx / n and S = √(Σx² / n − x̄²) (population standard deviation, over all
 * areas including i), and W_i = Σ_j w_ij (neighbours + 1):
 *
 *   Gi* z = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²) / (n − 1)))
 *
 * (With binary weights Σ_j w_ij² = W_i, which is why W_i appears in both terms of the root.)
 * PySAL writes the same as (G − E[G]) / √V[G] with G = Σ_j w_ij x_j / Σx, E[G] = W_i / n and
 * V[G] = W_i (n − W_i) / (n² (n − 1)) · S² / x̄²; multiplying numerator and denominator by Σx
 * gives the line above. The z-score is read against the standard normal distribution.
 *
 * Decisions:
 * - Areas whose value is missing (null) take no part: they are not in n, and not in anyone's
 *   neighbourhood. Their result has z null.
 * - An area without neighbours (an island) gets z null: its "neighbourhood" would be itself
 *   alone, and the statistic would just restate its own value.
 * - z is null everywhere when S = 0 (all values equal) or n < 3, and for an area whose
 *   neighbourhood is every area (W_i = n), where the statistic cannot vary.
 * - Significance: two-sided, |z| ≥ 2.576 / 1.960 / 1.645 for 99 / 95 / 90 % (p ≤ 0.01 / 0.05 /
 *   0.10). By default no correction for testing many areas at once is applied, like ArcGIS's
 *   default: with 2,526 areas about 250 would be "significant at 90 %" by chance alone. The
 *   option `correction: 'fdr'` applies Benjamini–Hochberg's false discovery rate instead: an
 *   area is in the 95 % class when its BH-adjusted p-value (q) is ≤ 0.05, and so on; that is
 *   what ArcGIS's "Apply False Discovery Rate correction" does.
 */

export type Significance = 'hot_99' | 'hot_95' | 'hot_90' | 'cold_99' | 'cold_95' | 'cold_90' | 'not_significant';

export const SIGNIFICANCE_LEVELS = [
  { confidence: 99, alpha: 0.01, z: 2.576 },
  { confidence: 95, alpha: 0.05, z: 1.96 },
  { confidence: 90, alpha: 0.1, z: 1.645 },
] as const;

export interface GiStarOptions {
  /** `none` (default): classes by |z|; `fdr`: classes by Benjamini–Hochberg q-values. */
  correction?: 'none' | 'fdr';
}

export interface GiStarResult {
  code: string;
  value: number | null;
  /** Neighbours that took part (excluding the area itself). */
  neighbourCount: number;
  zScore: number | null;
  /** Two-sided p-value of z under the standard normal distribution. */
  pValue: number | null;
  /** The p-value after Benjamini–Hochberg (only with `correction: 'fdr'`). */
  qValue: number | null;
  significance: Significance;
}

export function getisOrdGiStar(
  values: Readonly<Record<string, number | null>>,
  neighbours: Adjacency,
  options: GiStarOptions = {},
): GiStarResult[] {
  const codes = Object.keys(values);
  const present = codes.filter((code) => isNumber(values[code]));
  const n = present.length;
  const x = (code: string) => values[code] as number;
  const mean = present.reduce((sum, code) => sum + x(code), 0) / n;
  const variance = present.reduce((sum, code) => sum + x(code) ** 2, 0) / n - mean ** 2;
  // Tiny negative or near-zero variance from rounding means all values are equal.
  const s = variance > 1e-12 * Math.max(1, mean ** 2) ? Math.sqrt(variance) : 0;

  const results = codes.map((code): GiStarResult => {
    const value = values[code] ?? null;
    const around = isNumber(value)
      ? (neighbours[code] ?? []).filter((other) => other !== code && isNumber(values[other]))
      : [];
    const base = {
      code,
      value,
      neighbourCount: around.length,
      zScore: null,
      pValue: null,
      qValue: null,
      significance: 'not_significant' as const,
    };
    if (!isNumber(value) || around.length === 0 || n < 3 || s === 0) return base;
    const weightSum = around.length + 1;
    if (weightSum >= n) return base;
    const local = around.reduce((sum, other) => sum + x(other), value);
    const z = (local - mean * weightSum) / (s * Math.sqrt((n * weightSum - weightSum ** 2) / (n - 1)));
    return { ...base, zScore: z, pValue: twoSidedP(z) };
  });

  if (options.correction === 'fdr') {
    const q = benjaminiHochberg(results.map((r) => r.pValue));
    return results.map((r, i) => ({
      ...r,
      qValue: q[i] ?? null,
      significance: classify(r.zScore, (level) => (q[i] ?? 1) <= level.alpha),
    }));
  }
  return results.map((r) => ({ ...r, significance: classify(r.zScore, (level) => Math.abs(r.zScore!) >= level.z) }));
}

function classify(z: number | null, passes: (level: (typeof SIGNIFICANCE_LEVELS)[number]) => boolean): Significance {
  if (z === null) return 'not_significant';
  const level = SIGNIFICANCE_LEVELS.find(passes);
  if (!level) return 'not_significant';
  return `${z > 0 ? 'hot' : 'cold'}_${level.confidence}` as Significance;
}

/**
 * Benjamini–Hochberg adjusted p-values: q_(k) = min over j ≥ k of p_(j) · m / j, for the m
 * p-values that are not null, sorted ascending. Null stays null.
 */
export function benjaminiHochberg(pValues: readonly (number | null)[]): (number | null)[] {
  const ranked = pValues
    .map((p, index) => ({ p, index }))
    .filter((e): e is { p: number; index: number } => e.p !== null);
  ranked.sort((a, b) => a.p - b.p);
  const m = ranked.length;
  const q: (number | null)[] = pValues.map(() => null);
  let running = 1;
  for (let k = m - 1; k >= 0; k--) {
    const entry = ranked[k]!;
    running = Math.min(running, (entry.p * m) / (k + 1));
    q[entry.index] = running;
  }
  return q;
}

/** Two-sided normal p-value 2·(1 − Φ(|z|)) = erfc(|z| / √2). */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}

/**
 * Complementary error function, Chebyshev fit of Numerical Recipes (`erfcc`): relative error
 * below 1.2e-7 everywhere, so small p-values keep their precision (1 − erf(x) would not).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(poly);
  return x >= 0 ? result : 2 - result;
}

const isNumber = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);
