import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { AccessArea, ServiceLocation } from '@/lib/analysis/access';
import type { Database } from '../../schema';

/** Side of the grid cells the population is spread over, in metres (EPSG:31370). */
export const POPULATION_CELL_METRES = 250;
/** Services this far beyond the area still count as nearest (across a municipal border). */
const SERVICE_SEARCH_METRES = 10_000;

/**
 * Population points of each neighbourhood for need-versus-supply: the centres of a square grid
 * of `cellMetres` (Belgian Lambert 72) that fall inside the neighbourhood, each carrying an
 * equal share of its population (a neighbourhood too small to hold a centre gets one point on
 * its surface). That assumes people are spread evenly within a neighbourhood: we have no
 * address or sector points with populations, and a single centroid would make "the share
 * farther than 1 km" all or nothing. Neighbourhoods without population get no points.
 */
export async function listPopulationPoints(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  cellMetres = POPULATION_CELL_METRES,
): Promise<AccessArea[]> {
  if (municipalityNis.length === 0) return [];
  const { rows } = await sql<{ code: string; lon: number; lat: number; weight: number }>`
    WITH population AS (
      SELECT DISTINCT ON (area_code) area_code, value
      FROM indicator_values
      WHERE area_level = 'neighbourhood' AND indicator_code = 'population'
      ORDER BY area_code, period DESC
    ),
    -- Each neighbourhood in metres, with its population.
    area AS (
      SELECT n.code, ST_Transform(n.geom, 31370) AS g, p.value AS population
      FROM neighbourhoods n JOIN population p ON p.area_code = n.code
      WHERE n.municipality_nis IN (${sql.join([...municipalityNis])}) AND p.value > 0
    ),
    -- Grid centres inside it.
    centre AS (
      SELECT a.code, a.population, ST_Centroid(cell.geom) AS p
      FROM area a, LATERAL ST_SquareGrid(${cellMetres}::float8, a.g) AS cell
      WHERE ST_Intersects(ST_Centroid(cell.geom), a.g)
    ),
    point AS (
      SELECT code, population, p FROM centre
      UNION ALL
      SELECT a.code, a.population, ST_PointOnSurface(a.g) FROM area a WHERE NOT EXISTS (SELECT 1 FROM centre c WHERE c.code = a.code)
    )
    SELECT code,
      ST_X(ST_Transform(p, 4326)) AS lon,
      ST_Y(ST_Transform(p, 4326)) AS lat,
      population / count(*) OVER (PARTITION BY code) AS weight
    FROM point
    ORDER BY code, lon, lat`.execute(db);
  const byCode = new Map<string, { code: string; points: { lon: number; lat: number; weight: number }[] }>();
  for (const row of rows) {
    const area = byCode.get(row.code) ?? { code: row.code, points: [] };
    area.points.push({ lon: Number(row.lon), lat: Number(row.lat), weight: Number(row.weight) });
    byCode.set(row.code, area);
  }
  return [...byCode.values()];
}

/**
 * Services (mobile info points as their stops, type `mobile_stop`) within 10 km of these
 * municipalities, so that the nearest one may lie across a border.
 */
export async function listServiceLocations(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
): Promise<(ServiceLocation & { id: number; name: string })[]> {
  if (municipalityNis.length === 0) return [];
  const { rows } = await sql<{ id: number; type: string; name: string; lon: number; lat: number }>`
    WITH extent AS (
      SELECT ST_Expand(ST_Extent(ST_Transform(geom, 31370))::geometry, ${SERVICE_SEARCH_METRES}::float8) AS box
      FROM municipalities WHERE nis IN (${sql.join([...municipalityNis])})
    )
    SELECT s.id, s.service_type AS type, s.name, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
    FROM services s, extent
    WHERE ST_Intersects(ST_Transform(s.geom, 31370), ST_SetSRID(extent.box, 31370))
    ORDER BY s.id`.execute(db);
  return rows.map((row) => ({
    id: Number(row.id),
    type: row.type,
    name: row.name,
    lon: Number(row.lon),
    lat: Number(row.lat),
  }));
}
