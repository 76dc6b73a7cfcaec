import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleInterval } from '@/lib/analysis/suppression-audit';
import {
  hierarchyTable,
  suppressTable,
  timeSeriesTable,
  twoWayTable,
  type CountTable,
  type SumConstraint,
  type SuppressionResult,
} from '@/lib/analysis/suppression';

/*
 * The attacker: given what a suppressed table publishes (values of shown cells, which cells
 * sum to which), try to work out a hidden count of 1–4 exactly. Four attacks, from crude to
 * complete, on random tables of the three shapes the app publishes:
 *  1. one relation: total − Σ published parts (parent minus children, period total minus
 *     published months, a row or column total minus its shown cells);
 *  2. two relations added or subtracted (row minus column, adjacent or overlapping periods,
 *     municipality minus neighbourhoods where the municipality is itself a region's part);
 *  3. every linear combination at once: Gaussian elimination on the relations restricted to
 *     hidden cells; a cell is determined exactly when its unit vector is in their row space;
 *  4. bounds: the feasible interval of each primary cell (linear programmes) must be ≥ 1 wide,
 *     and the two assignments returned at its ends are checked here, independently, to satisfy
 *     every published relation with counts ≥ 0 while giving the cell another value.
 */

type Equation = Map<string, number>; // hidden cell → coefficient; key '' holds the constant

function equationsOf(table: CountTable, result: SuppressionResult): Equation[] {
  return table.constraints.map((constraint: SumConstraint) => {
    const equation: Equation = new Map([['', 0]]);
    const add = (id: string, sign: number) => {
      const shown = result.values[id]!.value;
      if (shown === null) equation.set(id, (equation.get(id) ?? 0) + sign);
      else equation.set('', equation.get('')! + sign * shown);
    };
    constraint.parts.forEach((part) => add(part, 1));
    add(constraint.total, -1);
    return equation; // Σ coefficient·hidden + constant = 0
  });
}

const hiddenTerms = (equation: Equation) => [...equation].filter(([id, c]) => id !== '' && Math.abs(c) > 1e-9);

/** Attacks 1 and 2: one relation, or two added or subtracted, leaving a single unknown. */
function simpleAttacks(equations: Equation[]): Set<string> {
  const recovered = new Set<string>();
  const tryEquation = (equation: Equation) => {
    const terms = hiddenTerms(equation);
    if (terms.length === 1) recovered.add(terms[0]![0]);
  };
  equations.forEach(tryEquation);
  for (let i = 0; i < equations.length; i++) {
    for (let j = i + 1; j < equations.length; j++) {
      for (const sign of [1, -1]) {
        const combined: Equation = new Map(equations[i]);
        for (const [id, c] of equations[j]!) combined.set(id, (combined.get(id) ?? 0) + sign * c);
        tryEquation(combined);
      }
    }
  }
  return recovered;
}

/** Attack 3: cells fixed by some linear combination of all relations (reduced row echelon form). */
function linearAttack(equations: Equation[], hidden: string[]): Set<string> {
  const rows = equations.map((equation) => hidden.map((id) => equation.get(id) ?? 0));
  let pivotRow = 0;
  for (let column = 0; column < hidden.length && pivotRow < rows.length; column++) {
    const best = rows
      .slice(pivotRow)
      .reduce((b, row, k) => (Math.abs(row[column]!) > Math.abs(rows[b]![column]!) ? k + pivotRow : b), pivotRow);
    if (Math.abs(rows[best]![column]!) < 1e-9) continue;
    [rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]![column]!;
    rows[pivotRow] = rows[pivotRow]!.map((v) => v / pivot);
    for (let r = 0; r < rows.length; r++) {
      if (r === pivotRow) continue;
      const factor = rows[r]![column]!;
      if (factor !== 0) rows[r] = rows[r]!.map((v, k) => v - factor * rows[pivotRow]![k]!);
    }
    pivotRow++;
  }
  const determined = new Set<string>();
  for (const row of rows) {
    const nonZero = row.map((v, k) => [v, k] as const).filter(([v]) => Math.abs(v) > 1e-9);
    if (nonZero.length === 1) determined.add(hidden[nonZero[0]![1]]!);
  }
  return determined;
}

