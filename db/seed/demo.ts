import { type Kysely, type Transaction, sql } from 'kysely';
import {
  DEMO_PILOT_NIS,
  DEMO_REGION_CODES,
  DEMO_SEED,
  type DemoDataset,
  type DemoInput,
  type DemoNeighbourhoodInput,
  generateDemoDataset,
} from '@/lib/demo';
import { withSignalRollupsDeferred } from '../queries/signal-rollups';
import type { Database, GeometryValue, LayerName } from '../schema';
import { chunk } from './boundaries';
import { removeDemoAccounts, seedDemoAccounts } from './demo-accounts';

/** Rows written (or removed) per table. */
export interface DemoCounts {
  signals: number;
  services: number;
  street_lights: number;
  social_housing_complexes: number;
  substandard_dwellings: number;
  indicator_values: number;
}

type DemoTable = keyof DemoCounts;

/** Children before import_runs, which they reference. */
const DEMO_TABLES: readonly DemoTable[] = [
  'signals',
  'services',
  'street_lights',
  'social_housing_complexes',
  'substandard_dwellings',
  'indicator_values',
];
const LAYER_OF: Record<DemoTable, LayerName> = {
  signals: 'signals',
  services: 'services',
  street_lights: 'street_lights',
  social_housing_complexes: 'social_housing',
  substandard_dwellings: 'substandard_dwellings',
  indicator_values: 'indicators',
};
const DEMO_SOURCE = 'demo';
// Several hundred rows per INSERT: PGlite pays per statement, not per row.
const BATCH = 500;

export class DemoDataError extends Error {
  override name = 'DemoDataError';
}

/**
 * Loads the deterministic demo dataset. Idempotent by replacement: in ONE transaction it
 * deletes every demo record (is_demo = true) and the demo import runs, then inserts the
 * freshly generated dataset, which is identical each time (same seed, same boundaries), so a
 * second run leaves exactly the same data apart from ids and timestamps of the import runs.
 * Real records are never touched; a real indicator value wins over a demo one for the same
 * area, indicator and period.
 */
export { hasDemoData } from '../queries/demo';

export async function seedDemoData(db: Kysely<Database>, seed = DEMO_SEED): Promise<DemoCounts> {
  const dataset = generateDemoDataset(await readDemoArea(db), seed);
  // The signal roll-ups are rebuilt once at the end rather than upserted per INSERT batch.
  return inTransaction(db, (trx) =>
    withSignalRollupsDeferred(trx, async () => {
      await deleteDemoRecords(trx);
      await trx.deleteFrom('import_runs').where('is_demo', '=', true).where('source', '=', DEMO_SOURCE).execute();
      const runs = await createImportRuns(trx, dataset, seed);
      const counts = await insertDataset(trx, dataset, runs);
      await seedDemoAccounts(trx);
      await trx
        .updateTable('import_runs')
        .set({ row_count: counts.indicator_values })
        .where('id', '=', runs.indicator_values)
        .execute();
      await bumpLayerVersions(trx);
      return counts;
    }),
  );
}

/**
 * True when the demo data was loaded once and then removed on purpose (its import runs are
 * marked undone), so a start-up routine can respect that instead of loading it again.
 */
export async function demoDataWasRemoved(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectNoFrom(
      sql<boolean>`
    EXISTS (SELECT 1 FROM import_runs WHERE is_demo AND source = ${DEMO_SOURCE} AND undone_at IS NOT NULL)
    AND NOT EXISTS (SELECT 1 FROM import_runs WHERE is_demo AND source = ${DEMO_SOURCE} AND undone_at IS NULL)`.as(
        'removed',
      ),
    )
    .executeTakeFirstOrThrow();
  return row.removed === true;
}

/**
 * Deletes every demo record (only rows with is_demo = true) and marks the demo import runs as
 * undone, the same way undoing an import works. Returns how many rows went.
 */
export async function removeDemoData(db: Kysely<Database>): Promise<DemoCounts> {
  return inTransaction(db, async (trx) => {
    await removeDemoAccounts(trx);
    const counts = await deleteDemoRecords(trx);
    await trx
      .updateTable('import_runs')
      .set({ undone_at: sql<Date>`now()` })
      .where('is_demo', '=', true)
      .where('source', '=', DEMO_SOURCE)
      .where('undone_at', 'is', null)
      .execute();
    if (Object.values(counts).some((n) => n > 0)) await bumpLayerVersions(trx);
    return counts;
  });
}

/** Runs `work` in a transaction, or in the caller's when `db` already is one (tests, bigger jobs). */
function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}

/** Reads the municipalities and neighbourhoods of the demo area; needs the boundaries seeded. */
async function readDemoArea(db: Kysely<Database>): Promise<DemoInput> {
  const municipalities = await db
    .selectFrom('municipalities')
    .select(['nis', 'name', 'region_code', 'population_2020'])
    .where((eb) => eb.or([eb('region_code', 'in', DEMO_REGION_CODES), eb('nis', 'in', DEMO_PILOT_NIS)]))
    .orderBy('nis')
    .execute();
  const missingPilots = DEMO_PILOT_NIS.filter((nis) => !municipalities.some((m) => m.nis === nis));
  if (municipalities.length === 0 || missingPilots.length > 0) {
    throw new DemoDataError(
      `The demo data needs the Flemish boundaries, but ${municipalities.length === 0 ? 'none are loaded' : `pilot municipalities ${missingPilots.join(', ')} are missing`}: run \`npm run db:seed -- --no-demo\` first`,
    );
  }
  const rows = await db
    .selectFrom('neighbourhoods')
    .select(['code', 'name', 'municipality_nis', 'area_m2', sql<string>`ST_AsGeoJSON(geom)`.as('geometry')])
    .where(
      'municipality_nis',
      'in',
      municipalities.map((m) => m.nis),
    )
    .orderBy('code')
    .execute();
  if (rows.length === 0)
    throw new DemoDataError('The demo area has no neighbourhoods: run `npm run db:seed -- --no-demo` first');
  const neighbourhoods = rows.map((row): DemoNeighbourhoodInput => ({
    ...row,
    geometry: JSON.parse(row.geometry) as DemoNeighbourhoodInput['geometry'],
  }));
  return { municipalities, neighbourhoods };
}

