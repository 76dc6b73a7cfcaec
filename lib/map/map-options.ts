import { z } from 'zod';
import {
  PARTNER_TYPES,
  SIGNAL_CATEGORY_CODES,
  SIGNAL_STATUSES,
  type PartnerType,
  type SignalCategoryCode,
  type SignalStatus,
} from '@/lib/signals/categories';
import { isYearMonth, type MonthWindow } from './month-window';

/**
 * The rest of the map state in the URL, besides area, indicator, neighbourhood and layers
 * (lib/map/map-url.ts):
 *   positie=<lon>,<lat>,<zoom>      the camera
 *   van=YYYY-MM&tot=YYYY-MM          the time window (whole months)
 *   categorie=, status=, partner=    signal filters (comma-separated codes; absent = all)
 *   signalen=tarief|raster|warmte    how signals are drawn
 *   ringen=500,1000                  walking-distance rings around services (metres)
 * Like the rest of the query, values are forgiving: an invalid one is dropped, never an error,
 * so that an old or hand-edited link still opens.
 */

export const SIGNAL_VIEWS = ['rate', 'grid', 'heatmap'] as const;
export type SignalView = (typeof SIGNAL_VIEWS)[number];
/** The URL speaks Dutch, like the paths. */
const SIGNAL_VIEW_WORDS: Record<SignalView, string> = { rate: 'tarief', grid: 'raster', heatmap: 'warmte' };
export const DEFAULT_SIGNAL_VIEW: SignalView = 'rate';

export const WALK_DISTANCES = [500, 1000] as const;
export type WalkDistance = (typeof WALK_DISTANCES)[number];

export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}
export const MIN_VIEW_ZOOM = 6;
export const MAX_VIEW_ZOOM = 17;

export interface MapOptions {
  view?: MapView;
  /** Undefined: the default window (the data's last twelve months). */
  window?: MonthWindow;
  /** Empty: no filter (all). */
  categories: SignalCategoryCode[];
  statuses: SignalStatus[];
  partners: PartnerType[];
  signalView: SignalView;
  walkDistances: WalkDistance[];
}

export const DEFAULT_MAP_OPTIONS: MapOptions = {
  categories: [],
  statuses: [],
  partners: [],
  signalView: DEFAULT_SIGNAL_VIEW,
  walkDistances: [],
};

type Input = Record<string, string | string[] | undefined>;
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** Known codes of a comma-separated list, in catalogue order, without repeats. */
function codes<T extends string>(value: string | undefined, known: readonly T[]): T[] {
  if (!value || value.length > 500) return [];
  const wanted = new Set(value.split(','));
  return known.filter((code) => wanted.has(code));
}

const viewSchema = z
  .string()
  .max(60)
  .transform((text) => text.split(',').map(Number))
  .pipe(
    z.tuple([
      z.number().min(-180).max(180),
      z.number().min(-85).max(85),
      z.number().min(MIN_VIEW_ZOOM).max(MAX_VIEW_ZOOM),
    ]),
  );

function parseView(value: string | undefined): MapView | undefined {
  const parsed = viewSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const [lon, lat, zoom] = parsed.data;
  return { lon, lat, zoom };
}

function parseWindow(from: string | undefined, to: string | undefined): MonthWindow | undefined {
  if (!from || !to || !isYearMonth(from) || !isYearMonth(to) || to < from) return undefined;
  return { from, to };
}

export function parseMapOptions(input: URLSearchParams | Input): MapOptions {
  const record: Input = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  const get = (key: string) => first(record[key]);
  const viewWord = get('signalen');
  const signalView = SIGNAL_VIEWS.find((view) => SIGNAL_VIEW_WORDS[view] === viewWord) ?? DEFAULT_SIGNAL_VIEW;
  const distances = new Set((get('ringen') ?? '').split(',').map(Number));
  return {
    view: parseView(get('positie')),
    window: parseWindow(get('van'), get('tot')),
    categories: codes(get('categorie'), SIGNAL_CATEGORY_CODES),
    statuses: codes(get('status'), SIGNAL_STATUSES),
    partners: codes(get('partner'), PARTNER_TYPES),
    signalView,
    walkDistances: WALK_DISTANCES.filter((distance) => distances.has(distance)),
  };
}

/** Rounded so a link stays short: 5 decimals is about a metre, zoom to hundredths. */
export const viewToText = (view: MapView) =>
  `${Number(view.lon.toFixed(5))},${Number(view.lat.toFixed(5))},${Number(view.zoom.toFixed(2))}`;

/** The options as query pairs, defaults left out; the inverse of parseMapOptions. */
export function mapOptionsQuery(options: MapOptions): [string, string][] {
  const pairs: [string, string][] = [];
  if (options.window) pairs.push(['van', options.window.from], ['tot', options.window.to]);
  if (options.categories.length > 0) pairs.push(['categorie', options.categories.join(',')]);
  if (options.statuses.length > 0) pairs.push(['status', options.statuses.join(',')]);
  if (options.partners.length > 0) pairs.push(['partner', options.partners.join(',')]);
  if (options.signalView !== DEFAULT_SIGNAL_VIEW) pairs.push(['signalen', SIGNAL_VIEW_WORDS[options.signalView]]);
  if (options.walkDistances.length > 0) pairs.push(['ringen', options.walkDistances.join(',')]);
  if (options.view) pairs.push(['positie', viewToText(options.view)]);
  return pairs;
}
