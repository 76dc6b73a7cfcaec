import { type Kysely, sql } from 'kysely';
import type { SignalFilters } from '@/lib/tiles/tile-request';
import type { Database } from '../schema';
import { type MonthRange, rollupMonths } from './signal-rollups';

/** Which neighbourhoods a count covers: one region's or some municipalities'. */
export type CountScope = { regionCode: string } | { municipalityNis: readonly string[] };

export interface NeighbourhoodCount {
  code: string;
  count: number;
}

/**
 * Signals per neighbourhood for the filters (the same filters the signal tiles take), every
 * neighbourhood of the scope included (zero when it has none). Raw counts: callers decide what
 * may be shown (small-number suppression lives in lib/). Month windows, by category or not, come
 * from the roll-ups `signal_neighbourhood_month(s|_totals)`; other filters count the signals, with the same
 * result (`rollups: false` always counts the signals: tests and the benchmark compare).
 */
export async function getNeighbourhoodSignalCounts(
  db: Kysely<Database>,
  scope: CountScope,
  filters: SignalFilters,
  options: { rollups?: boolean } = {},
): Promise<NeighbourhoodCount[]> {
  const months = options.rollups === false ? null : rollupMonths(filters);
  const rows = await db
    .selectFrom('neighbourhoods as n')
    .innerJoin('municipalities as m', 'm.nis', 'n.municipality_nis')
    .leftJoin(
      (months === null ? countSignals(db, scope, filters) : countFromRollup(db, scope, filters, months)).as('c'),
      (join) => join.onRef('c.neighbourhood_code', '=', 'n.code'),
    )
    .select(['n.code', sql<number>`coalesce(c.count, 0)`.as('count')])
    .$call((q) =>
      'regionCode' in scope
        ? q.where('m.region_code', '=', scope.regionCode)
        : q.where('n.municipality_nis', 'in', nisList(scope)),
    )
    .orderBy('n.code')
    .execute();
  return rows.map((row) => ({ code: row.code, count: Number(row.count) }));
}

/** An empty list as [''] so the SQL stays valid (`IN ()` is not) and matches nothing. */
const nisList = (scope: { municipalityNis: readonly string[] }) =>
  scope.municipalityNis.length > 0 ? [...scope.municipalityNis] : [''];

function countSignals(db: Kysely<Database>, scope: CountScope, filters: SignalFilters) {
  const window = filters.window;
  let q = db.selectFrom('signals as s').select(['s.neighbourhood_code', sql<number>`count(*)::int`.as('count')]);
  if (window) {
    q = q
      .where(sql<boolean>`s.observed_at >= (${window.from}::date::timestamp AT TIME ZONE 'Europe/Brussels')`)
      .where(sql<boolean>`s.observed_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')`);
  }
  if (filters.categories) q = q.where('s.category_code', 'in', filters.categories);
  if (filters.statuses) q = q.where('s.status', 'in', filters.statuses);
  if (filters.partners) q = q.where('s.reporter_partner_type', 'in', filters.partners);
  q =
    'regionCode' in scope
      ? q.where('s.municipality_nis', 'in', (sub) =>
          sub.selectFrom('municipalities').select('nis').where('region_code', '=', scope.regionCode),
        )
      : q.where('s.municipality_nis', 'in', nisList(scope));
  return q.groupBy('s.neighbourhood_code');
}

/**
 * The same counts from the roll-ups: per category when the filters name categories, else the
 * totals over all categories. Both keep each signal's own municipality, as the signals do.
 */
function countFromRollup(db: Kysely<Database>, scope: CountScope, filters: SignalFilters, months: MonthRange) {
  const categories = filters.categories;
  let q =
    categories === undefined
      ? db
          .selectFrom('signal_neighbourhood_month_totals as s')
          .select(['s.neighbourhood_code', sql<number>`sum(s.count)::int`.as('count')])
      : db
          .selectFrom('signal_neighbourhood_months as s')
          .select(['s.neighbourhood_code', sql<number>`sum(s.count)::int`.as('count')])
          .where('s.category_code', 'in', categories);
  if (months !== 'all') q = q.where('s.month', '>=', months.from).where('s.month', '<=', months.to);
  q =
    'regionCode' in scope
      ? q.where('s.municipality_nis', 'in', (sub) =>
          sub.selectFrom('municipalities').select('nis').where('region_code', '=', scope.regionCode),
        )
      : q.where('s.municipality_nis', 'in', nisList(scope));
  return q.groupBy('s.neighbourhood_code');
}
