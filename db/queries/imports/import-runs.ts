import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { ImportLayer } from '@/lib/imports/layers';
import type { Database, LayerName } from '../../schema';

/** One uploaded import as the history shows it: who, when, which file, how it was read, what it brought. */
export interface ImportRunSummary {
  id: number;
  layer: ImportLayer;
  fileName: string;
  fileBytes: number;
  fileSha256: string;
  format: 'csv' | 'geojson' | null;
  encoding: string | null;
  delimiter: string | null;
  crs: 'wgs84' | 'lambert72' | null;
  rowCount: number;
  warningCount: number;
  replacedCount: number;
  createdAt: Date;
  createdByUserId: number | null;
  createdByName: string | null;
  undoneAt: Date | null;
  undoneByUserId: number | null;
  undoneByName: string | null;
}

/** The table each importable layer writes to: an allow-list, the only source of table names here. */
export const LAYER_TABLES = {
  services: 'services',
  street_lights: 'street_lights',
  social_housing: 'social_housing_complexes',
  indicators: 'indicator_values',
} as const satisfies Record<ImportLayer, keyof Database>;

/** Runs of uploaded files (demo runs have no file hash and are not shown or undone here). */
function uploadedRuns(db: Kysely<Database>) {
  return db
    .selectFrom('import_runs as r')
    .leftJoin('users as undoer', 'undoer.id', 'r.undone_by_user_id')
    .select([
      'r.id',
      'r.layer',
      'r.file_name',
      'r.file_bytes',
      'r.file_sha256',
      'r.file_format',
      'r.encoding',
      'r.delimiter',
      'r.crs',
      'r.row_count',
      'r.warning_count',
      'r.replaced_count',
      'r.created_at',
      'r.created_by_user_id',
      'r.created_by',
      'r.undone_at',
      'r.undone_by_user_id',
      'undoer.name as undone_by_name',
    ])
    .where('r.is_demo', '=', false)
    .where('r.file_sha256', 'is not', null);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof uploadedRuns>['executeTakeFirstOrThrow']>>;

function toSummary(row: RunRow): ImportRunSummary {
  return {
    id: Number(row.id),
    layer: row.layer as ImportLayer,
    fileName: row.file_name ?? '',
    fileBytes: Number(row.file_bytes ?? 0),
    fileSha256: row.file_sha256 ?? '',
    format: row.file_format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    crs: row.crs,
    rowCount: Number(row.row_count),
    warningCount: Number(row.warning_count),
    replacedCount: Number(row.replaced_count),
    createdAt: row.created_at,
    createdByUserId: row.created_by_user_id === null ? null : Number(row.created_by_user_id),
    createdByName: row.created_by,
    undoneAt: row.undone_at,
    undoneByUserId: row.undone_by_user_id === null ? null : Number(row.undone_by_user_id),
    undoneByName: row.undone_by_name,
  };
}

/** Uploaded imports, newest first. */
export async function listImportRuns(db: Kysely<Database>, limit = 50): Promise<ImportRunSummary[]> {
  const rows = await uploadedRuns(db)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(Math.min(Math.max(limit, 1), 500))
    .execute();
  return rows.map(toSummary);
}

export async function findImportRun(db: Kysely<Database>, id: number): Promise<ImportRunSummary | null> {
  const row = await uploadedRuns(db).where('r.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

/** The import of this very file into this layer that is still in force, if any. */
export async function findActiveRunOfFile(
  db: Kysely<Database>,
  layer: ImportLayer,
  sha256: string,
): Promise<ImportRunSummary | null> {
  const row = await uploadedRuns(db)
    .where('r.layer', '=', layer)
    .where('r.file_sha256', '=', sha256)
    .where('r.undone_at', 'is', null)
    .executeTakeFirst();
  return row ? toSummary(row) : null;
}

/**
 * Versioned tile and area URLs must change with the data: every import and undo bumps its
 * layer. clock_timestamp, not now(): two changes in one transaction still differ.
 */
export async function bumpLayerVersion(db: Kysely<Database>, layer: LayerName): Promise<void> {
  await db
    .insertInto('layer_versions')
    .values({ layer })
    .onConflict((oc) =>
      oc
        .column('layer')
        .doUpdateSet({ version: sql<number>`layer_versions.version + 1`, changed_at: sql<Date>`clock_timestamp()` }),
    )
    .execute();
}
