import { z } from 'zod';
import { municipalityNis } from '@/lib/areas/codes';
import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import { ALL, type Publication, municipalityCell, municipalityMonthCell, neighbourhoodCell } from './publication';
import { type RateBase, computeShownRates, rateBaseFor } from './rates';
import type { AreaBase } from './region-analysis';
import type { SuppressedValue } from './suppression';

/**
 * Comparing 2–6 municipalities (/vergelijk?gemeenten=13003,13035): rates by category, monthly
 * trends, indicators beside the region's average and a ranking of their neighbourhoods. Each
 * count comes from its own region's publication, so the comparison publishes nothing the
 * region analyses do not; rates are smoothed over the neighbourhoods being compared.
 */

export const COMPARE_PRESETS = {
  kempen: { nis: ['13003', '13035', '12014'] },
  'west-vlaanderen': { nis: ['36012', '34009'] },
  limburg: { nis: ['72037', '72043'] },
} as const;
export type ComparePreset = keyof typeof COMPARE_PRESETS;
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

export const compareListSchema = z
  .string()
  .max(80)
  .transform((text, ctx) => {
    const items = [
      ...new Set(
        text
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    ];
    for (const item of items) {
      if (!municipalityNis.safeParse(item).success) {
        ctx.addIssue({ code: 'custom', message: `has "${item}", which is not a five-digit NIS code` });
        return z.NEVER;
      }
    }
    if (items.length < MIN_COMPARED || items.length > MAX_COMPARED) {
      ctx.addIssue({
        code: 'custom',
        message: `must name ${MIN_COMPARED} to ${MAX_COMPARED} municipalities (got ${items.length})`,
      });
      return z.NEVER;
    }
    return items;
  });

export interface ComparedMunicipality {
  nis: string;
  name: string;
  regionCode: string;
  regionName: string;
  population: number | null;
}

export interface CategoryRate {
  category: string;
  base: RateBase;
  /** Per municipality: count as published and its rate per 1,000 (null where hidden). */
  values: Record<string, { count: SuppressedValue; per1000: number | null }>;
}

export interface MonthPoint {
  month: string;
  values: Record<string, number | null>;
}

export interface RankedNeighbourhood {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
  count: SuppressedValue;
  rawPer1000: number | null;
  smoothedPer1000: number | null;
  rank: number | null;
}

export interface CompareInput {
  municipalities: readonly ComparedMunicipality[];
  /** Bases of every neighbourhood of the compared municipalities. */
  neighbourhoods: readonly AreaBase[];
  publications: ReadonlyMap<string, Publication>;
  category: string;
}

export interface CompareResult {
  categoryRates: CategoryRate[];
  months: MonthPoint[];
  ranking: RankedNeighbourhood[];
  base: RateBase;
  /** Smoothed rate per neighbourhood, where its count is shown (the small multiples). */
  mapValues: Record<string, number | null>;
}

export function compareMunicipalities(input: CompareInput): CompareResult {
  const pub = (m: ComparedMunicipality) => input.publications.get(m.regionCode)!;
  const regionOf = new Map(input.municipalities.map((m) => [m.nis, m]));
  const hidden: SuppressedValue = { value: null, suppressed: 'secondary' };
  const bases = new Map<string, { population: number | null; population65Plus: number | null }>();
  for (const n of input.neighbourhoods) {
    const b = bases.get(n.municipalityNis) ?? { population: 0, population65Plus: 0 };
    b.population = b.population === null || n.population === null ? null : b.population + n.population;
    b.population65Plus =
      b.population65Plus === null || n.population65Plus === null ? null : b.population65Plus + n.population65Plus;
    bases.set(n.municipalityNis, b);
  }
  const baseOf = (nis: string, base: RateBase) =>
    (base === 'population_65_plus' ? bases.get(nis)?.population65Plus : bases.get(nis)?.population) ?? null;

  const categoryRates = SIGNAL_CATEGORY_CODES.map((category): CategoryRate => {
    const base = rateBaseFor(category);
    const values: CategoryRate['values'] = {};
    for (const m of input.municipalities) {
      const count = pub(m).cell(municipalityCell(m.nis, category)) ?? hidden;
      const population = baseOf(m.nis, base);
      values[m.nis] = {
        count,
        per1000:
          count.suppressed === null && count.value !== null && population ? (count.value / population) * 1000 : null,
      };
    }
    return { category, base, values };
  });

  const monthList = [...new Set(input.municipalities.flatMap((m) => [...pub(m).months]))].sort();
  const months = monthList.map((month): MonthPoint => ({
    month,
    values: Object.fromEntries(
      input.municipalities.map((m) => {
        const count = pub(m).cell(municipalityMonthCell(m.nis, month));
        const population = baseOf(m.nis, 'population');
        return [
          m.nis,
          count && count.suppressed === null && count.value !== null && population
            ? (count.value / population) * 1000
            : null,
        ];
      }),
    ),
  }));

  const base: RateBase = input.category === ALL ? 'population' : rateBaseFor(input.category);
  // Smoothed over the published counts only (lib/analysis/rates.ts computeShownRates).
  const countOf = (n: AreaBase) =>
    pub(regionOf.get(n.municipalityNis)!).cell(neighbourhoodCell(n.code, input.category)) ?? hidden;
  const rates = computeShownRates(
    input.neighbourhoods.map((n) => ({
      code: n.code,
      count: countOf(n),
      basePopulation: n.population65Plus,
      totalPopulation: n.population,
    })),
    base,
  );
  const rows = input.neighbourhoods.map((n): RankedNeighbourhood => {
    const rate = rates.rateOf(n.code);
    return {
      code: n.code,
      name: n.name,
      municipalityNis: n.municipalityNis,
      municipalityName: n.municipalityName,
      count: countOf(n),
      rawPer1000: rate?.rawPer1000 ?? null,
      smoothedPer1000: rate?.smoothedPer1000 ?? null,
      rank: null,
    };
  });
  // Ranked by smoothed rate; neighbourhoods whose count is hidden are listed after, unranked.
  const ranked = rows
    .filter((row) => row.smoothedPer1000 !== null)
    .sort((a, b) => b.smoothedPer1000! - a.smoothedPer1000!);
  ranked.forEach((row, index) => {
    row.rank = index + 1;
  });
  const ranking = [
    ...ranked,
    ...rows.filter((row) => row.smoothedPer1000 === null).sort((a, b) => (a.code < b.code ? -1 : 1)),
  ];
  return {
    categoryRates,
    months,
    ranking,
    base: rates.base,
    mapValues: Object.fromEntries(rows.map((row) => [row.code, row.smoothedPer1000])),
  };
}

/** The population-weighted mean of a municipality-level indicator over a region's municipalities. */
export function regionAverage(
  values: readonly { value: number | undefined; population: number | undefined }[],
): number | null {
  const usable = values.filter(
    (v): v is { value: number; population: number } =>
      v.value !== undefined && v.population !== undefined && v.population > 0,
  );
  const total = usable.reduce((sum, v) => sum + v.population, 0);
  return total > 0 ? usable.reduce((sum, v) => sum + v.value * v.population, 0) / total : null;
}
