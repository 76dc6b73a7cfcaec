import { z } from 'zod';
import { SERVICE_TYPES, type ServiceTypeCode } from '@/lib/services/service-types';
import {
  PARTNER_TYPES,
  SIGNAL_CATEGORY_CODES,
  SIGNAL_STATUSES,
  type PartnerType,
  type SignalCategoryCode,
  type SignalStatus,
} from '@/lib/signals/categories';
import { LAYER_RULES } from './aggregation';
import { TILE_LAYERS, type TileLayer, isTileLayer } from './layers';

/**
 * A tile request: `/api/tiles/{layer}/{z}/{x}/{y}.pbf?v=…&filters`, validated strictly. A bad
 * value is a 400 naming the parameter and the reason, never a guess: a typo in a filter must
 * not quietly return unfiltered data to a dashboard.
 */

/** Calendar days in Europe/Brussels, both included ('YYYY-MM-DD'). */
export interface DateWindow {
  from: string;
  to: string;
}

export interface SignalFilters {
  window?: DateWindow;
  categories?: SignalCategoryCode[];
  statuses?: SignalStatus[];
  partners?: PartnerType[];
}
export interface ServiceFilters {
  types?: ServiceTypeCode[];
}
export interface StreetLightFilters {
  statuses?: StreetLightStatus[];
}
export interface DwellingFilters {
  window?: DateWindow;
}

export const STREET_LIGHT_STATUSES = ['working', 'defect'] as const;
export type StreetLightStatus = (typeof STREET_LIGHT_STATUSES)[number];
export const MAX_WINDOW_YEARS = 10;
export const MAX_ZOOM = 22;

/** z/x/y of the XYZ (slippy map) scheme: y = 0 is the northern edge of EPSG:3857. */
export interface TileCoordinates {
  z: number;
  x: number;
  y: number;
}

interface Common extends TileCoordinates {
  /** The layer version the URL was built with (`v`); undefined when the URL has none. */
  version: string | undefined;
}
export type TileRequest = Common &
  (
    | { layer: 'signals'; filters: SignalFilters }
    | { layer: 'services'; filters: ServiceFilters }
    | { layer: 'street_lights'; filters: StreetLightFilters }
    | { layer: 'social_housing'; filters: Record<string, never> }
    | { layer: 'substandard_dwellings'; filters: DwellingFilters }
  );

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const utcDay = (text: string) => new Date(`${text}T00:00:00Z`);
const isCalendarDay = (text: string) => {
  const date = utcDay(text);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
};
/** Days 1900–2999: enough for any record, and safely inside what PostgreSQL and Date handle. */
const day = z
  .string()
  .regex(/^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$/, 'must be a date as YYYY-MM-DD between 1900 and 2999')
  .refine(isCalendarDay, 'is not a day of the calendar');

