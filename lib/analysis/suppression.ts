import {
  findExposedCells,
  linkedRelations,
  type CountCell,
  type CountTable,
  type SumConstraint,
} from './suppression-audit';

export type { CountCell, CountTable, SumConstraint } from './suppression-audit';

/**
 * Small-number suppression of count tables: nothing published lets anyone learn a count of
 * 1 to 4 people, not directly and not by subtracting published figures.
 *
 * Primary suppression: a count c with 1 ≤ c < threshold (5 by default, configurable) is hidden.
 * A 0 is shown, as Statbel and Eurostat do: "nobody" reveals nobody, and hiding zeros would
 * hide most of a sparse table for no protection.
 *
 * Secondary suppression: a table is cells plus sum relations (`total = Σ parts`): a
 * municipality and its neighbourhoods, a category total and its categories, the rows and
 * columns of a two-way table with their margins, a 12-month total and its months, overlapping
 * windows. Everything published together must be one table, or the relations between its
 * parts are not seen. Then, until nothing changes:
 *  1. every relation with exactly one hidden cell gets a second one (else total − published
 *     parts gives it away): the smallest positive part still shown, then a zero part, and only
 *     then the total;
 *  2. an audit computes, for each primary cell, the interval of values it could take given
 *     all published cells, all relations and non-negativity (two linear programmes, see
 *     `suppression-audit.ts`). A cell whose interval is narrower than `minIntervalWidth` (1 by
 *     default: at least two possible counts) is still recoverable (e.g. a "bridge" between two
 *     cycles of hidden cells in a two-way table, which step 1 does not see), and one more cell
 *     of one of its relations is hidden.
 * The result marks each cell `primary`, `secondary` or null. Publish both kinds the same way
 * (empty or "x", with the note): telling which hidden cells are primary would tell a reader
 * that they hold 1–4 people, and the audit does not assume that knowledge.
 */

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
/** Candidates tried, cheapest first, for one exposed cell before simply taking the cheapest. */
const MAX_TRIALS = 12;

export type SuppressionReason = 'primary' | 'secondary';

export interface SuppressedValue {
  value: number | null;
  suppressed: SuppressionReason | null;
}

export interface SuppressionNote {
  threshold: number;
  primary: number;
  secondary: number;
}

export interface SuppressionResult {
  values: Record<string, SuppressedValue>;
  note: SuppressionNote;
}

export interface SuppressionOptions {
  /** Counts from 1 up to threshold − 1 are hidden. */
  threshold?: number;
  /** Cells never chosen as secondary (e.g. a grand total already published elsewhere). */
  keep?: readonly string[];
  /** How wide the feasible interval of a primary cell must stay; 1 = at least two possible counts. */
  minIntervalWidth?: number;
  /**
   * Cells that are part of the table only for their relations and are never published (e.g.
   * the months under a published window): hidden from the start. Small ones among them are
   * protected like any primary cell; the note does not count them.
   */
  unpublished?: readonly string[];
}

export class SuppressionError extends Error {
  override name = 'SuppressionError';
}

