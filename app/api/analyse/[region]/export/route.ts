import type { Geometry } from 'geojson';
import { analysisAreaOrResponse } from '@/app/_server/analysis/access';
import { exportFile, exportMetadata } from '@/app/_server/analysis/export-response';
import { loadPeriods, loadRegionAnalysis } from '@/app/_server/analysis/region-data';
import { jsonError } from '@/app/api/areas/respond';
import { PERSONAL_HEADERS } from '@/app/_server/session';
import { municipalityOutlinesGeoJson, neighbourhoodsGeoJson } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { categoryKey } from '@/lib/analysis/analysis-query';
import { NON_SPATIAL_TABLES, buildExportTable } from '@/lib/analysis/export-tables';
import { parseExportQuery } from '@/lib/analysis/export-query';
import { canExportAggregates } from '@/lib/auth/access';

/**
 * GET /api/analyse/<region>/export?tabel=hotspots|gemeenten|maanden|index|aanbod|verlichting|wonen
 *   &formaat=csv|csv-excel|geojson [&categorie=…&periode=2026&afstand=1000&gewichten=…&taal=nl|en]
 * The table as the analysis page shows it, suppressed the same way, with source, date and a
 * suppression note; every export is written to the audit log ('export.aggregates').
 * 400 bad parameter, 401 anonymous, 403 a role without exports, 404 a region not the person's.
 */
export async function GET(request: Request, { params }: { params: Promise<{ region: string }> }): Promise<Response> {
  const { region: code } = await params;
  const access = await analysisAreaOrResponse(code);
  if (!access.ok) return access.response;
  const { area } = access;
  if (!canExportAggregates(area.scope)) {
    return Response.json({ error: 'Your role does not export aggregates' }, { status: 403, headers: PERSONAL_HEADERS });
  }
  const parsed = parseExportQuery(new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const query = parsed.value;
  if (query.formaat === 'geojson' && NON_SPATIAL_TABLES.includes(query.tabel))
    return jsonError(400, `formaat geojson is not available for tabel ${query.tabel}: it has no geometry`);
  try {
    const db = await getDb();
    const { periods, fallback } = await loadPeriods(db);
    const period = query.periode === undefined ? fallback : (periods.find((p) => p.id === query.periode) ?? null);
    if (!period)
      return jsonError(404, query.periode ? `No signals in periode ${query.periode}` : 'There are no signals yet');
    const data = await loadRegionAnalysis(db, {
      regionCode: area.region.code,
      regionNis: area.municipalities.map((m) => m.nis),
      visibleNis: area.visibleNis,
      period,
      category: categoryKey(query.categorie),
      distance: query.afstand,
      scope: area.scope,
    });
    const table = buildExportTable(query.tabel, {
      analysis: data.analysis,
      publication: data.inputs.publication,
      weights: query.gewichten,
      wholeRegion: area.visibleNis.length === area.municipalities.length,
      regionName: area.region.name,
      visibleNis: area.visibleNis,
      lang: query.taal,
    });
    const geometries = new Map<string, Geometry>();
    if (query.formaat === 'geojson') {
      const collection =
        table.level === 'municipality'
          ? await municipalityOutlinesGeoJson(db, area.region.code)
          : await neighbourhoodsGeoJson(db, { regionCode: area.region.code });
      for (const feature of collection.features) geometries.set(String(feature.properties.code), feature.geometry);
    }
    const note = data.inputs.publication.note;
    return exportFile(
      db,
      {
        actorUserId: area.scope.userId,
        target: { kind: 'region', id: area.region.code },
        details: { table: query.tabel, period: period.id, category: query.categorie },
      },
      {
        format: query.formaat,
        name: `buurtradar-${area.region.code}-${query.tabel}-${period.id}-${query.categorie}`,
        columns: table.columns,
        rows: table.rows,
        metadata: exportMetadata(
          note,
          query.taal,
          query.taal === 'nl' ? `; periode ${period.from} t/m ${period.to}` : `; period ${period.from} to ${period.to}`,
        ),
        geometry: (row) => geometries.get(String(row.key)) ?? null,
        lang: query.taal,
      },
    );
  } catch (error) {
    console.error('[buurtradar] analysis export failed', error);
    return jsonError(500, 'The export could not be made; try again later');
  }
}
