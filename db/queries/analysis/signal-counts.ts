import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema';

/** A window of whole months, both included, as first days ('YYYY-MM-01'). */
export interface MonthSpan { from: string; to: string }

export interface CategoryCount { neighbourhoodCode: string; categoryCode: string; count: number }
export interface NeighbourhoodMonthCount { neighbourhoodCode: string; month: string; count: number }

/**
 * Signals per neighbourhood and category in a window of months, from the roll-up
 * `signal_neighbourhood_months` (kept exact by triggers). Only non-zero rows; raw counts:
 * lib/analysis decides what may be shown. Each signal counts in its own municipality.
 */
export async function listNeighbourhoodCategoryCounts(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  months: MonthSpan,
): Promise<CategoryCount[]> {
  if (municipalityNis.length === 0) return [];
  const rows = await db.selectFrom('signal_neighbourhood_months')
    .select(['neighbourhood_code', 'category_code', sql<number>`sum(count)::int`.as('count')])
    .where('municipality_nis', 'in', [...municipalityNis])
    .where('month', '>=', months.from)
    .where('month', '<=', months.to)
    .groupBy(['neighbourhood_code', 'category_code'])
    .orderBy('neighbourhood_code').orderBy('category_code')
    .execute();
  return rows.map((row) => ({ neighbourhoodCode: row.neighbourhood_code, categoryCode: row.category_code, count: Number(row.count) }))
    .filter((row) => row.count > 0);
}

/**
 * Signals per neighbourhood and month (all categories) in a window, non-zero rows only. By
 * neighbourhood, like the category counts, so that both add up to the same totals.
 */
export async function listNeighbourhoodMonthTotals(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  months: MonthSpan,
): Promise<NeighbourhoodMonthCount[]> {
  if (municipalityNis.length === 0) return [];
  const rows = await db.selectFrom('signal_neighbourhood_month_totals')
    .select(['neighbourhood_code', 'month', sql<number>`sum(count)::int`.as('count')])
    .where('municipality_nis', 'in', [...municipalityNis])
    .where('month', '>=', months.from)
    .where('month', '<=', months.to)
    .groupBy(['neighbourhood_code', 'month'])
    .orderBy('neighbourhood_code').orderBy('month')
    .execute();
  return rows.map((row) => ({ neighbourhoodCode: row.neighbourhood_code, month: String(row.month).slice(0, 7), count: Number(row.count) }))
    .filter((row) => row.count > 0);
}

/** Signals per month (all categories) of one neighbourhood in a window, non-zero rows only. */
export async function listNeighbourhoodMonthCounts(
  db: Kysely<Database>,
  neighbourhoodCode: string,
  months: MonthSpan,
): Promise<{ month: string; count: number }[]> {
  const rows = await db.selectFrom('signal_neighbourhood_month_totals')
    .select(['month', sql<number>`sum(count)::int`.as('count')])
    .where('neighbourhood_code', '=', neighbourhoodCode)
    .where('month', '>=', months.from)
    .where('month', '<=', months.to)
    .groupBy('month')
    .orderBy('month')
    .execute();
  return rows.map((row) => ({ month: String(row.month).slice(0, 7), count: Number(row.count) })).filter((row) => row.count > 0);
}

/** First and last month ('YYYY-MM') of the signal roll-ups, or null when there are none. */
export async function getSignalRollupMonths(db: Kysely<Database>): Promise<{ first: string; last: string } | null> {
  const row = await db.selectFrom('signal_neighbourhood_month_totals')
    .select([sql<string | null>`to_char(min(month), 'YYYY-MM')`.as('first'), sql<string | null>`to_char(max(month), 'YYYY-MM')`.as('last')])
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}

/** Signals per month of one neighbourhood, of one category or (null) all, in a window. */
export async function listNeighbourhoodCategoryMonths(
  db: Kysely<Database>,
  neighbourhoodCode: string,
  category: string | null,
  months: MonthSpan,
): Promise<Record<string, number>> {
  const rows = category === null
    ? await listNeighbourhoodMonthCounts(db, neighbourhoodCode, months)
    : (await db.selectFrom('signal_neighbourhood_months')
      .select(['month', sql<number>`sum(count)::int`.as('count')])
      .where('neighbourhood_code', '=', neighbourhoodCode).where('category_code', '=', category)
      .where('month', '>=', months.from).where('month', '<=', months.to)
      .groupBy('month').execute()).map((row) => ({ month: String(row.month).slice(0, 7), count: Number(row.count) }));
  return Object.fromEntries(rows.map((row) => [row.month, row.count]));
}
