import { z } from 'zod';
import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import { monthsBetween } from './periods';
import { type SuppressedValue, suppressTable } from './suppression';

/**
 * Actions of a change plan and the signal rates before and after them.
 *
 * Before and after: two windows of the same length around the start month, at most
 * `ACTION_WINDOW_MONTHS` (6) and no longer than the data allows on either side: "before" ends
 * with the month before the start month, "after" begins with the start month. Counts are of
 * the neighbourhood, for the action's hotspot category or all categories.
 *
 * Small numbers: a window is a new sum over months, and months also add up to the calendar
 * years the analyses publish, so "this window minus that one" or "the year minus a window"
 * could reveal a few months' count. The windows of every action of the neighbourhood, its
 * months (never published) and its year totals (as the region's publication shows them) are
 * suppressed as one table: a window is shown only when nothing small can be worked out.
 */

export const ACTION_KINDS = ['quick_win', 'long_term'] as const;
export const ACTION_STATUSES = ['planned', 'running', 'done', 'stopped'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_WINDOW_MONTHS = 6;

const day = z
  .string()
  .regex(/^2[0-9]{3}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, 'must be a date as YYYY-MM-DD')
  .refine((text) => new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text, 'is not a day of the calendar');

/** The form that records an action; `category` empty = the neighbourhood as a whole. */
export const actionFormSchema = z.object({
  kind: z.enum(ACTION_KINDS, { message: 'choose quick win or long term' }),
  title: z.string().trim().min(3, 'at least 3 characters').max(120, 'at most 120 characters'),
  owner: z
    .string()
    .trim()
    .min(2, 'name an organisation or a role (at least 2 characters)')
    .max(120, 'at most 120 characters'),
  startDate: day,
  status: z.enum(ACTION_STATUSES).default('planned'),
  category: z.union([z.literal(''), z.enum(SIGNAL_CATEGORY_CODES as [string, ...string[]])]).default(''),
});
export type ActionForm = z.infer<typeof actionFormSchema>;

export const actionStatusSchema = z.object({ id: z.coerce.number().int().positive(), status: z.enum(ACTION_STATUSES) });

export interface ActionRecord {
  id: number;
  neighbourhoodCode: string;
  categoryCode: string | null;
  kind: ActionKind;
  title: string;
  owner: string;
  startDate: string;
  status: ActionStatus;
}

export interface ActionWindows {
  before: string[];
  after: string[];
}

/**
 * The two windows of an action over the released months `data`, or null until they are final:
 * when the data has no month before the start, or fewer months after it than before (up to
 * `maxMonths`). A window that grew with every release would give away the months it gained.
 */
export function actionWindows(
  startDate: string,
  data: { first: string; last: string },
  maxMonths = ACTION_WINDOW_MONTHS,
): ActionWindows | null {
  const start = startDate.slice(0, 7);
  const all = monthsBetween(data.first, data.last);
  const index = all.indexOf(start);
  if (index < 1) return null;
  const length = Math.min(maxMonths, index);
  if (all.length - index < length) return null;
  return { before: all.slice(index - length, index), after: all.slice(index, index + length) };
}

export interface WindowFigures {
  count: SuppressedValue;
  per1000: number | null;
  months: number;
}
export interface ActionEffect {
  before: WindowFigures;
  after: WindowFigures;
}

export interface BeforeAfterInput {
  actions: readonly { id: number; windows: ActionWindows | null }[];
  /** True counts of the neighbourhood per month (for the category the actions concern). */
  monthCounts: Readonly<Record<string, number>>;
  /** Every month with data, and how the publication shows each year of them. */
  allMonths: readonly string[];
  yearShown: Readonly<Record<string, boolean>>;
  population: number | null;
  threshold: number;
}

/** Before and after counts and rates per action, suppressed together (see above). */
export function beforeAfter(input: BeforeAfterInput): Record<number, ActionEffect | null> {
  const monthCell = (month: string) => `mo:${month}`;
  const cells = input.allMonths.map((month) => ({ id: monthCell(month), value: input.monthCounts[month] ?? 0 }));
  const constraints = [];
  const years = [...new Set(input.allMonths.map((month) => month.slice(0, 4)))];
  for (const year of years) {
    const months = input.allMonths.filter((month) => month.startsWith(year));
    cells.push({ id: `y:${year}`, value: months.reduce((sum, month) => sum + (input.monthCounts[month] ?? 0), 0) });
    constraints.push({ total: `y:${year}`, parts: months.map(monthCell) });
  }
  for (const action of input.actions) {
    if (!action.windows) continue;
    for (const side of ['before', 'after'] as const) {
      const months = action.windows[side];
      cells.push({
        id: `w:${action.id}:${side}`,
        value: months.reduce((sum, month) => sum + (input.monthCounts[month] ?? 0), 0),
      });
      constraints.push({ total: `w:${action.id}:${side}`, parts: months.map(monthCell) });
    }
  }
  const unpublished = [
    ...input.allMonths.map(monthCell),
    ...years.filter((year) => !input.yearShown[year]).map((year) => `y:${year}`),
  ];
  const keep = years.filter((year) => input.yearShown[year]).map((year) => `y:${year}`);
  const { values } = suppressTable({ cells, constraints }, { threshold: input.threshold, unpublished, keep });
  const result: Record<number, ActionEffect | null> = {};
  for (const action of input.actions) {
    if (!action.windows) {
      result[action.id] = null;
      continue;
    }
    const figures = (side: 'before' | 'after'): WindowFigures => {
      const count = values[`w:${action.id}:${side}`]!;
      const per1000 =
        count.suppressed === null && count.value !== null && input.population
          ? (count.value / input.population) * 1000
          : null;
      return { count, per1000, months: action.windows![side].length };
    };
    result[action.id] = { before: figures('before'), after: figures('after') };
  }
  return result;
}
