import { type ImportPlan, MAX_LISTED_PROBLEMS, byRow } from './dry-run';
import type { ImportLayer } from './layers';
import { detail } from './problem-detail';
import { type ImportProblem, rowProblem } from './problems';

/**
 * The one check of a dry run that needs the real boundaries: every point must lie in a Flemish
 * neighbourhood, since each record is stored with its neighbourhood and municipality. The
 * Flanders box of the pure dry run lets through Brussels, parts of Wallonia and of the
 * Netherlands; the database finds those (db/queries/imports/area-lookup.ts) and this turns
 * them into row errors, so the report shows them like any other problem.
 *
 * `outsideRows` are row numbers (`ImportRow.row`) of points that lie in no neighbourhood.
 * Returns a new plan; the given one is not changed.
 */
export function withNeighbourhoodCheck<L extends ImportLayer>(
  plan: ImportPlan<L>,
  outsideRows: ReadonlySet<number>,
): ImportPlan<L> {
  if (outsideRows.size === 0) return plan;
  const field = coordinateField(plan);
  const added: ImportProblem[] = [];
  for (const row of plan.rows) {
    if (!outsideRows.has(row.row) || !('lon' in row)) continue;
    added.push(
      rowProblem(
        row.row,
        field,
        'outside_neighbourhoods',
        detail('outside_neighbourhoods', { lon: row.lon, lat: row.lat }),
      ),
    );
  }
  if (added.length === 0) return plan;
  const rows = plan.rows.filter((row) => !outsideRows.has(row.row));
  const errorCount = plan.summary.errorCount + added.length;
  return {
    ...plan,
    ok: errorCount === 0 && rows.length > 0,
    rows,
    errors: byRow([...plan.errors, ...added]).slice(0, MAX_LISTED_PROBLEMS),
    summary: {
      ...plan.summary,
      rowsValid: rows.length,
      rowsWithErrors: plan.summary.rowsWithErrors + added.length,
      errorCount,
    },
  };
}

/** The coordinate columns as the file names them, like the dry run's own coordinate errors. */
function coordinateField(plan: ImportPlan): string {
  if (plan.detected.format !== 'csv') return 'longitude/latitude';
  return `${plan.detected.columns.x ?? 'x'}/${plan.detected.columns.y ?? 'y'}`;
}