async function deleteDemoRecords(trx: Transaction<Database>): Promise<DemoCounts> {
  const counts = {} as DemoCounts;
  for (const table of DEMO_TABLES) {
    const result = await trx.deleteFrom(table).where('is_demo', '=', true).executeTakeFirst();
    counts[table] = Number(result.numDeletedRows);
  }
  // A released year of demo signals is demo data too: forget the releases (of
  // db/migrations/2026_12_01_0007_signal_releases.ts); the next analysis view releases again.
  if (counts.signals > 0) {
    await trx.deleteFrom('signal_release_months').execute();
    await trx.deleteFrom('signal_releases').execute();
  }
  return counts;
}

type RunIds = Record<DemoTable, number>;

async function createImportRuns(trx: Transaction<Database>, dataset: DemoDataset, seed: string): Promise<RunIds> {
  const rowCounts: Record<DemoTable, number> = {
    signals: dataset.signals.length,
    services: dataset.services.length,
    street_lights: dataset.streetLights.length,
    social_housing_complexes: dataset.socialHousing.length,
    substandard_dwellings: dataset.substandardDwellings.length,
    indicator_values: dataset.indicators.length,
  };
  const ids = {} as RunIds;
  for (const table of DEMO_TABLES) {
    const row = await trx
      .insertInto('import_runs')
      // file_name records the seed, so one can tell which demo version is loaded.
      .values({
        layer: LAYER_OF[table],
        source: DEMO_SOURCE,
        file_name: seed,
        row_count: rowCounts[table],
        is_demo: true,
        created_by: 'seed',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[table] = Number(row.id);
  }
  return ids;
}

const point = (lon: number, lat: number) => sql<GeometryValue>`ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;

/**
 * Inserts in generator order, so ids follow the same order on every run. The generator
 * already knows each record's neighbourhood and municipality: no point-in-polygon SQL here.
 */
async function insertDataset(trx: Transaction<Database>, dataset: DemoDataset, runs: RunIds): Promise<DemoCounts> {
  const demo = (table: DemoTable) => ({ is_demo: true, import_run_id: runs[table] });
  for (const batch of chunk(dataset.signals, BATCH)) {
    await trx
      .insertInto('signals')
      .values(
        batch.map(({ lon, lat, ...s }) => ({
          ...s,
          geom: point(lon, lat),
          ...demo('signals'),
        })),
      )
      .execute();
  }
  for (const batch of chunk(dataset.services, BATCH)) {
    await trx
      .insertInto('services')
      .values(
        batch.map(({ lon, lat, schedule, ...s }) => ({
          ...s,
          schedule: schedule ? JSON.stringify(schedule) : null,
          geom: point(lon, lat),
          ...demo('services'),
        })),
      )
      .execute();
  }
  for (const batch of chunk(dataset.streetLights, BATCH)) {
    await trx
      .insertInto('street_lights')
      .values(batch.map(({ lon, lat, ...s }) => ({ ...s, geom: point(lon, lat), ...demo('street_lights') })))
      .execute();
  }
  for (const batch of chunk(dataset.socialHousing, BATCH)) {
    await trx
      .insertInto('social_housing_complexes')
      .values(batch.map(({ lon, lat, ...s }) => ({ ...s, geom: point(lon, lat), ...demo('social_housing_complexes') })))
      .execute();
  }
  for (const batch of chunk(dataset.substandardDwellings, BATCH)) {
    await trx
      .insertInto('substandard_dwellings')
      .values(batch.map(({ lon, lat, ...s }) => ({ ...s, geom: point(lon, lat), ...demo('substandard_dwellings') })))
      .execute();
  }
  let indicatorValues = 0;
  for (const batch of chunk(dataset.indicators, BATCH)) {
    const result = await trx
      .insertInto('indicator_values')
      .values(batch.map((value) => ({ ...value, ...demo('indicator_values') })))
      // A real value for the same area, indicator and period stays; the demo one is skipped.
      .onConflict((oc) => oc.columns(['area_level', 'area_code', 'indicator_code', 'period']).doNothing())
      .executeTakeFirst();
    indicatorValues += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return {
    signals: dataset.signals.length,
    services: dataset.services.length,
    street_lights: dataset.streetLights.length,
    social_housing_complexes: dataset.socialHousing.length,
    substandard_dwellings: dataset.substandardDwellings.length,
    indicator_values: indicatorValues,
  };
}

/** Versioned tile and GeoJSON URLs must change with the data. */
async function bumpLayerVersions(trx: Transaction<Database>): Promise<void> {
  await trx
    .insertInto('layer_versions')
    .values(DEMO_TABLES.map((table) => ({ layer: LAYER_OF[table] })))
    .onConflict((oc) =>
      oc.column('layer').doUpdateSet({
        version: sql<number>`layer_versions.version + 1`,
        changed_at: sql<Date>`now()`,
      }),
    )
    .execute();
}
