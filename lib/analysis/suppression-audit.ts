import { solve, type Constraint } from 'yalps';

/**
 * The attacker's view of a table with hidden cells: what values can a hidden cell take, given
 * every published cell, every published sum relation, and that counts are never negative?
 *
 * The answer is an interval [min, max], found with two linear programmes per cell (maximise and
 * minimise the cell subject to the relations with the published values filled in, all hidden
 * cells ≥ 0). This is the "audit" of statistical disclosure control (τ-ARGUS does the same).
 * If min = max the cell is recovered exactly, whatever clever combination of sums is used:
 * parent minus children, row and column differences, adjacent periods are all special cases.
 * The attacker is not told why a cell is hidden (primary or secondary), so no other bound.
 *
 * Hidden cells only interact through relations that contain hidden cells; the linear
 * programmes are solved per connected group of them, which keeps each one small.
 */

export interface CountCell {
  id: string;
  value: number;
}
/** `total` = Σ `parts`. */
export interface SumConstraint {
  total: string;
  parts: readonly string[];
}
export interface CountTable {
  cells: readonly CountCell[];
  constraints: readonly SumConstraint[];
}

export interface FeasibleInterval {
  min: number;
  max: number;
  /**
   * Feasible assignments of the hidden cells (missing ids are 0) at the minimum and at the
   * maximum; when the maximum is unbounded, `atMax` has the cell `UNBOUNDED_WITNESS_STEP`
   * above its true value, so a caller can still check a concrete alternative.
   */
  atMin: Record<string, number>;
  atMax: Record<string, number>;
  /** The hidden cells the assignments cover: those linked to this one through relations. */
  variables: string[];
}

export const UNBOUNDED_WITNESS_STEP = 1_000;

/** The exact feasible interval of one hidden cell: two linear programmes. */
export function feasibleInterval(table: CountTable, hidden: ReadonlySet<string>, cell: string): FeasibleInterval {
  const system = componentSystem(table, hidden, cell);
  const atMin = optimise(system, cell, 'minimize');
  if (!atMin) throw new Error('feasibleInterval: a minimum is always bounded by 0');
  const atMax = optimise(system, cell, 'maximize');
  if (atMax) return { min: atMin[cell] ?? 0, max: atMax[cell] ?? 0, atMin, atMax, variables: system.variables };
  const value = table.cells.find((c) => c.id === cell)!.value;
  const capped = optimise(system, cell, 'maximize', value + UNBOUNDED_WITNESS_STEP)!;
  return { min: atMin[cell] ?? 0, max: Infinity, atMin, atMax: capped, variables: system.variables };
}

/**
 * The cells of `check` (hidden) whose feasible interval is narrower than `minWidth`. Solutions
 * found on the way are remembered: every one is a feasible assignment, so once a cell has been
 * seen at two values `minWidth` apart it is protected and needs no programme of its own.
 */
export function findExposedCells(
  table: CountTable,
  hidden: ReadonlySet<string>,
  check: readonly string[],
  minWidth: number,
): string[] {
  const values = new Map(table.cells.map((cell) => [cell.id, cell.value]));
  const seen = new Map<string, [number, number]>();
  const observe = (assignment: Record<string, number>, variables: readonly string[]) => {
    for (const id of variables) {
      const value = assignment[id] ?? 0;
      const range = seen.get(id) ?? [values.get(id)!, values.get(id)!];
      seen.set(id, [Math.min(range[0], value), Math.max(range[1], value)]);
    }
  };
  const wide = (id: string) => {
    const range = seen.get(id);
    return range !== undefined && range[1] - range[0] >= minWidth - 1e-6;
  };
  const systems = new Map<string, System>();
  const exposed: string[] = [];
  for (const cell of check) {
    if (!hidden.has(cell)) throw new Error(`findExposedCells: ${cell} is not hidden`);
    if (wide(cell)) continue;
    let system = systems.get(cell);
    if (!system) {
      system = componentSystem(table, hidden, cell);
      for (const id of system.variables) systems.set(id, system);
    }
    const atMax = optimise(system, cell, 'maximize');
    if (!atMax) continue; // unbounded above: protected
    observe(atMax, system.variables);
    if (wide(cell)) continue;
    const atMin = optimise(system, cell, 'minimize');
    if (atMin) observe(atMin, system.variables);
    if (!wide(cell)) exposed.push(cell);
  }
  return exposed;
}

