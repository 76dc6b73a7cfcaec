import 'server-only';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../schema';

/**
 * Point in polygon for imported points, in SQL on both databases. The points travel as one
 * JSON parameter per batch (`json_to_recordset`), which works the same over node-postgres and
 * PGlite and keeps every value a parameter. A point on the shared edge of two neighbourhoods
 * goes to the one that contains it, then to the lower code, as for reported signals.
 */
export interface LocatedPoint {
  line: number;
  lon: number;
  lat: number;
}

/** Points per statement: big enough to amortise PGlite's per-statement cost, small enough for progress. */
export const LOCATE_BATCH = 1000;

/**
 * Rows as a json_to_recordset with their point as `pt`, for `FROM`. `columns` is the record's
 * column list, written in code (never from input), and must include `lon float8, lat float8`.
 */
export function recordsWithPoint(rows: readonly object[], columns: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`(
    SELECT r.*, ST_SetSRID(ST_MakePoint(r.lon, r.lat), 4326) AS pt
    FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r(${columns})
  )`;
}

/** LATERAL subquery: the neighbourhood (code, municipality_nis) of `p.pt`. */
export const neighbourhoodOfPoint = sql`LATERAL (
    SELECT nb.code, nb.municipality_nis FROM neighbourhoods nb
    WHERE ST_Intersects(nb.geom, p.pt)
    ORDER BY ST_Contains(nb.geom, p.pt) DESC, nb.code
    LIMIT 1
  )`;

/** The lines of points that lie in no Flemish neighbourhood, in batches; `onBatch` gets the points done. */
export async function findPointsOutsideNeighbourhoods(
  db: Kysely<Database>,
  points: readonly LocatedPoint[],
  onBatch?: (done: number) => void,
): Promise<Set<number>> {
  const outside = new Set<number>();
  for (let start = 0; start < points.length; start += LOCATE_BATCH) {
    const batch = points.slice(start, start + LOCATE_BATCH).map(({ line, lon, lat }) => ({ line, lon, lat }));
    const result = await sql<{ line: number }>`
      SELECT p.line FROM ${recordsWithPoint(batch, sql`line int, lon float8, lat float8`)} AS p
      WHERE NOT EXISTS (SELECT 1 FROM neighbourhoods nb WHERE ST_Intersects(nb.geom, p.pt))`.execute(db);
    for (const row of result.rows) outside.add(Number(row.line));
    onBatch?.(Math.min(start + LOCATE_BATCH, points.length));
  }
  return outside;
}
