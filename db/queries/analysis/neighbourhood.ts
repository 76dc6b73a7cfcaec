import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema';

export interface NeighbourhoodPlace {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
  regionCode: string;
  regionName: string;
  areaM2: number;
  /** West, south, east, north (EPSG:4326) of the neighbourhood's municipality. */
  municipalityBbox: [number, number, number, number];
}

/** A neighbourhood with its municipality and region; undefined when there is none. */
export async function findNeighbourhoodPlace(
  db: Kysely<Database>,
  code: string,
): Promise<NeighbourhoodPlace | undefined> {
  const row = await db
    .selectFrom('neighbourhoods as n')
    .innerJoin('municipalities as m', 'm.nis', 'n.municipality_nis')
    .innerJoin('regions as r', 'r.code', 'm.region_code')
    .select([
      'n.code',
      'n.name',
      'n.municipality_nis',
      'm.name as municipality_name',
      'm.region_code',
      'r.name as region_name',
      'n.area_m2',
      sql<number>`ST_XMin(m.geom)`.as('west'),
      sql<number>`ST_YMin(m.geom)`.as('south'),
      sql<number>`ST_XMax(m.geom)`.as('east'),
      sql<number>`ST_YMax(m.geom)`.as('north'),
    ])
    .where('n.code', '=', code)
    .executeTakeFirst();
  return (
    row && {
      code: row.code,
      name: row.name,
      municipalityNis: row.municipality_nis,
      municipalityName: row.municipality_name,
      regionCode: row.region_code,
      regionName: row.region_name,
      areaM2: Number(row.area_m2),
      municipalityBbox: [Number(row.west), Number(row.south), Number(row.east), Number(row.north)],
    }
  );
}

/** Services located in the neighbourhood, per type (public data). */
export async function countNeighbourhoodServices(db: Kysely<Database>, code: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('services')
    .select(['service_type', sql<number>`count(*)::int`.as('count')])
    .where('neighbourhood_code', '=', code)
    .groupBy('service_type')
    .execute();
  return Object.fromEntries(rows.map((row) => [row.service_type, Number(row.count)]));
}
