import { z } from 'zod';
import { INDICATOR_CODES } from '@/lib/indicators/catalog';
import { type ColumnMatch, matchColumns } from './columns';
import {
  type CoordinateLabels,
  type Crs,
  CRS_CHOICES,
  type CrsChoice,
  classifyPair,
  detectCrs,
  toWgs84,
} from './coordinates';
import { CSV_DELIMITERS, type CsvDelimiter } from './csv';
import { TEXT_ENCODINGS, decodeText } from './encoding';
import {
  COORDINATE_COLUMNS,
  type FileDefaults,
  type ImportLayer,
  type IndicatorRow,
  LAYER_SPECS,
  type LayerRows,
  type LayerSpec,
  type RowCells,
  isPeriod,
} from './layers';
import { type ImportDetail, detail } from './problem-detail';
import { type ImportProblem, type ImportProblemCode, fileProblem, quote, rowProblem } from './problems';
import { DEFAULT_AGGREGATION, type NeighbourhoodValue, rollUpSectors, sectorCounts } from './roll-up';
import { type Source, readCsvSource, readGeoJsonSource, readPositions, rowCells } from './sources';

/**
 * The dry run of an import: reads the uploaded bytes, checks every row and reports every
 * problem by row and field, without touching the database. The commit (db/) only runs when
 * `ok` is true and inserts exactly `rows` (or `rolledUp`) in one transaction, so an import is
 * all or nothing. Never throws on bad input: whatever the bytes, the answer is a plan.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_ROWS = 500_000;
/** More problems than this are counted, not listed: a user fixes the first ones first. */
export const MAX_LISTED_PROBLEMS = 1000;

/** What a user may choose on the import form; validated here, so the API can pass it through. */
export const importChoicesSchema = z.strictObject({
  format: z.enum(['csv', 'geojson']).optional(),
  delimiter: z.enum(CSV_DELIMITERS).optional(),
  encoding: z.enum(TEXT_ENCODINGS).optional(),
  crs: z.enum(CRS_CHOICES).optional(),
  /** Field → column name in the file, for columns the aliases do not recognise. */
  columns: z.record(z.string().max(64), z.string().min(1).max(200)).optional(),
  indicator: z.enum(INDICATOR_CODES).optional(),
  period: z.string().refine(isPeriod, 'must be a year (2024) or a date (2024-01-01)').optional(),
  aggregation: z.enum(['sum', 'weighted_mean']).optional(),
});
export type ImportChoices = z.infer<typeof importChoicesSchema>;

export interface ImportOptions extends ImportChoices {
  /** Statistical sector → neighbourhood code (db/seed/boundaries); needed for sector files. */
  sectorTable?: ReadonlyMap<string, string>;
  maxBytes?: number;
  maxRows?: number;
}

export interface ImportPlan<L extends ImportLayer = ImportLayer> {
  layer: L;
  fileName: string;
  /** True when the file can be committed: no errors and at least one row. */
  ok: boolean;
  /** The valid rows, coordinates in WGS84 (for indicators: as in the file, see `rolledUp`). */
  rows: LayerRows[L][];
  /** Sector values rolled up to neighbourhoods; null unless the file gives sector codes. */
  rolledUp: NeighbourhoodValue[] | null;
  /** At most MAX_LISTED_PROBLEMS; `summary.errorCount` has the full count. */
  errors: ImportProblem[];
  warnings: ImportProblem[];
  detected: {
    format: 'csv' | 'geojson' | null;
    encoding: string | null;
    delimiter: CsvDelimiter | null;
    crs: Crs | null;
    /** `row` numbers count lines (CSV, header = 1) or features (GeoJSON, first = 1). */
    rowUnit: 'line' | 'feature';
    /** Field → the file's column name. */
    columns: Record<string, string>;
    ignoredColumns: string[];
  };
  summary: { rowsRead: number; rowsValid: number; rowsWithErrors: number; errorCount: number; warningCount: number };
}

