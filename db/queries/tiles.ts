import 'server-only';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  type CellAttribute,
  type CellPlan,
  type PointAttribute,
  type PointLayer,
  MAX_LABEL_CHARS,
  TILE_BUFFER,
  TILE_EXTENT,
  WORLD_WIDTH_M,
  planTile,
} from '@/lib/tiles/aggregation';
import type { AggregateReach, SignalTileAccess } from '@/lib/auth/access';
import type { TileLayer } from '@/lib/tiles/layers';
import { type AttributeValue, type PointFeature, encodePointLayer } from '@/lib/tiles/mvt-encoder';
import type { DateWindow, TileRequest } from '@/lib/tiles/tile-request';
import type { Backend } from '../client';
import type { Database } from '../schema';
import { getLayerVersion, layerVersionToken } from './layer-versions';
import { inReach } from './reach';
import { type CellGrid, cellGrid, signalCellCounts } from './signal-tiles';

/**
 * Vector tiles of the point layers. Tiles are EPSG:3857, the data EPSG:4326: every query finds
 * its rows with `geom && ST_Transform(ST_TileEnvelope(z, x, y), 4326)` so the GiST index does
 * the work. Points: on a PostGIS server martin's canonical ST_AsMVT(ST_AsMVTGeom(…)); on the
 * embedded database (no ST_AsMVT) the same arithmetic in SQL and lib/tiles/mvt-encoder.ts in
 * JavaScript. Cells: one SQL grouping for both, encoded by ST_AsMVT or by the same encoder.
 */

/** Tables behind the layers: the only identifiers that reach the SQL besides fixed ones. */
const TABLES = {
  signals: 'signals',
  services: 'services',
  street_lights: 'street_lights',
  social_housing: 'social_housing_complexes',
  substandard_dwellings: 'substandard_dwellings',
} as const satisfies Record<TileLayer, keyof Database>;

const HALF_WORLD = WORLD_WIDTH_M / 2;
const label = (column: string) => sql<string>`left(${sql.ref(`t.${column}`)}, ${MAX_LABEL_CHARS}::int)`;

/** Point attributes per layer, over table alias `t`; names from lib/tiles/aggregation.ts. */
const POINT_ATTRIBUTES: { [L in PointLayer]: Record<PointAttribute<L>, RawBuilder<unknown>> } = {
  signals: { category: sql`t.category_code`, status: sql`t.status`, demo: sql`t.is_demo` },
  services: { service_type: sql`t.service_type`, name: label('name'), demo: sql`t.is_demo` },
  street_lights: { status: sql`t.status`, lamp_type: sql`t.lamp_type`, demo: sql`t.is_demo` },
  social_housing: { name: label('name'), operator: label('operator'), units: sql`t.units`, demo: sql`t.is_demo` },
};

/** Cell attributes per layer: aggregates over the located points (columns as in CELL_INPUTS). */
const CELL_ATTRIBUTES: { [L in TileLayer]: Record<CellAttribute<L>, RawBuilder<number>> } = {
  signals: { count: sql`count(*)` },
  substandard_dwellings: { count: sql`count(*)` },
  services: { count: sql`count(*)` },
  street_lights: { count: sql`count(*)`, defects: sql`count(*) FILTER (WHERE status = 'defect')` },
  social_housing: { count: sql`count(*)`, units: sql`sum(units)` },
};
const CELL_INPUTS: Record<TileLayer, RawBuilder<unknown>[]> = {
  signals: [],
  substandard_dwellings: [],
  services: [],
  street_lights: [sql`t.status`],
  social_housing: [sql`t.units`],
};

const inList = (column: string, values: readonly string[] | undefined) =>
  values === undefined ? [] : [sql<boolean>`${sql.ref(`t.${column}`)} IN (${sql.join(values)})`];

/** Signals observed on the window's days, as days of Europe/Brussels (DST included). */
const observedIn = (window: DateWindow | undefined) =>
  window === undefined
    ? []
    : [
        sql<boolean>`
  t.observed_at >= (${window.from}::date::timestamp AT TIME ZONE 'Europe/Brussels')
  AND t.observed_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`,
      ];

/** Signal points of these municipalities only (an empty list: none). */
const pointReach = (nis: readonly string[]): AggregateReach => ({ kind: 'municipalities', nis });

/**
 * The request's filters as one condition over table alias `t`; for signals also whose signals
 * these are (`reach`: the cells' or the points' municipalities).
 */
