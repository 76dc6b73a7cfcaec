import { sampleCorrelation } from 'simple-statistics';
import { type AccessArea, type ServiceLocation, computeAccess } from './access';
import type { Adjacency } from './contiguity';
import { type GiStarResult, type Significance, getisOrdGiStar } from './getis-ord';
import { DEFAULT_NEED_WEIGHTS, type NeedInput, computeNeedIndex } from './need-index';
import { ALL, type Publication, municipalityCell, neighbourhoodCell } from './publication';
import { type RateBase, computeShownRates, rateBaseFor } from './rates';
import type { SuppressedValue } from './suppression';

/**
 * Everything the analysis of one region and period shows, computed from loaded inputs (pure:
 * db/queries/analysis loads them, app/ composes). Counts come from the region's publication
 * (lib/analysis/publication.ts), already suppressed; a rate is shown only where its count is,
 * because a rate times a public population is the count again. Statistics that combine many
 * areas (Gi* z-scores, the need index, correlations) use the true rates of every area.
 */

export interface AreaBase {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
  areaM2: number;
  population: number | null;
  population65Plus: number | null;
}

export interface RegionAnalysisInput {
  publication: Publication;
  /** The neighbourhoods the person may see aggregates of (a subset of the publication's). */
  neighbourhoods: readonly AreaBase[];
  adjacency: Adjacency;
  /** Latest indicator values per neighbourhood (need index inputs). */
  indicators: ReadonlyMap<string, Readonly<Record<string, number>>>;
  category: string;
  populationPoints: readonly AccessArea[];
  services: readonly ServiceLocation[];
  distanceLimitMetres: number;
  supply: readonly SupplyRow[];
  /** Substandard-dwelling records per neighbourhood, already suppressed. */
  dwellings: Readonly<Record<string, SuppressedValue>>;
}

export interface SupplyRow {
  code: string;
  streetLights: number;
  defectLights: number;
  socialHousingUnits: number;
}

export interface HotspotRow {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
  population: number | null;
  count: SuppressedValue;
  rawPer1000: number | null;
  smoothedPer1000: number | null;
  zScore: number | null;
  pValue: number | null;
  significance: Significance;
}

export interface MunicipalityRateRow {
  nis: string;
  name: string;
  population: number | null;
  count: SuppressedValue;
  rawPer1000: number | null;
  smoothedPer1000: number | null;
}

export interface AccessRow {
  code: string;
  population: number;
  byType: Record<string, { meanDistanceMetres: number | null; shareBeyond: number; poorAccess: boolean }>;
}

export interface LightingRow {
  code: string;
  unsafeStreet: SuppressedValue;
  unsafePer1000: number | null;
  lightsPerKm2: number;
  defectShare: number | null;
}

export interface HousingRow {
  code: string;
  poorHousing: SuppressedValue;
  poorHousingPer1000: number | null;
  socialUnitsPer1000: number | null;
  substandardDwellings: SuppressedValue;
}

export interface RegionAnalysis {
  category: string;
  base: RateBase;
  baseAvailable: boolean;
  overallPer1000: number | null;
  hotspots: HotspotRow[];
  municipalities: MunicipalityRateRow[];
  /** Need index inputs per neighbourhood; the browser recomputes the index when weights change. */
  need: NeedInput[];
  access: AccessRow[];
  accessTypes: string[];
  lighting: LightingRow[];
  housing: HousingRow[];
  /** Correlation over neighbourhoods (Pearson, on smoothed rates); null with too few areas. */
  correlations: {
    unsafeVsDefects: number | null;
    unsafeVsLightDensity: number | null;
    housingVsSubstandard: number | null;
  };
}

/**
 * Rates of one category smoothed over the neighbourhoods analysed, and Gi* on the smoothed
 * rates, most concentrated first. Only published counts go in (lib/analysis/rates.ts
 * computeShownRates): a neighbourhood whose count is hidden has no rate and counts in Gi* at
 * the overall rate, so no z-score can be solved for a hidden count.
 */