/** A comma-separated list of known codes, without repeats. */
function codeList<T extends string>(known: readonly T[]) {
  return z.string().transform((text, ctx): T[] => {
    const items = text.split(',');
    if (items.some((item) => item === '')) {
      ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of codes, without empty items' });
      return z.NEVER;
    }
    const unknown = items.filter((item) => !(known as readonly string[]).includes(item));
    if (unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `has unknown ${unknown.map((code) => `"${code}"`).join(', ')}; known: ${known.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(items as T[])];
  });
}

/** The day `years` calendar years after `from` (29 February moves to 1 March). */
function addYears(from: string, years: number): Date {
  const date = utcDay(from);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

const windowShape = { from: day.optional(), to: day.optional() };
function checkWindow(query: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  const { from, to } = query;
  // zod runs this refinement even when a field failed: those already have their own issue.
  if ([from, to].some((end) => end !== undefined && !day.safeParse(end).success)) return;
  if ((from === undefined) !== (to === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [from === undefined ? 'from' : 'to'],
      message: 'is required with the other end of the window (give both from and to, or neither)',
    });
  } else if (from !== undefined && to !== undefined) {
    if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: `must not be before from (${from})` });
    else if (utcDay(to) >= addYears(from, MAX_WINDOW_YEARS)) {
      const limit = addYears(from, MAX_WINDOW_YEARS).toISOString().slice(0, 10);
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `makes the window longer than ${MAX_WINDOW_YEARS} years (it must be before ${limit})`,
      });
    }
  }
}
const toWindow = (from?: string, to?: string): DateWindow | undefined => (from && to ? { from, to } : undefined);

/** Layer versions are tokens such as 1.3.mhz0k2a8 (see db/queries/layer-versions.ts). */
const version = z.string().regex(/^[0-9a-z.]{1,40}$/, 'must be a layer version such as 1.3.mhz0k2a8');

const QUERIES = {
  signals: z
    .object({
      v: version.optional(),
      ...windowShape,
      categories: codeList(SIGNAL_CATEGORY_CODES).optional(),
      status: codeList(SIGNAL_STATUSES).optional(),
      partner: codeList(PARTNER_TYPES).optional(),
    })
    .superRefine(checkWindow)
    .transform((q) => ({
      version: q.v,
      filters: {
        window: toWindow(q.from, q.to),
        categories: q.categories,
        statuses: q.status,
        partners: q.partner,
      } satisfies SignalFilters,
    })),
  services: z
    .object({ v: version.optional(), types: codeList(SERVICE_TYPES.map((type) => type.code)).optional() })
    .transform((q) => ({ version: q.v, filters: { types: q.types } satisfies ServiceFilters })),
  street_lights: z
    .object({ v: version.optional(), status: codeList(STREET_LIGHT_STATUSES).optional() })
    .transform((q) => ({ version: q.v, filters: { statuses: q.status } satisfies StreetLightFilters })),
  social_housing: z
    .object({ v: version.optional() })
    .transform((q) => ({ version: q.v, filters: {} as Record<string, never> })),
  substandard_dwellings: z
    .object({ v: version.optional(), ...windowShape })
    .superRefine(checkWindow)
    .transform((q) => ({ version: q.v, filters: { window: toWindow(q.from, q.to) } satisfies DwellingFilters })),
} satisfies Record<TileLayer, z.ZodType>;

/** The query parameters a layer accepts, for the message about one it does not. */
const acceptedParameters = (layer: TileLayer): string[] => Object.keys(QUERIES[layer].in.shape);

const INTEGER = /^(0|[1-9][0-9]{0,6})$/;

/**
 * Validates the path segments (`y` may end in .pbf or .mvt) and the query string of a tile
 * request. Coordinates must lie in the zoom's grid (0 ≤ x, y < 2^z) and the zoom within what
 * the layer serves.
 */
export function parseTileRequest(
  path: { layer: string; z: string; x: string; y: string },
  params: URLSearchParams,
): ParseResult<TileRequest> {
  const fail = (error: string): ParseResult<TileRequest> => ({ ok: false, error });
  if (!isTileLayer(path.layer)) return fail(`Unknown layer "${path.layer}"; layers: ${TILE_LAYERS.join(', ')}`);
  const layer = path.layer;
  const maxZoom = LAYER_RULES[layer].maxZoom;

  if (!INTEGER.test(path.z) || Number(path.z) > MAX_ZOOM)
    return fail(`Invalid tile: z must be an integer from 0 to ${MAX_ZOOM}`);
  const zoom = Number(path.z);
  if (zoom > maxZoom)
    return fail(
      `Invalid tile: layer ${layer} has tiles up to z ${maxZoom} (the map scales those up beyond it), not z ${zoom}`,
    );
  const size = 2 ** zoom;
  const yText = path.y.replace(/\.(pbf|mvt)$/, '');
  for (const [name, text] of [
    ['x', path.x],
    ['y', yText],
  ] as const) {
    if (!INTEGER.test(text) || Number(text) >= size)
      return fail(`Invalid tile: ${name} must be an integer from 0 to ${size - 1} at z ${zoom}`);
  }

  const record: Record<string, string> = {};
  const accepted = acceptedParameters(layer);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (!accepted.includes(key))
      return fail(`Invalid query: ${key} is not a parameter of layer ${layer} (it takes ${accepted.join(', ')})`);
    if (values.length > 1) return fail(`Invalid query: ${key} is given ${values.length} times`);
    record[key] = values[0] ?? '';
  }
  const parsed = QUERIES[layer].safeParse(record);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`.trim());
    return fail(`Invalid query: ${problems.join('; ')}`);
  }
  const coordinates = { z: zoom, x: Number(path.x), y: Number(yText) };
  return { ok: true, value: { layer, ...coordinates, ...parsed.data } as TileRequest };
}

/**
 * The signal filters of another request (e.g. per-neighbourhood counts), with the same
 * parameters and messages as the signal tiles: `region` and other keys are the caller's.
 */
export function parseSignalFilters(params: URLSearchParams, otherKeys: readonly string[]): ParseResult<SignalFilters> {
  const record: Record<string, string> = {};
  const accepted = acceptedParameters('signals').filter((key) => key !== 'v');
  for (const key of new Set(params.keys())) {
    if (otherKeys.includes(key)) continue;
    const values = params.getAll(key);
    if (!accepted.includes(key))
      return {
        ok: false,
        error: `Invalid query: ${key} is not a parameter (it takes ${[...otherKeys, ...accepted].join(', ')})`,
      };
    if (values.length > 1) return { ok: false, error: `Invalid query: ${key} is given ${values.length} times` };
    record[key] = values[0] ?? '';
  }
  const parsed = QUERIES.signals.safeParse(record);
  if (!parsed.success) {
    return {
      ok: false,
      error: `Invalid query: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`.trim()).join('; ')}`,
    };
  }
  return { ok: true, value: parsed.data.filters };
}
