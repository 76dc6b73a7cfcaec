import type { Geometry } from 'geojson';
import { z } from 'zod';
import { findCompared, loadCompare } from '@/app/_server/analysis/compare-data';
import { exportFile, exportMetadata } from '@/app/_server/analysis/export-response';
import { loadPeriods } from '@/app/_server/analysis/region-data';
import { PERSONAL_HEADERS, requireScope } from '@/app/_server/session';
import { jsonError } from '@/app/api/areas/respond';
import { municipalityOutlinesGeoJson } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { ALL_CATEGORIES, categoryKey, categoryParam } from '@/lib/analysis/analysis-query';
import { compareListSchema } from '@/lib/analysis/compare';
import { COMPARE_TABLES, buildCompareTable } from '@/lib/analysis/compare-export';
import { EXPORT_FORMATS } from '@/lib/analysis/export-query';
import { periodId } from '@/lib/analysis/periods';
import { canExportAggregates } from '@/lib/auth/access';

const querySchema = z
  .object({
    gemeenten: compareListSchema,
    tabel: z.enum(COMPARE_TABLES),
    formaat: z.enum(EXPORT_FORMATS),
    categorie: categoryParam.default(ALL_CATEGORIES),
    periode: periodId.optional(),
  })
  .strict();

/**
 * GET /api/vergelijk/export?gemeenten=13003,13035&tabel=categorieen|maanden|indicatoren|rangorde
 *   &formaat=csv|csv-excel|geojson[&categorie&periode]: a table of the comparison, audited.
 * 400 bad parameter, 401 anonymous, 403 a role without exports, 404 a municipality not the person's.
 */
export async function GET(request: Request): Promise<Response> {
  const access = await requireScope();
  if (!access.ok) return access.response;
  if (!canExportAggregates(access.scope))
    return Response.json({ error: 'Your role does not export aggregates' }, { status: 403, headers: PERSONAL_HEADERS });
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return jsonError(
      400,
      issue.code === 'unrecognized_keys'
        ? `unknown parameter ${issue.keys.join(', ')}`
        : `${issue.path.join('.')} ${issue.message}`,
    );
  }
  const query = parsed.data;
  try {
    const db = await getDb();
    const compared = await findCompared(db, access.scope, query.gemeenten);
    if (!compared) return jsonError(404, 'No such municipalities that you may see');
    const { periods, fallback } = await loadPeriods(db);
    const period = query.periode === undefined ? fallback : (periods.find((p) => p.id === query.periode) ?? null);
    if (!period) return jsonError(404, 'No signals in that period');
    const data = await loadCompare(db, access.scope, compared, period, categoryKey(query.categorie));
    const table = buildCompareTable(query.tabel, data);
    const geometries = new Map<string, Geometry>();
    if (query.formaat === 'geojson') {
      if (table.level === 'neighbourhood')
        for (const c of Object.values(data.shapes))
          for (const f of c.features) geometries.set(f.properties.code, f.geometry);
      else
        for (const code of new Set(compared.map((m) => m.regionCode)))
          for (const f of (await municipalityOutlinesGeoJson(db, code)).features)
            geometries.set(String(f.properties.code), f.geometry);
    }
    const notes = [...new Set(compared.map((m) => m.regionCode))];
    return exportFile(
      db,
      {
        actorUserId: access.scope.userId,
        target: { kind: 'comparison', id: query.gemeenten.join('_') },
        details: { table: query.tabel, period: period.id, category: query.categorie, regions: notes.length },
      },
      {
        format: query.formaat,
        name: `buurtradar-vergelijking-${query.gemeenten.join('-')}-${query.tabel}-${period.id}`,
        columns: table.columns,
        rows: table.rows,
        lang: 'nl',
        metadata: exportMetadata(data.note, 'nl', `; periode ${period.from} t/m ${period.to}`),
        geometry: (row) => geometries.get(String(row.key)) ?? null,
      },
    );
  } catch (error) {
    console.error('[buurtradar] comparison export failed', error);
    return jsonError(500, 'The export could not be made; try again later');
  }
}
