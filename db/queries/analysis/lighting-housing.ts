import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema';
import type { MonthSpan } from './signal-counts';

/** Street lighting and housing records per neighbourhood: public data, raw counts. */
export interface NeighbourhoodSupply {
  code: string;
  streetLights: number;
  defectLights: number;
  socialHousingComplexes: number;
  socialHousingUnits: number;
  /** Records of unfit, uninhabitable or overcrowded dwellings, recorded in the window. */
  substandardDwellings: number;
}

export async function listNeighbourhoodSupply(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  months: MonthSpan,
): Promise<NeighbourhoodSupply[]> {
  if (municipalityNis.length === 0) return [];
  const nis = [...municipalityNis];
  const lastDay = sql<string>`(${months.to}::date + interval '1 month' - interval '1 day')::date`;
  const rows = await db
    .selectFrom('neighbourhoods as n')
    .select((eb) => [
      'n.code',
      eb
        .selectFrom('street_lights as l')
        .whereRef('l.neighbourhood_code', '=', 'n.code')
        .select(sql<number>`count(*)::int`.as('c'))
        .as('street_lights'),
      eb
        .selectFrom('street_lights as l')
        .whereRef('l.neighbourhood_code', '=', 'n.code')
        .where('l.status', '=', 'defect')
        .select(sql<number>`count(*)::int`.as('c'))
        .as('defect_lights'),
      eb
        .selectFrom('social_housing_complexes as h')
        .whereRef('h.neighbourhood_code', '=', 'n.code')
        .select(sql<number>`count(*)::int`.as('c'))
        .as('complexes'),
      eb
        .selectFrom('social_housing_complexes as h')
        .whereRef('h.neighbourhood_code', '=', 'n.code')
        .select(sql<number>`coalesce(sum(h.units), 0)::int`.as('c'))
        .as('units'),
      eb
        .selectFrom('substandard_dwellings as d')
        .whereRef('d.neighbourhood_code', '=', 'n.code')
        .where(sql<boolean>`d.recorded_on BETWEEN ${months.from}::date AND ${lastDay}`)
        .select(sql<number>`count(*)::int`.as('c'))
        .as('dwellings'),
    ])
    .where('n.municipality_nis', 'in', nis)
    .orderBy('n.code')
    .execute();
  return rows.map((row) => ({
    code: row.code,
    streetLights: Number(row.street_lights ?? 0),
    defectLights: Number(row.defect_lights ?? 0),
    socialHousingComplexes: Number(row.complexes ?? 0),
    socialHousingUnits: Number(row.units ?? 0),
    substandardDwellings: Number(row.dwellings ?? 0),
  }));
}
