import 'server-only';
import type { Kysely } from 'kysely';
import type { Database } from '../../schema';

/**
 * Statistical sector → neighbourhood code, from the statistical_sectors table (9,189 rows),
 * for rolling Statbel files up to neighbourhoods. Kept per process as a cache only: keyed by
 * the boundaries' layer version, so a reloaded sector table is read again.
 */
let cached: { version: string; table: ReadonlyMap<string, string> } | null = null;

export async function loadSectorTable(db: Kysely<Database>): Promise<ReadonlyMap<string, string>> {
  const versionRow = await db
    .selectFrom('layer_versions')
    .select(['version', 'changed_at'])
    .where('layer', '=', 'boundaries')
    .executeTakeFirst();
  const version = versionRow ? `${versionRow.version}.${new Date(versionRow.changed_at).getTime()}` : 'none';
  // Reloading the sectors bumps that version in the same transaction, so the key changes with them.
  if (cached && cached.version === version) return cached.table;
  const rows = await db.selectFrom('statistical_sectors').select(['sector_code', 'neighbourhood_code']).execute();
  const table = new Map(rows.map((row) => [row.sector_code, row.neighbourhood_code]));
  cached = { version, table };
  return table;
}
