import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPeriods } from '@/app/_server/analysis/region-data';
import type { DatabaseHandle } from '@/db/client';
import type { Database } from '@/db/schema';
import { demoDataWasRemoved, hasDemoData, removeDemoData, seedDemoData } from '@/db/seed/demo';
import { openTestDatabase, withRollback } from '../support/test-database';

// The run's database already holds the demo dataset (tests/support/global-setup.ts seeds it).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const POINT_TABLES = [
  'signals',
  'services',
  'street_lights',
  'social_housing_complexes',
  'substandard_dwellings',
] as const;
const ALL_TABLES = [...POINT_TABLES, 'indicator_values'] as const;

async function demoCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ALL_TABLES) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE is_demo`.execute(
      db,
    );
    counts[table] = rows[0]?.n ?? 0;
  }
  return counts;
}

/** A fingerprint of the demo content, ids and import-run ids left out (they change on reload). */
async function fingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    SELECT concat_ws(',',
      (SELECT md5(string_agg(concat_ws('|', category_code, subcategory_code, status, urgency, observed_at, reported_at,
          reporter_partner_type, follow_up_requested, ST_AsText(geom), neighbourhood_code, municipality_nis), ',' ORDER BY id))
        FROM signals WHERE is_demo),
      (SELECT md5(string_agg(concat_ws('|', service_type, name, schedule::text, ST_AsText(geom), neighbourhood_code), ',' ORDER BY id))
        FROM services WHERE is_demo),
      (SELECT md5(string_agg(concat_ws('|', external_id, status, lamp_type, ST_AsText(geom)), ',' ORDER BY id))
        FROM street_lights WHERE is_demo),
      (SELECT md5(string_agg(concat_ws('|', name, operator, units, ST_AsText(geom)), ',' ORDER BY id))
        FROM social_housing_complexes WHERE is_demo),
      (SELECT md5(string_agg(concat_ws('|', kind, recorded_on, ST_AsText(geom)), ',' ORDER BY id))
        FROM substandard_dwellings WHERE is_demo),
      (SELECT md5(string_agg(concat_ws('|', area_level, area_code, indicator_code, period, value, is_estimate), ',' ORDER BY id))
        FROM indicator_values WHERE is_demo)) AS f`.execute(db);
  return rows[0]?.f ?? '';
}

describe('demo dataset in the database', () => {
  it('holds every layer in the expected sizes', async () => {
    const counts = await demoCounts(handle.db);
    expect(counts.signals).toBeGreaterThan(8_000);
    expect(counts.signals).toBeLessThan(15_000);
    expect(counts.services).toBeGreaterThan(300);
    expect(counts.street_lights).toBeGreaterThan(15_000);
    expect(counts.street_lights).toBeLessThan(30_000);
    expect(counts.social_housing_complexes).toBeGreaterThan(100);
    expect(counts.substandard_dwellings).toBeGreaterThan(100);
    expect(await hasDemoData(handle.db)).toBe(true);
  });

  it('ties every demo record to a demo import run of its layer, and only demo records', async () => {
    const { rows } = await sql<{ table_name: string; bad: number }>`
      SELECT 'signals' AS table_name, count(*)::int AS bad FROM signals t LEFT JOIN import_runs r ON r.id = t.import_run_id
        WHERE t.is_demo AND (r.id IS NULL OR NOT r.is_demo OR r.source <> 'demo' OR r.layer <> 'signals')
      UNION ALL SELECT 'street_lights', count(*)::int FROM street_lights t LEFT JOIN import_runs r ON r.id = t.import_run_id
        WHERE t.is_demo AND (r.id IS NULL OR NOT r.is_demo OR r.layer <> 'street_lights')
      UNION ALL SELECT 'indicator_values', count(*)::int FROM indicator_values t LEFT JOIN import_runs r ON r.id = t.import_run_id
        WHERE t.is_demo AND (r.id IS NULL OR NOT r.is_demo OR r.layer <> 'indicators' OR NOT t.is_estimate)
      UNION ALL SELECT 'not demo', count(*)::int FROM import_runs r WHERE r.is_demo AND r.source = 'demo'
        AND EXISTS (SELECT 1 FROM signals s WHERE s.import_run_id = r.id AND NOT s.is_demo)`.execute(handle.db);
    expect(rows.filter((row) => row.bad > 0)).toEqual([]);
    const runs = await handle.db
      .selectFrom('import_runs')
      .select(['layer', 'row_count'])
      .where('is_demo', '=', true)
      .execute();
    expect(runs.map((run) => run.layer).sort()).toEqual([
      'indicators',
      'services',
      'signals',
      'social_housing',
      'street_lights',
      'substandard_dwellings',
    ]);
  });

  it('stores each point inside the neighbourhood and municipality it names', async () => {
    for (const table of POINT_TABLES) {
      const { rows } = await sql<{ outside: number }>`
        SELECT count(*)::int AS outside FROM ${sql.table(table)} t JOIN neighbourhoods n ON n.code = t.neighbourhood_code
        WHERE t.is_demo AND (n.municipality_nis <> t.municipality_nis OR NOT ST_Intersects(n.geom, t.geom))`.execute(
        handle.db,
      );
      expect(rows[0]?.outside, table).toBe(0);
    }
  });

  it('generalises signals to the 100 m grid in EPSG:31370', async () => {
    const { rows } = await sql<{ off_grid: number }>`
      SELECT count(*)::int AS off_grid FROM (SELECT ST_Transform(geom, 31370) AS g FROM signals WHERE is_demo) p
      WHERE abs(ST_X(g) - round(ST_X(g) / 100) * 100) > 0.05 OR abs(ST_Y(g) - round(ST_Y(g) / 100) * 100) > 0.05`.execute(
      handle.db,
    );
    expect(rows[0]?.off_grid).toBe(0);
  });

  it('seeding again leaves exactly the same data and bumps the layer versions', async () => {
    await withRollback(handle.db, async (trx) => {
      const before = { counts: await demoCounts(trx), fingerprint: await fingerprint(trx) };
      const versions = await trx
        .selectFrom('layer_versions')
        .select(['layer', 'version'])
        .where('layer', '!=', 'boundaries')
        .orderBy('layer')
        .execute();
      await seedDemoData(trx);
      expect({ counts: await demoCounts(trx), fingerprint: await fingerprint(trx) }).toEqual(before);
      const after = await trx
        .selectFrom('layer_versions')
        .select(['layer', 'version'])
        .where('layer', '!=', 'boundaries')
        .orderBy('layer')
        .execute();
      expect(after.map((row) => Number(row.version))).toEqual(versions.map((row) => Number(row.version) + 1));
    });
  });

  it('removes only demo records and remembers that it was removed', async () => {
    await withRollback(handle.db, async (trx) => {
      const neighbourhoods = await trx
        .selectFrom('neighbourhoods')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      // The analyses released the demo's ended years; those releases are demo data as well.
      expect((await loadPeriods(trx)).periods.length).toBeGreaterThan(0);
      await removeDemoData(trx);
      expect((await loadPeriods(trx)).periods).toEqual([]);
      expect(await trx.selectFrom('signal_release_months').select('year').limit(1).execute()).toEqual([]);
      expect(Object.values(await demoCounts(trx)).every((n) => n === 0)).toBe(true);
      expect(await hasDemoData(trx)).toBe(false);
      expect(await demoDataWasRemoved(trx)).toBe(true);
      const left = await trx
        .selectFrom('neighbourhoods')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(left.n)).toBe(Number(neighbourhoods.n));
    });
  });
});
