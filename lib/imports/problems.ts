import { type ImportDetail, formatDetail } from './problem-detail';

/**
 * What an import reports back: one problem per row and field, so a user can fix the file in a
 * spreadsheet. `row` is what the user sees: the line in a CSV file (the header is line 1), the
 * feature number in a GeoJSON file (the first feature is 1); `null` for the file as a whole.
 * `code` is stable (for translations and tests). `detail` is the sentence naming the value and
 * the fix, as a template key with its values, which the page shows in the reader's language;
 * `problem` is that sentence in English, for API clients.
 */
export interface ImportProblem {
  row: number | null;
  field: string | null;
  code: ImportProblemCode;
  problem: string;
  detail: ImportDetail;
}

export type ImportProblemCode =
  | 'file_empty'
  | 'file_too_large'
  | 'too_many_rows'
  | 'no_rows'
  | 'not_text'
  | 'encoding'
  | 'unsupported_format'
  | 'malformed_csv'
  | 'malformed_geojson'
  | 'delimiter'
  | 'missing_column'
  | 'duplicate_column'
  | 'column_count'
  | 'required'
  | 'not_a_number'
  | 'not_an_integer'
  | 'out_of_range'
  | 'unknown_value'
  | 'too_long'
  | 'invalid_format'
  | 'duplicate'
  | 'crs'
  | 'swapped_coordinates'
  | 'outside_flanders'
  | 'outside_neighbourhoods'
  | 'mixed_crs'
  | 'geometry'
  | 'unknown_sector'
  | 'sector_not_localised'
  | 'incomplete_neighbourhood'
  | 'options';

export function fileProblem(code: ImportProblemCode, detail: ImportDetail): ImportProblem {
  return { row: null, field: null, code, problem: formatDetail('en', detail), detail };
}

export function rowProblem(
  row: number,
  field: string | null,
  code: ImportProblemCode,
  detail: ImportDetail,
): ImportProblem {
  return { row, field, code, problem: formatDetail('en', detail), detail };
}

/** Quotes a user's value in a message, shortened so a huge cell cannot flood the report. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
