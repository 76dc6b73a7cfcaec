import type { Kysely } from 'kysely';
import { type AuditEntry, auditEntry } from '@/lib/auth/audit-events';
import type { Database } from '../schema';

/**
 * Appends one audit record. The entry is validated first (a known event; details only short
 * codes, numbers and booleans), so a caller cannot slip personal content into the log.
 * Pass the transaction of the change it records, so both are written or neither is.
 */
export async function writeAuditLog(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  const valid = auditEntry.parse(entry);
  await db
    .insertInto('audit_log')
    .values({
      event: valid.event,
      actor_user_id: valid.actorUserId,
      target_kind: valid.target?.kind ?? null,
      target_id: valid.target === undefined ? null : String(valid.target.id),
      details: JSON.stringify(valid.details ?? {}),
    })
    .execute();
}

export interface AuditRecord {
  id: number;
  event: string;
  actorUserId: number | null;
  occurredAt: Date;
  targetKind: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

/** The newest records first, optionally of one event or actor (admin screens, tests). */
export async function listAuditLog(
  db: Kysely<Database>,
  filter: { event?: string; actorUserId?: number; limit?: number } = {},
): Promise<AuditRecord[]> {
  let query = db
    .selectFrom('audit_log')
    .select(['id', 'event', 'actor_user_id', 'occurred_at', 'target_kind', 'target_id', 'details'])
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(Math.min(filter.limit ?? 100, 1000));
  if (filter.event) query = query.where('event', '=', filter.event);
  if (filter.actorUserId !== undefined) query = query.where('actor_user_id', '=', filter.actorUserId);
  const rows = await query.execute();
  return rows.map((row) => ({
    id: Number(row.id),
    event: row.event,
    actorUserId: row.actor_user_id === null ? null : Number(row.actor_user_id),
    occurredAt: row.occurred_at,
    targetKind: row.target_kind,
    targetId: row.target_id,
    details: row.details,
  }));
}
