import 'server-only';
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';
import type {
  BBox,
  IndicatorReading,
  MunicipalitySummary,
  NeighbourhoodCollection,
  NeighbourhoodFeature,
  OutlineCollection,
  RegionSummary,
} from '@/lib/map/area-data';
import type { Database } from '../schema';

/**
 * Areas for the map: region and municipality lists with their extents, and boundaries as
 * GeoJSON. Geometry leaves the database simplified for transfer: simplified in Belgian
 * Lambert 72 (EPSG:31370) with a tolerance in metres, then back to EPSG:4326 with five
 * decimals (about a metre), which a screen cannot tell from the original.
 */

/** Simplification tolerances in metres: finer where users zoom in further. */
const TOLERANCE_M = { regions: 80, municipalities: 15, neighbourhoods: 10 } as const;
const DECIMALS = 5;

type Geom = Expression<unknown>;

/** GeoJSON text of a 4326 geometry, simplified in 31370 by `toleranceM` metres. */
function simplifiedGeoJson(geom: Geom, toleranceM: number): RawBuilder<string> {
  return sql<string>`ST_AsGeoJSON(ST_Multi(ST_Transform(ST_SimplifyPreserveTopology(ST_Transform(${geom}, 31370), ${toleranceM}::float8), 4326)), ${DECIMALS}::int)`;
}

/** Extent columns of a 4326 geometry, in degrees. */
function extent(geom: Geom) {
  return {
    west: sql<number>`ST_XMin(${geom})`,
    south: sql<number>`ST_YMin(${geom})`,
    east: sql<number>`ST_XMax(${geom})`,
    north: sql<number>`ST_YMax(${geom})`,
  };
}

const round = (value: number, decimals = DECIMALS) => Number(value.toFixed(decimals));
const toBBox = (row: { west: number; south: number; east: number; north: number }): BBox => [
  round(row.west),
  round(row.south),
  round(row.east),
  round(row.north),
];
const byName = new Intl.Collator('nl-BE', { sensitivity: 'base', numeric: true });

export async function listRegions(db: Kysely<Database>): Promise<RegionSummary[]> {
  const e = extent(sql.ref('geom'));
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', e.west.as('west'), e.south.as('south'), e.east.as('east'), e.north.as('north')])
    .execute();
  return rows
    .map((row) => ({ code: row.code, name: row.name, bbox: toBBox(row) }))
    .sort((a, b) => byName.compare(a.name, b.name));
}

export async function findRegion(db: Kysely<Database>, code: string): Promise<RegionSummary | undefined> {
  const e = extent(sql.ref('geom'));
  const row = await db
    .selectFrom('regions')
    .select(['code', 'name', e.west.as('west'), e.south.as('south'), e.east.as('east'), e.north.as('north')])
    .where('code', '=', code)
    .executeTakeFirst();
  return row && { code: row.code, name: row.name, bbox: toBBox(row) };
}

function municipalitySummaries(db: Kysely<Database>) {
  const e = extent(sql.ref('m.geom'));
  return db.selectFrom('municipalities as m').select((eb) => [
    'm.nis',
    'm.name',
    'm.region_code',
    'm.province',
    'm.population_2020',
    eb
      .selectFrom('neighbourhoods as n')
      .whereRef('n.municipality_nis', '=', 'm.nis')
      .select((sub) => sub.fn.countAll<number>().as('count'))
      .as('neighbourhood_count'),
    e.west.as('west'),
    e.south.as('south'),
    e.east.as('east'),
    e.north.as('north'),
    sql<number>`ST_X(ST_PointOnSurface(m.geom))`.as('label_lng'),
    sql<number>`ST_Y(ST_PointOnSurface(m.geom))`.as('label_lat'),
  ]);
}

type MunicipalityRow = Awaited<ReturnType<ReturnType<typeof municipalitySummaries>['executeTakeFirstOrThrow']>>;

function toMunicipality(row: MunicipalityRow): MunicipalitySummary {
  return {
    nis: row.nis,
    name: row.name,
    regionCode: row.region_code,
    province: row.province,
    population2020: row.population_2020,
    neighbourhoodCount: Number(row.neighbourhood_count ?? 0),
    bbox: toBBox(row),
    labelPoint: [round(row.label_lng), round(row.label_lat)],
  };
}

/** The municipalities of a region, by name; empty for an unknown region. */
export async function listMunicipalities(db: Kysely<Database>, regionCode: string): Promise<MunicipalitySummary[]> {
  const rows = await municipalitySummaries(db).where('m.region_code', '=', regionCode).execute();
  return rows.map(toMunicipality).sort((a, b) => byName.compare(a.name, b.name));
}

export async function findMunicipality(db: Kysely<Database>, nis: string): Promise<MunicipalitySummary | undefined> {
  const row = await municipalitySummaries(db).where('m.nis', '=', nis).executeTakeFirst();
  return row && toMunicipality(row);
}

export type NeighbourhoodScope = { regionCode: string } | { municipalityNis: string };

/** Neighbourhoods of the scope joined to their municipality, as a query to select from. */
function scopedNeighbourhoods(db: Kysely<Database>, scope: NeighbourhoodScope) {
  const query = db.selectFrom('neighbourhoods as n').innerJoin('municipalities as m', 'm.nis', 'n.municipality_nis');
  return 'regionCode' in scope
    ? query.where('m.region_code', '=', scope.regionCode)
    : query.where('n.municipality_nis', '=', scope.municipalityNis);
}

