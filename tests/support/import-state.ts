import { type Kysely, sql } from 'kysely';
import type { Database } from '@/db/schema';

/**
 * What an import may change, read in one go, so a test can say "nothing changed" or "undo put
 * back exactly this": row counts and id sums of the point tables, a digest of every indicator
 * value (ids left out: a restored value gets a new id), the layer versions, and how many
 * import runs and audit records there are.
 */
export interface DatabaseState {
  rows: Record<string, string>;
  indicatorValues: string;
  replacedValues: string;
  versions: Record<string, number>;
  importRuns: number;
  auditRecords: number;
}

const POINT_TABLES = [
  'services',
  'street_lights',
  'social_housing_complexes',
  'substandard_dwellings',
  'signals',
] as const;

export async function readState(db: Kysely<Database>): Promise<DatabaseState> {
  const rows: Record<string, string> = {};
  for (const table of POINT_TABLES) {
    const result = await sql<{ state: string }>`
      SELECT concat(count(*), ':', coalesce(sum(id), 0), ':', md5(coalesce(string_agg(concat_ws('|', id, neighbourhood_code, import_run_id), ',' ORDER BY id), ''))) AS state
      FROM ${sql.table(table)}`.execute(db);
    rows[table] = result.rows[0]!.state;
  }
  const values = await sql<{ values: string; replaced: string }>`
    SELECT
      (SELECT concat(count(*), ':', md5(coalesce(string_agg(concat_ws('|', area_level, area_code, indicator_code, period, value, unit, source, is_estimate, is_demo, import_run_id), ','
        ORDER BY area_level, area_code, indicator_code, period), ''))) FROM indicator_values) AS values,
      (SELECT concat(count(*), ':', md5(coalesce(string_agg(concat_ws('|', replaced_by_run_id, original_run_id, area_code, indicator_code, period, value), ',' ORDER BY id), '')))
        FROM replaced_indicator_values) AS replaced`.execute(db);
  const versions = await db.selectFrom('layer_versions').select(['layer', 'version']).execute();
  const counts = await db
    .selectNoFrom([
      sql<number>`(SELECT count(*)::int FROM import_runs)`.as('runs'),
      sql<number>`(SELECT count(*)::int FROM audit_log)`.as('audit'),
    ])
    .executeTakeFirstOrThrow();
  return {
    rows,
    indicatorValues: values.rows[0]!.values,
    replacedValues: values.rows[0]!.replaced,
    versions: Object.fromEntries(versions.map((v) => [v.layer, Number(v.version)])),
    importRuns: Number(counts.runs),
    auditRecords: Number(counts.audit),
  };
}
