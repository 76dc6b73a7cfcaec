import { describe, expect, it } from 'vitest';
import { contiguity } from '@/lib/analysis/contiguity';
import { benjaminiHochberg, getisOrdGiStar, twoSidedP } from '@/lib/analysis/getis-ord';
import { GRID_CODES, grid3x3 } from './analysis-grid-fixture';

/*
 * Fixture: the 3 × 3 grid with values 1…9 row by row, rook contiguity plus the area itself.
 *   a=1 b=2 c=3
 *   d=4 e=5 f=6
 *   g=7 h=8 i=9
 * n = 9, x̄ = 45/9 = 5, Σx² = 285, S² = 285/9 − 25 = 20/3, S = 2.58199.
 * z_i = (Σ_j w_ij x_j − 5 W_i) / (S √((9 W_i − W_i²)/8))
 * Corners (W = 3, root = √(18/8) = 1.5, S·1.5 = √15 = 3.87298):
 *   a: 1+2+4 = 7,  7 − 15 = −8  → −8/√15 = −2.06559      c: 3+2+6 = 11 → −4/√15 = −1.03280
 *   g: 7+4+8 = 19 → +4/√15 = 1.03280                       i: 9+6+8 = 23 → +8/√15 = 2.06559
 * Edges (W = 4, root = √(20/8) = √2.5, S·√2.5 = √(50/3) = 4.08248):
 *   b: 2+1+3+5 = 11, 11 − 20 = −9 → −2.20454     d: 4+1+7+5 = 17 → −3 → −0.73485
 *   f: 6+3+9+5 = 23 → +3 → 0.73485              h: 8+7+9+5 = 29 → +9 → 2.20454
 * Centre e (W = 5): 5+2+4+6+8 = 25 = 5·5 → 0.
 * Cross-check the PySAL way for a: G = 7/45 = 0.155556, E[G] = 3/9 = 0.333333,
 *   V[G] = 3·6/(81·8) · (20/3)/25 = 0.0277778 · 0.266667 = 0.0074074, √V = 0.0860663,
 *   z = (0.155556 − 0.333333) / 0.0860663 = −2.06559. Same value by the second route.
 */
const GRID_VALUES = Object.fromEntries(GRID_CODES.map((code, index) => [code, index + 1]));
const EXPECTED_Z: Record<string, number> = {
  a: -2.06559,
  b: -2.20454,
  c: -1.0328,
  d: -0.73485,
  e: 0,
  f: 0.73485,
  g: 1.0328,
  h: 2.20454,
  i: 2.06559,
};

