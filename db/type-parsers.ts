/**
 * The same JavaScript types from both backends: node-postgres returns int8 and numeric as
 * strings and dates as Date; PGlite has its own defaults. Counts and sums are safe as numbers
 * here (far below 2^53), and a `date` is a calendar day, so it stays a 'YYYY-MM-DD' string.
 */
export const INT8_OID = 20;
export const NUMERIC_OID = 1700;
export const DATE_OID = 1082;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [INT8_OID]: (value) => Number(value),
  [NUMERIC_OID]: (value) => Number(value),
  [DATE_OID]: (value) => value,
};
