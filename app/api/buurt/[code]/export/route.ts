import { z } from 'zod';
import { exportFile, exportMetadata } from '@/app/_server/analysis/export-response';
import { loadProfile, lookupNeighbourhood } from '@/app/_server/analysis/profile-data';
import { profileColumns, profilePdfContent, profileRows } from '@/app/_server/analysis/profile-export';
import { PERSONAL_HEADERS } from '@/app/_server/session';
import { jsonError } from '@/app/api/areas/respond';
import { writeAuditLog } from '@/db/queries/audit-log';
import { neighbourhoodsGeoJson } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { DEFAULT_ACCESS_DISTANCE } from '@/lib/analysis/analysis-query';
import { periodId } from '@/lib/analysis/periods';
import { renderProfilePdf } from '@/lib/analysis/profile-pdf';
import { canExportAggregates } from '@/lib/auth/access';
import { createTranslator, messagesFor } from '@/lib/i18n/translate';
import type { ExportRow } from '@/lib/analysis/export';
import type { SuppressedValue } from '@/lib/analysis/suppression';

const querySchema = z
  .object({
    formaat: z.enum(['pdf', 'csv', 'csv-excel', 'geojson']),
    periode: periodId.optional(),
    taal: z.enum(['nl', 'en']).default('nl'),
  })
  .strict();

/**
 * GET /api/buurt/<code>/export?formaat=pdf|csv|csv-excel|geojson[&periode=2026&taal=nl|en]: the
 * neighbourhood profile as a file, suppressed as on screen, audited ('export.aggregates').
 * 400 bad parameter, 401 anonymous, 403 a role without exports, 404 not the person's.
 */
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }): Promise<Response> {
  const { code } = await params;
  const access = await lookupNeighbourhood(code);
  if (!access.ok) {
    const error =
      access.status === 401
        ? 'Sign in first: this needs an account'
        : `No neighbourhood with code ${code} that you may see`;
    return Response.json({ error }, { status: access.status, headers: PERSONAL_HEADERS });
  }
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
    const profile = await loadProfile(db, access, query.periode, DEFAULT_ACCESS_DISTANCE);
    if (!profile) return jsonError(404, 'There are no signals yet');
    if (query.periode && profile.period.id !== query.periode)
      return jsonError(404, `No signals in periode ${query.periode}`);
    const lang = query.taal;
    const metadata = exportMetadata(
      profile.note,
      lang,
      lang === 'nl'
        ? `; periode ${profile.period.from} t/m ${profile.period.to}`
        : `; period ${profile.period.from} to ${profile.period.to}`,
    );
    const name = `buurtradar-buurt-${code}-${profile.period.id}`;
    const shapes = await neighbourhoodsGeoJson(db, { municipalityNis: profile.place.municipalityNis });
    if (query.formaat === 'pdf') {
      const t = createTranslator(messagesFor(lang === 'nl' ? 'nl-BE' : 'en'));
      const bytes = await renderProfilePdf(
        profilePdfContent(
          profile,
          shapes.features.map((f) => ({ code: f.properties.code, geometry: f.geometry })),
          t,
          lang === 'nl' ? 'nl-BE' : 'en',
          lang,
          metadata,
        ),
      );
      await writeAuditLog(db, {
        event: 'export.aggregates',
        actorUserId: access.scope.userId,
        target: { kind: 'neighbourhood', id: code },
        details: { table: 'profile', period: profile.period.id, format: 'pdf' },
      });
      return new Response(Buffer.from(bytes), {
        headers: {
          ...PERSONAL_HEADERS,
          'Content-Type': 'application/pdf',
          'Content-Disposition': `attachment; filename="${name}.pdf"`,
        },
      });
    }
    const geometry = shapes.features.find((f) => f.properties.code === code)?.geometry ?? null;
    const rows = profileRows(profile);
    // GeoJSON: one feature, the neighbourhood, with every figure as a property.
    const flat = query.formaat === 'geojson' ? [flattenProfile(code, profile.place.name, rows)] : rows;
    return exportFile(
      db,
      {
        actorUserId: access.scope.userId,
        target: { kind: 'neighbourhood', id: code },
        details: { table: 'profile', period: profile.period.id },
      },
      {
        format: query.formaat,
        name,
        columns: query.formaat === 'geojson' ? [] : profileColumns(lang),
        rows: flat,
        metadata,
        lang,
        geometry: () => geometry,
      },
    );
  } catch (error) {
    console.error('[buurtradar] profile export failed', error);
    return jsonError(500, 'The export could not be made; try again later');
  }
}

function flattenProfile(code: string, name: string, rows: ReturnType<typeof profileRows>): ExportRow {
  const properties: Record<string, ExportRow[string]> = { code, name };
  for (const row of rows) {
    const key = [row.section, row.item, row.period].filter(Boolean).join('_');
    const count = row.count as SuppressedValue;
    if (count.suppressed !== null || count.value !== null) properties[`${key}_count`] = count;
    if (row.value !== null && row.value !== undefined) properties[key] = row.value;
    if (row.section === 'hotspot') properties[`${key}_class`] = row.text;
  }
  return properties;
}
