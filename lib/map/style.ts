import type {
  FilterSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { MAP_COLORS, NO_DATA_COLOR } from './palette';

/**
 * The map style as data. The offline style is only our own GeoJSON on a plain background: no
 * tiles, glyphs or sprites, so it renders with no internet (and in tests). The GeoJSON sources
 * start empty; the map view fills them with `setData` and restyles layers in place.
 *
 * Types come from @maplibre/maplibre-gl-style-spec, the package maplibre-gl itself types its
 * style with (type imports only: nothing of it is bundled from here).
 */

export const SOURCE_IDS = {
  osm: 'osm',
  regions: 'regions',
  municipalities: 'municipalities',
  neighbourhoods: 'neighbourhoods',
} as const;

export const LAYER_IDS = {
  background: 'background',
  osm: 'osm-raster',
  regionsFill: 'regions-fill',
  regionsLine: 'regions-line',
  neighbourhoodsFill: 'neighbourhoods-fill',
  neighbourhoodsHoverFill: 'neighbourhoods-hover-fill',
  neighbourhoodsLine: 'neighbourhoods-line',
  municipalitiesLine: 'municipalities-line',
  regionFocusLine: 'region-focus-line',
  municipalityFocusLine: 'municipality-focus-line',
  neighbourhoodsHover: 'neighbourhoods-hover',
  neighbourhoodsSelectedCasing: 'neighbourhoods-selected-casing',
  neighbourhoodsSelected: 'neighbourhoods-selected',
} as const;

export type Basemap = 'offline' | 'osm';

export interface BasemapOptions {
  basemap: Basemap;
  /** Raster tile URL template with {z}/{x}/{y}; only read when basemap is 'osm'. */
  osmTileUrl: string;
}

/** Matches nothing: the initial filter of highlight layers (no code is empty). */
export const MATCH_NONE: FilterSpecification = ['==', ['get', 'code'], ''];

/** Features whose `code` property equals `code` (a region, municipality or neighbourhood). */
export function codeFilter(code: string | undefined): FilterSpecification {
  return code ? ['==', ['get', 'code'], code] : MATCH_NONE;
}

export function buildMapStyle(options: BasemapOptions): StyleSpecification {
  const emptyCollection = () => ({ type: 'FeatureCollection' as const, features: [] });
  const osm = options.basemap === 'osm';
  const sources: Record<string, SourceSpecification> = {
    [SOURCE_IDS.regions]: { type: 'geojson', data: emptyCollection() },
    [SOURCE_IDS.municipalities]: { type: 'geojson', data: emptyCollection() },
    // promoteId makes `code` the feature id, so hover can use feature-state without refiltering.
    [SOURCE_IDS.neighbourhoods]: { type: 'geojson', data: emptyCollection(), promoteId: 'code' },
  };
  if (osm) {
    sources[SOURCE_IDS.osm] = {
      type: 'raster',
      tiles: [options.osmTileUrl],
      tileSize: 256,
      maxzoom: 19,
      attribution: '© OpenStreetMap contributors',
    };
  }

  const layers: LayerSpecification[] = [
    { id: LAYER_IDS.background, type: 'background', paint: { 'background-color': MAP_COLORS.background } },
    ...(osm
      ? [
          {
            id: LAYER_IDS.osm,
            type: 'raster',
            source: SOURCE_IDS.osm,
            paint: { 'raster-saturation': -0.6, 'raster-opacity': 0.9 },
          } satisfies LayerSpecification,
        ]
      : []),
    {
      id: LAYER_IDS.regionsFill,
      type: 'fill',
      source: SOURCE_IDS.regions,
      // Offline, Flanders is drawn as light land on the grey background; over OSM it stays clear.
      paint: { 'fill-color': MAP_COLORS.land, 'fill-opacity': osm ? 0 : 1 },
    },
    {
      id: LAYER_IDS.neighbourhoodsFill,
      type: 'fill',
      source: SOURCE_IDS.neighbourhoods,
      paint: { 'fill-color': NO_DATA_COLOR, 'fill-opacity': osm ? 0.7 : 0.88 },
    },
    {
      // Lightens the neighbourhood under the pointer: visible on every class colour.
      id: LAYER_IDS.neighbourhoodsHoverFill,
      type: 'fill',
      source: SOURCE_IDS.neighbourhoods,
      paint: {
        'fill-color': '#ffffff',
        'fill-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 0.3, 0],
      },
    },
    {
      id: LAYER_IDS.neighbourhoodsLine,
      type: 'line',
      source: SOURCE_IDS.neighbourhoods,
      paint: {
        'line-color': MAP_COLORS.neighbourhoodOutline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.3, 13, 1.2],
        'line-opacity': 0.9,
      },
    },
    {
      id: LAYER_IDS.regionsLine,
      type: 'line',
      source: SOURCE_IDS.regions,
      paint: { 'line-color': MAP_COLORS.regionOutline, 'line-width': 0.8 },
    },
    {
      id: LAYER_IDS.municipalitiesLine,
      type: 'line',
      source: SOURCE_IDS.municipalities,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLORS.municipalityOutline,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.7, 13, 1.6],
        'line-opacity': 0.75,
      },
    },
    {
      id: LAYER_IDS.regionFocusLine,
      type: 'line',
      source: SOURCE_IDS.regions,
      filter: MATCH_NONE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': MAP_COLORS.regionFocusOutline, 'line-width': 2 },
    },
    {
      id: LAYER_IDS.municipalityFocusLine,
      type: 'line',
      source: SOURCE_IDS.municipalities,
      filter: MATCH_NONE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': MAP_COLORS.regionFocusOutline, 'line-width': 2.4 },
    },
    {
      id: LAYER_IDS.neighbourhoodsHover,
      type: 'line',
      source: SOURCE_IDS.neighbourhoods,
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': MAP_COLORS.highlight,
        'line-width': 1.8,
        'line-opacity': ['case', ['boolean', ['feature-state', 'hover'], false], 1, 0],
      },
    },
    {
      id: LAYER_IDS.neighbourhoodsSelectedCasing,
      type: 'line',
      source: SOURCE_IDS.neighbourhoods,
      filter: MATCH_NONE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': MAP_COLORS.highlightCasing, 'line-width': 6 },
    },
    {
      id: LAYER_IDS.neighbourhoodsSelected,
      type: 'line',
      source: SOURCE_IDS.neighbourhoods,
      filter: MATCH_NONE,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': MAP_COLORS.highlight, 'line-width': 2.6 },
    },
  ];

  return { version: 8, name: `Buurtradar ${options.basemap}`, sources, layers };
}
