import { describe, expect, it } from 'vitest';
import { computeRates, rateBaseFor, type RateInput } from '@/lib/analysis/rates';

const area = (
  code: string,
  count: number,
  totalPopulation: number | null,
  basePopulation: number | null = null,
): RateInput => ({
  code,
  count,
  totalPopulation,
  basePopulation,
});

describe('rates per 1,000 with empirical-Bayes smoothing', () => {
  /*
   * Hand computation (rates as fractions; × 1,000 at the end):
   *   area  e    b     r = e/b
   *   A     2    100   0.02
   *   B     10   1000  0.01
   *   C     30   1000  0.03
   *   D     0    400   0
   *   E     3    0     — (no population: no rate, left out of every sum)
   * θ  = 42 / 2500 = 0.0168
   * s² = [100·0.0032² + 1000·0.0068² + 1000·0.0132² + 400·0.0168²] / 2500
   *    = [0.001024 + 0.04624 + 0.17424 + 0.112896] / 2500 = 0.3344 / 2500 = 1.3376e-4
   * b̄  = 2500 / 4 = 625;  θ / b̄ = 2.688e-5
   * A  = 1.3376e-4 − 2.688e-5 = 1.0688e-4
   * w_A = 1.0688e-4 / (1.0688e-4 + 0.0168/100)  = 1.0688 / 2.7488 = 0.38882
   *   → r̃_A = 0.0168 + 0.38882 · 0.0032  = 0.018044 → 18.044 ‰
   * w_B = w_C = 1.0688 / (1.0688 + 0.168) = 1.0688 / 1.2368 = 0.86417
   *   → r̃_B = 0.0168 − 0.86417 · 0.0068 = 0.010924 → 10.924 ‰
   *   → r̃_C = 0.0168 + 0.86417 · 0.0132 = 0.028207 → 28.207 ‰
   * w_D = 1.0688 / (1.0688 + 0.42) = 1.0688 / 1.4888 = 0.71789
   *   → r̃_D = 0.0168 · (1 − 0.71789) = 0.0047394 → 4.739 ‰
   */
  const fixture = [area('A', 2, 100), area('B', 10, 1000), area('C', 30, 1000), area('D', 0, 400), area('E', 3, 0)];

  it('matches the hand-computed raw and smoothed rates', () => {
    const result = computeRates(fixture);
    expect(result.overallPer1000).toBeCloseTo(16.8, 10);
    expect(result.betweenAreaVariance).toBeCloseTo(1.0688e-4 * 1e6, 6);
    const byCode = Object.fromEntries(result.areas.map((a) => [a.code, a]));
    expect(byCode.A).toMatchObject({ rawPer1000: 20, population: 100 });
    expect(byCode.A!.shrinkWeight).toBeCloseTo(0.38882, 4);
    expect(byCode.A!.smoothedPer1000).toBeCloseTo(18.044, 3);
    expect(byCode.B!.rawPer1000).toBeCloseTo(10, 10);
    expect(byCode.B!.smoothedPer1000).toBeCloseTo(10.924, 3);
    expect(byCode.C!.smoothedPer1000).toBeCloseTo(28.207, 3);
    expect(byCode.D!.rawPer1000).toBe(0);
    expect(byCode.D!.smoothedPer1000).toBeCloseTo(4.739, 3);
    expect(byCode.E).toMatchObject({ rawPer1000: null, smoothedPer1000: null, shrinkWeight: null });
  });

  it('shrinks small populations more than large ones', () => {
    const byCode = Object.fromEntries(computeRates(fixture).areas.map((a) => [a.code, a]));
    // A (100 people) keeps w_A = 39 % of its 3.2 ‰ excess over θ; C (1,000 people) keeps 86 %.
    expect(Math.abs(byCode.A!.smoothedPer1000! - 16.8) / Math.abs(20 - 16.8)).toBeLessThan(0.4);
    expect(Math.abs(byCode.C!.smoothedPer1000! - 16.8) / Math.abs(30 - 16.8)).toBeGreaterThan(0.85);
  });

  it('puts every area on the overall rate when rates vary no more than chance (A ≤ 0)', () => {
    // 1/100 and 2/200: both 0.01 = θ, so s² = 0 and A = max(0, 0 − 0.01/150) = 0.
    const result = computeRates([area('A', 1, 100), area('B', 2, 200)]);
    expect(result.betweenAreaVariance).toBe(0);
    expect(result.areas.map((a) => a.smoothedPer1000)).toEqual([10, 10]);
    expect(result.areas.map((a) => a.shrinkWeight)).toEqual([0, 0]);
  });

  it('gives zero, not NaN, when no area has an event', () => {
    const result = computeRates([area('A', 0, 100), area('B', 0, 300)]);
    expect(result.overallPer1000).toBe(0);
    expect(result.areas.map((a) => a.smoothedPer1000)).toEqual([0, 0]);
  });

  it('uses the requested base when every area has it, and says so', () => {
    const result = computeRates([area('A', 2, 1000, 200), area('B', 1, 500, 50)], 'population_65_plus');
    expect(result).toMatchObject({
      requestedBase: 'population_65_plus',
      base: 'population_65_plus',
      baseAvailable: true,
    });
    expect(result.areas.map((a) => a.rawPer1000)).toEqual([10, 20]); // 2/200, 1/50
  });

  it('falls back to the total population for every area, with a flag, when one area lacks the base', () => {
    const result = computeRates([area('A', 2, 1000, 200), area('B', 1, 500, null)], 'population_65_plus');
    expect(result).toMatchObject({ requestedBase: 'population_65_plus', base: 'population', baseAvailable: false });
    expect(result.areas.map((a) => a.rawPer1000)).toEqual([2, 2]); // 2/1000, 1/500
  });

  it('measures loneliness against residents aged 65+ and other categories against everyone', () => {
    expect(rateBaseFor('loneliness')).toBe('population_65_plus');
    expect(rateBaseFor('financial_hardship')).toBe('population');
  });

  it('rejects negative or non-finite input as a programmer error', () => {
    expect(() => computeRates([area('A', -1, 100)])).toThrow(RangeError);
    expect(() => computeRates([area('A', 1, Number.NaN)])).toThrow(/totalPopulation of area A/);
  });
});