export function hotspotRows(
  publication: Publication,
  neighbourhoods: readonly AreaBase[],
  adjacency: Adjacency,
  category: string,
) {
  const codes = neighbourhoods.map((n) => n.code);
  const shownCount = (code: string): SuppressedValue =>
    publication.cell(neighbourhoodCell(code, category)) ?? { value: null, suppressed: 'secondary' };
  const rates = computeShownRates(
    neighbourhoods.map((n) => ({
      code: n.code,
      count: shownCount(n.code),
      basePopulation: n.population65Plus,
      totalPopulation: n.population,
    })),
    category === ALL ? 'population' : rateBaseFor(category),
  );
  const gi = new Map<string, GiStarResult>(
    getisOrdGiStar(
      Object.fromEntries(codes.map((code) => [code, rates.valueForStatistics(code)])),
      restrict(adjacency, codes),
    ).map((result) => [result.code, result]),
  );
  const rows = neighbourhoods
    .map((n): HotspotRow => {
      const rate = rates.rateOf(n.code);
      const g = gi.get(n.code)!;
      return {
        code: n.code,
        name: n.name,
        municipalityNis: n.municipalityNis,
        municipalityName: n.municipalityName,
        population: rates.populationOf(n.code),
        count: shownCount(n.code),
        rawPer1000: rate?.rawPer1000 ?? null,
        smoothedPer1000: rate?.smoothedPer1000 ?? null,
        zScore: g.zScore,
        pValue: g.pValue,
        significance: g.significance,
      };
    })
    .sort((a, b) => (b.zScore ?? -Infinity) - (a.zScore ?? -Infinity) || (a.code < b.code ? -1 : 1));
  return { rates, rows };
}

export function analyseRegion(input: RegionAnalysisInput): RegionAnalysis {
  const { publication, neighbourhoods, category } = input;
  const codes = neighbourhoods.map((n) => n.code);
  const shown = (id: string): SuppressedValue => publication.cell(id) ?? { value: null, suppressed: 'secondary' };
  // Rates of every neighbourhood from published counts only (see hotspotRows).
  const shownRates = (key: string) =>
    computeShownRates(
      neighbourhoods.map((n) => ({
        code: n.code,
        count: shown(neighbourhoodCell(n.code, key)),
        basePopulation: null,
        totalPopulation: n.population,
      })),
    );

  const { rates, rows: hotspots } = hotspotRows(publication, neighbourhoods, input.adjacency, category);

  const municipalities = municipalityRates(input, rates.base);

  // The need index: public indicators, and all signals per 1,000 (smoothed) where that count is shown.
  const allRates = shownRates(ALL);
  const need = neighbourhoods.map((n): NeedInput => {
    const indicators = input.indicators.get(n.code) ?? {};
    const signalsShown = shown(neighbourhoodCell(n.code, ALL)).suppressed === null;
    const values: Record<string, number | null> = {};
    for (const key of Object.keys(DEFAULT_NEED_WEIGHTS))
      values[key] = key === 'signals_per_1000' ? null : (indicators[key] ?? null);
    values.signals_per_1000 = signalsShown ? (allRates.rateOf(n.code)?.smoothedPer1000 ?? null) : null;
    return { code: n.code, values };
  });

  const defaultRanks = Object.fromEntries(computeNeedIndex(need).areas.map((area) => [area.code, area.rank]));
  const accessTypes = [...new Set(input.services.map((s) => s.type))].sort();
  const access = computeAccess(
    input.populationPoints.filter((area) => codes.includes(area.code)),
    input.services,
    defaultRanks,
    {
      distanceLimitMetres: input.distanceLimitMetres,
      types: accessTypes,
    },
  ).map((area): AccessRow => ({
    code: area.code,
    population: Math.round(area.population),
    byType: Object.fromEntries(
      Object.entries(area.byType).map(([type, value]) => [
        type,
        {
          meanDistanceMetres: value.meanDistanceMetres === null ? null : Math.round(value.meanDistanceMetres),
          shareBeyond: value.shareBeyond,
          poorAccess: value.poorAccess,
        },
      ]),
    ),
  }));

  const supplyOf = new Map(input.supply.map((row) => [row.code, row]));
  const unsafe = shownRates('unsafe_street');
  const housingRates = shownRates('poor_housing');
  const lighting = neighbourhoods.map((n): LightingRow => {
    const supply = supplyOf.get(n.code);
    const count = shown(neighbourhoodCell(n.code, 'unsafe_street'));
    const lights = supply?.streetLights ?? 0;
    return {
      code: n.code,
      unsafeStreet: count,
      unsafePer1000: unsafe.rateOf(n.code)?.rawPer1000 ?? null,
      lightsPerKm2: n.areaM2 > 0 ? lights / (n.areaM2 / 1e6) : 0,
      defectShare: lights > 0 ? (supply?.defectLights ?? 0) / lights : null,
    };
  });
  const housing = neighbourhoods.map((n): HousingRow => {
    const count = shown(neighbourhoodCell(n.code, 'poor_housing'));
    const units = supplyOf.get(n.code)?.socialHousingUnits ?? 0;
    return {
      code: n.code,
      poorHousing: count,
      poorHousingPer1000: housingRates.rateOf(n.code)?.rawPer1000 ?? null,
      socialUnitsPer1000: n.population ? (units / n.population) * 1000 : null,
      substandardDwellings: input.dwellings[n.code] ?? { value: 0, suppressed: null },
    };
  });

  const smoothedUnsafe = (code: string) => unsafe.rateOf(code)?.smoothedPer1000 ?? null;
  const correlations = {
    unsafeVsDefects: correlation(lighting.map((row) => [smoothedUnsafe(row.code), row.defectShare])),
    unsafeVsLightDensity: correlation(lighting.map((row) => [smoothedUnsafe(row.code), row.lightsPerKm2])),
    housingVsSubstandard: correlation(
      neighbourhoods.map((n) => [
        housingRates.rateOf(n.code)?.smoothedPer1000 ?? null,
        shownDwellingsPer1000(input, n),
      ]),
    ),
  };

  return {
    category,
    base: rates.base,
    baseAvailable: rates.baseAvailable,
    overallPer1000: rates.overallPer1000,
    hotspots,
    municipalities,
    need,
    access,
    accessTypes,
    lighting,
    housing,
    correlations,
  };
}