/** Attack 4 and its independent check of the two witnesses. */
function boundsAttack(table: CountTable, result: SuppressionResult, primary: string[]): string[] {
  const truth = new Map(table.cells.map((cell) => [cell.id, cell.value]));
  const hidden = new Set(Object.keys(result.values).filter((id) => result.values[id]!.value === null));
  const narrow: string[] = [];
  for (const cell of primary) {
    const interval = feasibleInterval(table, hidden, cell);
    const alternatives = [interval.atMin, interval.atMax].filter((witness) => {
      const value = (id: string) => (interval.variables.includes(id) ? (witness[id] ?? 0) : truth.get(id)!);
      const consistent =
        table.constraints.every((c) => Math.abs(c.parts.reduce((s, p) => s + value(p), 0) - value(c.total)) < 1e-6) &&
        interval.variables.every((id) => value(id) >= -1e-9) &&
        table.cells.every((c) => hidden.has(c.id) || value(c.id) === c.value);
      return consistent && Math.abs(value(cell) - truth.get(cell)!) >= 1 - 1e-6;
    });
    if (interval.max - interval.min < 1 - 1e-6 || alternatives.length === 0) narrow.push(cell);
  }
  return narrow;
}

function attackAll(table: CountTable) {
  const result = suppressTable(table);
  const primary = Object.keys(result.values).filter((id) => result.values[id]!.suppressed === 'primary');
  const hidden = Object.keys(result.values).filter((id) => result.values[id]!.value === null);
  const equations = equationsOf(table, result);
  const lonelyRelations = equations.filter((e) => hiddenTerms(e).length === 1).length;
  return {
    primary,
    lonelyRelations,
    simple: primary.filter((id) => simpleAttacks(equations).has(id)),
    linear: primary.filter((id) => linearAttack(equations, hidden).has(id)),
    bounds: boundsAttack(table, result, primary),
  };
}

// Counts as they come in sparse signal tables: many zeros and small counts, some larger.
const count = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
);

const twoWay = fc
  .record({ rows: fc.integer({ min: 2, max: 5 }), columns: fc.integer({ min: 2, max: 4 }) })
  .chain(({ rows, columns }) =>
    fc.array(count, { minLength: rows * columns, maxLength: rows * columns }).map((values) => {
      const rowIds = Array.from({ length: rows }, (_, i) => `n${i}`);
      const columnIds = Array.from({ length: columns }, (_, i) => `cat${i}`);
      return twoWayTable(rowIds, columnIds, (r, c) => values[rowIds.indexOf(r) * columns + columnIds.indexOf(c)]!);
    }),
  );

const hierarchy = fc
  .array(fc.array(count, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 4 })
  .map((municipalities) =>
    hierarchyTable([
      { id: 'region', parent: null },
      ...municipalities.flatMap((neighbourhoods, m) => [
        { id: `m${m}`, parent: 'region' },
        ...neighbourhoods.map((value, n) => ({ id: `m${m}n${n}`, parent: `m${m}`, value })),
      ]),
    ]),
  );

const MONTHS = Array.from({ length: 13 }, (_, i) => `month${i + 1}`);
const timeSeries = fc.array(count, { minLength: 13, maxLength: 13 }).map((values) =>
  timeSeriesTable(
    values.map((value, i) => ({ id: MONTHS[i]!, value })),
    [
      { id: 'year', periods: MONTHS.slice(0, 12) },
      { id: 'sliding-year', periods: MONTHS.slice(1, 13) },
      ...[0, 1, 2, 3].map((q) => ({ id: `Q${q + 1}`, periods: MONTHS.slice(q * 3, q * 3 + 3) })),
    ],
  ),
);

/**
 * What the map and its tables publish together: neighbourhood × category, with neighbourhood
 * totals, municipality × category and municipality totals, and the region per category and
 * overall. Neighbourhoods nest in municipalities, so the two-way tables are linked.
 */
