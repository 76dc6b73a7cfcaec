import 'server-only';
import type { Kysely } from 'kysely';
import { type ImportChoices, type ImportPlan, planImport } from '@/lib/imports/dry-run';
import type { ImportLayer } from '@/lib/imports/layers';
import { withNeighbourhoodCheck } from '@/lib/imports/neighbourhood-check';
import type { Database } from '../../schema';
import { findPointsOutsideNeighbourhoods } from './area-lookup';
import { loadSectorTable } from './sector-table';

/** An uploaded file and what the person chose for it; the same for a dry run and a commit. */
export interface ImportUpload {
  layer: ImportLayer;
  bytes: Uint8Array;
  fileName: string;
  choices: ImportChoices;
  /** Indicators: the source shown with each value; the file name when not given. */
  source?: string | null;
}

/** The pure plan of lib/imports, with the sector table from the database for Statbel files. */
export async function planUpload(db: Kysely<Database>, upload: ImportUpload): Promise<ImportPlan> {
  const sectorTable = upload.layer === 'indicators' ? await loadSectorTable(db) : undefined;
  return planImport(upload.layer, upload.bytes, upload.fileName, { ...upload.choices, sectorTable });
}

/**
 * The dry run: everything the commit would check, without writing. On top of the pure plan it
 * asks the database which points lie in no Flemish neighbourhood (read-only), so the report
 * already lists every row the commit would refuse.
 */
export async function dryRunImport(db: Kysely<Database>, upload: ImportUpload): Promise<ImportPlan> {
  const plan = await planUpload(db, upload);
  const points = plan.rows.flatMap((row) => ('lon' in row ? [{ line: row.row, lon: row.lon, lat: row.lat }] : []));
  if (points.length === 0) return plan;
  return withNeighbourhoodCheck(plan, await findPointsOutsideNeighbourhoods(db, points));
}
