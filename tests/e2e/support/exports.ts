import { parse } from 'csv-parse/sync';

/**
 * Checks a downloaded export for counts below the threshold: every value of a count column
 * (CSV) or count property (GeoJSON) must be empty, `x`/null (hidden), 0, or at least the
 * threshold. Returns the offending cells, so a test can show them.
 */
export const COUNT_COLUMNS = new Set([
  'signalen',
  'signals',
  'aantal',
  'count',
  'signalen_onveilig',
  'signals_unsafe',
  'signalen_wonen',
  'signals_housing',
  'ongeschikte_woningen',
  'substandard_dwellings',
]);

export function smallCountsInCsv(text: string, threshold = 5): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const delimiter = body
    .split(/\r?\n/)
    .find((line) => !line.startsWith('#'))
    ?.includes(';')
    ? ';'
    : ',';
  const records = parse(body, { comment: '#', delimiter, columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const problems: string[] = [];
  records.forEach((record, index) => {
    for (const [column, value] of Object.entries(record)) {
      if (!COUNT_COLUMNS.has(column) || value === '' || value === 'x') continue;
      const number = Number(value);
      if (!Number.isInteger(number) || (number > 0 && number < threshold))
        problems.push(`row ${index + 1} ${column}=${value}`);
    }
  });
  return problems;
}

export function smallCountsInGeoJson(text: string, threshold = 5): string[] {
  const collection = JSON.parse(text) as { features: { properties: Record<string, unknown> }[] };
  const problems: string[] = [];
  collection.features.forEach((feature, index) => {
    for (const [key, value] of Object.entries(feature.properties)) {
      if (!(COUNT_COLUMNS.has(key) || key.endsWith('_count')) || value === null) continue;
      if (typeof value !== 'number' || !Number.isInteger(value) || (value > 0 && value < threshold))
        problems.push(`feature ${index + 1} ${key}=${String(value)}`);
    }
  });
  return problems;
}