const nested = fc
  .array(fc.array(fc.array(count, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 3 }), {
    minLength: 2,
    maxLength: 3,
  })
  .map((municipalities): CountTable => {
    const categories = ['cat0', 'cat1', 'cat2'];
    const cells = new Map<string, number>();
    const constraints: SumConstraint[] = [];
    const add = (id: string, value: number) => cells.set(id, (cells.get(id) ?? 0) + value);
    const relate = (total: string, parts: string[]) => constraints.push({ total, parts });
    municipalities.forEach((neighbourhoods, m) => {
      const municipality = `m${m}`;
      neighbourhoods.forEach((row, n) => {
        const neighbourhood = `${municipality}n${n}`;
        row.forEach((value, c) => {
          add(`${neighbourhood}|${categories[c]}`, value);
          add(`${neighbourhood}|*`, value);
          add(`${municipality}|${categories[c]}`, value);
          add(`${municipality}|*`, value);
          add(`region|${categories[c]}`, value);
          add('region|*', value);
        });
        relate(
          `${neighbourhood}|*`,
          categories.map((c) => `${neighbourhood}|${c}`),
        );
      });
      const names = neighbourhoods.map((_, n) => `${municipality}n${n}`);
      for (const c of categories)
        relate(
          `${municipality}|${c}`,
          names.map((n) => `${n}|${c}`),
        );
      relate(
        `${municipality}|*`,
        categories.map((c) => `${municipality}|${c}`),
      );
      relate(
        `${municipality}|*`,
        names.map((n) => `${n}|*`),
      );
    });
    const names = municipalities.map((_, m) => `m${m}`);
    for (const c of categories)
      relate(
        `region|${c}`,
        names.map((m) => `${m}|${c}`),
      );
    relate(
      'region|*',
      categories.map((c) => `region|${c}`),
    );
    relate(
      'region|*',
      names.map((m) => `${m}|*`),
    );
    return { cells: [...cells].map(([id, value]) => ({ id, value })), constraints };
  });

const SETTINGS = { numRuns: 120, seed: 20_251_123 };

describe('attacks on suppressed tables find nothing', () => {
  for (const [shape, tables] of [
    ['neighbourhood × category with margins', twoWay],
    ['region › municipality › neighbourhood', hierarchy],
    ['months, a year, a sliding year and quarters', timeSeries],
    ['neighbourhood × category nested in municipality × category and the region', nested],
  ] as const) {
    it(
      shape,
      () => {
        let primaryCells = 0;
        fc.assert(
          fc.property(tables, (table) => {
            const outcome = attackAll(table);
            primaryCells += outcome.primary.length;
            expect(outcome.lonelyRelations).toBe(0);
            expect(outcome.simple).toEqual([]);
            expect(outcome.linear).toEqual([]);
            expect(outcome.bounds).toEqual([]);
          }),
          SETTINGS,
        );
        // The attacks had something to attack.
        expect(primaryCells).toBeGreaterThan(100);
      },
      60_000,
    );
  }

  it('the attacks do find the counts when only primary suppression is applied', () => {
    // Guards the attacks themselves: with secondary suppression switched off they must succeed.
    const table = hierarchyTable([
      { id: 'T', parent: null },
      { id: 'a', parent: 'T', value: 3 },
      { id: 'b', parent: 'T', value: 9 },
    ]);
    const primaryOnly: SuppressionResult = {
      values: {
        T: { value: 12, suppressed: null },
        a: { value: null, suppressed: 'primary' },
        b: { value: 9, suppressed: null },
      },
      note: { threshold: 5, primary: 1, secondary: 0 },
    };
    const equations = equationsOf(table, primaryOnly);
    expect([...simpleAttacks(equations)]).toEqual(['a']);
    expect([...linearAttack(equations, ['a'])]).toEqual(['a']);
    expect(boundsAttack(table, primaryOnly, ['a'])).toEqual(['a']);
  });
});
