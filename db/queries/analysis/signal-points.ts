import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { ClusterPoint } from '@/lib/analysis/dbscan';
import type { SignalReach } from '@/lib/auth/access';
import type { Database } from '../../schema';
import type { MonthSpan } from './signal-counts';

/**
 * Signal points (WGS84, already generalised to the grid when stored) for DBSCAN, limited to
 * what `reach` lets the person see (lib/auth/access.ts) and to these municipalities. Only ids
 * and positions leave this function: clusters need nothing else.
 */
export async function listSignalPointsForClustering(
  db: Kysely<Database>,
  reach: SignalReach,
  municipalityNis: readonly string[],
  months: MonthSpan,
  categories: readonly string[] | null,
): Promise<ClusterPoint[]> {
  if (reach.kind === 'none' || municipalityNis.length === 0) return [];
  let query = db
    .selectFrom('signals')
    .select(['id', sql<number>`ST_X(geom)`.as('lon'), sql<number>`ST_Y(geom)`.as('lat')])
    .where('municipality_nis', 'in', [...municipalityNis])
    .where(sql<boolean>`observed_at >= (${months.from}::date::timestamp AT TIME ZONE 'Europe/Brussels')`)
    .where(
      sql<boolean>`observed_at < ((${months.to}::date + interval '1 month')::timestamp AT TIME ZONE 'Europe/Brussels')`,
    )
    .orderBy('id');
  if (categories) query = query.where('category_code', 'in', [...categories]);
  if (reach.kind === 'own') query = query.where('reporter_user_id', '=', reach.userId);
  else query = query.where('municipality_nis', 'in', [...reach.nis]);
  const rows = await query.execute();
  return rows.map((row) => ({ id: Number(row.id), lon: Number(row.lon), lat: Number(row.lat) }));
}
