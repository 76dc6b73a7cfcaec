import 'server-only';
import { type RawBuilder, sql } from 'kysely';
import type { AggregateReach } from '@/lib/auth/access';

/**
 * Rows whose `municipality_nis` lies in the reach (the same condition for signals and their
 * roll-up): everything, a region's municipalities, or a list.
 */
export function inReach(column: RawBuilder<unknown>, reach: AggregateReach): RawBuilder<boolean> {
  switch (reach.kind) {
    case 'all':
      return sql<boolean>`true`;
    case 'region':
      return sql<boolean>`${column} IN (SELECT nis FROM municipalities WHERE region_code = ${reach.regionCode}::text)`;
    // One array parameter, not a list of them: PostgreSQL then hashes it (a coordinator of many
    // municipalities would otherwise cost a linear search per roll-up row).
    case 'municipalities':
      return reach.nis.length > 0 ? sql<boolean>`${column} = ANY(${[...reach.nis]}::text[])` : sql<boolean>`false`;
    default:
      return sql<boolean>`false`;
  }
}
