import { requireScope } from '@/app/_server/session';
import { changeSignalStatus } from '@/db/queries/signal-status';
import { getSignal } from '@/db/queries/signals';
import { getDb } from '@/db/server';
import { parseSignalId } from '@/lib/signals/list-query';
import { parseStatusChange } from '@/lib/signals/status-workflow';
import { failure, personalJson, readJsonBody } from '../../respond';

export const dynamic = 'force-dynamic';

/**
 * POST /api/signals/{id}/status with `{ fromStatus, toStatus, outcome, referredServiceId,
 * referredOrganisation, note }`: one step of the follow-up. 200 `{ signal }` (with its new
 * history); 400 `{ errors }` per field; 404 for a signal the person does not follow up (the
 * same as none); 409 `{ errors: { fromStatus } }` when someone else changed it first; 401/403.
 */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const access = await requireScope((scope) => scope.canManageSignals, 'Only coordinators follow signals up');
  if (!access.ok) return access.response;
  const id = parseSignalId((await context.params).id);
  if (id === null) return personalJson({ error: 'The signal number must be a positive whole number' }, 400);
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseStatusChange(body.body);
  if (!parsed.ok) return personalJson({ errors: parsed.errors, personalData: parsed.personalData }, 400);
  try {
    const db = await getDb();
    const result = await changeSignalStatus(db, access.scope, id, parsed.value);
    if (!result.ok) return personalJson({ errors: result.errors }, result.status);
    return personalJson({ signal: await getSignal(db, access.scope, id) });
  } catch (error) {
    return failure('signal status change', error);
  }
}
