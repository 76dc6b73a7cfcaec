import { z } from 'zod';

/**
 * Periods of the analyses: calendar years, clipped to the months that have signals. Periods
 * never overlap, so no published figure of one period minus one of another gives away the
 * count of a few months (the "adjacent periods" attack); a running year is marked incomplete.
 */
export interface AnalysisPeriod {
  /** The year, e.g. '2026': the value of `?periode=`. */
  id: string;
  /** First and last month, both included ('YYYY-MM'). */
  from: string;
  to: string;
  /** False when the year is clipped by the data (it began later, or is still running). */
  complete: boolean;
  months: string[];
}

export const periodId = z.string().regex(/^(19|2[0-9])[0-9]{2}$/, 'must be a year such as 2026');

/** Every calendar year from `first` to `last` ('YYYY-MM'), newest first. */
export function listPeriods(range: { first: string; last: string } | null): AnalysisPeriod[] {
  if (!range) return [];
  const periods: AnalysisPeriod[] = [];
  for (let year = Number(range.last.slice(0, 4)); year >= Number(range.first.slice(0, 4)); year--) {
    const from = `${year}-01` < range.first ? range.first : `${year}-01`;
    const to = `${year}-12` > range.last ? range.last : `${year}-12`;
    periods.push({ id: String(year), from, to, complete: from === `${year}-01` && to === `${year}-12`, months: monthsBetween(from, to) });
  }
  return periods;
}

/** The newest period covering at least half a year; else the newest; null when there are none. */
export function defaultPeriod(periods: readonly AnalysisPeriod[]): AnalysisPeriod | null {
  return periods.find((period) => period.months.length >= 6) ?? periods[0] ?? null;
}

export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  for (;;) {
    const text = `${year}-${String(month).padStart(2, '0')}`;
    if (text > to) break;
    months.push(text);
    month += 1;
    if (month > 12) { month = 1; year += 1; }
  }
  return months;
}

/** The months as the database's first days ('YYYY-MM-01'). */
export const periodSpan = (period: AnalysisPeriod) => ({ from: `${period.from}-01`, to: `${period.to}-01` });
