import type { ImportRunSummary } from '@/db/queries/imports/import-runs';
import type { ImportPlan } from '@/lib/imports/dry-run';

/** How many valid rows (or rolled-up values) the report shows as a preview of what was read. */
const SAMPLE_ROWS = 5;

/** A plan as the API answers it: the row-level report and a preview, never all the rows. */
export function planReport(plan: ImportPlan) {
  return {
    ok: plan.ok,
    layer: plan.layer,
    fileName: plan.fileName,
    detected: plan.detected,
    summary: { ...plan.summary, valuesRolledUp: plan.rolledUp?.length ?? null },
    errors: plan.errors,
    warnings: plan.warnings,
    sample: plan.rolledUp ? plan.rolledUp.slice(0, SAMPLE_ROWS) : plan.rows.slice(0, SAMPLE_ROWS),
  };
}
export type PlanReport = ReturnType<typeof planReport>;

/** One line saying why nothing can be imported, for `{ error }`. */
export function refusalMessage(plan: ImportPlan): string {
  const { errorCount, rowsWithErrors } = plan.summary;
  if (errorCount === 0) return 'The file has no rows that can be imported; nothing was imported';
  const rows = rowsWithErrors > 0 ? ` in ${rowsWithErrors} row(s)` : '';
  return `The file has ${errorCount} problem(s)${rows}; fix them and try again. Nothing was imported`;
}

/** An import run as the API answers it: dates as ISO strings. */
export function runJson(run: ImportRunSummary) {
  return { ...run, createdAt: run.createdAt.toISOString(), undoneAt: run.undoneAt?.toISOString() ?? null };
}
export type ImportRunJson = ReturnType<typeof runJson>;