export function suppressTable(table: CountTable, options: SuppressionOptions = {}): SuppressionResult {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 2)
    throw new RangeError('suppressTable: threshold must be an integer ≥ 2');
  const minWidth = options.minIntervalWidth ?? 1;
  const values = validateTable(table);
  const keep = new Set(options.keep ?? []);

  const primary = table.cells.filter((cell) => cell.value >= 1 && cell.value < threshold).map((cell) => cell.id);
  const unpublished = new Set(options.unpublished ?? []);
  const hidden = new Set([...primary, ...unpublished]);
  const membersOf = (constraint: SumConstraint) => [constraint.total, ...constraint.parts];
  const relationsOf = new Map<string, SumConstraint[]>();
  for (const constraint of table.constraints) {
    for (const id of membersOf(constraint)) relationsOf.set(id, [...(relationsOf.get(id) ?? []), constraint]);
  }

  // Cheapest cell of a relation to hide next: parts before totals, positive counts before
  // zeros (a hidden zero only protects in one direction), then the smallest count.
  const ordered = (constraint: SumConstraint): string[] => {
    const rank = (id: string) => (id === constraint.total ? 2 : values.get(id) === 0 ? 1 : 0);
    const options = membersOf(constraint).filter((id) => !hidden.has(id) && !keep.has(id));
    return options.sort((a, b) => rank(a) - rank(b) || values.get(a)! - values.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  };
  const candidate = (constraint: SumConstraint): string | null => ordered(constraint)[0] ?? null;
  // Cells that could protect `cell`: first those of its own relations, then of the relations
  // that link it to other hidden cells (a combination of those is what gave it away).
  const candidatesAround = (cell: string): string[] => {
    const own = relationsOf.get(cell) ?? [];
    const linkedToo = linkedRelations(table, hidden, cell).filter((constraint) => !own.includes(constraint));
    return [...new Set([...own, ...linkedToo].flatMap(ordered))];
  };

  for (let round = 0; ; round++) {
    if (round > table.cells.length) throw new SuppressionError('suppressTable: no progress');
    // Step 1: no relation may have exactly one hidden cell.
    for (let changed = true; changed;) {
      changed = false;
      for (const constraint of table.constraints) {
        if (membersOf(constraint).filter((id) => hidden.has(id)).length !== 1) continue;
        const next = candidate(constraint);
        if (next) {
          hidden.add(next);
          changed = true;
        }
      }
    }
    // Step 2: the audit, on primary cells only (a recoverable count of 5 or more is no secret).
    const exposed = findExposedCells(table, hidden, primary, minWidth);
    if (exposed.length === 0) break;
    for (const cell of exposed) {
      // An earlier pick this round may already have protected this cell.
      if (findExposedCells(table, hidden, [cell], minWidth).length === 0) continue;
      const options = candidatesAround(cell);
      if (options.length === 0)
        throw new SuppressionError(
          `suppressTable: cell ${cell} cannot be protected (every related cell is hidden or kept)`,
        );
      // The cheapest candidate that protects the cell on its own; else the cheapest, and go on.
      const pick = options
        .slice(0, MAX_TRIALS)
        .find((id) => findExposedCells(table, new Set([...hidden, id]), [cell], minWidth).length === 0);
      hidden.add(pick ?? options[0]!);
    }
  }

  const primarySet = new Set(primary);
  const result: Record<string, SuppressedValue> = {};
  for (const cell of table.cells) {
    const reason: SuppressionReason | null = primarySet.has(cell.id)
      ? 'primary'
      : hidden.has(cell.id)
        ? 'secondary'
        : null;
    result[cell.id] = { value: reason ? null : cell.value, suppressed: reason };
  }
  const shownPrimary = primary.filter((id) => !unpublished.has(id)).length;
  const secondary = [...hidden].filter((id) => !primarySet.has(id) && !unpublished.has(id)).length;
  return { values: result, note: { threshold, primary: shownPrimary, secondary } };
}

