import { z } from 'zod';

/**
 * Periods of the analyses: calendar years, each published only once it is released (frozen,
 * db/migrations/2026_12_01_0007_signal_releases.ts). Periods never overlap and a released
 * year never changes, so no published figure minus another (of an adjacent period, or of the
 * same period downloaded a month earlier) gives away the count of a few months.
 */
export interface AnalysisPeriod {
  /** The year, e.g. '2025': the value of `?periode=`. */
  id: string;
  /** First and last month, both included ('YYYY-MM'). */
  from: string;
  to: string;
  /** False for a first year that began with the data, later than January. */
  complete: boolean;
  months: string[];
}

export const periodId = z.string().regex(/^(19|2[0-9])[0-9]{2}$/, 'must be a year such as 2025');

/**
 * A year is released on 1 February of the next year: a signal may be reported up to a year
 * after it was noticed, but nearly all are in within a month; later ones no longer count in
 * the analyses of that year (they do everywhere else).
 */
export const RELEASE_DAY = '02-01';

/** The last year released by `today` ('YYYY-MM-DD'). */
export function lastReleasableYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) >= RELEASE_DAY ? year - 1 : year - 2;
}

/**
 * The years with signals (`range`: 'YYYY-MM' of the first and last month with data) due for
 * release by `today`, oldest first, with the months each covers: January to December, except
 * a first year that began later.
 */
export function releasableYears(
  range: { first: string; last: string } | null,
  today: string,
): { year: number; first: string; last: string }[] {
  if (!range) return [];
  const years = [];
  const lastYear = Math.min(lastReleasableYear(today), Number(range.last.slice(0, 4)));
  for (let year = Number(range.first.slice(0, 4)); year <= lastYear; year++) {
    years.push({ year, first: `${year}-01` < range.first ? range.first : `${year}-01`, last: `${year}-12` });
  }
  return years;
}

/** The released years as periods, newest first. */
export function periodsFromReleases(
  releases: readonly { year: number; first: string; last: string }[],
): AnalysisPeriod[] {
  return [...releases]
    .sort((a, b) => b.year - a.year)
    .map(({ year, first, last }) => ({
      id: String(year),
      from: first,
      to: last,
      complete: first === `${year}-01` && last === `${year}-12`,
      months: monthsBetween(first, last),
    }));
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
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The months as the database's first days ('YYYY-MM-01'). */
export const periodSpan = (period: AnalysisPeriod) => ({ from: `${period.from}-01`, to: `${period.to}-01` });
