import 'server-only';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ImportPlan } from '@/lib/imports/dry-run';
import { withNeighbourhoodCheck } from '@/lib/imports/neighbourhood-check';
import { detail } from '@/lib/imports/problem-detail';
import { fileProblem } from '@/lib/imports/problems';
import type { Database, LayerName } from '../../schema';
import { writeAuditLog } from '../audit-log';
import { findPointsOutsideNeighbourhoods } from './area-lookup';
import { atomically, isUniqueViolation } from './atomic';
import { type ImportUpload, planUpload } from './dry-run';
import { type ImportRunSummary, bumpLayerVersion, findActiveRunOfFile, findImportRun } from './import-runs';
import { insertIndicatorValues, insertPoints, plannedPoints, recordCount } from './insert-rows';

export interface ImportActor {
  userId: number;
  name: string;
}

/**
 * What the one instance doing the work reports: `checking` while it finds each point's
 * neighbourhood (before the transaction), `writing` while it inserts (inside it).
 */
export interface CommitProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

export interface CommitOptions {
  /** The plan of exactly these bytes, when the caller already made it (saves planning twice). */
  plan?: ImportPlan;
  onProgress?: (progress: CommitProgress) => void;
}

export type CommitResult =
  | { ok: true; run: ImportRunSummary; plan: ImportPlan }
  /** The file has problems (the dry run's report, with points outside every neighbourhood): nothing written. */
  | { ok: false; status: 400; plan: ImportPlan }
  /** This file is already imported into this layer and not undone: nothing written. */
  | { ok: false; status: 409; error: string; runId: number | null };

const ACTIVE_FILE_INDEX = 'import_runs_active_file_idx';

class PointsOutside extends Error {
  override name = 'PointsOutside';
  constructor(readonly lines: Set<number>) {
    super(`${lines.size} point(s) lie in no neighbourhood`);
  }
}

export const fileSha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Commits an upload, all or nothing: the file is planned again from its bytes (the app tier
 * keeps no upload between requests), and only a plan without problems is written, in ONE
 * transaction: the import run (who, file name, SHA-256, size, encoding, delimiter, CRS), every
 * record with its neighbourhood and municipality found in SQL, the layer version bump and the
 * audit record. A point in no neighbourhood, or any failure, rolls all of it back.
 *
 * The same file (by SHA-256) into the same layer while an earlier import of it is in force is
 * a 409, also when two arrive at once on two instances (a unique index decides).
 */
export async function commitImport(
  db: Kysely<Database>,
  upload: ImportUpload,
  actor: ImportActor,
  options: CommitOptions = {},
): Promise<CommitResult> {
  const onProgress = options.onProgress ?? (() => {});
  const plan = options.plan ?? (await planUpload(db, upload));
  if (!plan.ok) return { ok: false, status: 400, plan };
  const total = recordCount(plan);
  if (total === 0) {
    return {
      ok: false,
      status: 400,
      plan: {
        ...plan,
        ok: false,
        errors: [fileProblem('no_rows', detail('nothing_to_import'))],
        summary: { ...plan.summary, errorCount: 1 },
      },
    };
  }
  const sha256 = fileSha256(upload.bytes);
  const active = await findActiveRunOfFile(db, upload.layer, sha256);
  if (active) return duplicate(active.id, active.createdAt);

  // Outside the transaction, so PGlite's one connection is free between batches; the INSERT's
  // own point-in-polygon join is the last word, should the boundaries change meanwhile.
  const points = plannedPoints(plan);
  if (points.length > 0) {
    onProgress({ phase: 'checking', done: 0, total: points.length });
    const outside = await findPointsOutsideNeighbourhoods(db, points, (done) =>
      onProgress({ phase: 'checking', done, total: points.length }),
    );
    if (outside.size > 0) return { ok: false, status: 400, plan: withNeighbourhoodCheck(plan, outside) };
  }

  try {
    const runId = await atomically(db, async (trx) => {
      const run = await trx
        .insertInto('import_runs')
        .values({
          layer: upload.layer as LayerName,
          source: 'upload',
          file_name: plan.fileName,
          created_by: actor.name.slice(0, 200),
          created_by_user_id: actor.userId,
          file_sha256: sha256,
          file_bytes: upload.bytes.length,
          file_format: plan.detected.format,
          encoding: plan.detected.encoding,
          delimiter: plan.detected.delimiter,
          crs: plan.detected.crs,
          warning_count: plan.summary.warningCount,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = Number(run.id);
      const report = (done: number) => onProgress({ phase: 'writing', done, total });
      report(0);
      const counts =
        upload.layer === 'indicators'
          ? await insertIndicatorValues(
              trx,
              plan,
              id,
              (upload.source ?? plan.fileName).slice(0, 120) || 'upload',
              report,
            )
          : await insertPoints(trx, plan, id, report);
      if (counts.written < total) throw new PointsOutside(await findPointsOutsideNeighbourhoods(trx, points));
      await trx
        .updateTable('import_runs')
        .set({ row_count: counts.written, replaced_count: counts.replaced })
        .where('id', '=', id)
        .execute();
      await bumpLayerVersion(trx, upload.layer as LayerName);
      await writeAuditLog(trx, {
        event: 'import.completed',
        actorUserId: actor.userId,
        target: { kind: 'import_run', id },
        details: {
          layer: upload.layer,
          rows: counts.written,
          replaced: counts.replaced,
          warnings: plan.summary.warningCount,
          format: plan.detected.format,
          crs: plan.detected.crs,
          bytes: upload.bytes.length,
        },
      });
      return id;
    });
    const run = await findImportRun(db, runId);
    if (!run) throw new Error(`import run ${runId} vanished right after its commit`);
    return { ok: true, run, plan };
  } catch (error) {
    if (error instanceof PointsOutside)
      return { ok: false, status: 400, plan: withNeighbourhoodCheck(plan, error.lines) };
    if (isUniqueViolation(error, ACTIVE_FILE_INDEX)) {
      const winner = await findActiveRunOfFile(db, upload.layer, sha256);
      return duplicate(winner?.id ?? null, winner?.createdAt ?? null);
    }
    throw error;
  }
}

function duplicate(runId: number | null, at: Date | null): CommitResult {
  const when = at ? ` on ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
  return {
    ok: false,
    status: 409,
    runId,
    error: `This file was already imported into this layer${runId === null ? '' : ` (import ${runId}${when})`}; undo that import first to import it again.`,
  };
}
