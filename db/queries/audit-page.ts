import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** One audit record for the admin's log page: the actor by name, the details as recorded. */
export interface AuditPageEntry {
  id: number;
  event: string;
  occurredAt: Date;
  actorUserId: number | null;
  actorName: string | null;
  targetKind: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditPage {
  items: AuditPageEntry[];
  total: number;
  page: number;
  pageSize: number;
}

/** The audit log newest first, optionally of one event, a page at a time (pages count from 1). */
export async function listAuditPage(
  db: Kysely<Database>,
  filter: { event?: string; page: number; pageSize: number },
): Promise<AuditPage> {
  let query = db.selectFrom('audit_log as a').leftJoin('users as u', 'u.id', 'a.actor_user_id');
  if (filter.event) query = query.where('a.event', '=', filter.event);
  const [rows, count] = await Promise.all([
    query
      .select([
        'a.id',
        'a.event',
        'a.occurred_at',
        'a.actor_user_id',
        'u.name as actor_name',
        'a.target_kind',
        'a.target_id',
        'a.details',
      ])
      .orderBy('a.occurred_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((row) => ({
      id: Number(row.id),
      event: row.event,
      occurredAt: row.occurred_at,
      actorUserId: row.actor_user_id === null ? null : Number(row.actor_user_id),
      actorName: row.actor_name,
      targetKind: row.target_kind,
      targetId: row.target_id,
      details: row.details,
    })),
    total: Number(count.n),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
