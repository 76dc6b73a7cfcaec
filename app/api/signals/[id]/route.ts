import { requireScope } from '@/app/_server/session';
import { getSignal } from '@/db/queries/signals';
import { getDb } from '@/db/server';
import { parseSignalId } from '@/lib/signals/list-query';
import { failure, notFound, personalJson } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/signals/{id}: one signal with its history, as far as the person may see it (the
 * description only for its reporter and the municipality's coordinators). A signal of another
 * municipality or another reporter answers 404, exactly like a number that does not exist.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const access = await requireScope(
    (scope) => scope.canSeeSignalPoints,
    'Your role sees aggregates only, not individual signals',
  );
  if (!access.ok) return access.response;
  const id = parseSignalId((await context.params).id);
  if (id === null) return personalJson({ error: 'The signal number must be a positive whole number' }, 400);
  try {
    const signal = await getSignal(await getDb(), access.scope, id);
    return signal ? personalJson(signal) : notFound();
  } catch (error) {
    return failure('signal details', error);
  }
}
