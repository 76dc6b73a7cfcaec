import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { SuppressedValue, SuppressionNote } from './suppression';

/**
 * CSV and GeoJSON exports of tables and aggregated layers, with their source, date and a note
 * of what was suppressed.
 *
 * CSV dialects:
 * - `standard`: RFC 4180: `,` between fields, `.` as decimal point, CRLF line ends, UTF-8.
 * - `excel-be`: what Excel opens correctly in a Belgian (nl-BE / fr-BE) locale: `;` between
 *   fields, decimal comma, CRLF, UTF-8 with a byte-order mark (without it Excel reads UTF-8 as
 *   Windows-1252 and mangles "Sint-Katelijne-Waver – Onze-Lieve-Vrouw-Waver" and ë).
 * Fields are quoted when they hold the separator, a quote or a line break; quotes are doubled.
 * A text field that starts with = + - @ or a tab is prefixed with ' so a spreadsheet does not
 * run it as a formula (CSV injection).
 *
 * Where the metadata goes: three comment lines *before* the header, each starting with `#`
 * (source, date, suppression note). A reader sees them first; csv-parse (`comment: '#'`),
 * pandas (`comment='#'`) and R (`comment.char = '#'`) skip them. They hold no separator,
 * quote or line break (replaced), so in a spreadsheet each stays one cell in column A.
 *
 * Suppressed counts are written as `x` (the Dutch statistical convention for "confidential"),
 * a missing value as an empty field; primary and secondary suppression look the same on
 * purpose (see suppression.ts). GeoJSON writes null and lists the hidden keys per feature.
 *
 * Both writers refuse data that did not go through suppression: a count column must hold
 * `SuppressedValue`s, and none may show a count from 1 to threshold − 1. That is a programmer
 * error (`UnsuppressedDataError`), never a user's.
 */

export type CsvDialect = 'standard' | 'excel-be';

export const SUPPRESSED_MARKER = 'x';

export interface ExportMetadata {
  /** Where the figures come from, as it should be credited. */
  source: string;
  generatedAt: Date;
  suppression: SuppressionNote;
  /** The suppression note in the reader's language (e.g. `suppressionNoteText`). */
  suppressionText: string;
}

export type ExportColumn =
  | { key: string; header: string; kind: 'text' }
  | { key: string; header: string; kind: 'number'; decimals?: number }
  | { key: string; header: string; kind: 'count' };

export type ExportValue = string | number | null | undefined | SuppressedValue;
export type ExportRow = Readonly<Record<string, ExportValue>>;

export class UnsuppressedDataError extends Error {
  override name = 'UnsuppressedDataError';
}

const LABELS = {
  nl: { source: 'Bron', generatedAt: 'Aangemaakt', suppression: 'Afscherming' },
  en: { source: 'Source', generatedAt: 'Generated', suppression: 'Suppression' },
} as const;

export interface CsvOptions {
  dialect?: CsvDialect;
  locale?: keyof typeof LABELS;
}

export function toCsv(
  columns: readonly ExportColumn[],
  rows: readonly ExportRow[],
  metadata: ExportMetadata,
  options: CsvOptions = {},
): string {
  const dialect = options.dialect ?? 'standard';
  const separator = dialect === 'excel-be' ? ';' : ',';
  const labels = LABELS[options.locale ?? 'nl'];
  const threshold = metadata.suppression.threshold;

  const comment = (label: string, text: string) =>
    `# ${label}: ${text
      .replace(/[\r\n]+/g, ' ')
      .replaceAll('"', "'")
      .replaceAll(separator, separator === ';' ? ',' : ';')}`;
  const lines = [
    comment(labels.source, metadata.source),
    comment(labels.generatedAt, metadata.generatedAt.toISOString()),
    comment(labels.suppression, metadata.suppressionText),
    columns.map((column) => quote(column.header, separator)).join(separator),
  ];
  rows.forEach((row, index) => {
    lines.push(
      columns
        .map((column) => quote(formatField(column, row[column.key], dialect, threshold, index), separator))
        .join(separator),
    );
  });
  const text = lines.join('\r\n') + '\r\n';
  return dialect === 'excel-be' ? `\uFEFF${text}` : text;
}

