import { crossSiteDenial } from '@/app/_server/same-origin';
import { PERSONAL_HEADERS, getCurrentAccount, requireScope } from '@/app/_server/session';
import { commitImport, fileSha256 } from '@/db/queries/imports/commit-import';
import { planUpload } from '@/db/queries/imports/dry-run';
import { findActiveRunOfFile, listImportRuns } from '@/db/queries/imports/import-runs';
import { getDb } from '@/db/server';
import { canImport } from '@/lib/auth/access';
import { progressStream } from './progress-stream';
import { readUpload } from './read-upload';
import { planReport, refusalMessage, runJson } from './report';

export const dynamic = 'force-dynamic';

const DENIED = 'Only administrators import data';

/** GET /api/imports[?limit=50]: the history of uploaded imports, newest first. */
export async function GET(request: Request): Promise<Response> {
  const access = await requireScope(canImport, DENIED);
  if (!access.ok) return access.response;
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].find((key) => key !== 'limit');
  if (unknown !== undefined)
    return Response.json(
      { error: `Invalid query: ${unknown.slice(0, 40)} is not a parameter (it takes limit)` },
      { status: 400, headers: PERSONAL_HEADERS },
    );
  const limitText = params.get('limit') ?? '50';
  const limit = /^[0-9]{1,3}$/.test(limitText) ? Number(limitText) : NaN;
  if (!(limit >= 1 && limit <= 500))
    return Response.json(
      { error: 'Invalid query: limit must be a whole number from 1 to 500' },
      { status: 400, headers: PERSONAL_HEADERS },
    );
  try {
    const runs = await listImportRuns(await getDb(), limit);
    return Response.json({ runs: runs.map(runJson) }, { headers: PERSONAL_HEADERS });
  } catch (error) {
    console.error('[buurtradar] import history failed', error);
    return Response.json(
      { error: 'The import history could not be read; try again later' },
      { status: 500, headers: PERSONAL_HEADERS },
    );
  }
}

/**
 * POST /api/imports (the same multipart upload as the dry run): imports the file, all or
 * nothing. Before anything is written the answer is a plain status: 400 `{ error, report }`
 * for a file with problems, 400 `{ errors }` for a bad field, 413 oversized, 409 when this file
 * is already imported into this layer. Then 200 with an NDJSON stream from the instance doing
 * the work: `{"type":"progress","phase":"checking"|"writing","done":n,"total":m}` lines, and a
 * last `{"type":"result","ok":true,"run":{…}}`, or `{"type":"result","ok":false,"status":400|409|500,…}`
 * when a problem showed while writing (then nothing was written either).
 */
export async function POST(request: Request): Promise<Response> {
  const access = await requireScope(canImport, DENIED);
  if (!access.ok) return access.response;
  const crossSite = crossSiteDenial(request);
  if (crossSite) return crossSite;
  const read = await readUpload(request);
  if (!read.ok) return read.response;
  const { upload } = read;
  try {
    const [db, account] = await Promise.all([getDb(), getCurrentAccount()]);
    if (!account)
      return Response.json(
        { error: 'Sign in first: this needs an account' },
        { status: 401, headers: PERSONAL_HEADERS },
      );
    const plan = await planUpload(db, upload);
    if (!plan.ok)
      return Response.json(
        { error: refusalMessage(plan), report: planReport(plan) },
        { status: 400, headers: PERSONAL_HEADERS },
      );
    const active = await findActiveRunOfFile(db, upload.layer, fileSha256(upload.bytes));
    if (active) {
      return Response.json(
        {
          error: `This file was already imported into this layer (import ${active.id}); undo that import first to import it again`,
          runId: active.id,
        },
        { status: 409, headers: PERSONAL_HEADERS },
      );
    }
    const actor = { userId: access.scope.userId, name: account.name };
    return progressStream(async (send) => {
      const result = await commitImport(db, upload, actor, {
        plan,
        onProgress: (progress) => send({ type: 'progress', ...progress }),
      });
      if (result.ok) return { type: 'result', ok: true, run: runJson(result.run), report: planReport(result.plan) };
      if (result.status === 400)
        return {
          type: 'result',
          ok: false,
          status: 400,
          error: refusalMessage(result.plan),
          report: planReport(result.plan),
        };
      return { type: 'result', ok: false, status: 409, error: result.error, runId: result.runId };
    });
  } catch (error) {
    console.error('[buurtradar] import failed', error);
    return Response.json(
      { error: 'The import failed; nothing was imported. Try again later' },
      { status: 500, headers: PERSONAL_HEADERS },
    );
  }
}