interface System {
  variables: string[];
  /** Each relation: coefficients of hidden cells, and the published remainder they must equal. */
  equations: { coefficients: Map<string, number>; equals: number }[];
}

/**
 * The relations that tie hidden cell `start` to other hidden cells, nearest first (breadth
 * first): the relations the attacker can combine to narrow it down.
 */
export function linkedRelations(table: CountTable, hidden: ReadonlySet<string>, start: string): SumConstraint[] {
  return linked(table, hidden, start).relations;
}

/** The relations among the hidden cells connected to `start`, published values moved right. */
function componentSystem(table: CountTable, hidden: ReadonlySet<string>, start: string): System {
  const values = new Map(table.cells.map((cell) => [cell.id, cell.value]));
  const { variables, relations } = linked(table, hidden, start);
  const equations = relations.map((constraint) => {
    // Σ parts − total = 0, with every published cell moved to the right-hand side.
    const coefficients = new Map<string, number>();
    let equals = 0;
    const add = (id: string, sign: number) => {
      if (hidden.has(id)) coefficients.set(id, (coefficients.get(id) ?? 0) + sign);
      else equals -= sign * values.get(id)!;
    };
    for (const part of constraint.parts) add(part, 1);
    add(constraint.total, -1);
    return { coefficients, equals };
  });
  return { variables, equations };
}

function linked(table: CountTable, hidden: ReadonlySet<string>, start: string) {
  const relationsOf = new Map<string, SumConstraint[]>();
  for (const constraint of table.constraints) {
    for (const id of [constraint.total, ...constraint.parts]) {
      if (!hidden.has(id)) continue;
      const list = relationsOf.get(id);
      if (list) {
        if (!list.includes(constraint)) list.push(constraint);
      } else relationsOf.set(id, [constraint]);
    }
  }
  const variables = new Set<string>([start]);
  const relations = new Set<SumConstraint>();
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    for (const constraint of relationsOf.get(queue[next]!) ?? []) {
      if (relations.has(constraint)) continue;
      relations.add(constraint);
      for (const id of [constraint.total, ...constraint.parts]) {
        if (hidden.has(id) && !variables.has(id)) {
          variables.add(id);
          queue.push(id);
        }
      }
    }
  }
  return { variables: [...variables], relations: [...relations] };
}

const OBJECTIVE = '__objective';

/** The optimal assignment, or null when the objective is unbounded. */
function optimise(
  system: System,
  cell: string,
  direction: 'maximize' | 'minimize',
  cap?: number,
): Record<string, number> | null {
  const constraints = new Map<string, Constraint>(
    system.equations.map((equation, index) => [`r${index}`, { equal: equation.equals }]),
  );
  if (cap !== undefined) constraints.set(OBJECTIVE, { max: cap });
  const variables = new Map<string, Map<string, number>>(system.variables.map((id) => [id, new Map<string, number>()]));
  system.equations.forEach((equation, index) => {
    for (const [id, coefficient] of equation.coefficients) variables.get(id)!.set(`r${index}`, coefficient);
  });
  variables.get(cell)!.set(OBJECTIVE, 1);
  const solution = solve({ direction, objective: OBJECTIVE, constraints, variables });
  if (solution.status === 'unbounded') return null;
  if (solution.status !== 'optimal') throw new Error(`suppression audit: linear programme ended ${solution.status}`);
  return Object.fromEntries(solution.variables);
}