function filterSql(request: TileRequest, reach: AggregateReach): RawBuilder<boolean> {
  const conditions: RawBuilder<boolean>[] = [];
  switch (request.layer) {
    case 'signals': {
      const f = request.filters;
      conditions.push(inReach(sql`t.municipality_nis`, reach));
      conditions.push(
        ...observedIn(f.window),
        ...inList('category_code', f.categories),
        ...inList('status', f.statuses),
        ...inList('reporter_partner_type', f.partners),
      );
      break;
    }
    case 'services':
      conditions.push(...inList('service_type', request.filters.types));
      break;
    case 'street_lights':
      conditions.push(...inList('status', request.filters.statuses));
      break;
    case 'substandard_dwellings': {
      conditions.push(inReach(sql`t.municipality_nis`, reach));
      const w = request.filters.window;
      if (w) conditions.push(sql<boolean>`t.recorded_on BETWEEN ${w.from}::date AND ${w.to}::date`);
      break;
    }
    case 'social_housing':
      break;
  }
  return conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(conditions, sql` AND `)}`;
}

/** The tile's EPSG:3857 square. */
const envelope = (r: TileRequest) => sql`ST_TileEnvelope(${r.z}::int, ${r.x}::int, ${r.y}::int)`;

/**
 * The tile's square widened by `margin` tile units on each side, clipped to the EPSG:3857
 * world: PostGIS 3.3 does not clamp a margin at the world's edge (3.6 does), and a box past
 * 180° wraps to the other side of the world once transformed to EPSG:4326. Only immutable
 * functions of constants, so the planner folds it and can estimate the `&&` (a subquery here
 * made it guess, and sort a million rows on disk).
 */
const widened = (r: TileRequest, margin: number) => sql`ST_ClipByBox2D(
  ST_TileEnvelope(${r.z}::int, ${r.x}::int, ${r.y}::int, margin => ${margin / TILE_EXTENT}::float8),
  ST_MakeEnvelope(-${HALF_WORLD}::float8, -${HALF_WORLD}::float8, ${HALF_WORLD}::float8, ${HALF_WORLD}::float8, 3857)::box2d)`;

/** The points of the tile and its buffer (GiST index), at most `limit`, with `geometry` as geom. */
function pointSource(
  request: TileRequest & { layer: PointLayer },
  limit: number,
  geometry: RawBuilder<unknown>,
  options: TileOptions,
) {
  const attributes = Object.entries(POINT_ATTRIBUTES[request.layer] as Record<string, RawBuilder<unknown>>).map(
    ([name, expression]) => sql`${expression} AS ${sql.id(name)}`,
  );
  return sql`
    SELECT t.id, ${sql.join(attributes)}, ${geometry} AS geom
    FROM ${sql.table(TABLES[request.layer])} t
    WHERE t.geom && ST_Transform(${widened(request, TILE_BUFFER)}, 4326) AND ${filterSql(request, pointReach(signalAccess(options).points))}
    LIMIT ${limit}::int`;
}

/**
 * Server: martin's query (ST_AsMVTGeom leaves out the points beyond the buffer as NULL, which
 * ST_AsMVT skips), with the number of candidates and the layer version in the same statement.
 */
async function serverPointTile(
  db: Kysely<Database>,
  request: TileRequest & { layer: PointLayer },
  maxPoints: number,
  options: TileOptions,
) {
  const geometry = sql`ST_AsMVTGeom(ST_Transform(t.geom, 3857), ${envelope(request)}, ${TILE_EXTENT}::int, ${TILE_BUFFER}::int, true)`;
  const { rows } = await sql<{ candidates: number; tile: Uint8Array | null; version: string }>`
    SELECT count(*)::int AS candidates,
      ST_AsMVT(features, ${request.layer}::text, ${TILE_EXTENT}::int, 'geom', 'id') AS tile,
      ${layerVersionToken(request.layer, options.privateMinCount)} AS version
    FROM (${pointSource(request, maxPoints + 1, geometry, options)}) AS features
  `.execute(db);
  return { candidates: rows[0]?.candidates ?? 0, tile: nonEmpty(rows[0]?.tile ?? null), version: rows[0]?.version };
}

/**
 * Embedded: the same tile coordinates as ST_AsMVTGeom computes them (its affine transform,
 * then rounding half to even, which is what round(float8) does), encoded in JavaScript.
 */
async function embeddedPointTile(
  db: Kysely<Database>,
  request: TileRequest & { layer: PointLayer },
  maxPoints: number,
  options: TileOptions,
) {
  const names = Object.keys(POINT_ATTRIBUTES[request.layer]);
  const { rows } = await sql<Record<string, AttributeValue> & { id: number; px: number; py: number }>`
    WITH
    candidates AS (${pointSource(request, maxPoints + 1, sql`ST_Transform(t.geom, 3857)`, options)}),
    -- ST_AsMVTGeom's scale factors: tile units per metre, y flipped
    tile AS (
      SELECT ST_XMin(e) AS xmin, ST_YMax(e) AS ymax,
        ${TILE_EXTENT}::float8 / (ST_XMax(e) - ST_XMin(e)) AS fx, -(${TILE_EXTENT}::float8 / (ST_YMax(e) - ST_YMin(e))) AS fy
      FROM ${envelope(request)} AS e
    )
    SELECT c.id, ${sql.join(names.map((name) => sql.ref(`c.${name}`)))},
      round(fx * ST_X(c.geom) + (-xmin * fx)) AS px, round(fy * ST_Y(c.geom) + (-ymax * fy)) AS py
    FROM candidates c, tile
  `.execute(db);
  const inBuffer = (v: number) => v >= -TILE_BUFFER && v <= TILE_EXTENT + TILE_BUFFER;
  const features = rows
    .filter((row) => inBuffer(row.px) && inBuffer(row.py))
    .map(({ id, px, py, ...rest }): PointFeature => ({
      id: Number(id),
      x: px,
      y: py,
      properties: Object.fromEntries(names.map((name) => [name, rest[name] ?? null])),
    }));
  return { candidates: rows.length, tile: encodePointLayer(request.layer, features) };
}

/**
 * Cells of `plan.cellSize` tile units on this zoom's global grid (counted from the north-west
 * corner of EPSG:3857, so a cell is the same in every tile it could touch). A cell belongs to
 * the tile that holds it, so every point is counted in exactly one tile per zoom; cells with
 * fewer than `plan.minCount` points are left out. Rows: the cell's centre in tile units, and
 * its attributes. Signal cells come from their roll-up when it can answer the filters
 * (db/queries/signal-tiles.ts), with the same result as counting the signals here.
 */
function cellRows(request: TileRequest, plan: CellPlan, options: TileOptions) {
  const grid = cellGrid(request, plan);
  const fromRollup =
    request.layer === 'signals' && options.rollups !== false
      ? signalCellCounts({ ...request, layer: 'signals' }, plan, grid, signalAccess(options).cells)
      : null;
  return sql`
    WITH
    -- counts per cell. MATERIALIZED keeps the tile's bounds below out of the counting, where
    -- they would spoil the row estimate (a sort spilling to disk instead of a hash, 2× slower).
    cells AS MATERIALIZED (${fromRollup ?? countedCells(request, plan, grid, signalAccess(options).cells)})
    -- the cells of this tile (the slack's points fall in neighbours' cells), centres in tile units
    SELECT (cx - ${grid.x0}::bigint) * ${plan.cellSize}::int + ${plan.cellSize / 2}::int AS px,
      (cy - ${grid.y0}::bigint) * ${plan.cellSize}::int + ${plan.cellSize / 2}::int AS py,
      ${sql.join(Object.keys(CELL_ATTRIBUTES[request.layer]).map((name) => sql.ref(name)))}
    FROM cells
    WHERE cx >= ${grid.x0}::bigint AND cx < ${grid.x0 + grid.perTile}::bigint
      AND cy >= ${grid.y0}::bigint AND cy < ${grid.y0 + grid.perTile}::bigint
    -- a fixed order, so the same cells make the same bytes whichever way they were counted
    ORDER BY cy, cx`;
}

/** The cells (cx, cy, attributes) around the tile, counted from the layer's points. */
function countedCells(request: TileRequest, plan: CellPlan, grid: CellGrid, reach: AggregateReach) {
  const inputs = CELL_INPUTS[request.layer];
  const attributes = Object.entries(CELL_ATTRIBUTES[request.layer] as Record<string, RawBuilder<number>>).map(
    ([name, expression]) => sql`${expression} AS ${sql.id(name)}`,
  );
  return sql`
    WITH
    -- the points of the tile through the GiST index (one unit of slack against rounding at edges)
    located AS (
      SELECT ST_X(t.geom) AS lon, ST_Y(t.geom) AS lat ${sql.join(
        inputs.map((input) => sql`, ${input}`),
        sql``,
      )}
      FROM ${sql.table(TABLES[request.layer])} t
      WHERE t.geom && ST_Transform(${widened(request, 1)}, 4326) AND ${filterSql(request, reach)}
    ),
    -- each point's cell on the zoom's global grid. Spherical Mercator (EPSG:3857) in closed form:
    -- ST_Transform per point costs ~20 times more and its cost estimate makes PostgreSQL JIT-compile.
    gridded AS (
      SELECT *, floor((lon + 180) * ${grid.worldCells / 360}::float8)::bigint AS cx,
        floor((1 - asinh(tan(radians(lat))) / pi()) * ${grid.worldCells / 2}::float8)::bigint AS cy
      FROM located
    )
    SELECT cx, cy, ${sql.join(attributes)}
    FROM gridded
    GROUP BY cx, cy
    HAVING count(*) >= ${plan.minCount}::int`;
}

async function cellTile(
  db: Kysely<Database>,
  backend: Backend,
  request: TileRequest,
  plan: CellPlan,
  options: TileOptions,
): Promise<MadeTile> {
  if (backend === 'server') {
    // The centres are already tile coordinates, so they go to ST_AsMVT as they are.
    const names = Object.keys(CELL_ATTRIBUTES[request.layer]).map((name) => sql.ref(`r.${name}`));
    const { rows } = await sql<{ tile: Uint8Array | null; version: string }>`
      SELECT ST_AsMVT(c, ${request.layer}::text, ${TILE_EXTENT}::int, 'geom') AS tile, ${layerVersionToken(request.layer, options.privateMinCount)} AS version
      FROM (SELECT ST_Point(r.px, r.py) AS geom, ${sql.join(names)} FROM (${cellRows(request, plan, options)}) r) c
    `.execute(db);
    return { tile: nonEmpty(rows[0]?.tile ?? null), version: rows[0]?.version };
  }
  const { rows } = await sql<
    Record<string, number> & { px: number; py: number }
  >`${cellRows(request, plan, options)}`.execute(db);
  return {
    tile: encodePointLayer(
      request.layer,
      rows.map(({ px, py, ...properties }) => ({
        x: Number(px),
        y: Number(py),
        properties: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, Number(v)])),
      })),
    ),
    version: undefined,
  };
}

export interface TileOptions {
  /** false: count signal cells from the signals, not their roll-up (same result; tests and the benchmark compare). */
  rollups?: boolean;
  /**
   * Whose signals (and substandard dwellings) the tile may show (lib/auth/access.ts
   * signalTileAccess). Routes always pass the asking person's; absent (tests, the benchmark's
   * baseline) means cells of everywhere and no points.
   */
  signals?: SignalTileAccess;
  /** The small-numbers threshold for the cells of layers about people (BUURTRADAR_MIN_COUNT); 5 when absent. */
  privateMinCount?: number;
}

const ALL_CELLS: SignalTileAccess = { cells: { kind: 'all' }, points: [] };
const signalAccess = (options: TileOptions) => options.signals ?? ALL_CELLS;

/** A tile, and on the server the layer version its statement saw. */
interface MadeTile {
  tile: Uint8Array | null;
  version: string | undefined;
}

/** ST_AsMVT of no rows is an empty bytea (or NULL): both mean "no tile". */
function nonEmpty(tile: Uint8Array | null): Uint8Array | null {
  return tile && tile.byteLength > 0 ? new Uint8Array(tile.buffer, tile.byteOffset, tile.byteLength) : null;
}

const isPointRequest = (request: TileRequest): request is TileRequest & { layer: PointLayer } =>
  request.layer in POINT_ATTRIBUTES;

/** Points where the layer's plan allows them and they fit its budget; otherwise cells. */
async function makeTile(
  db: Kysely<Database>,
  backend: Backend,
  request: TileRequest,
  options: TileOptions,
): Promise<MadeTile> {
  const planned = planTile(request.layer, request.z, options.privateMinCount);
  // Signal points only for those who may see some; everyone else gets the cells at every zoom.
  const plan =
    planned.mode === 'points' && request.layer === 'signals' && signalAccess(options).points.length === 0
      ? planned.fallback
      : planned;
  if (plan.mode === 'cells') return cellTile(db, backend, request, plan, options);
  if (!isPointRequest(request)) throw new Error(`Layer ${request.layer} has no point features`);
  const points =
    backend === 'server'
      ? await serverPointTile(db, request, plan.maxPoints, options)
      : { ...(await embeddedPointTile(db, request, plan.maxPoints, options)), version: undefined };
  return points.candidates > plan.maxPoints ? cellTile(db, backend, request, plan.fallback, options) : points;
}

/**
 * The vector tile (MVT, one layer named after the request's layer) for a validated request,
 * or null when it would be empty (lib/tiles/aggregation.ts says what it carries).
 */
export async function getTile(
  db: Kysely<Database>,
  backend: Backend,
  request: TileRequest,
  options: TileOptions = {},
): Promise<Uint8Array | null> {
  return (await makeTile(db, backend, request, options)).tile;
}

export interface VersionedTile {
  tile: Uint8Array | null;
  version: string;
}

/**
 * The tile and the version of the layer's data it shows. On a server both come from one
 * statement, so one snapshot. On the embedded database the version is read right after the
 * tile: versions only grow, are bumped in the transaction that changes the data, and a client
 * learns a version only once it is committed; so if the version read after the tile equals
 * the one the client asked for, the tile's (earlier) snapshot saw exactly that version.
 */
export async function getVersionedTile(
  db: Kysely<Database>,
  backend: Backend,
  request: TileRequest,
  options: TileOptions = {},
): Promise<VersionedTile> {
  const made = await makeTile(db, backend, request, options);
  return {
    tile: made.tile,
    version: made.version ?? (await getLayerVersion(db, request.layer, options.privateMinCount)),
  };
}
