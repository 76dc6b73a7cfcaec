/**
 * Cell values as Flemish spreadsheets write them. Numbers take a decimal comma ("4,3512") or
 * a point, but no thousands separators: in "1.234" the point could be either, and a wrong
 * guess moves a point by a factor 1000, so such a value is an error rather than a guess.
 */
export type RawValue = string | number | boolean | null | undefined | object;

const DECIMAL = /^[+-]?(?:[0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)(?:[eE][+-]?[0-9]{1,3})?$/;

/** A finite number from a cell, or null when the cell is not one (NaN, Infinity, text, "1.234,5"). */
export function parseDecimal(raw: RawValue): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim().replace(/\u00a0/g, '');
  if (text.length === 0 || text.length > 40 || !DECIMAL.test(text)) return null;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Text of a cell: trimmed; empty → null. Numbers are written back plainly (GeoJSON properties). */
export function cellText(raw: RawValue): string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? String(raw) : null;
  if (typeof raw === 'boolean') return String(raw);
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  return text.length === 0 ? null : text;
}

/** True when a cell holds something that is neither text, a number nor a boolean (GeoJSON). */
export function isStructured(raw: RawValue): boolean {
  return raw !== null && typeof raw === 'object';
}

/**
 * Column names compared loosely: "Lengtegraad", "CD_SECTOR", "Aantal woningen" and
 * "aantal-woningen" become "lengtegraad", "cd_sector", "aantal_woningen".
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
