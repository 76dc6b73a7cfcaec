import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema';

/**
 * The population bases of the analyses per neighbourhood: total population and residents aged
 * 65+, from the latest indicator values. Statbel publishes no age structure per neighbourhood
 * in our data, so the 65+ base is the population × the share aged 65+ (both indicators of the
 * same period), rounded to whole people; null where either is missing.
 */
export interface NeighbourhoodBase {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
  areaM2: number;
  population: number | null;
  population65Plus: number | null;
}

/** The neighbourhoods of these municipalities with their bases, by code. */
export async function listNeighbourhoodBases(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
): Promise<NeighbourhoodBase[]> {
  if (municipalityNis.length === 0) return [];
  const latest = (indicator: string) =>
    db
      .selectFrom('indicator_values')
      .distinctOn('area_code')
      .select(['area_code', 'value', 'period'])
      .where('area_level', '=', 'neighbourhood')
      .where('indicator_code', '=', indicator)
      .orderBy('area_code')
      .orderBy('period', 'desc');
  const rows = await db
    .selectFrom('neighbourhoods as n')
    .innerJoin('municipalities as m', 'm.nis', 'n.municipality_nis')
    .leftJoin(latest('population').as('p'), (join) => join.onRef('p.area_code', '=', 'n.code'))
    .leftJoin(latest('share_65_plus').as('s'), (join) => join.onRef('s.area_code', '=', 'n.code'))
    .select([
      'n.code',
      'n.name',
      'n.municipality_nis',
      'm.name as municipality_name',
      'n.area_m2',
      'p.value as population',
      // Only when both figures are of the same period: a share of 2025 on a population of 2020 is no base.
      sql<number | null>`CASE WHEN s.period = p.period THEN round((p.value * s.value / 100)::numeric)::float8 END`.as(
        'population_65_plus',
      ),
    ])
    .where('n.municipality_nis', 'in', [...municipalityNis])
    .orderBy('n.code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    municipalityNis: row.municipality_nis,
    municipalityName: row.municipality_name,
    areaM2: Number(row.area_m2),
    population: row.population === null ? null : Number(row.population),
    population65Plus: row.population_65_plus === null ? null : Number(row.population_65_plus),
  }));
}

/** The latest value of each of `indicators` per neighbourhood of these municipalities. */
export async function listNeighbourhoodIndicatorValues(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  indicators: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (municipalityNis.length === 0 || indicators.length === 0) return result;
  const rows = await db
    .selectFrom('indicator_values as iv')
    .innerJoin('neighbourhoods as n', 'n.code', 'iv.area_code')
    .distinctOn(['iv.area_code', 'iv.indicator_code'])
    .select(['iv.area_code', 'iv.indicator_code', 'iv.value'])
    .where('iv.area_level', '=', 'neighbourhood')
    .where('iv.indicator_code', 'in', [...indicators])
    .where('n.municipality_nis', 'in', [...municipalityNis])
    .orderBy('iv.area_code')
    .orderBy('iv.indicator_code')
    .orderBy('iv.period', 'desc')
    .execute();
  for (const row of rows) {
    const values = result.get(row.area_code) ?? {};
    values[row.indicator_code] = Number(row.value);
    result.set(row.area_code, values);
  }
  return result;
}

/** The latest value of each indicator per municipality of these (or of a region's) municipalities. */
export async function listMunicipalityIndicatorValues(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
): Promise<Map<string, Record<string, number>>> {
  const result = new Map<string, Record<string, number>>();
  if (municipalityNis.length === 0) return result;
  const rows = await db
    .selectFrom('indicator_values')
    .distinctOn(['area_code', 'indicator_code'])
    .select(['area_code', 'indicator_code', 'value'])
    .where('area_level', '=', 'municipality')
    .where('area_code', 'in', [...municipalityNis])
    .orderBy('area_code')
    .orderBy('indicator_code')
    .orderBy('period', 'desc')
    .execute();
  for (const row of rows) {
    const values = result.get(row.area_code) ?? {};
    values[row.indicator_code] = Number(row.value);
    result.set(row.area_code, values);
  }
  return result;
}
