import { requireScope } from '@/app/_server/session';
import { createSignal, listSignals } from '@/db/queries/signals';
import { getDb } from '@/db/server';
import { parseEnv } from '@/lib/config/env';
import { DEFAULT_GRID_METRES } from '@/lib/signals/generalise';
import { parseSignalListQuery } from '@/lib/signals/list-query';
import { parseSignalReport } from '@/lib/signals/report-form';
import { brusselsToday } from '@/lib/signals/today';
import { failure, personalJson, readJsonBody } from './respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/signals[?status=new,referred&category=loneliness&page=1&pageSize=20]: the signals the
 * person may see (reporters their own; coordinators and advisors their municipalities'), newest
 * first. Lists never carry descriptions. 401 anonymous, 403 roles without signal points.
 */
export async function GET(request: Request): Promise<Response> {
  const access = await requireScope(
    (scope) => scope.canSeeSignalPoints,
    'Your role sees aggregates only, not individual signals',
  );
  if (!access.ok) return access.response;
  const params = new URL(request.url).searchParams;
  const query = parseSignalListQuery((name) => params.getAll(name), params.keys());
  if (!query.ok) return personalJson({ error: query.error }, 400);
  try {
    const { statuses, categories, page, pageSize } = query.value;
    return personalJson(await listSignals(await getDb(), access.scope, { statuses, categories }, { page, pageSize }));
  } catch (error) {
    return failure('signal list', error);
  }
}

/**
 * POST /api/signals with a JSON report (lib/signals/report-form.ts): 201 `{ created: true,
 * signal }` for a new signal; 200 `{ created: false, signal }` when the idempotency key was
 * already used for the same report (a retry or double click); 400 `{ errors, personalData }`
 * per field; 409 `{ error }` for a key used for another report; 401/403.
 */
export async function POST(request: Request): Promise<Response> {
  const access = await requireScope((scope) => scope.canReportSignals, 'Your role does not report signals');
  if (!access.ok) return access.response;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const parsed = parseSignalReport(body.body, { today: brusselsToday() });
  if (!parsed.ok) return personalJson({ errors: parsed.errors, personalData: parsed.personalData }, 400);
  try {
    const result = await createSignal(await getDb(), access.scope, parsed.value, { gridMetres: gridMetres() });
    if (!result.ok) {
      return result.status === 400
        ? personalJson({ errors: result.errors, personalData: [] }, 400)
        : personalJson({ error: result.error }, 409);
    }
    return personalJson({ created: result.created, signal: result.signal }, result.created ? 201 : 200, {
      Location: `/api/signals/${result.signal.id}`,
    });
  } catch (error) {
    return failure('signal report', error);
  }
}

/** The environment was validated at start-up; the default only covers a test without one. */
function gridMetres(): number {
  const parsed = parseEnv(process.env);
  return parsed.ok ? parsed.env.BUURTRADAR_SIGNAL_GRID_M : DEFAULT_GRID_METRES;
}
