import 'server-only';
import { type Kysely, sql } from 'kysely';
import type { ActionForm, ActionRecord, ActionStatus } from '@/lib/analysis/actions';
import type { Database } from '../../schema';
import { writeAuditLog } from '../audit-log';
import { inTransaction } from '../signals';

/** The change-plan actions of a neighbourhood, oldest start first. */
export async function listNeighbourhoodActions(
  db: Kysely<Database>,
  neighbourhoodCode: string,
): Promise<ActionRecord[]> {
  const rows = await db
    .selectFrom('neighbourhood_actions')
    .select(['id', 'neighbourhood_code', 'category_code', 'kind', 'title', 'owner', 'start_date', 'status'])
    .where('neighbourhood_code', '=', neighbourhoodCode)
    .orderBy('start_date')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    neighbourhoodCode: row.neighbourhood_code,
    categoryCode: row.category_code,
    kind: row.kind,
    title: row.title,
    owner: row.owner,
    startDate: String(row.start_date).slice(0, 10),
    status: row.status,
  }));
}

/** Records an action and its audit entry in one transaction; returns the new id. */
export async function insertNeighbourhoodAction(
  db: Kysely<Database>,
  place: { neighbourhoodCode: string; municipalityNis: string },
  form: ActionForm,
  actorUserId: number,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .insertInto('neighbourhood_actions')
      .values({
        neighbourhood_code: place.neighbourhoodCode,
        municipality_nis: place.municipalityNis,
        category_code: form.category === '' ? null : form.category,
        kind: form.kind,
        title: form.title,
        owner: form.owner,
        start_date: form.startDate,
        status: form.status,
        created_by: actorUserId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await writeAuditLog(trx, {
      event: 'action.recorded',
      actorUserId,
      target: { kind: 'neighbourhood_action', id },
      details: { kind: form.kind, status: form.status },
    });
    return id;
  });
}

/** Changes an action's status; false when it is not an action of this neighbourhood. */
export async function updateNeighbourhoodActionStatus(
  db: Kysely<Database>,
  neighbourhoodCode: string,
  id: number,
  status: ActionStatus,
  actorUserId: number,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('neighbourhood_actions')
      .set({ status, updated_at: sql`now()` })
      .where('id', '=', id)
      .where('neighbourhood_code', '=', neighbourhoodCode)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await writeAuditLog(trx, {
      event: 'action.status_changed',
      actorUserId,
      target: { kind: 'neighbourhood_action', id },
      details: { status },
    });
    return true;
  });
}
