import 'server-only';
import type { Kysely } from 'kysely';
import { notFound } from 'next/navigation';
import { listMunicipalityIndicatorValues } from '@/db/queries/analysis/area-bases';
import { findMunicipality, findRegion, listMunicipalities, neighbourhoodsGeoJson } from '@/db/queries/areas';
import type { Database } from '@/db/schema';
import {
  type CompareResult,
  type ComparedMunicipality,
  compareMunicipalities,
  regionAverage,
} from '@/lib/analysis/compare';
import type { AnalysisPeriod } from '@/lib/analysis/periods';
import type { AreaBase } from '@/lib/analysis/region-analysis';
import type { SuppressionNote } from '@/lib/analysis/suppression';
import { type Publication, regionCell } from '@/lib/analysis/publication';
import { canSeeAggregatesOf, type AccessScope } from '@/lib/auth/access';
import { INDICATORS } from '@/lib/indicators/catalog';
import type { NeighbourhoodCollection } from '@/lib/map/area-data';
import { loadRegionInputs } from './region-data';

export interface IndicatorRow {
  code: string;
  values: Record<string, number | null>;
  /** Per region code: the population-weighted mean of its municipalities. */
  regionAverages: Record<string, number | null>;
}

export interface CompareData {
  municipalities: ComparedMunicipality[];
  result: CompareResult;
  indicators: IndicatorRow[];
  /** All signals per 1,000 per municipality, and per region where the person may see it. */
  signalRates: { municipalities: Record<string, number | null>; regions: Record<string, number | null> };
  shapes: Record<string, NeighbourhoodCollection>;
  /** The suppression notes of the regions' publications, added up. */
  note: SuppressionNote;
}

/**
 * The comparison of municipalities for a signed-in person. A municipality that does not exist
 * or whose aggregates the person may not see answers 404, like a missing one.
 */
export async function resolveCompared(
  db: Kysely<Database>,
  scope: AccessScope,
  nisList: readonly string[],
): Promise<ComparedMunicipality[]> {
  return (await findCompared(db, scope, nisList)) ?? notFound();
}

/** The municipalities to compare, or null when one is unknown or not the person's. */
export async function findCompared(
  db: Kysely<Database>,
  scope: AccessScope,
  nisList: readonly string[],
): Promise<ComparedMunicipality[] | null> {
  const found = await Promise.all(nisList.map((nis) => findMunicipality(db, nis)));
  const municipalities: ComparedMunicipality[] = [];
  for (const m of found) {
    if (!m || !canSeeAggregatesOf(scope, { regionCode: m.regionCode, municipalityNis: m.nis })) return null;
    municipalities.push({
      nis: m.nis,
      name: m.name,
      regionCode: m.regionCode,
      regionName: '',
      population: m.population2020,
    });
  }
  return municipalities;
}

export async function loadCompare(
  db: Kysely<Database>,
  scope: AccessScope,
  compared: readonly ComparedMunicipality[],
  period: AnalysisPeriod,
  category: string,
): Promise<CompareData> {
  const municipalities = compared.map((m) => ({ ...m }));
  const nisList = municipalities.map((m) => m.nis);
  const regionCodes = [...new Set(municipalities.map((m) => m.regionCode))].sort();
  const regionNames = new Map(
    await Promise.all(regionCodes.map(async (code) => [code, (await findRegion(db, code))?.name ?? code] as const)),
  );
  for (const m of municipalities) m.regionName = regionNames.get(m.regionCode) ?? m.regionCode;
  const regionMunicipalities = new Map(
    await Promise.all(regionCodes.map(async (code) => [code, await listMunicipalities(db, code)] as const)),
  );
  const publications = new Map<string, Publication>();
  const bases: AreaBase[] = [];
  for (const code of regionCodes) {
    const inputs = await loadRegionInputs(
      db,
      code,
      regionMunicipalities.get(code)!.map((m) => m.nis),
      period,
    );
    publications.set(code, inputs.publication);
    bases.push(...inputs.bases.filter((b) => nisList.includes(b.municipalityNis)));
  }
  const result = compareMunicipalities({ municipalities, neighbourhoods: bases, publications, category });

  const allNis = [...regionMunicipalities.values()].flat().map((m) => m.nis);
  const values = await listMunicipalityIndicatorValues(db, allNis);
  const indicators = INDICATORS.map((indicator): IndicatorRow => ({
    code: indicator.code,
    values: Object.fromEntries(municipalities.map((m) => [m.nis, values.get(m.nis)?.[indicator.code] ?? null])),
    regionAverages: Object.fromEntries(
      regionCodes.map((code) => {
        const list = regionMunicipalities
          .get(code)!
          .map((m) => ({ value: values.get(m.nis)?.[indicator.code], population: values.get(m.nis)?.population }));
        if (indicator.code === 'population')
          return [code, list.reduce((sum, v) => sum + (v.value ?? 0), 0) / Math.max(1, list.length)];
        return [code, regionAverage(list)];
      }),
    ),
  }));

  const population = (nis: string) =>
    bases.filter((b) => b.municipalityNis === nis).reduce((sum, b) => sum + (b.population ?? 0), 0);
  const municipalityRates = Object.fromEntries(
    municipalities.map((m) => {
      const cell = publications.get(m.regionCode)!.cell(`m:${m.nis}|*`);
      const p = population(m.nis);
      return [m.nis, cell && cell.suppressed === null && cell.value !== null && p > 0 ? (cell.value / p) * 1000 : null];
    }),
  );
  const regionRates = Object.fromEntries(
    regionCodes
      .filter((code) => canSeeAggregatesOf(scope, { regionCode: code }))
      .map((code) => {
        const cell = publications.get(code)!.cell(regionCell(code, '*'));
        const p = regionMunicipalities.get(code)!.reduce((sum, m) => sum + (values.get(m.nis)?.population ?? 0), 0);
        return [
          code,
          cell && cell.suppressed === null && cell.value !== null && p > 0 ? (cell.value / p) * 1000 : null,
        ];
      }),
  );
  const shapes = Object.fromEntries(
    await Promise.all(
      municipalities.map(async (m) => [m.nis, await neighbourhoodsGeoJson(db, { municipalityNis: m.nis })] as const),
    ),
  );
  const notes = [...publications.values()].map((p) => p.note);
  const note = {
    threshold: notes[0]?.threshold ?? 5,
    primary: notes.reduce((s, n) => s + n.primary, 0),
    secondary: notes.reduce((s, n) => s + n.secondary, 0),
  };
  return {
    municipalities,
    result,
    indicators,
    signalRates: { municipalities: municipalityRates, regions: regionRates },
    shapes,
    note,
  };
}
