import { z } from 'zod';
import {
  ALL_CATEGORIES,
  DEFAULT_ACCESS_DISTANCE,
  DEFAULT_WEIGHT_PERCENT,
  categoryParam,
  distanceParam,
  weightsParam,
} from './analysis-query';
import { EXPORT_TABLES } from './export-tables';
import { periodId } from './periods';

export const EXPORT_FORMATS = ['csv', 'csv-excel', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `GET /api/analyse/<region>/export?tabel=…&formaat=…[&categorie&periode&afstand&gewichten]`: strict. */
export const exportQuerySchema = z
  .object({
    tabel: z.enum(EXPORT_TABLES),
    formaat: z.enum(EXPORT_FORMATS),
    categorie: categoryParam.default(ALL_CATEGORIES),
    periode: periodId.optional(),
    afstand: distanceParam.default(DEFAULT_ACCESS_DISTANCE),
    gewichten: weightsParam.default(DEFAULT_WEIGHT_PERCENT),
    taal: z.enum(['nl', 'en']).default('nl'),
  })
  .strict();

export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The first problem in words naming the parameter, for a 400 `{ error }`. */
export function parseExportQuery(
  params: URLSearchParams,
): { ok: true; value: ExportQuery } | { ok: false; error: string } {
  const record: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in record) return { ok: false, error: `${key} is given twice` };
    record[key] = value;
  }
  const parsed = exportQuerySchema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  if (issue.code === 'unrecognized_keys') return { ok: false, error: `unknown parameter ${issue.keys.join(', ')}` };
  return { ok: false, error: `${issue.path.join('.') || 'query'} ${issue.message}` };
}