/** Dwelling counts enter a correlation only as shown: a hidden one is left out. */
function shownDwellingsPer1000(input: RegionAnalysisInput, n: AreaBase): number | null {
  const dwellings = input.dwellings[n.code] ?? { value: 0, suppressed: null };
  if (dwellings.suppressed !== null || dwellings.value === null || !n.population) return null;
  return (dwellings.value / n.population) * 1000;
}

function municipalityRates(input: RegionAnalysisInput, base: RateBase): MunicipalityRateRow[] {
  const { publication, neighbourhoods, category } = input;
  const groups = new Map<string, { name: string; population: number | null; population65Plus: number | null }>();
  for (const n of neighbourhoods) {
    const group = groups.get(n.municipalityNis) ?? { name: n.municipalityName, population: 0, population65Plus: 0 };
    group.population = group.population === null || n.population === null ? null : group.population + n.population;
    group.population65Plus =
      group.population65Plus === null || n.population65Plus === null
        ? null
        : group.population65Plus + n.population65Plus;
    groups.set(n.municipalityNis, group);
  }
  const nisList = [...groups.keys()].sort();
  const countOf = (nis: string): SuppressedValue =>
    publication.cell(municipalityCell(nis, category)) ?? { value: null, suppressed: 'secondary' };
  const rates = computeShownRates(
    nisList.map((nis) => ({
      code: nis,
      count: countOf(nis),
      basePopulation: groups.get(nis)!.population65Plus,
      totalPopulation: groups.get(nis)!.population,
    })),
    base,
  );
  return nisList
    .map((nis) => {
      const rate = rates.rateOf(nis);
      return {
        nis,
        name: groups.get(nis)!.name,
        population: rates.populationOf(nis),
        count: countOf(nis),
        rawPer1000: rate?.rawPer1000 ?? null,
        smoothedPer1000: rate?.smoothedPer1000 ?? null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl-BE'));
}

/** The adjacency among `codes` only. */
export function restrict(adjacency: Adjacency, codes: readonly string[]): Adjacency {
  const set = new Set(codes);
  return Object.fromEntries(codes.map((code) => [code, (adjacency[code] ?? []).filter((other) => set.has(other))]));
}

function correlation(pairs: [number | null, number | null][]): number | null {
  const usable = pairs.filter(
    (pair): pair is [number, number] =>
      pair[0] !== null && pair[1] !== null && Number.isFinite(pair[0]) && Number.isFinite(pair[1]),
  );
  if (usable.length < 5) return null;
  const xs = usable.map((p) => p[0]);
  const ys = usable.map((p) => p[1]);
  if (new Set(xs).size < 2 || new Set(ys).size < 2) return null;
  const r = sampleCorrelation(xs, ys);
  return Number.isFinite(r) ? r : null;
}
