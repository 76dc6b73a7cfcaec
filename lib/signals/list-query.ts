import { z } from 'zod';
import { SIGNAL_CATEGORY_CODES, SIGNAL_STATUSES, type SignalStatus } from './categories';

/**
 * The query of a signal list (GET /api/signals and the /meldingen page): which statuses and
 * categories, and which page. Lists are filters, not personal data, so they may sit in a URL.
 * `status` and `category` take comma-separated codes or repeat; unknown parameters are refused
 * so that a typo does not silently show everything.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE = 10_000;

export interface SignalListQuery {
  statuses: SignalStatus[];
  categories: string[];
  page: number;
  pageSize: number;
}

export type ListQueryResult = { ok: true; value: SignalListQuery } | { ok: false; error: string };

const PARAMETERS = ['status', 'category', 'page', 'pageSize'] as const;

const positive = (name: string, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,6}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(1, `${name} must be at least 1`).max(max, `${name} must be at most ${max}`));

/** `get(name)` gives every value of a parameter (URLSearchParams.getAll, or a page's searchParams). */
export function parseSignalListQuery(
  get: (name: string) => readonly string[],
  names: Iterable<string>,
): ListQueryResult {
  for (const name of names) {
    if (!(PARAMETERS as readonly string[]).includes(name)) {
      return {
        ok: false,
        error: `Invalid query: ${name.slice(0, 40)} is not a parameter (it takes ${PARAMETERS.join(', ')})`,
      };
    }
  }
  const codes = (name: string) =>
    get(name)
      .flatMap((value) => value.split(','))
      .map((code) => code.trim())
      .filter(Boolean);
  const statuses = codes('status');
  const wrongStatus = statuses.find((code) => !(SIGNAL_STATUSES as readonly string[]).includes(code));
  if (wrongStatus !== undefined)
    return {
      ok: false,
      error: `Invalid query: status "${wrongStatus.slice(0, 40)}" is not one of ${SIGNAL_STATUSES.join(', ')}`,
    };
  const categories = codes('category');
  const wrongCategory = categories.find((code) => !(SIGNAL_CATEGORY_CODES as readonly string[]).includes(code));
  if (wrongCategory !== undefined)
    return {
      ok: false,
      error: `Invalid query: category "${wrongCategory.slice(0, 40)}" is not one of ${SIGNAL_CATEGORY_CODES.join(', ')}`,
    };
  const single = (name: 'page' | 'pageSize', max: number, fallback: number): number | string => {
    const values = get(name);
    if (values.length === 0) return fallback;
    if (values.length > 1) return `Invalid query: ${name} may be given once`;
    const parsed = positive(name, max).safeParse(values[0]);
    return parsed.success ? parsed.data : `Invalid query: ${parsed.error.issues[0]?.message ?? `${name} is invalid`}`;
  };
  const page = single('page', MAX_PAGE, 1);
  if (typeof page === 'string') return { ok: false, error: page };
  const pageSize = single('pageSize', MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  if (typeof pageSize === 'string') return { ok: false, error: pageSize };
  return {
    ok: true,
    value: { statuses: [...new Set(statuses)] as SignalStatus[], categories: [...new Set(categories)], page, pageSize },
  };
}

/** A signal number from a URL segment: digits only, no leading zero, a safe integer. */
export function parseSignalId(text: string): number | null {
  if (!/^[1-9][0-9]{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}
