import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import {
  BoundaryFileError,
  parseMunicipalities,
  parseNeighbourhoods,
  parseRegions,
  parseSectorTable,
} from '@/lib/areas/boundary-files';
import type { Database, GeometryValue } from '../schema';

export const BOUNDARY_FOLDER = path.join(process.cwd(), 'db', 'seed', 'boundaries');
const FILES = [
  'regions.geojson',
  'municipalities.geojson',
  'neighbourhoods.geojson',
  'sector_neighbourhood.csv',
] as const;
const BATCH = 200;

export interface BoundaryCounts {
  regions: number;
  municipalities: number;
  neighbourhoods: number;
  sectors: number;
}

/** Reads and validates the boundary files before anything is written. */
export function readBoundaryFiles(folder = BOUNDARY_FOLDER) {
  const missing = FILES.filter((file) => !existsSync(path.join(folder, file)));
  if (missing.length > 0) {
    throw new BoundaryFileError(
      `Seed files missing in ${folder}: ${missing.join(', ')} (restore them from the repository)`,
    );
  }
  const read = (file: (typeof FILES)[number]) => readFileSync(path.join(folder, file), 'utf8');
  return {
    regions: parseRegions(read('regions.geojson')),
    municipalities: parseMunicipalities(read('municipalities.geojson')),
    neighbourhoods: parseNeighbourhoods(read('neighbourhoods.geojson')),
    sectors: parseSectorTable(read('sector_neighbourhood.csv')),
  };
}

const multi = (geometryJson: string) =>
  sql<GeometryValue>`ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${geometryJson}), 4326))`;

/**
 * Loads the real Flemish boundaries in one transaction. Idempotent: rows are upserted and a
 * row is only rewritten when its content differs, so a second run changes nothing.
 */
export async function seedBoundaries(db: Kysely<Database>, folder = BOUNDARY_FOLDER): Promise<BoundaryCounts> {
  const files = readBoundaryFiles(folder);
  await db.transaction().execute(async (trx) => {
    let changedRows = 0n;
    const count = (results: { numInsertedOrUpdatedRows?: bigint }[]) => {
      for (const result of results) changedRows += result.numInsertedOrUpdatedRows ?? 0n;
    };
    for (const batch of chunk(files.regions, BATCH)) {
      count(
        await trx
          .insertInto('regions')
          .values(
            batch.map(({ properties: p, geometryJson }) => ({ code: p.code, name: p.name, geom: multi(geometryJson) })),
          )
          .onConflict((oc) =>
            oc
              .column('code')
              .doUpdateSet({ name: (eb) => eb.ref('excluded.name'), geom: sql<GeometryValue>`excluded.geom` })
              .where(sql<boolean>`(regions.name, regions.geom) IS DISTINCT FROM (excluded.name, excluded.geom)`),
          )
          .execute(),
      );
    }
    for (const batch of chunk(files.municipalities, BATCH)) {
      count(
        await trx
          .insertInto('municipalities')
          .values(
            batch.map(({ properties: p, geometryJson }) => ({
              nis: p.nis,
              name: p.name,
              region_code: p.region_code,
              province: p.province,
              population_2020: p.population_2020,
              geom: multi(geometryJson),
            })),
          )
          .onConflict((oc) =>
            oc.column('nis').doUpdateSet({
              name: (eb) => eb.ref('excluded.name'),
              region_code: (eb) => eb.ref('excluded.region_code'),
              province: (eb) => eb.ref('excluded.province'),
              population_2020: (eb) => eb.ref('excluded.population_2020'),
              geom: sql<GeometryValue>`excluded.geom`,
            }).where(sql<boolean>`(municipalities.name, municipalities.region_code, municipalities.province,
              municipalities.population_2020, municipalities.geom)
            IS DISTINCT FROM (excluded.name, excluded.region_code, excluded.province, excluded.population_2020, excluded.geom)`),
          )
          .execute(),
      );
    }
    for (const batch of chunk(files.neighbourhoods, BATCH)) {
      count(
        await trx
          .insertInto('neighbourhoods')
          .values(
            batch.map(({ properties: p, geometryJson }) => ({
              code: p.code,
              name: p.name,
              municipality_nis: p.municipality_nis,
              // Area in m², measured in Belgian Lambert 72 (EPSG:31370).
              area_m2: sql<number>`ST_Area(ST_Transform(${multi(geometryJson)}, 31370))`,
              geom: multi(geometryJson),
            })),
          )
          .onConflict((oc) =>
            oc.column('code').doUpdateSet({
              name: (eb) => eb.ref('excluded.name'),
              municipality_nis: (eb) => eb.ref('excluded.municipality_nis'),
              area_m2: (eb) => eb.ref('excluded.area_m2'),
              geom: sql<GeometryValue>`excluded.geom`,
            }).where(sql<boolean>`(neighbourhoods.name, neighbourhoods.municipality_nis, neighbourhoods.geom)
            IS DISTINCT FROM (excluded.name, excluded.municipality_nis, excluded.geom)`),
          )
          .execute(),
      );
    }
    for (const batch of chunk(files.sectors, 1000)) {
      count(
        await trx
          .insertInto('statistical_sectors')
          .values(
            batch.map((s) => ({ sector_code: s.sectorCode, neighbourhood_code: s.neighbourhoodCode, name: s.name })),
          )
          .onConflict((oc) =>
            oc.column('sector_code').doUpdateSet({
              neighbourhood_code: (eb) => eb.ref('excluded.neighbourhood_code'),
              name: (eb) => eb.ref('excluded.name'),
            }).where(sql<boolean>`(statistical_sectors.neighbourhood_code, statistical_sectors.name)
            IS DISTINCT FROM (excluded.neighbourhood_code, excluded.name)`),
          )
          .execute(),
      );
    }
    // Area URLs carry a data version (db/queries/areas.ts): changed boundaries must change it.
    if (changedRows > 0n) {
      await trx
        .insertInto('layer_versions')
        .values({ layer: 'boundaries' })
        .onConflict((oc) =>
          oc
            .column('layer')
            .doUpdateSet({ version: sql<number>`layer_versions.version + 1`, changed_at: sql<Date>`now()` }),
        )
        .execute();
    }
  });
  return {
    regions: files.regions.length,
    municipalities: files.municipalities.length,
    neighbourhoods: files.neighbourhoods.length,
    sectors: files.sectors.length,
  };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
