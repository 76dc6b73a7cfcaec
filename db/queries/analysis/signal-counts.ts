import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../schema';

/** A window of whole months, both included, as first days ('YYYY-MM-01'). */
export interface MonthSpan {
  from: string;
  to: string;
}

export interface CategoryCount {
  neighbourhoodCode: string;
  categoryCode: string;
  count: number;
}
export interface NeighbourhoodMonthCount {
  neighbourhoodCode: string;
  month: string;
  count: number;
}

/** First and last month ('YYYY-MM') of the signal roll-ups, or null when there are none. */
export async function getSignalRollupMonths(db: Kysely<Database>): Promise<{ first: string; last: string } | null> {
  const row = await db
    .selectFrom('signal_neighbourhood_month_totals')
    .select([
      sql<string | null>`to_char(min(month), 'YYYY-MM')`.as('first'),
      sql<string | null>`to_char(max(month), 'YYYY-MM')`.as('last'),
    ])
    .executeTakeFirst();
  return row?.first && row.last ? { first: row.first, last: row.last } : null;
}
