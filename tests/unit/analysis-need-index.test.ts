import { describe, expect, it } from 'vitest';
import { computeNeedIndex, DEFAULT_NEED_WEIGHTS, NEED_INDICATORS } from '@/lib/analysis/need-index';

const area = (code: string, share: number | null, income: number | null) => ({
  code,
  values: { share_65_plus: share, median_income: income },
});
const WEIGHTS = { share_65_plus: 3, median_income: 1 }; // normalised: 0.75 and 0.25

describe('need index', () => {
  /*
   * share_65_plus: A 10, B 20, C 30, D 20 → mean 20, sd √((100+0+100+0)/4) = √50 = 7.0711
   *   z: A −1.41421, B 0, C +1.41421, D 0
   * median_income, negated (lower income = more need): −30000, −20000, −25000, −25000
   *   → mean −25000, sd √((25e6+25e6+0+0)/4) = 3535.53; z: A −1.41421, B +1.41421, C 0, D 0
   * index = 0.75 z_share + 0.25 z_income:
   *   A −1.06066 − 0.35355 = −1.41421;  B 0 + 0.35355 = 0.35355;  C 1.06066;  D 0
   * ranks (most need first): C 1, B 2, D 3, A 4
   */
  const fixture = [area('A', 10, 30000), area('B', 20, 20000), area('C', 30, 25000), area('D', 20, 25000)];

  it('standardises, turns income around, weighs and ranks as computed by hand', () => {
    const result = computeNeedIndex(fixture, { weights: WEIGHTS });
    expect(result.weights).toEqual({ share_65_plus: 0.75, median_income: 0.25 });
    expect(result.indicators.median_income).toMatchObject({ mean: 25000, n: 4, direction: 'lower_is_more_need' });
    expect(result.indicators.share_65_plus!.sd).toBeCloseTo(7.0711, 4);
    const byCode = Object.fromEntries(result.areas.map((a) => [a.code, a]));
    expect(byCode.A!.components.median_income).toBeCloseTo(-1.41421, 5);
    expect(byCode.B!.components.median_income).toBeCloseTo(1.41421, 5);
    expect(byCode.A!.index).toBeCloseTo(-1.41421, 5);
    expect(byCode.B!.index).toBeCloseTo(0.35355, 5);
    expect(byCode.C!.index).toBeCloseTo(1.06066, 5);
    expect(byCode.D!.index).toBeCloseTo(0, 10);
    expect(result.areas.map((a) => [a.code, a.rank])).toEqual([
      ['A', 4],
      ['B', 2],
      ['C', 1],
      ['D', 3],
    ]);
  });

  it('only the proportions of the weights matter', () => {
    const a = computeNeedIndex(fixture, { weights: WEIGHTS }).areas.map((x) => x.index);
    const b = computeNeedIndex(fixture, { weights: { share_65_plus: 0.3, median_income: 0.1 } }).areas.map(
      (x) => x.index,
    );
    b.forEach((value, i) => expect(value).toBeCloseTo(a[i]!, 12));
  });

  it('scores an area on the indicators it has, if they carry enough weight, and leaves it unranked otherwise', () => {
    /*
     * Add E (share 30, income unknown) and F (share unknown, income 25000).
     * share over A, B, C, D, E = 10, 20, 30, 20, 30: mean 22, sd √(280/5) = 7.48331;
     *   z_E = 8/7.48331 = 1.06904. E covers 0.75 ≥ 0.5 of the weight → index = 0.75·1.06904/0.75 = 1.06904.
     * income over A, B, C, D, F: mean −25000, sd √(50e6/5) = 3162.28.
     *   C: 0.75·1.06904 + 0.25·0 = 0.80178, so E (1.06904) now ranks above C.
     * F covers only 0.25 < 0.5 → index null, rank null.
     */
    const result = computeNeedIndex([...fixture, area('E', 30, null), area('F', null, 25000)], { weights: WEIGHTS });
    const byCode = Object.fromEntries(result.areas.map((a) => [a.code, a]));
    expect(byCode.E).toMatchObject({ coverage: 0.75, rank: 1 });
    expect(byCode.E!.index).toBeCloseTo(1.06904, 5);
    expect(byCode.C!.index).toBeCloseTo(0.80178, 5);
    expect(byCode.C!.rank).toBe(2);
    expect(byCode.F).toMatchObject({ index: null, rank: null, coverage: 0.25 });
    expect(byCode.F!.components.share_65_plus).toBeNull();
  });

  it('gives ties the same rank and treats a constant indicator as saying nothing', () => {
    const result = computeNeedIndex([area('A', 20, 1000), area('B', 20, 1000), area('C', 20, 900)], {
      weights: WEIGHTS,
    });
    // share is constant → z = 0 everywhere; income: C is lowest → most need.
    expect(result.areas.map((a) => a.rank)).toEqual([2, 2, 1]);
    expect(result.areas.every((a) => a.components.share_65_plus === 0)).toBe(true);
  });

  it('documents defaults that sum to 1, with income the only indicator where less is more need', () => {
    expect(Object.values(DEFAULT_NEED_WEIGHTS).reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    expect(Object.keys(DEFAULT_NEED_WEIGHTS).sort()).toEqual(Object.keys(NEED_INDICATORS).sort());
    expect(
      Object.entries(NEED_INDICATORS)
        .filter(([, d]) => d === 'lower_is_more_need')
        .map(([k]) => k),
    ).toEqual(['median_income']);
  });

  it('rejects negative weights, all-zero weights and indicators without a direction', () => {
    expect(() => computeNeedIndex(fixture, { weights: { share_65_plus: -1 } })).toThrow(RangeError);
    expect(() => computeNeedIndex(fixture, { weights: { share_65_plus: 0 } })).toThrow(/positive/);
    expect(() => computeNeedIndex(fixture, { weights: { unknown_thing: 1 } })).toThrow(/no direction/);
    expect(
      computeNeedIndex(fixture, { weights: { vacancy: 1 }, directions: { vacancy: 'higher_is_more_need' } }).areas[0]!
        .index,
    ).toBeNull();
  });
});
