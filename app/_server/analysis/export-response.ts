import 'server-only';
import type { Kysely } from 'kysely';
import { writeAuditLog } from '@/db/queries/audit-log';
import type { Database } from '@/db/schema';
import {
  type CsvDialect,
  type ExportMetadata,
  toCsv,
  toGeoJson,
  type ExportColumn,
  type ExportRow,
} from '@/lib/analysis/export';
import type { ExportFormat } from '@/lib/analysis/export-query';
import { type SuppressionNote, suppressionNoteText } from '@/lib/analysis/suppression';
import { PERSONAL_HEADERS } from '../session';

/** What every analysis export credits. */
export const ANALYSIS_SOURCE = {
  nl: 'Buurtradar: signalen van zorgpartners; bevolking en indicatoren: indicatorwaarden (demo: geschat); grenzen: Statbel / Provincies in Cijfers',
  en: 'Buurtradar: signals from care partners; population and indicators: indicator values (demo: estimates); boundaries: Statbel / Provincies in Cijfers',
} as const;

export function exportMetadata(note: SuppressionNote, lang: 'nl' | 'en', extraSource = ''): ExportMetadata {
  return {
    source: `${ANALYSIS_SOURCE[lang]}${extraSource}`,
    generatedAt: new Date(),
    suppression: note,
    suppressionText: suppressionNoteText(note, lang),
  };
}

/**
 * The file of a table in the asked format, after the audit record: the record and the answer
 * go together, so an export the log cannot record is not sent.
 */
export async function exportFile(
  db: Kysely<Database>,
  request: { actorUserId: number; target: { kind: string; id: string }; details: Record<string, string | number> },
  file: {
    format: ExportFormat;
    name: string;
    columns: ExportColumn[];
    rows: ExportRow[];
    metadata: ExportMetadata;
    geometry?: (row: ExportRow) => GeoJSON.Geometry | null;
    lang: 'nl' | 'en';
  },
): Promise<Response> {
  const body =
    file.format === 'geojson'
      ? JSON.stringify(
          toGeoJson(
            file.rows.map((row) => ({ geometry: file.geometry?.(row) ?? null, properties: row })),
            file.columns.filter((column) => column.kind === 'count').map((column) => column.key),
            file.metadata,
          ),
        )
      : toCsv(file.columns, file.rows, file.metadata, {
          dialect: (file.format === 'csv-excel' ? 'excel-be' : 'standard') as CsvDialect,
          locale: file.lang,
        });
  await writeAuditLog(db, {
    event: 'export.aggregates',
    actorUserId: request.actorUserId,
    target: request.target,
    details: {
      ...request.details,
      format: file.format,
      rows: file.rows.length,
      hidden: file.metadata.suppression.primary + file.metadata.suppression.secondary,
    },
  });
  const extension = file.format === 'geojson' ? 'geojson' : 'csv';
  return new Response(body, {
    headers: {
      ...PERSONAL_HEADERS,
      'Content-Type': file.format === 'geojson' ? 'application/geo+json; charset=utf-8' : 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.name}.${extension}"`,
    },
  });
}
