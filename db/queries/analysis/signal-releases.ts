import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema';
import { atomically } from '../imports/atomic';
import type { CategoryCount, NeighbourhoodMonthCount } from './signal-counts';

/**
 * Released years: the frozen signal counts the analyses publish
 * (db/migrations/2026_12_01_0007_signal_releases.ts; lib/analysis/periods.ts says when a year
 * is due). Months are 'YYYY-MM'.
 */
export interface SignalRelease {
  year: number;
  first: string;
  last: string;
}

const monthText = (value: unknown) => String(value).slice(0, 7);

export async function listSignalReleases(db: Kysely<Database>): Promise<SignalRelease[]> {
  const rows = await db
    .selectFrom('signal_releases')
    .select(['year', 'first_month', 'last_month'])
    .orderBy('year')
    .execute();
  return rows.map((row) => ({
    year: Number(row.year),
    first: monthText(row.first_month),
    last: monthText(row.last_month),
  }));
}

/**
 * Releases a year: copies its counts from the live roll-up, once. Safe to call from several
 * app instances at the same time: the second waits for the first's row and copies nothing.
 * True when this call released it.
 */
export async function releaseSignalYear(db: Kysely<Database>, release: SignalRelease): Promise<boolean> {
  return atomically(db, async (trx) => {
    const from = `${release.first}-01`;
    const to = `${release.last}-01`;
    const inserted = await trx
      .insertInto('signal_releases')
      .values({ year: release.year, first_month: from, last_month: to, signals: 0 })
      .onConflict((oc) => oc.column('year').doNothing())
      .returning('year')
      .executeTakeFirst();
    if (!inserted) return false;
    await sql`
      INSERT INTO signal_release_months (year, category_code, month, municipality_nis, neighbourhood_code, count)
      SELECT ${release.year}, category_code, month, municipality_nis, neighbourhood_code, count
      FROM signal_neighbourhood_months
      WHERE month BETWEEN ${from}::date AND ${to}::date AND count > 0`.execute(trx);
    await sql`
      UPDATE signal_releases SET signals = coalesce((SELECT sum(count) FROM signal_release_months WHERE year = ${release.year}), 0)
      WHERE year = ${release.year}`.execute(trx);
    return true;
  });
}

/** Signals per neighbourhood and category of a released year, non-zero rows only. */
export async function listReleasedCategoryCounts(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  year: number,
): Promise<CategoryCount[]> {
  if (municipalityNis.length === 0) return [];
  const rows = await db
    .selectFrom('signal_release_months')
    .select(['neighbourhood_code', 'category_code', sql<number>`sum(count)::int`.as('count')])
    .where('year', '=', year)
    .where('municipality_nis', 'in', [...municipalityNis])
    .groupBy(['neighbourhood_code', 'category_code'])
    .orderBy('neighbourhood_code')
    .orderBy('category_code')
    .execute();
  return rows.map((row) => ({
    neighbourhoodCode: row.neighbourhood_code,
    categoryCode: row.category_code,
    count: Number(row.count),
  }));
}

/** Signals per neighbourhood and month (all categories) of a released year, non-zero rows only. */
export async function listReleasedMonthTotals(
  db: Kysely<Database>,
  municipalityNis: readonly string[],
  year: number,
): Promise<NeighbourhoodMonthCount[]> {
  if (municipalityNis.length === 0) return [];
  const rows = await db
    .selectFrom('signal_release_months')
    .select(['neighbourhood_code', 'month', sql<number>`sum(count)::int`.as('count')])
    .where('year', '=', year)
    .where('municipality_nis', 'in', [...municipalityNis])
    .groupBy(['neighbourhood_code', 'month'])
    .orderBy('neighbourhood_code')
    .orderBy('month')
    .execute();
  return rows.map((row) => ({
    neighbourhoodCode: row.neighbourhood_code,
    month: monthText(row.month),
    count: Number(row.count),
  }));
}

/** Signals per month of one neighbourhood over every released year, of one category or (null) all. */
export async function listReleasedNeighbourhoodMonths(
  db: Kysely<Database>,
  neighbourhoodCode: string,
  category: string | null,
): Promise<Record<string, number>> {
  let query = db
    .selectFrom('signal_release_months')
    .select(['month', sql<number>`sum(count)::int`.as('count')])
    .where('neighbourhood_code', '=', neighbourhoodCode);
  if (category !== null) query = query.where('category_code', '=', category);
  const rows = await query.groupBy('month').orderBy('month').execute();
  return Object.fromEntries(rows.map((row) => [monthText(row.month), Number(row.count)]));
}