/**
 * The neighbourhoods of a region or municipality with simplified geometry, their extent, a
 * point inside each, and the latest value of every indicator they have (by period).
 */
export async function neighbourhoodsGeoJson(
  db: Kysely<Database>,
  scope: NeighbourhoodScope,
): Promise<NeighbourhoodCollection> {
  const e = extent(sql.ref('n.geom'));
  const [rows, readings] = await Promise.all([
    scopedNeighbourhoods(db, scope)
      .select([
        'n.code',
        'n.name',
        'n.municipality_nis',
        'm.name as municipality_name',
        'n.area_m2',
        simplifiedGeoJson(sql.ref('n.geom'), TOLERANCE_M.neighbourhoods).as('geometry'),
        e.west.as('west'),
        e.south.as('south'),
        e.east.as('east'),
        e.north.as('north'),
        sql<number>`ST_X(ST_PointOnSurface(n.geom))`.as('anchor_lng'),
        sql<number>`ST_Y(ST_PointOnSurface(n.geom))`.as('anchor_lat'),
      ])
      .orderBy('n.code')
      .execute(),
    latestNeighbourhoodReadings(db, scope),
  ]);

  const features = rows.map((row): NeighbourhoodFeature => ({
    type: 'Feature',
    bbox: toBBox(row),
    geometry: JSON.parse(row.geometry) as NeighbourhoodFeature['geometry'],
    properties: {
      code: row.code,
      name: row.name,
      municipalityNis: row.municipality_nis,
      municipalityName: row.municipality_name,
      areaKm2: round(row.area_m2 / 1e6, 2),
      anchor: [round(row.anchor_lng), round(row.anchor_lat)],
      indicators: readings.get(row.code) ?? {},
    },
  }));
  return { type: 'FeatureCollection', features };
}

/** Latest reading per neighbourhood and indicator code, keyed by neighbourhood code. */
async function latestNeighbourhoodReadings(db: Kysely<Database>, scope: NeighbourhoodScope) {
  const rows = await scopedNeighbourhoods(db, scope)
    .innerJoin('indicator_values as iv', (join) =>
      join.onRef('iv.area_code', '=', 'n.code').on('iv.area_level', '=', 'neighbourhood'),
    )
    .distinctOn(['iv.area_code', 'iv.indicator_code'])
    .select([
      'iv.area_code',
      'iv.indicator_code',
      'iv.value',
      'iv.unit',
      'iv.period',
      'iv.source',
      'iv.is_estimate',
      'iv.is_demo',
    ])
    .orderBy('iv.area_code')
    .orderBy('iv.indicator_code')
    .orderBy('iv.period', 'desc')
    .execute();
  const byCode = new Map<string, Record<string, IndicatorReading>>();
  for (const row of rows) {
    let readings = byCode.get(row.area_code);
    if (!readings) byCode.set(row.area_code, (readings = {}));
    readings[row.indicator_code] = {
      value: row.value,
      unit: row.unit,
      period: row.period,
      source: row.source,
      isEstimate: row.is_estimate,
      isDemo: row.is_demo,
    };
  }
  return byCode;
}

/** Outlines of the municipalities of a region, `code` being the NIS code. */
export async function municipalityOutlinesGeoJson(
  db: Kysely<Database>,
  regionCode: string,
): Promise<OutlineCollection> {
  const rows = await db
    .selectFrom('municipalities')
    .select(['nis', 'name', simplifiedGeoJson(sql.ref('geom'), TOLERANCE_M.municipalities).as('geometry')])
    .where('region_code', '=', regionCode)
    .orderBy('nis')
    .execute();
  return outlines(rows.map((row) => ({ code: row.nis, name: row.name, geometry: row.geometry })));
}

/** Outlines of all regions (Flanders), simplified more: they are context at low zoom. */
export async function regionOutlinesGeoJson(db: Kysely<Database>): Promise<OutlineCollection> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', simplifiedGeoJson(sql.ref('geom'), TOLERANCE_M.regions).as('geometry')])
    .orderBy('code')
    .execute();
  return outlines(rows);
}

function outlines(rows: { code: string; name: string; geometry: string }[]): OutlineCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({
      type: 'Feature',
      geometry: JSON.parse(row.geometry) as OutlineCollection['features'][number]['geometry'],
      properties: { code: row.code, name: row.name },
    })),
  };
}

/**
 * A short token that changes whenever the area data may have changed (boundaries reloaded,
 * indicator values imported or removed, any layer version bumped), for cache-busting URLs.
 */
export async function getAreaDataVersion(db: Kysely<Database>): Promise<string> {
  const row = await db
    .selectNoFrom([
      sql<number>`(SELECT coalesce(sum(version), 0) FROM layer_versions)`.as('layers'),
      // A reset database seeded again counts the same; the time of the last change tells them apart.
      sql<number>`(SELECT coalesce(floor(extract(epoch FROM max(changed_at)) * 1000), 0) FROM layer_versions)`.as(
        'changed',
      ),
      sql<number>`(SELECT count(*) FROM neighbourhoods)`.as('neighbourhoods'),
      sql<number>`(SELECT count(*) FROM indicator_values)`.as('values'),
      sql<number>`(SELECT coalesce(max(id), 0) FROM indicator_values)`.as('last_value'),
    ])
    .executeTakeFirstOrThrow();
  return [row.layers, row.changed, row.neighbourhoods, row.values, row.last_value]
    .map((n) => Number(n).toString(36))
    .join('-');
}
