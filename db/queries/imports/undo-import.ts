import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { ImportLayer } from '@/lib/imports/layers';
import type { Database, LayerName } from '../../schema';
import { writeAuditLog } from '../audit-log';
import { atomically } from './atomic';
import { type ImportRunSummary, LAYER_TABLES, bumpLayerVersion, findImportRun } from './import-runs';

export type UndoResult =
  | { ok: true; run: ImportRunSummary; removed: number; restored: number }
  | { ok: false; status: 404 | 409; error: string };

/**
 * Undoes an uploaded import, in one transaction: its records go, indicator values it replaced
 * come back, and the run is marked undone by whom (it stays in the history). Refused when the
 * run is unknown or a demo run (404), already undone (409), or when one of its services is
 * named in a signal's follow-up (409: undoing would erase where a person was referred to).
 */
export async function undoImport(db: Kysely<Database>, runId: number, actor: { userId: number }): Promise<UndoResult> {
  const result = await atomically(db, async (trx): Promise<UndoResult> => {
    const run = await trx
      .selectFrom('import_runs')
      .select(['id', 'layer', 'undone_at'])
      .where('id', '=', runId)
      .where('is_demo', '=', false)
      .where('file_sha256', 'is not', null)
      .forUpdate()
      .executeTakeFirst();
    if (!run) return { ok: false, status: 404, error: `There is no import ${runId}` };
    if (run.undone_at !== null) return { ok: false, status: 409, error: `Import ${runId} was already undone` };
    const layer = run.layer as ImportLayer;
    if (layer === 'services') {
      const referred = await trx
        .selectFrom('signal_status_changes as c')
        .innerJoin('services as s', 's.id', 'c.referred_service_id')
        .select(sql<number>`count(DISTINCT s.id)::int`.as('n'))
        .where('s.import_run_id', '=', runId)
        .executeTakeFirstOrThrow();
      if (Number(referred.n) > 0) {
        return {
          ok: false,
          status: 409,
          error: `${referred.n} service(s) of import ${runId} are named in the follow-up of signals; the import cannot be undone without losing that history`,
        };
      }
    }
    const { removed, restored } =
      layer === 'indicators' ? await undoIndicatorValues(trx, runId) : await deletePoints(trx, layer, runId);
    await trx
      .updateTable('import_runs')
      .set({ undone_at: sql<Date>`clock_timestamp()`, undone_by_user_id: actor.userId })
      .where('id', '=', runId)
      .execute();
    await bumpLayerVersion(trx, layer as LayerName);
    await writeAuditLog(trx, {
      event: 'import.undone',
      actorUserId: actor.userId,
      target: { kind: 'import_run', id: runId },
      details: { layer, removed, restored },
    });
    return { ok: true, run: (await findImportRun(trx, runId))!, removed, restored };
  });
  return result;
}

async function deletePoints(trx: Kysely<Database>, layer: Exclude<ImportLayer, 'indicators'>, runId: number) {
  const result = await trx.deleteFrom(LAYER_TABLES[layer]).where('import_run_id', '=', runId).executeTakeFirst();
  return { removed: Number(result.numDeletedRows), restored: 0 };
}

/**
 * Per area, indicator and period, the values form a stack: the current one, and below it the
 * ones later imports replaced (replaced_indicator_values, each with the run that brought it).
 * Undoing run R takes R's value out of every stack it is in:
 * - where R's value was itself replaced by a later run L, the record of R's value goes and the
 *   value R had replaced (if any) now counts as replaced by L;
 * - where R's value is current, it goes and the value it replaced comes back, unless the run
 *   that brought that one was undone meanwhile.
 */
async function undoIndicatorValues(trx: Kysely<Database>, runId: number) {
  await sql`
    UPDATE replaced_indicator_values below SET replaced_by_run_id = above.replaced_by_run_id
    FROM replaced_indicator_values above
    WHERE above.original_run_id = ${runId}::bigint AND below.replaced_by_run_id = ${runId}::bigint
      AND below.area_level = above.area_level AND below.area_code = above.area_code
      AND below.indicator_code = above.indicator_code AND below.period = above.period`.execute(trx);
  await trx.deleteFrom('replaced_indicator_values').where('original_run_id', '=', runId).execute();
  const removed = await trx.deleteFrom('indicator_values').where('import_run_id', '=', runId).executeTakeFirst();
  const restored = await sql`
    INSERT INTO indicator_values (area_level, area_code, indicator_code, period, value, unit, source, is_estimate, is_demo, import_run_id)
    SELECT rv.area_level, rv.area_code, rv.indicator_code, rv.period, rv.value, rv.unit, rv.source, rv.is_estimate, rv.is_demo, rv.original_run_id
    FROM replaced_indicator_values rv
    LEFT JOIN import_runs o ON o.id = rv.original_run_id
    WHERE rv.replaced_by_run_id = ${runId}::bigint AND (rv.original_run_id IS NULL OR o.undone_at IS NULL)
    ORDER BY rv.id`.execute(trx);
  await trx.deleteFrom('replaced_indicator_values').where('replaced_by_run_id', '=', runId).execute();
  return { removed: Number(removed.numDeletedRows), restored: Number(restored.numAffectedRows ?? 0) };
}
