import { z } from 'zod';
import { INDICATOR_CODES } from '@/lib/indicators/catalog';
import { CRS_CHOICES } from './coordinates';
import { CSV_DELIMITERS } from './csv';
import type { ImportChoices } from './dry-run';
import { TEXT_ENCODINGS } from './encoding';
import { IMPORT_LAYERS, type ImportLayer, isPeriod } from './layers';

/**
 * The text fields of an import upload (POST /api/imports and /api/imports/dry-run, multipart),
 * next to the file itself. A form sends strings, and "" or "auto" for "let the import decide",
 * so those become "not chosen". Every field is checked and each problem is named by field, in
 * the `{ errors: { field: { code, message } } }` shape of the other forms.
 */
export interface FieldError {
  code: string;
  message: string;
}

export interface UploadFields {
  layer: ImportLayer;
  choices: ImportChoices;
  /** Indicators: the source shown with each value on the map ("Statbel"); default the file name. */
  source: string | null;
}

/** Delimiters by name, so a form or a script need not send a tab or a pipe. */
const DELIMITER_NAMES: Record<string, (typeof CSV_DELIMITERS)[number]> = {
  semicolon: ';',
  comma: ',',
  tab: '\t',
  pipe: '|',
  ';': ';',
  ',': ',',
  '\t': '\t',
  '|': '|',
};

const unset = (value: unknown) => (value === undefined || value === '' || value === 'auto' ? undefined : value);
const listed = (values: readonly string[]) => values.map((value) => JSON.stringify(value)).join(', ');

const fields = z.strictObject({
  layer: z.enum(IMPORT_LAYERS, {
    error: (issue) =>
      issue.input === undefined || issue.input === ''
        ? 'is required: choose the layer to import into'
        : `must be one of ${listed(IMPORT_LAYERS)}`,
  }),
  format: z.preprocess(unset, z.enum(['csv', 'geojson'], { error: 'must be csv, geojson or auto' }).optional()),
  // "auto" is a real choice for the coordinate system (detect it), so it is kept.
  crs: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.enum(CRS_CHOICES, { error: `must be one of ${listed(CRS_CHOICES)}` }).optional(),
  ),
  delimiter: z.preprocess(
    (value) => {
      const chosen = unset(value);
      return typeof chosen === 'string' && Object.hasOwn(DELIMITER_NAMES, chosen) ? DELIMITER_NAMES[chosen] : chosen;
    },
    z.enum(CSV_DELIMITERS, { error: 'must be semicolon, comma, tab, pipe or auto' }).optional(),
  ),
  encoding: z.preprocess(
    unset,
    z.enum(TEXT_ENCODINGS, { error: `must be one of ${listed(TEXT_ENCODINGS)} or auto` }).optional(),
  ),
  indicator: z.preprocess(
    unset,
    z.enum(INDICATOR_CODES, { error: `must be one of ${listed(INDICATOR_CODES)}` }).optional(),
  ),
  period: z.preprocess(unset, z.string().refine(isPeriod, 'must be a year (2024) or a date (2024-01-01)').optional()),
  aggregation: z.preprocess(
    unset,
    z.enum(['sum', 'weighted_mean'], { error: 'must be sum, weighted_mean or auto' }).optional(),
  ),
  source: z.preprocess(
    unset,
    z
      .string()
      .trim()
      .min(1)
      .max(120, 'must be at most 120 characters')
      .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
      .optional(),
  ),
});

export type ParsedUploadFields = { ok: true; value: UploadFields } | { ok: false; errors: Record<string, FieldError> };

/** Checks the upload's text fields (everything but `file`): all of them, each problem by name. */
export function parseUploadFields(input: Record<string, unknown>): ParsedUploadFields {
  const parsed = fields.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, FieldError> = {};
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          errors[key.slice(0, 64)] ??= {
            code: 'unknown_field',
            message:
              'is not a field of an import (file, layer, crs, delimiter, encoding, format, indicator, period, aggregation, source)',
          };
        continue;
      }
      const field = String(issue.path[0] ?? '_form');
      errors[field] ??= { code: issue.code === 'invalid_value' ? 'unknown_value' : 'invalid', message: issue.message };
    }
    return { ok: false, errors };
  }
  const { layer, source, ...rest } = parsed.data;
  const choices = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)) as ImportChoices;
  return { ok: true, value: { layer, choices, source: source ?? null } };
}