describe('Getis-Ord Gi*', () => {
  const neighbours = contiguity(grid3x3());

  it('matches the hand-computed z-scores on the 3 × 3 grid', () => {
    const results = getisOrdGiStar(GRID_VALUES, neighbours);
    for (const result of results) expect(result.zScore, result.code).toBeCloseTo(EXPECTED_Z[result.code]!, 4);
  });

  it('classes hot and cold spots by |z| ≥ 2.576 / 1.960 / 1.645', () => {
    const byCode = Object.fromEntries(getisOrdGiStar(GRID_VALUES, neighbours).map((r) => [r.code, r]));
    // |−2.20454| ≥ 1.960 but < 2.576 → 95 %; 2.06559 likewise; 1.0328 < 1.645 → not significant.
    expect(byCode.b!.significance).toBe('cold_95');
    expect(byCode.a!.significance).toBe('cold_95');
    expect(byCode.h!.significance).toBe('hot_95');
    expect(byCode.i!.significance).toBe('hot_95');
    expect(byCode.c!.significance).toBe('not_significant');
    expect(byCode.e!.significance).toBe('not_significant');
    // p = erfc(2.20454/√2) = 0.02749 (two-sided).
    expect(byCode.h!.pValue).toBeCloseTo(0.02749, 4);
  });

  it('reproduces PySAL’s published G_Local(star=True, transform="B") example', () => {
    // esda docstring: points (10,10) (20,10) (40,10) (15,20) (30,20) (30,30), distance band 15,
    // y = 2, 3, 3.2, 5, 8, 7 → Zs = −1.39727626, −0.28917762, 0.65064964, −0.28917762,
    // 1.23452088, 2.02424331. Neighbours within 15 (worked out by hand from the distances):
    const band = {
      p0: ['p1', 'p3'],
      p1: ['p0', 'p3', 'p4'],
      p2: ['p4'],
      p3: ['p0', 'p1', 'p4'],
      p4: ['p1', 'p2', 'p3', 'p5'],
      p5: ['p4'],
    };
    const values = { p0: 2, p1: 3, p2: 3.2, p3: 5, p4: 8, p5: 7 };
    const z = getisOrdGiStar(values, band).map((r) => r.zScore);
    [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331].forEach((expected, i) =>
      expect(z[i]).toBeCloseTo(expected, 7),
    );
  });

  it('with the FDR option classes by Benjamini–Hochberg q-values', () => {
    /*
     * Two-sided p: |z| 2.20454 → 0.02749 (b, h); 2.06559 → 0.03887 (a, i); 1.0328 → 0.3017;
     * 0.73485 → 0.4624; 0 → 1. m = 9. q of rank 4 (0.03887) = 0.03887·9/4 = 0.08746, and the
     * ranks 1–3 take the running minimum: 0.02749·9/2 = 0.1237 and 0.02749·9 = 0.247 are both
     * larger, so all four extreme areas get q = 0.08746: significant at 90 %, no longer at 95 %.
     */
    const byCode = Object.fromEntries(
      getisOrdGiStar(GRID_VALUES, neighbours, { correction: 'fdr' }).map((r) => [r.code, r]),
    );
    expect(byCode.b!.qValue).toBeCloseTo(0.08746, 4);
    expect(byCode.a!.qValue).toBeCloseTo(0.08746, 4);
    expect(byCode.b!.significance).toBe('cold_90');
    expect(byCode.h!.significance).toBe('hot_90');
    expect(byCode.c!.significance).toBe('not_significant');
  });

  it('computes Benjamini–Hochberg adjusted p-values as the running minimum of p·m/rank', () => {
    // m = 4 non-null: sorted 0.01, 0.02, 0.03, 0.5 → 0.04, 0.04, 0.04, 0.5 (0.01·4 = 0.04,
    // 0.02·4/2 = 0.04, 0.03·4/3 = 0.04, 0.5·4/4 = 0.5).
    const q = benjaminiHochberg([0.03, null, 0.5, 0.01, 0.02]);
    expect(q[1]).toBeNull();
    [0.04, 0.5, 0.04, 0.04].forEach((expected, i) => expect(q[[0, 2, 3, 4][i]!]).toBeCloseTo(expected, 12));
  });

  it('gives the standard normal two-sided p-values, also in the far tail', () => {
    expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
    expect(twoSidedP(-2.575829)).toBeCloseTo(0.01, 6);
    expect(twoSidedP(5) / 5.733031e-7).toBeCloseTo(1, 5);
  });

  it('leaves out missing values and islands, and gives no z when all values are equal', () => {
    // Without e, the grid keeps 8 areas; b's neighbourhood becomes a, b, c.
    const withGap = getisOrdGiStar({ ...GRID_VALUES, e: null }, neighbours);
    const byCode = Object.fromEntries(withGap.map((r) => [r.code, r]));
    expect(byCode.e).toMatchObject({ zScore: null, significance: 'not_significant' });
    expect(byCode.b!.neighbourCount).toBe(2);
    // n = 8, x̄ = 40/8 = 5, Σx² = 260, S² = 260/8 − 25 = 7.5; b: 1+2+3 = 6, W = 3:
    // z = (6 − 15) / (√7.5 · √((24 − 9)/7)) = −9 / (2.73861 · 1.46385) = −2.24498.
    expect(byCode.b!.zScore).toBeCloseTo(-2.24498, 4);

    const island = getisOrdGiStar({ ...GRID_VALUES, lonely: 100 }, { ...neighbours, lonely: [] });
    expect(island.find((r) => r.code === 'lonely')).toMatchObject({ zScore: null, neighbourCount: 0 });

    const flat = getisOrdGiStar(Object.fromEntries(GRID_CODES.map((code) => [code, 3])), neighbours);
    expect(flat.every((r) => r.zScore === null && r.significance === 'not_significant')).toBe(true);
  });
});
