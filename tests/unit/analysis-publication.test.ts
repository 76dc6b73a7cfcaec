import { describe, expect, it } from 'vitest';
import {
  ALL,
  buildPublication,
  municipalityCell,
  municipalityMonthCell,
  neighbourhoodCell,
  regionCell,
} from '@/lib/analysis/publication';
import { hotspotRows } from '@/lib/analysis/region-analysis';
import { periodsFromReleases, releasableYears } from '@/lib/analysis/periods';
import { analysisSearch, parseAnalysisQuery } from '@/lib/analysis/analysis-query';
import { accessFlags } from '@/lib/analysis/access-flags';

const neighbourhoods = [
  { code: 'a1', municipalityNis: 'A' },
  { code: 'a2', municipalityNis: 'A' },
  { code: 'b1', municipalityNis: 'B' },
];
const categoryCounts = [
  { neighbourhoodCode: 'a1', categoryCode: 'loneliness', count: 12 },
  { neighbourhoodCode: 'a1', categoryCode: 'mobility', count: 3 },
  { neighbourhoodCode: 'a2', categoryCode: 'loneliness', count: 7 },
  { neighbourhoodCode: 'b1', categoryCode: 'loneliness', count: 20 },
];
const monthCounts = [
  { neighbourhoodCode: 'a1', month: '2026-01', count: 15 },
  { neighbourhoodCode: 'a2', month: '2026-02', count: 7 },
  { neighbourhoodCode: 'b1', month: '2026-01', count: 10 },
  { neighbourhoodCode: 'b1', month: '2026-02', count: 10 },
];
const publication = buildPublication({
  regionCode: 'R',
  neighbourhoods,
  categoryCounts,
  monthCounts,
  months: ['2026-01', '2026-02'],
  threshold: 5,
  categories: ['loneliness', 'mobility'],
});

describe('the publication of a region and period', () => {
  it('adds up neighbourhoods into municipalities and the region, per category and per month', () => {
    const value = (id: string) => publication.cells.find((cell) => cell.id === id)?.value;
    expect(value(neighbourhoodCell('a1', ALL))).toBe(15);
    expect(value(municipalityCell('A', 'loneliness'))).toBe(19);
    expect(value(municipalityCell('A', ALL))).toBe(22);
    expect(value(regionCell('R', ALL))).toBe(42);
    expect(value(municipalityMonthCell('B', '2026-02'))).toBe(10);
  });

  it('hides the 3 and what would give it away', () => {
    expect(publication.cell(neighbourhoodCell('a1', 'mobility'))).toEqual({ value: null, suppressed: 'primary' });
    // a1's total minus its loneliness count would be the 3: one more cell of that row is hidden, and so on.
    const hiddenInRow = ['loneliness', ALL].filter(
      (key) => publication.cell(neighbourhoodCell('a1', key))!.suppressed !== null,
    );
    expect(hiddenInRow.length).toBeGreaterThan(0);
    // The 3 is also A's and the region's mobility count: three primary cells.
    expect(publication.note.primary).toBe(3);
    for (const id of [municipalityCell('A', 'mobility'), regionCell('R', 'mobility')])
      expect(publication.cell(id)!.suppressed).toBe('primary');
    expect(
      Object.values(publication.values).every((v) => v.suppressed !== null || v.value === 0 || (v.value ?? 0) >= 5),
    ).toBe(true);
  });

  it('blanks the rates of hidden counts but still gives every area a Gi* result', () => {
    const bases = neighbourhoods.map((n) => ({
      ...n,
      name: n.code,
      municipalityName: n.municipalityNis,
      areaM2: 1e6,
      population: 1000,
      population65Plus: 200,
    }));
    const { rows } = hotspotRows(publication, bases, { a1: ['a2'], a2: ['a1', 'b1'], b1: ['a2'] }, 'mobility');
    const a1 = rows.find((row) => row.code === 'a1')!;
    expect(a1.count.suppressed).toBe('primary');
    expect(a1.rawPer1000).toBeNull();
    expect(a1.smoothedPer1000).toBeNull();
  });
});

describe('analysis periods and URLs', () => {
  it('releases a calendar year on 1 February of the next, never the running year', () => {
    const data = { first: '2024-11', last: '2026-10' };
    const years = (today: string) => releasableYears(data, today).map((r) => [r.year, r.first, r.last]);
    expect(years('2026-12-01')).toEqual([
      [2024, '2024-11', '2024-12'],
      [2025, '2025-01', '2025-12'],
    ]);
    expect(years('2026-01-31')).toEqual([[2024, '2024-11', '2024-12']]);
    expect(years('2027-02-01')).toEqual([
      [2024, '2024-11', '2024-12'],
      [2025, '2025-01', '2025-12'],
      [2026, '2026-01', '2026-12'],
    ]);
    // No year past the last one with signals; nothing without signals.
    expect(years('2030-06-01').map(([year]) => year)).toEqual([2024, 2025, 2026]);
    expect(releasableYears(null, '2026-12-01')).toEqual([]);
  });

  it('lists released years newest first; only a first year that began with the data is incomplete', () => {
    const periods = periodsFromReleases([
      { year: 2024, first: '2024-11', last: '2024-12' },
      { year: 2025, first: '2025-01', last: '2025-12' },
    ]);
    expect(periods.map((p) => [p.id, p.from, p.to, p.complete, p.months.length])).toEqual([
      ['2025', '2025-01', '2025-12', true, 12],
      ['2024', '2024-11', '2024-12', false, 2],
    ]);
  });

  it('round-trips a state through the query string and falls back on bad values', () => {
    const state = parseAnalysisQuery({
      categorie: 'loneliness',
      periode: '2025',
      tab: 'index',
      gewichten: 'median_income:50,signals_per_1000:50',
      afstand: '1500',
      buurt: '1300301',
    });
    expect(state).toMatchObject({
      category: 'loneliness',
      period: '2025',
      tab: 'index',
      distance: 1500,
      neighbourhood: '1300301',
    });
    expect(state.weights).toMatchObject({ median_income: 50, signals_per_1000: 50, share_65_plus: 0 });
    expect(parseAnalysisQuery(Object.fromEntries(new URLSearchParams(analysisSearch(state).slice(1))))).toEqual(state);
    expect(parseAnalysisQuery({ categorie: 'nope', afstand: '3', tab: 'x', gewichten: 'evil:1' })).toMatchObject({
      category: 'alle',
      distance: 1000,
      tab: 'hotspots',
    });
  });

  it('flags high need with poor access to everyday services only', () => {
    const row = (code: string, poor: boolean) => ({
      code,
      population: 100,
      byType: {
        gp: { meanDistanceMetres: 10, shareBeyond: poor ? 1 : 0, poorAccess: poor },
        social_grocery: { meanDistanceMetres: 10, shareBeyond: 1, poorAccess: true },
      },
    });
    const flags = accessFlags([row('x', true), row('y', false), row('z', true), row('w', false), row('v', false)], {
      x: 1,
      y: 2,
      z: 3,
      w: 4,
      v: 5,
    });
    expect(flags.x!.kind).toBe('flagged');
    expect(flags.z!.kind).toBe('poorAccess');
    expect(flags.y!.kind).toBe('neither');
  });
});
