import { describe, expect, it } from 'vitest';
import { feasibleInterval } from '@/lib/analysis/suppression-audit';
import {
  cellId,
  hierarchyTable,
  suppressionNoteText,
  suppressTable,
  timeSeriesTable,
  twoWayTable,
  type CountTable,
} from '@/lib/analysis/suppression';

const hiddenIds = (result: ReturnType<typeof suppressTable>) =>
  Object.entries(result.values)
    .filter(([, v]) => v.suppressed !== null)
    .map(([id]) => id)
    .sort();

describe('primary suppression', () => {
  it('hides counts of 1–4, shows 0 and counts of 5 or more', () => {
    const table: CountTable = { cells: [0, 1, 4, 5, 9].map((value, i) => ({ id: `c${i}`, value })), constraints: [] };
    const result = suppressTable(table);
    expect(result.values).toEqual({
      c0: { value: 0, suppressed: null },
      c1: { value: null, suppressed: 'primary' },
      c2: { value: null, suppressed: 'primary' },
      c3: { value: 5, suppressed: null },
      c4: { value: 9, suppressed: null },
    });
    expect(result.note).toEqual({ threshold: 5, primary: 2, secondary: 0 });
  });

  it('takes another threshold', () => {
    const table: CountTable = {
      cells: [
        { id: 'a', value: 9 },
        { id: 'b', value: 10 },
      ],
      constraints: [],
    };
    expect(suppressTable(table, { threshold: 10 }).values.a!.suppressed).toBe('primary');
    expect(suppressTable(table, { threshold: 10 }).values.b!.suppressed).toBeNull();
  });
});

