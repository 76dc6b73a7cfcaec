import { z } from 'zod';
import { municipalityNis, neighbourhoodCode, regionCode } from '@/lib/areas/codes';
import { DEFAULT_INDICATOR, INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import { TILE_LAYERS, isTileLayer, type TileLayer } from '@/lib/tiles/layers';
import { mapOptionsQuery, type MapOptions } from './map-options';

/**
 * The map's state lives in its URL, so that a link reproduces the view:
 *   /kaart/<region>[/<municipality>]?indicator=<code>&buurt=<neighbourhood code>&lagen=<layer>,<layer>
 * Path segments are strict (an unknown area is a 404); query values are forgiving (a stale or
 * mistyped value falls back to its default instead of breaking a shared link).
 */

export const MAP_BASE_PATH = '/kaart';

export interface MapState {
  regionCode: string;
  municipalityNis?: string;
  neighbourhoodCode?: string;
  indicator: IndicatorCode;
  /** Overlay layers switched on; none when absent. */
  layers?: readonly TileLayer[];
  /** View, time window, filters and drawing options (lib/map/map-options.ts). */
  options?: MapOptions;
}

const indicatorCodes = INDICATORS.map((indicator) => indicator.code) as [IndicatorCode, ...IndicatorCode[]];
export const indicatorCode = z.enum(indicatorCodes);

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const mapQuerySchema = z.object({
  indicator: z.preprocess(firstValue, indicatorCode).catch(DEFAULT_INDICATOR),
  buurt: z.preprocess(firstValue, neighbourhoodCode.optional()).catch(undefined),
});

export type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

/** The query part of the map state; invalid values become their defaults. */
export function parseMapQuery(input: SearchParamsInput): Pick<MapState, 'indicator' | 'neighbourhoodCode'> {
  const record = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  const parsed = mapQuerySchema.parse(record);
  return { indicator: parsed.indicator, neighbourhoodCode: parsed.buurt };
}

/**
 * `lagen`: comma-separated overlay layer names. Unknown names are dropped (a link made by a
 * later version still opens), and the result is in catalogue order without duplicates, so the
 * same set always gives the same URL.
 */
const layersSchema = z
  .preprocess(firstValue, z.string().max(200))
  .transform((value) => {
    const wanted = new Set(
      value
        .split(',')
        .map((name) => name.trim())
        .filter(isTileLayer),
    );
    return TILE_LAYERS.filter((layer) => wanted.has(layer));
  })
  .catch([]);

/** The overlay layers in the query (`lagen`); none when absent or invalid. */
export function parseLayersQuery(input: SearchParamsInput): TileLayer[] {
  const record = input instanceof URLSearchParams ? Object.fromEntries(input.entries()) : input;
  return layersSchema.parse(record.lagen);
}

const areaSegmentsSchema = z.union([z.tuple([regionCode]), z.tuple([regionCode, municipalityNis])]);

export type AreaSegments = { regionCode: string; municipalityNis?: string };

/**
 * The path segments after /kaart: [region] or [region, municipality]. Returns null when they
 * are malformed (wrong shape or too many); whether the codes exist is for the database to say.
 */
export function parseAreaSegments(segments: readonly string[] | undefined): AreaSegments | null {
  const parsed = areaSegmentsSchema.safeParse(segments ?? []);
  if (!parsed.success) return null;
  const [region, municipality] = parsed.data;
  return municipality ? { regionCode: region, municipalityNis: municipality } : { regionCode: region };
}

/** The URL of a map state; the default indicator is left out to keep links short. */
export function mapHref(state: MapState): string {
  const path = [MAP_BASE_PATH, state.regionCode, ...(state.municipalityNis ? [state.municipalityNis] : [])].join('/');
  const query = new URLSearchParams();
  if (state.indicator !== DEFAULT_INDICATOR) query.set('indicator', state.indicator);
  if (state.neighbourhoodCode) query.set('buurt', state.neighbourhoodCode);
  // Layer names are [a-z_], so the commas can stay unescaped: the link stays readable.
  const layers = TILE_LAYERS.filter((layer) => state.layers?.includes(layer));
  // Codes and numbers are [a-z0-9_.,-]: commas stay unescaped in these too.
  const options = (state.options ? mapOptionsQuery(state.options) : []).map(([key, value]) => `${key}=${value}`);
  const search = [query.toString(), layers.length > 0 ? `lagen=${layers.join(',')}` : '', ...options]
    .filter(Boolean)
    .join('&');
  return search ? `${path}?${search}` : path;
}