function formatField(
  column: ExportColumn,
  value: ExportValue,
  dialect: CsvDialect,
  threshold: number,
  row: number,
): string {
  if (column.kind === 'count') {
    const checked = checkedCount(value, threshold, `row ${row + 1}, column ${column.key}`);
    return checked.suppressed ? SUPPRESSED_MARKER : checked.value === null ? '' : String(checked.value);
  }
  if (isSuppressedValue(value))
    throw new UnsuppressedDataError(`column ${column.key} holds a count: declare it as kind 'count'`);
  if (value === null || value === undefined) return '';
  if (column.kind === 'number') {
    if (typeof value !== 'number') throw new TypeError(`row ${row + 1}, column ${column.key}: a number was expected`);
    if (!Number.isFinite(value)) return '';
    const text = column.decimals === undefined ? String(value) : value.toFixed(column.decimals);
    return dialect === 'excel-be' ? text.replace('.', ',') : text;
  }
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(field: string, separator: string): string {
  return field.includes(separator) || /["\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/** A GeoJSON FeatureCollection with a `metadata` member (RFC 7946 allows foreign members). */
export interface ExportFeatureCollection extends FeatureCollection<Geometry | null> {
  metadata: {
    source: string;
    generatedAt: string;
    suppression: { threshold: number; hiddenCells: number; note: string };
  };
}

/**
 * @param countKeys properties that are counts: each must be a `SuppressedValue`. A property
 *   that is a `SuppressedValue` is treated as a count whether listed or not.
 */
export function toGeoJson(
  features: readonly { geometry: Geometry | null; properties: ExportRow }[],
  countKeys: readonly string[],
  metadata: ExportMetadata,
): ExportFeatureCollection {
  const threshold = metadata.suppression.threshold;
  const counts = new Set(countKeys);
  return {
    type: 'FeatureCollection',
    metadata: {
      source: metadata.source,
      generatedAt: metadata.generatedAt.toISOString(),
      suppression: {
        threshold,
        hiddenCells: metadata.suppression.primary + metadata.suppression.secondary,
        note: metadata.suppressionText,
      },
    },
    features: features.map((feature, index): Feature<Geometry | null> => {
      const properties: Record<string, unknown> = {};
      const hidden: string[] = [];
      for (const [key, value] of Object.entries(feature.properties)) {
        if (counts.has(key) || isSuppressedValue(value)) {
          const checked = checkedCount(value, threshold, `feature ${index + 1}, property ${key}`);
          properties[key] = checked.value;
          if (checked.suppressed) hidden.push(key);
        } else {
          properties[key] = value ?? null;
        }
      }
      if (hidden.length > 0) properties.suppressed = hidden;
      return { type: 'Feature', geometry: feature.geometry, properties };
    }),
  };
}

function checkedCount(
  value: ExportValue,
  threshold: number,
  where: string,
): { value: number | null; suppressed: boolean } {
  if (!isSuppressedValue(value)) {
    throw new UnsuppressedDataError(
      `${where}: a count must come from suppressTable ({ value, suppressed }), got ${JSON.stringify(value)}`,
    );
  }
  if (value.suppressed !== null) {
    if (value.value !== null) throw new UnsuppressedDataError(`${where}: a suppressed count still carries its value`);
    return { value: null, suppressed: true };
  }
  if (value.value !== null && value.value > 0 && value.value < threshold) {
    throw new UnsuppressedDataError(
      `${where}: count ${value.value} is below the threshold ${threshold} but not suppressed`,
    );
  }
  return { value: value.value, suppressed: false };
}

function isSuppressedValue(value: unknown): value is SuppressedValue {
  return typeof value === 'object' && value !== null && 'suppressed' in value && 'value' in value;
}
