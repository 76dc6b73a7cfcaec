import { describe, expect, it } from 'vitest';
import { ACTION_KINDS_0006, ACTION_STATUSES_0006 } from '@/db/migrations/2026_12_01_0006_actions';
import { ACTION_KINDS, ACTION_STATUSES, actionFormSchema, actionWindows, beforeAfter } from '@/lib/analysis/actions';
import { monthsBetween } from '@/lib/analysis/periods';
import { feasibleInterval } from '@/lib/analysis/suppression-audit';

const DATA = { first: '2024-11', last: '2026-10' };

describe('actions of a change plan', () => {
  it("keeps the migration's frozen lists equal to the domain's", () => {
    expect(ACTION_KINDS_0006).toEqual([...ACTION_KINDS]);
    expect(ACTION_STATUSES_0006).toEqual([...ACTION_STATUSES]);
  });

  it('validates the form and names the field that is wrong', () => {
    expect(
      actionFormSchema.safeParse({ kind: 'quick_win', title: 'Buurtbabbel', owner: 'OCMW', startDate: '2026-03-01' })
        .success,
    ).toBe(true);
    const bad = actionFormSchema.safeParse({ kind: 'soon', title: 'x', owner: '', startDate: '2026-02-30' });
    expect(bad.success).toBe(false);
    expect(new Set(bad.error!.issues.map((issue) => issue.path[0]))).toEqual(
      new Set(['kind', 'title', 'owner', 'startDate']),
    );
  });

  it('puts equal windows around the start month, shortened where the data begins', () => {
    expect(actionWindows('2026-03-15', DATA)).toEqual({
      before: monthsBetween('2025-09', '2026-02'),
      after: monthsBetween('2026-03', '2026-08'),
    });
    expect(actionWindows('2025-01-01', DATA)).toEqual({
      before: ['2024-11', '2024-12'],
      after: ['2025-01', '2025-02'],
    });
    expect(actionWindows('2024-11-05', DATA)).toBeNull();
    expect(actionWindows('2027-01-01', DATA)).toBeNull();
  });

  it('shows no windows until the months after the start are released: a growing window would give away the months it gained', () => {
    expect(actionWindows('2026-09-01', DATA)).toBeNull();
    expect(actionWindows('2026-05-01', DATA)).toEqual({
      before: monthsBetween('2025-11', '2026-04'),
      after: monthsBetween('2026-05', '2026-10'),
    });
    // Once they are there, a later release leaves the windows as they were.
    expect(actionWindows('2026-05-01', { ...DATA, last: '2026-12' })).toEqual(actionWindows('2026-05-01', DATA));
    expect(actionWindows('2025-01-01', { ...DATA, last: '2026-12' })).toEqual(actionWindows('2025-01-01', DATA));
  });

  it('shows before/after counts only when no small count can be worked out from them and the years', () => {
    const allMonths = monthsBetween(DATA.first, DATA.last);
    const monthCounts = Object.fromEntries(allMonths.map((month) => [month, 3]));
    // Two actions a month apart: their windows differ by single months of 3 signals.
    const actions = [
      { id: 1, windows: actionWindows('2026-03-01', DATA) },
      { id: 2, windows: actionWindows('2026-04-01', DATA) },
    ];
    const yearShown = { 2024: true, 2025: true, 2026: true };
    const result = beforeAfter({ actions, monthCounts, allMonths, yearShown, population: 1000, threshold: 5 });
    // Rebuild the attacker's table from what is shown and check every month keeps a range.
    const cells: { id: string; value: number }[] = allMonths.map((month) => ({ id: `mo:${month}`, value: 3 }));
    const constraints = [];
    const hidden = new Set(allMonths.map((month) => `mo:${month}`));
    for (const year of ['2024', '2025', '2026']) {
      const months = allMonths.filter((month) => month.startsWith(year));
      cells.push({ id: `y:${year}`, value: months.length * 3 });
      constraints.push({ total: `y:${year}`, parts: months.map((m) => `mo:${m}`) });
    }
    for (const action of actions) {
      for (const side of ['before', 'after'] as const) {
        const id = `w:${action.id}:${side}`;
        cells.push({ id, value: action.windows![side].length * 3 });
        constraints.push({ total: id, parts: action.windows![side].map((m) => `mo:${m}`) });
        const figures = result[action.id]![side];
        if (figures.count.suppressed !== null) hidden.add(id);
        else expect(figures.per1000).toBeCloseTo(figures.count.value!, 6);
      }
    }
    for (const month of allMonths) {
      const interval = feasibleInterval({ cells, constraints }, hidden, `mo:${month}`);
      expect(interval.max - interval.min, month).toBeGreaterThanOrEqual(1);
    }
    // Something is shown at all: the test would pass vacuously if every window were hidden.
    expect(
      Object.values(result).some(
        (effect) => effect!.before.count.suppressed === null || effect!.after.count.suppressed === null,
      ),
    ).toBe(true);
  });
});
