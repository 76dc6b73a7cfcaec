import { CsvError, parse } from 'csv-parse/sync';
import { type ImportDetail, detail } from './problem-detail';
import { type ImportProblem, fileProblem } from './problems';

/**
 * CSV as Belgian offices write it: Excel in a Dutch or French locale saves `;` with decimal
 * commas, other tools `,`, Excel's "Unicode text" a tab, Statbel's open data `|`. The delimiter
 * is detected from the header line unless chosen. Row numbers are the line numbers a user sees
 * in an editor (the header is line 1), also when a quoted cell spans lines.
 */
export const CSV_DELIMITERS = [';', ',', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRecord {
  /** Line on which the record starts. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  records: CsvRecord[];
}

export type CsvResult = { ok: true; table: CsvTable } | { ok: false; problem: ImportProblem };

export interface CsvOptions {
  delimiter?: CsvDelimiter;
  /** Data records allowed; one more is an error (parsing stops there). */
  maxRows?: number;
}

/** A cell longer than this is not data for these layers but a broken quote swallowing lines. */
const MAX_RECORD_CHARS = 100_000;
export const DEFAULT_MAX_ROWS = 500_000;

export function parseCsv(input: string, options: CsvOptions = {}): CsvResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim().length === 0) return { ok: false, problem: fileProblem('file_empty', detail('file_empty')) };
  const delimiter = options.delimiter ?? detectDelimiter(text);
  if (!delimiter) {
    return { ok: false, problem: fileProblem('delimiter', detail('no_delimiter')) };
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      // A stray quote inside a cell (Apotheek "De Zon") is taken literally, as Excel does.
      relax_quotes: true,
      skip_empty_lines: true,
      // Rows of only separators (";;;"), which spreadsheets leave at the end, are not data.
      skip_records_with_empty_values: true,
      max_record_size: MAX_RECORD_CHARS,
      // Header + maxRows + 1: enough to know the limit is exceeded without reading further.
      to: maxRows + 2,
    }) as unknown as typeof parsed; // with `info: true` each record comes as { record, info }
  } catch (error) {
    return { ok: false, problem: fileProblem('malformed_csv', csvErrorDetail(error)) };
  }
  const [first, ...rest] = parsed;
  if (!first) return { ok: false, problem: fileProblem('file_empty', detail('file_empty')) };
  if (rest.length > maxRows) {
    return { ok: false, problem: fileProblem('too_many_rows', detail('too_many_rows', { max: maxRows })) };
  }
  const records = rest.map(({ record, info }) => ({ row: startLine(record, info.lines), cells: record }));
  return { ok: true, table: { delimiter, header: first.record.map((name) => name.trim()), records } };
}

/** The separator that occurs most often on the first line, outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter | null {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const char = text[i]!;
    if (char === '"') quoted = !quoted;
    else if (!quoted && char === '\n') {
      if ([...counts.values()].some((count) => count > 0)) break;
    } else if (!quoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
    }
  }
  let best: CsvDelimiter | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    if (counts.get(delimiter)! > (best ? counts.get(best)! : 0)) best = delimiter;
  }
  return best;
}

/** csv-parse reports the line a record ends on; a quoted cell with line breaks started earlier. */
function startLine(record: string[], endLine: number): number {
  let breaks = 0;
  for (const cell of record) for (const char of cell) if (char === '\n') breaks++;
  return endLine - breaks;
}

/**
 * What the parser's error means for the user. The three errors a user's file causes are told in
 * our words; any other keeps csv-parse's own message. The parser gives every error it raises
 * while reading the line it is on (only errors in its options have none, and ours are fixed).
 */
export function csvErrorDetail(error: unknown): ImportDetail {
  if (!(error instanceof CsvError)) return detail('csv_invalid');
  const line = (error as CsvError & { lines?: number }).lines;
  if (!line) return detail('csv_library_error_no_line', { message: error.message });
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return detail('csv_quote_not_closed', { line });
    case 'CSV_INVALID_CLOSING_QUOTE':
      return detail('csv_closing_quote', { line });
    case 'CSV_MAX_RECORD_SIZE':
      return detail('csv_row_too_long', { max: MAX_RECORD_CHARS, line });
    default:
      return detail('csv_library_error', { line, message: error.message });
  }
}
