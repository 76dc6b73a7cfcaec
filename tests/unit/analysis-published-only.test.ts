import { describe, expect, it } from 'vitest';
import { compareMunicipalities } from '@/lib/analysis/compare';
import { getisOrdGiStar } from '@/lib/analysis/getis-ord';
import { ALL, buildPublication, neighbourhoodCell } from '@/lib/analysis/publication';
import { analyseRegion } from '@/lib/analysis/region-analysis';

// Derived figures (smoothed rates, Gi* z-scores, the need index, correlations, rankings) must
// be functions of the published counts only. Gi* does not change when its inputs are scaled and
// shifted, so z-scores of the true rates of every neighbourhood, with a few shown rates, would
// give the hidden rates back. Two worlds that publish the same table must show the same figures.

// A 3 × 3 grid of neighbourhoods in three municipalities (one per row), rook contiguity.
const codes = ['n00', 'n01', 'n02', 'n10', 'n11', 'n12', 'n20', 'n21', 'n22'];
const municipalityOf = (code: string) => `M${code[1]}`;
const neighbourhoods = codes.map((code) => ({
  code,
  municipalityNis: municipalityOf(code),
  name: code,
  municipalityName: municipalityOf(code),
  areaM2: 1e6,
  population: 800 + 100 * Number(code[2]),
  population65Plus: 200,
}));
const adjacency = Object.fromEntries(
  codes.map((code) => {
    const [r, c] = [Number(code[1]), Number(code[2])];
    return [
      code,
      [
        [r - 1, c],
        [r + 1, c],
        [r, c - 1],
        [r, c + 1],
      ]
        .filter(([i, j]) => i! >= 0 && i! < 3 && j! >= 0 && j! < 3)
        .map(([i, j]) => `n${i}${j}`),
    ];
  }),
);
const LONELINESS = [6, 9, 0, 12, 25, 30, 7, 0, 22];

/** Loneliness as above; n20 and n21 (one municipality) split five signals 1 + 4 between loneliness and mobility. */
function world(split: 'a' | 'b') {
  const counts = codes.map((code, i) => ({
    neighbourhoodCode: code,
    categoryCode: 'loneliness',
    count: LONELINESS[i]!,
  }));
  const [x, y] = split === 'a' ? [1, 4] : [4, 1];
  counts.push(
    { neighbourhoodCode: 'n20', categoryCode: 'loneliness', count: x },
    { neighbourhoodCode: 'n20', categoryCode: 'mobility', count: y },
    { neighbourhoodCode: 'n21', categoryCode: 'loneliness', count: y },
    { neighbourhoodCode: 'n21', categoryCode: 'mobility', count: x },
  );
  const merged = new Map<string, { neighbourhoodCode: string; categoryCode: string; count: number }>();
  for (const row of counts) {
    const key = `${row.neighbourhoodCode}|${row.categoryCode}`;
    merged.set(key, { ...row, count: (merged.get(key)?.count ?? 0) + row.count });
  }
  const categoryCounts = [...merged.values()].filter((row) => row.count > 0);
  const totals = new Map<string, number>();
  for (const row of categoryCounts)
    totals.set(row.neighbourhoodCode, (totals.get(row.neighbourhoodCode) ?? 0) + row.count);
  const monthCounts = [...totals].map(([neighbourhoodCode, count]) => ({ neighbourhoodCode, month: '2025-06', count }));
  return buildPublication({
    regionCode: 'R',
    neighbourhoods,
    categoryCounts,
    monthCounts,
    months: ['2025-06'],
    threshold: 5,
    categories: ['loneliness', 'mobility'],
  });
}

const analyse = (split: 'a' | 'b', category: string) =>
  analyseRegion({
    publication: world(split),
    neighbourhoods,
    adjacency,
    indicators: new Map(),
    category,
    populationPoints: [],
    services: [],
    distanceLimitMetres: 1000,
    supply: [],
    dwellings: {},
  });

describe('figures derived from published counts only', () => {
  it('the two worlds differ in hidden cells only: they publish the same table', () => {
    const [a, b] = [world('a'), world('b')];
    expect(a.cells).not.toEqual(b.cells);
    expect(a.values).toEqual(b.values);
  });

  for (const category of ['loneliness', 'mobility', ALL]) {
    it(`shows the same z-scores, rates, need inputs and municipality rates in both worlds (${category})`, () => {
      const [a, b] = [analyse('a', category), analyse('b', category)];
      expect(a.hotspots).toEqual(b.hotspots);
      expect(a.need).toEqual(b.need);
      expect(a.municipalities).toEqual(b.municipalities);
      expect(a.correlations).toEqual(b.correlations);
    });
  }

  it('is not vacuous: Gi* of the true rates tells the two worlds apart, and the published one gives every neighbourhood a z', () => {
    const trueRates = (split: 'a' | 'b') => {
      const publication = world(split);
      return Object.fromEntries(
        codes.map((code) => [
          code,
          publication.cells.find((cell) => cell.id === neighbourhoodCell(code, 'loneliness'))!.value / 200,
        ]),
      );
    };
    expect(getisOrdGiStar(trueRates('a'), adjacency)).not.toEqual(getisOrdGiStar(trueRates('b'), adjacency));
    expect(analyse('a', 'loneliness').hotspots.every((row) => row.zScore !== null)).toBe(true);
  });

  it('ranks the neighbourhoods of compared municipalities the same way in both worlds', () => {
    const municipalities = ['M0', 'M1', 'M2'].map((nis) => ({
      nis,
      name: nis,
      regionCode: 'R',
      regionName: 'R',
      population: 2700,
    }));
    const compare = (split: 'a' | 'b') =>
      compareMunicipalities({
        municipalities,
        neighbourhoods,
        publications: new Map([['R', world(split)]]),
        category: 'loneliness',
      });
    expect(compare('a').ranking).toEqual(compare('b').ranking);
  });

  it('counts a hidden neighbourhood at the overall rate in Gi*, with no rate of its own', () => {
    const rows = analyse('a', 'loneliness').hotspots;
    const hidden = rows.find((row) => row.code === 'n20')!;
    expect(hidden.count.suppressed).not.toBeNull();
    expect(hidden.rawPer1000).toBeNull();
    expect(hidden.smoothedPer1000).toBeNull();
    expect(hidden.zScore).not.toBeNull();
  });
});
