import { crossSiteDenial } from '@/app/_server/same-origin';
import { PERSONAL_HEADERS, requireScope } from '@/app/_server/session';
import { undoImport } from '@/db/queries/imports/undo-import';
import { getDb } from '@/db/server';
import { canImport } from '@/lib/auth/access';
import { runJson } from '../../report';

export const dynamic = 'force-dynamic';

/**
 * POST /api/imports/{id}/undo: removes what the import brought and puts back indicator values
 * it replaced, in one transaction. 200 `{ run, removed, restored }`; 404 for an unknown (or
 * demo) import; 409 when it was already undone or its services are named in a follow-up.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const access = await requireScope(canImport, 'Only administrators undo imports');
  if (!access.ok) return access.response;
  const crossSite = crossSiteDenial(request);
  if (crossSite) return crossSite;
  const { id } = await params;
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) {
    return Response.json(
      { error: 'The import id must be a positive whole number' },
      { status: 400, headers: PERSONAL_HEADERS },
    );
  }
  try {
    const result = await undoImport(await getDb(), Number(id), { userId: access.scope.userId });
    if (!result.ok) return Response.json({ error: result.error }, { status: result.status, headers: PERSONAL_HEADERS });
    return Response.json(
      { run: runJson(result.run), removed: result.removed, restored: result.restored },
      { headers: PERSONAL_HEADERS },
    );
  } catch (error) {
    console.error('[buurtradar] undoing an import failed', error);
    return Response.json(
      { error: 'The import could not be undone; nothing was changed. Try again later' },
      { status: 500, headers: PERSONAL_HEADERS },
    );
  }
}
