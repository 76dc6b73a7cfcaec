import type { CoordinateLabels, Crs } from './coordinates';
import { type CsvDelimiter, parseCsv } from './csv';
import { parseGeoJsonPoints } from './geojson';
import type { RowCells } from './layers';
import { detail } from './problem-detail';
import { type ImportProblem, quote, rowProblem } from './problems';
import { type RawValue, cellText, parseDecimal } from './values';

/**
 * CSV and GeoJSON read into one shape, so the row checks do not care which it was: named
 * columns (a CSV header, or the union of the features' property names) and per record its
 * row number, a cell reader and, for GeoJSON, the position from the geometry.
 */
export interface SourceRecord {
  row: number;
  cell(index: number): RawValue;
  /** Non-empty cells beyond the header (CSV): a value with an unquoted separator. */
  extraCells: number;
  /** GeoJSON: the geometry's position (null when unusable); CSV: read from the x/y columns. */
  position: [number, number] | null | 'columns';
}

export interface Source {
  delimiter: CsvDelimiter | null;
  header: string[];
  records: SourceRecord[];
  /** The system a GeoJSON `crs` member names. */
  declaredCrs: Crs | null;
  /** Problems found while reading (GeoJSON geometries). */
  problems: ImportProblem[];
}

export type SourceResult = Source | { problem: ImportProblem };

export function readCsvSource(text: string, delimiter: CsvDelimiter | undefined, maxRows: number): SourceResult {
  const parsed = parseCsv(text, { delimiter, maxRows });
  if (!parsed.ok) return { problem: parsed.problem };
  const { header, records, delimiter: used } = parsed.table;
  return {
    delimiter: used,
    header,
    declaredCrs: null,
    problems: [],
    records: records.map(({ row, cells }) => ({
      row,
      cell: (index: number) => cells[index],
      extraCells: cells.slice(header.length).filter((cell) => cell.trim().length > 0).length,
      position: 'columns' as const,
    })),
  };
}

export function readGeoJsonSource(text: string, maxRows: number): SourceResult {
  const parsed = parseGeoJsonPoints(text, maxRows);
  if (!parsed.ok) return { problem: parsed.problem };
  // The feature's own `id` member counts as a column "id" (street lights use it as their id).
  const withId = parsed.records.some((record) => record.id !== null);
  const header = [
    ...new Set([...(withId ? ['id'] : []), ...parsed.records.flatMap((record) => Object.keys(record.properties))]),
  ];
  return {
    delimiter: null,
    header,
    declaredCrs: parsed.declaredCrs,
    problems: parsed.problems,
    records: parsed.records.map((record) => ({
      row: record.row,
      cell: (index: number) => {
        const name = header[index]!;
        if (Object.hasOwn(record.properties, name)) return record.properties[name];
        return name === 'id' && withId ? record.id : null;
      },
      extraCells: 0,
      position: record.position,
    })),
  };
}

/** A record's cells by field key, through the column match. */
export function rowCells(
  record: SourceRecord,
  indexOf: ReadonlyMap<string, number>,
  nameOf: ReadonlyMap<string, string>,
): RowCells {
  return {
    has: (key) => indexOf.has(key),
    get: (key) => {
      const index = indexOf.get(key);
      return index === undefined ? undefined : (record.cell(index) ?? null);
    },
    label: (key) => nameOf.get(key) ?? key,
  };
}

/** Each record's [first, second] coordinate pair, or null (with a problem pushed) when unusable. */
export function readPositions(
  records: readonly SourceRecord[],
  indexOf: ReadonlyMap<string, number>,
  labels: CoordinateLabels,
  problems: ImportProblem[],
): ([number, number] | null)[] {
  return records.map((record) => {
    if (record.position !== 'columns') return record.position;
    const read = (key: 'x' | 'y', label: string) => {
      const raw = record.cell(indexOf.get(key)!);
      if (cellText(raw) === null) {
        problems.push(rowProblem(record.row, label, 'required', detail('coordinate_required')));
        return null;
      }
      const value = parseDecimal(raw);
      if (value === null)
        problems.push(rowProblem(record.row, label, 'not_a_number', detail('not_a_number', { value: quote(raw) })));
      return value;
    };
    const first = read('x', labels.first);
    const second = read('y', labels.second);
    return first === null || second === null ? null : [first, second];
  });
}