export function planImport<L extends ImportLayer>(
  layer: L,
  bytes: Uint8Array,
  fileName: string,
  options: ImportOptions = {},
): ImportPlan<L> {
  const plan = emptyPlan(layer, typeof fileName === 'string' ? fileName.slice(0, 255) : '');
  const read = readFile(plan, bytes, options);
  if ('failed' in read) return fail(plan, ...read.failed);
  const { spec, choice, source } = read;

  const match = matchColumns(
    source.header,
    plan.detected.format === 'csv' && spec.hasCoordinates ? [...COORDINATE_COLUMNS, ...spec.columns] : spec.columns,
    choice.columns,
  );
  const defaults: FileDefaults = { indicator: choice.indicator, period: choice.period };
  plan.detected.columns = Object.fromEntries(match.nameOf);
  plan.detected.ignoredColumns = match.ignored;
  const columnProblem = spec.checkColumns?.(new Set(match.indexOf.keys()), defaults) ?? null;
  if (match.problems.length > 0 || columnProblem) {
    return fail(
      plan,
      ...match.problems.map((problem) => fileProblem(problem.code, problem.detail)),
      ...(columnProblem ? [fileProblem('missing_column', columnProblem)] : []),
    );
  }

  const checked = checkRows(plan, spec, source, match, defaults, choice.crs);
  const warnings: ImportProblem[] = [];
  if (plan.layer === 'indicators') {
    rollUp(
      plan,
      checked.rows as IndicatorRow[],
      options,
      choice.aggregation,
      (key) => match.nameOf.get(key) ?? key,
      checked.errors,
      warnings,
    );
  }
  return finish(plan, checked.rows, checked.errors, warnings, source.records.length, checked.rowsWithErrors);
}

