import { crossSiteDenial } from '@/app/_server/same-origin';
import { PERSONAL_HEADERS, requireScope } from '@/app/_server/session';
import { dryRunImport } from '@/db/queries/imports/dry-run';
import { getDb } from '@/db/server';
import { canImport } from '@/lib/auth/access';
import { readUpload } from '../read-upload';
import { planReport, refusalMessage } from '../report';

export const dynamic = 'force-dynamic';

/**
 * POST /api/imports/dry-run (multipart: file, layer, and optionally crs, delimiter, encoding,
 * format, indicator, period, aggregation, source): reads and checks the file like the commit
 * would, and writes nothing. 200 `{ report }` when it can be imported; 400 `{ error, report }`
 * with every problem by row and field when not; 400 `{ errors }` for a bad form field, 413
 * for an oversized file. Administrators only.
 */
export async function POST(request: Request): Promise<Response> {
  const access = await requireScope(canImport, 'Only administrators import data');
  if (!access.ok) return access.response;
  const crossSite = crossSiteDenial(request);
  if (crossSite) return crossSite;
  const read = await readUpload(request);
  if (!read.ok) return read.response;
  try {
    const plan = await dryRunImport(await getDb(), read.upload);
    if (plan.ok) return Response.json({ report: planReport(plan) }, { headers: PERSONAL_HEADERS });
    return Response.json(
      { error: refusalMessage(plan), report: planReport(plan) },
      { status: 400, headers: PERSONAL_HEADERS },
    );
  } catch (error) {
    console.error('[buurtradar] import dry run failed', error);
    return Response.json(
      { error: 'The file could not be checked; try again later' },
      { status: 500, headers: PERSONAL_HEADERS },
    );
  }
}