describe('secondary suppression', () => {
  it('(a) hides the smallest positive sibling when one neighbourhood of a municipality is hidden', () => {
    // M = 42 = n1 3 + n2 12 + n3 7 + n4 20 + n5 0. Published M − (12 + 7 + 20 + 0) would give n1 = 3,
    // so one more part goes: the smallest positive one shown, n3 = 7 (not the 0, not M).
    // Then n1 + n3 = 10 → n1 ∈ [0, 10].
    const table = hierarchyTable([
      { id: 'M', parent: null },
      { id: 'n1', parent: 'M', value: 3 },
      { id: 'n2', parent: 'M', value: 12 },
      { id: 'n3', parent: 'M', value: 7 },
      { id: 'n4', parent: 'M', value: 20 },
      { id: 'n5', parent: 'M', value: 0 },
    ]);
    const result = suppressTable(table);
    expect(result.values.n1).toEqual({ value: null, suppressed: 'primary' });
    expect(result.values.n3).toEqual({ value: null, suppressed: 'secondary' });
    expect(hiddenIds(result)).toEqual(['n1', 'n3']);
    const interval = feasibleInterval(table, new Set(['n1', 'n3']), 'n1');
    expect([interval.min, interval.max]).toEqual([0, 10]);
  });

  it('(a) protects a municipality total that equals its single neighbourhood against the region total', () => {
    // R = M1 + M2 + M3; M1 = n = 2: both primary, and the relation M1 = n has its two cells
    // hidden. But R − M2 − M3 would give M1: a second municipality goes (M2 = 6, the smaller
    // of 6 and 14), and then M2 = x would give it back, so x goes too.
    const table = hierarchyTable([
      { id: 'R', parent: null },
      { id: 'M1', parent: 'R' },
      { id: 'M2', parent: 'R' },
      { id: 'M3', parent: 'R' },
      { id: 'n', parent: 'M1', value: 2 },
      { id: 'x', parent: 'M2', value: 6 },
      { id: 'y', parent: 'M3', value: 5 },
      { id: 'z', parent: 'M3', value: 9 },
    ]);
    const result = suppressTable(table);
    expect(hiddenIds(result)).toEqual(['M1', 'M2', 'n', 'x']);
    expect(result.note).toMatchObject({ primary: 2, secondary: 2 });
    expect(result.values.x!.suppressed).toBe('secondary');
  });

  it('(b) protects a cell that the row-and-column rule misses: a bridge between two hidden cycles', () => {
    /*
     *        c1  c2  c3  c4
     *   r1    1   2  10  10       hidden by the primary rule: every cell of 1–4.
     *   r2    3   4   2  10       Each row and column with hidden cells has ≥ 2 of them, yet
     *   r3   10  10   1   3       r2c3 = (r1 rest) + (r2 rest) − (c1 rest) − (c2 rest)
     *   r4   10  10   4   2            = 3 + 9 − 4 − 6 = 2   (each "rest" = total − published)
     * r2c3 links the cycle r1/r2 × c1/c2 to the cycle r3/r4 × c3/c4 without lying on a cycle.
     */
    const grid: Record<string, number[]> = {
      r1: [1, 2, 10, 10],
      r2: [3, 4, 2, 10],
      r3: [10, 10, 1, 3],
      r4: [10, 10, 4, 2],
    };
    const table = twoWayTable(
      ['r1', 'r2', 'r3', 'r4'],
      ['c1', 'c2', 'c3', 'c4'],
      (r, c) => grid[r]![Number(c.slice(1)) - 1]!,
    );
    const primaries = table.cells.filter((cell) => cell.value >= 1 && cell.value <= 4).map((cell) => cell.id);
    expect(feasibleInterval(table, new Set(primaries), cellId('r2', 'c3'))).toMatchObject({ min: 2, max: 2 });

    const result = suppressTable(table);
    const hidden = new Set(hiddenIds(result));
    expect(result.note.secondary).toBeGreaterThan(0);
    for (const id of primaries) {
      const interval = feasibleInterval(table, hidden, id);
      expect(interval.max - interval.min, id).toBeGreaterThanOrEqual(1);
    }
  });

  it('(c) protects a month against the difference of two overlapping 12-month windows', () => {
    // W1 = m1…m12, W2 = m2…m13; m13 = 2. W2 − W1 = m13 − m1, and m1 = 8 is published:
    // m13 = W2 − W1 + m1 unless more is hidden.
    const months = [8, 6, 7, 9, 5, 12, 6, 7, 8, 10, 11, 9, 2].map((value, i) => ({ id: `m${i + 1}`, value }));
    const ids = months.map((m) => m.id);
    const table = timeSeriesTable(months, [
      { id: 'W1', periods: ids.slice(0, 12) },
      { id: 'W2', periods: ids.slice(1, 13) },
    ]);
    const result = suppressTable(table);
    const hidden = new Set(hiddenIds(result));
    expect(result.values.m13!.suppressed).toBe('primary');
    const interval = feasibleInterval(table, hidden, 'm13');
    expect(interval.max - interval.min).toBeGreaterThanOrEqual(1);
    // W2 gets a second hidden month (m5 = 5, the smallest); W1 then has m5 alone, and gets m1 or another.
    expect(hidden.has('m5')).toBe(true);
    expect([...hidden].filter((id) => ids.slice(0, 12).includes(id)).length).toBeGreaterThanOrEqual(2);
  });

  it('never picks a kept cell, and says so when nothing else can protect', () => {
    const table = hierarchyTable([
      { id: 'T', parent: null },
      { id: 'a', parent: 'T', value: 2 },
      { id: 'b', parent: 'T', value: 30 },
    ]);
    expect(hiddenIds(suppressTable(table, { keep: ['b'] }))).toEqual(['T', 'a']);
    expect(() => suppressTable(table, { keep: ['b', 'T'] })).toThrow(/cannot be protected/);
  });

  it('leaves a table without small counts alone', () => {
    const table = twoWayTable(['r1', 'r2'], ['c1', 'c2'], (r, c) => (r === 'r1' && c === 'c1' ? 0 : 7));
    expect(suppressTable(table).note).toEqual({ threshold: 5, primary: 0, secondary: 0 });
  });

  it('rejects tables whose totals do not add up, or that hold non-counts', () => {
    expect(() =>
      suppressTable({
        cells: [
          { id: 'T', value: 5 },
          { id: 'a', value: 3 },
        ],
        constraints: [{ total: 'T', parts: ['a'] }],
      }),
    ).toThrow(/T = 5 but its parts add up to 3/);
    expect(() => suppressTable({ cells: [{ id: 'a', value: 2.5 }], constraints: [] })).toThrow(RangeError);
  });

  it('writes a note in Dutch and English that does not say which cells are primary', () => {
    const note = { threshold: 5, primary: 2, secondary: 3 };
    expect(suppressionNoteText(note, 'nl')).toBe(
      '5 cijfer(s) afgeschermd: aantallen van 1 tot 4, en cijfers waaruit die terug te rekenen zouden zijn.',
    );
    expect(suppressionNoteText(note, 'en')).toContain('5 figure(s) hidden');
  });
});