/** File-level checks, in the order a user would fix them: options, size, type, encoding, syntax. */
function readFile<L extends ImportLayer>(
  plan: ImportPlan<L>,
  bytes: Uint8Array,
  options: ImportOptions,
): { spec: LayerSpec<L>; choice: ImportChoices; source: Source } | { failed: ImportProblem[] } {
  const failed = (code: ImportProblemCode, why: ImportDetail) => ({ failed: [fileProblem(code, why)] });
  const spec = Object.hasOwn(LAYER_SPECS, plan.layer) ? (LAYER_SPECS[plan.layer] as LayerSpec<L>) : undefined;
  if (!spec) return failed('options', detail('unknown_layer', { layer: quote(plan.layer) }));
  const serverProblem = checkServerOptions(options);
  if (serverProblem) return failed('options', serverProblem);
  const choices = importChoicesSchema.safeParse(pickChoices(options));
  if (!choices.success) return failed('options', optionDetail(choices.error.issues[0]));
  const choice = choices.data;
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (!(bytes instanceof Uint8Array)) return failed('file_empty', detail('no_file'));
  if (bytes.length === 0) return failed('file_empty', detail('file_empty'));
  if (bytes.length > maxBytes)
    return failed(
      'file_too_large',
      detail('file_too_large', { size: megabytes(bytes.length), max: megabytes(maxBytes) }),
    );
  const extension = /\.([a-z0-9]+)$/i.exec(plan.fileName)?.[1]?.toLowerCase() ?? '';
  if (!choice.format && extension && !['csv', 'txt', 'tsv', 'geojson', 'json'].includes(extension)) {
    return failed('unsupported_format', detail('unsupported_extension', { extension }));
  }
  const decoded = decodeText(bytes, choice.encoding);
  if (!decoded.ok) return failed(decoded.code, decoded.detail);
  plan.detected.encoding = decoded.encoding;

  // Content decides over the file name: a CSV header never starts with "{" or "[".
  const looksJson = /^\s*[{[]/.test(decoded.text.slice(0, 1024));
  const format = choice.format ?? (looksJson || extension === 'geojson' || extension === 'json' ? 'geojson' : 'csv');
  plan.detected.format = format;
  plan.detected.rowUnit = format === 'csv' ? 'line' : 'feature';
  if (format === 'geojson' && !spec.hasCoordinates)
    return failed('unsupported_format', detail('indicators_not_geojson'));
  const maxRows = options.maxRows ?? MAX_ROWS;
  const source =
    format === 'csv'
      ? readCsvSource(decoded.text, choice.delimiter, maxRows)
      : readGeoJsonSource(decoded.text, maxRows);
  if ('problem' in source) return { failed: [source.problem] };
  plan.detected.delimiter = source.delimiter;
  if (source.records.length === 0) return failed('no_rows', detail('no_data_rows'));
  return { spec, choice, source };
}

/** Every row: its coordinates (in the file's system), its attributes, and duplicates. */
function checkRows<L extends ImportLayer>(
  plan: ImportPlan<L>,
  spec: LayerSpec<L>,
  source: Source,
  match: ColumnMatch,
  defaults: FileDefaults,
  crsChoice: CrsChoice | undefined,
) {
  const errors: ImportProblem[] = [...source.problems];
  const labels: CoordinateLabels =
    plan.detected.format === 'csv'
      ? { first: match.nameOf.get('x') ?? 'x', second: match.nameOf.get('y') ?? 'y' }
      : { first: 'longitude', second: 'latitude' };
  // Coordinates first, over the whole file, because the system is decided per file.
  const positions = spec.hasCoordinates ? readPositions(source.records, match.indexOf, labels, errors) : [];
  const crs = !spec.hasCoordinates
    ? null
    : crsChoice && crsChoice !== 'auto'
      ? crsChoice
      : (source.declaredCrs ?? detectCrs(positions.filter((p): p is [number, number] => p !== null)));
  plan.detected.crs = crs;
  if (spec.hasCoordinates) warnAboutSwappedFile(positions, crs, labels, errors);

  const rowsWithErrors = new Set<number>(errors.flatMap((problem) => (problem.row === null ? [] : [problem.row])));
  const rows: LayerRows[L][] = [];
  const uniqueKeys = new Map<string, number>();
  source.records.forEach((record, index) => {
    const rowErrors: ImportProblem[] = [];
    if (record.extraCells > 0) {
      rowErrors.push(rowProblem(record.row, null, 'column_count', detail('extra_cells', { count: record.extraCells })));
    }
    let lonLat: { lon: number; lat: number } | null = null;
    const position = positions[index];
    if (position && crs) {
      const converted = toWgs84(position[0], position[1], crs, labels);
      if (converted.ok) lonLat = { lon: converted.lon, lat: converted.lat };
      else rowErrors.push(rowProblem(record.row, `${labels.first}/${labels.second}`, converted.code, converted.detail));
    }
    const cells = rowCells(record, match.indexOf, match.nameOf);
    const built = spec.build(cells, record.row, defaults);
    rowErrors.push(...built.problems);
    const duplicate = built.value && duplicateOf(plan.layer, built.value, record.row, uniqueKeys, cells);
    if (duplicate) rowErrors.push(duplicate);
    if (rowErrors.length > 0 || rowsWithErrors.has(record.row)) {
      errors.push(...rowErrors);
      rowsWithErrors.add(record.row);
    } else if (built.value && (!spec.hasCoordinates || lonLat)) {
      rows.push({ row: record.row, ...lonLat, ...built.value } as LayerRows[L]);
    }
  });
  return { rows, errors, rowsWithErrors: rowsWithErrors.size };
}

/** Row errors say "swapped" per row; when most rows are, the columns are the likely cause. */
function warnAboutSwappedFile(
  positions: ([number, number] | null)[],
  crs: Crs | null,
  labels: CoordinateLabels,
  errors: ImportProblem[],
) {
  const usable = positions.filter((p): p is [number, number] => p !== null);
  const swapped = usable.filter(([a, b]) => classifyPair(a, b) === `${crs}_swapped`).length;
  if (usable.length > 0 && swapped > usable.length / 2) {
    errors.unshift(
      fileProblem(
        'swapped_coordinates',
        detail('swapped_file', { count: swapped, total: usable.length, xName: labels.first, yName: labels.second }),
      ),
    );
  }
}

/** Street lights are unique by their own id; indicator values by area, indicator and period. */
function duplicateOf(
  layer: ImportLayer,
  value: object,
  row: number,
  seen: Map<string, number>,
  cells: RowCells,
): ImportProblem | null {
  let key: string | null = null;
  let field = '';
  if (layer === 'street_lights') {
    const externalId = (value as { externalId: string | null }).externalId;
    if (externalId !== null) {
      key = externalId;
      field = cells.label('external_id');
    }
  } else if (layer === 'indicators') {
    const { areaLevel, areaCode, indicator, period } = value as IndicatorRow;
    key = `${areaCode}|${indicator}|${period}`;
    field = cells.label(areaLevel);
  }
  if (key === null) return null;
  const first = seen.get(key);
  if (first === undefined) {
    seen.set(key, row);
    return null;
  }
  return rowProblem(row, field, 'duplicate', detail('duplicate_row', { row: first, key: key.replaceAll('|', ' ') }));
}

function rollUp(
  plan: ImportPlan,
  rows: IndicatorRow[],
  options: ImportOptions,
  aggregation: 'sum' | 'weighted_mean' | undefined,
  labelOf: (key: string) => string,
  errors: ImportProblem[],
  warnings: ImportProblem[],
) {
  const table = options.sectorTable;
  const sectorRows = rows.filter((row) => row.areaLevel === 'sector');
  if (table) {
    const neighbourhoods = sectorCounts(table);
    for (const row of rows) {
      if (row.areaLevel === 'neighbourhood' && !neighbourhoods.has(row.areaCode)) {
        errors.push(
          rowProblem(
            row.row,
            labelOf('neighbourhood'),
            'unknown_value',
            detail('unknown_neighbourhood', { code: row.areaCode }),
          ),
        );
      }
    }
  }
  if (sectorRows.length === 0) return;
  if (!table) {
    errors.push(fileProblem('options', detail('sector_table_missing')));
    return;
  }
  const result = rollUpSectors(
    sectorRows.map((row) => ({
      row: row.row,
      sectorCode: row.areaCode,
      indicator: row.indicator,
      period: row.period,
      value: row.value,
      weight: row.weight,
    })),
    table,
    aggregation ?? ((indicator) => DEFAULT_AGGREGATION[indicator as keyof typeof DEFAULT_AGGREGATION] ?? 'sum'),
  );
  // The roll-up names fields by key; the user knows them by the file's column names.
  const named = (problem: ImportProblem) => ({
    ...problem,
    field: problem.field === null ? null : labelOf(problem.field),
  });
  errors.push(...result.errors.map(named));
  warnings.push(...result.warnings.map(named));
  plan.rolledUp = result.values;
}

function finish<L extends ImportLayer>(
  plan: ImportPlan<L>,
  rows: LayerRows[L][],
  errors: ImportProblem[],
  warnings: ImportProblem[],
  rowsRead: number,
  rowsWithErrors: number,
): ImportPlan<L> {
  const errorRows = new Set(errors.flatMap((problem) => (problem.row === null ? [] : [problem.row])));
  const invalid = Math.max(rowsWithErrors, errorRows.size);
  plan.errors = byRow(errors).slice(0, MAX_LISTED_PROBLEMS);
  plan.warnings = byRow(warnings).slice(0, MAX_LISTED_PROBLEMS);
  plan.rows = errors.length === 0 ? rows : rows.filter((row) => !errorRows.has(row.row));
  plan.ok = errors.length === 0 && rows.length > 0;
  plan.summary = {
    rowsRead,
    rowsValid: plan.rows.length,
    rowsWithErrors: invalid,
    errorCount: errors.length,
    warningCount: warnings.length,
  };
  return plan;
}

/** File problems first, then by row; stable, so a row's problems keep their column order. */
export function byRow(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.index - b.index)
    .map(({ problem }) => problem);
}

function fail<L extends ImportLayer>(plan: ImportPlan<L>, ...problems: ImportProblem[]): ImportPlan<L> {
  plan.ok = false;
  plan.rows = [];
  plan.rolledUp = null;
  plan.errors = problems;
  plan.summary = { ...plan.summary, errorCount: problems.length };
  return plan;
}

function emptyPlan<L extends ImportLayer>(layer: L, fileName: string): ImportPlan<L> {
  return {
    layer,
    fileName,
    ok: false,
    rows: [],
    rolledUp: null,
    errors: [],
    warnings: [],
    detected: {
      format: null,
      encoding: null,
      delimiter: null,
      crs: null,
      rowUnit: 'line',
      columns: {},
      ignoredColumns: [],
    },
    summary: { rowsRead: 0, rowsValid: 0, rowsWithErrors: 0, errorCount: 0, warningCount: 0 },
  };
}

/** The options the server sets (not the user): a wrong one is a bug, reported rather than thrown. */
function checkServerOptions(options: unknown): ImportDetail | null {
  if (typeof options !== 'object' || options === null) return detail('options_not_object');
  const { sectorTable, maxBytes, maxRows } = options as ImportOptions;
  if (sectorTable !== undefined && !(sectorTable instanceof Map)) return detail('option_not_map');
  for (const [name, value] of [
    ['maxBytes', maxBytes],
    ['maxRows', maxRows],
  ] as const) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1))
      return detail('option_not_positive_integer', { option: name });
  }
  return null;
}

/**
 * A user's choice the schema refused. The period's message is ours (see the schema), so it is
 * translated; the others are zod's own English, passed on as they are.
 */
function optionDetail(issue: z.core.$ZodIssue | undefined): ImportDetail {
  const option = issue?.path.join('.') ?? '';
  if (issue?.code === 'custom' && option === 'period') return detail('invalid_period_option');
  return detail('invalid_option', { option, message: issue?.message ?? 'is invalid' });
}

/** The user's choices among the options: everything but the server's own settings. */
function pickChoices(options: ImportOptions): Record<string, unknown> {
  const serverSettings = new Set(['sectorTable', 'maxBytes', 'maxRows']);
  return Object.fromEntries(
    Object.entries(options).filter(([key, value]) => !serverSettings.has(key) && value !== undefined),
  );
}

/** Megabytes to one decimal, rounded as toFixed(1) did (the sentences print them with one decimal). */
const megabytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