/** Unique ids, non-negative integer counts, known ids in relations, totals that add up. */
function validateTable(table: CountTable): Map<string, number> {
  const values = new Map<string, number>();
  for (const cell of table.cells) {
    if (values.has(cell.id)) throw new RangeError(`suppressTable: duplicate cell ${cell.id}`);
    if (!Number.isInteger(cell.value) || cell.value < 0)
      throw new RangeError(`suppressTable: cell ${cell.id} must be a count ≥ 0`);
    values.set(cell.id, cell.value);
  }
  for (const constraint of table.constraints) {
    for (const id of [constraint.total, ...constraint.parts]) {
      if (!values.has(id)) throw new RangeError(`suppressTable: relation refers to unknown cell ${id}`);
    }
    const sum = constraint.parts.reduce((total, id) => total + values.get(id)!, 0);
    if (sum !== values.get(constraint.total)) {
      throw new RangeError(
        `suppressTable: ${constraint.total} = ${values.get(constraint.total)} but its parts add up to ${sum}`,
      );
    }
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Table builders for the three shapes the app publishes.

export const TOTAL = '*';
/** Id of a cell of a two-way table; `TOTAL` for a margin. */
export const cellId = (row: string, column: string) => `${row}|${column}`;

/**
 * A two-way table (e.g. neighbourhood × category) with row totals, column totals and the grand
 * total, all derived from the inner cells.
 */
export function twoWayTable(
  rows: readonly string[],
  columns: readonly string[],
  count: (row: string, column: string) => number,
): CountTable {
  const cells: CountCell[] = [];
  const constraints: SumConstraint[] = [];
  const columnSums = columns.map(() => 0);
  for (const row of rows) {
    let rowSum = 0;
    columns.forEach((column, index) => {
      const value = count(row, column);
      cells.push({ id: cellId(row, column), value });
      rowSum += value;
      columnSums[index]! += value;
    });
    cells.push({ id: cellId(row, TOTAL), value: rowSum });
    constraints.push({ total: cellId(row, TOTAL), parts: columns.map((column) => cellId(row, column)) });
  }
  columns.forEach((column, index) => {
    cells.push({ id: cellId(TOTAL, column), value: columnSums[index]! });
    constraints.push({ total: cellId(TOTAL, column), parts: rows.map((row) => cellId(row, column)) });
  });
  const grand = columnSums.reduce((sum, value) => sum + value, 0);
  cells.push({ id: cellId(TOTAL, TOTAL), value: grand });
  constraints.push({ total: cellId(TOTAL, TOTAL), parts: rows.map((row) => cellId(row, TOTAL)) });
  constraints.push({ total: cellId(TOTAL, TOTAL), parts: columns.map((column) => cellId(TOTAL, column)) });
  return { cells, constraints };
}

/**
 * A hierarchy (region → municipalities → neighbourhoods): leaves carry counts, every other
 * node is the sum of its children.
 */
export function hierarchyTable(nodes: readonly { id: string; parent: string | null; value?: number }[]): CountTable {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parent !== null) children.set(node.parent, [...(children.get(node.parent) ?? []), node.id]);
  }
  const given = new Map(nodes.map((node) => [node.id, node.value]));
  const valueOf = (id: string): number => {
    const parts = children.get(id);
    if (!parts) return given.get(id) ?? 0;
    return parts.reduce((sum, part) => sum + valueOf(part), 0);
  };
  return {
    cells: nodes.map((node) => ({ id: node.id, value: valueOf(node.id) })),
    constraints: [...children].map(([total, parts]) => ({ total, parts })),
  };
}

/**
 * A time series: counts per period (e.g. month) and totals over windows of periods (a year, a
 * sliding 12 months, a quarter). Overlapping windows are what makes "this window minus that
 * one" an attack; each window is a relation, so the audit sees it.
 */
export function timeSeriesTable(
  periods: readonly { id: string; value: number }[],
  windows: readonly { id: string; periods: readonly string[] }[],
): CountTable {
  const values = new Map(periods.map((period) => [period.id, period.value]));
  return {
    cells: [
      ...periods,
      ...windows.map((window) => ({
        id: window.id,
        value: window.periods.reduce((sum, id) => sum + (values.get(id) ?? 0), 0),
      })),
    ],
    constraints: windows.map((window) => ({ total: window.id, parts: window.periods })),
  };
}

/** One sentence for an export or a footnote. */
export function suppressionNoteText(note: SuppressionNote, locale: 'nl' | 'en'): string {
  const hiddenCount = note.primary + note.secondary;
  if (locale === 'nl') {
    return hiddenCount === 0
      ? `Geen cijfers afgeschermd (aantallen van 1 tot ${note.threshold - 1} zouden afgeschermd worden).`
      : `${hiddenCount} cijfer(s) afgeschermd: aantallen van 1 tot ${note.threshold - 1}, en cijfers waaruit die terug te rekenen zouden zijn.`;
  }
  return hiddenCount === 0
    ? `No figures hidden (counts from 1 to ${note.threshold - 1} would be).`
    : `${hiddenCount} figure(s) hidden: counts from 1 to ${note.threshold - 1}, and figures from which such a count could be worked out.`;
}
