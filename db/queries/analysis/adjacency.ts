import 'server-only';
import type { MultiPolygon, Polygon } from 'geojson';
import { type Kysely, sql } from 'kysely';
import { type Adjacency, contiguity } from '@/lib/analysis/contiguity';
import type { Database } from '../../schema';

/**
 * Rook contiguity (a shared stretch of border) between the neighbourhoods of these
 * municipalities, from their full-resolution boundaries (EPSG:4326, as stored). The weights are
 * computed in lib/analysis/contiguity.ts from the shared edges of the polygons: the same
 * boundaries always give the same neighbours, on either database. Neighbours outside the set
 * are not neighbours here: a hotspot analysis looks at the areas it was given.
 */
export async function getNeighbourhoodAdjacency(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
): Promise<Adjacency> {
  if (municipalityNis.length === 0) return {};
  const rows = await db
    .selectFrom('neighbourhoods')
    .select(['code', sql<string>`ST_AsGeoJSON(geom, 9)`.as('geometry')])
    .where('municipality_nis', 'in', [...municipalityNis])
    .orderBy('code')
    .execute();
  return contiguity(
    rows.map((row) => ({ code: row.code, geometry: JSON.parse(row.geometry) as Polygon | MultiPolygon })),
  );
}

/**
 * The same relation as PostGIS sees it: pairs whose boundaries share a line (DE-9IM boundary ∩
 * boundary of dimension 1), for checking the JavaScript weights in tests.
 */
export async function listSharedBorderPairs(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
): Promise<[string, string][]> {
  const rows = await db
    .selectFrom('neighbourhoods as a')
    .innerJoin('neighbourhoods as b', (join) => join.on(sql<boolean>`a.code < b.code AND a.geom && b.geom`))
    .select(['a.code as a', 'b.code as b'])
    .where('a.municipality_nis', 'in', [...municipalityNis])
    .where('b.municipality_nis', 'in', [...municipalityNis])
    .where(sql<boolean>`ST_Relate(a.geom, b.geom, '****1****')`)
    .orderBy('a.code')
    .orderBy('b.code')
    .execute();
  return rows.map((row) => [row.a, row.b]);
}
