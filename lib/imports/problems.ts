/**
 * What an import reports back: one problem per row and field, so a user can fix the file in a
 * spreadsheet. `row` is what the user sees: the line in a CSV file (the header is line 1), the
 * feature number in a GeoJSON file (the first feature is 1); `null` for the file as a whole.
 * `code` is stable (for translations and tests), `problem` an English sentence naming the value.
 */
export interface ImportProblem {
  row: number | null;
  field: string | null;
  code: ImportProblemCode;
  problem: string;
}

export type ImportProblemCode =
  | 'file_empty' | 'file_too_large' | 'too_many_rows' | 'no_rows' | 'not_text' | 'encoding' | 'unsupported_format'
  | 'malformed_csv' | 'malformed_geojson' | 'delimiter' | 'missing_column' | 'duplicate_column' | 'column_count'
  | 'required' | 'not_a_number' | 'not_an_integer' | 'out_of_range' | 'unknown_value' | 'too_long' | 'invalid_format'
  | 'duplicate' | 'crs' | 'swapped_coordinates' | 'outside_flanders' | 'outside_neighbourhoods' | 'mixed_crs' | 'geometry'
  | 'unknown_sector' | 'sector_not_localised' | 'incomplete_neighbourhood' | 'options';

export function fileProblem(code: ImportProblemCode, problem: string): ImportProblem {
  return { row: null, field: null, code, problem };
}

export function rowProblem(row: number, field: string | null, code: ImportProblemCode, problem: string): ImportProblem {
  return { row, field, code, problem };
}

/** Quotes a user's value in a message, shortened so a huge cell cannot flood the report. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
