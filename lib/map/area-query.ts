import { z } from 'zod';
import { municipalityNis, regionCode } from '@/lib/areas/codes';

/**
 * Query strings of the /api/areas endpoints. Unlike the page URL these are strict: a bad value
 * is a 400 that names the parameter, so a client bug shows up instead of returning other data.
 * `v` is the data version the client got with the page; it only affects caching.
 */
const version = z
  .string()
  .regex(/^[0-9a-z.-]{1,64}$/, 'must be a data version such as 3-1200-5')
  .optional();

export const regionOutlinesQuery = z.object({ v: version });

export const municipalityOutlinesQuery = z.object({
  region: regionCode,
  v: version,
});

export const neighbourhoodsQuery = z
  .object({ region: regionCode.optional(), municipality: municipalityNis.optional(), v: version })
  .refine((query) => (query.region === undefined) !== (query.municipality === undefined), {
    message: 'give exactly one of region (e.g. region=sw11) or municipality (e.g. municipality=13003)',
  });

export const regionDetailQuery = z.object({ v: version });

export type QueryResult<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Validates URL search parameters (a parameter given twice is an error, not silently the first)
 * and turns zod issues into one readable sentence.
 */
export function parseQuery<T>(schema: z.ZodType<T>, params: URLSearchParams): QueryResult<T> {
  const record: Record<string, string> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) return { ok: false, error: `Invalid query: ${key} is given ${values.length} times` };
    record[key] = values[0] ?? '';
  }
  const parsed = schema.safeParse(record);
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    if (!name) return issue.message;
    return issue.code === 'invalid_type' && record[name] === undefined
      ? `${name} is required`
      : `${name} ${issue.message}`;
  });
  return { ok: false, error: `Invalid query: ${problems.join('; ')}` };
}
