import type {
  CircleLayerSpecification,
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { SERVICE_TYPES, type ServiceTypeCode } from '@/lib/services/service-types';
import { TILE_LAYERS, type TileLayer } from '@/lib/tiles/layers';

/**
 * The overlay layers drawn from our vector tiles, as data. Every tile layer has one vector
 * source (id `overlay-<layer>`) whose MVT layer has the same name (lib/tiles/layers.ts).
 * Only circle layers: the offline style has no glyphs or sprites. Each layer starts hidden;
 * the map view switches `visibility`, so sources and layers are added once and never rebuilt.
 *
 * A tile holds either points or cells (lib/tiles/aggregation.ts): a cell always has `count`,
 * a point never does, so `['has', 'count']` tells them apart.
 */

export const OVERLAY_LAYERS = TILE_LAYERS;
export type OverlayLayer = TileLayer;

export const overlaySourceId = (layer: OverlayLayer) => `overlay-${layer}`;

/** Layer ids per overlay, bottom to top. Tests query these with queryRenderedFeatures. */
export const OVERLAY_LAYER_IDS = {
  signals: { cells: 'overlay-signals-cells' },
  substandard_dwellings: { cells: 'overlay-substandard-dwellings-cells' },
  social_housing: { cells: 'overlay-social-housing-cells', points: 'overlay-social-housing-points' },
  street_lights: { cells: 'overlay-street-lights-cells', points: 'overlay-street-lights-points' },
  services: { cells: 'overlay-services-cells', points: 'overlay-services-points' },
} as const satisfies Record<OverlayLayer, { cells: string; points?: string }>;

/** All layer ids of one overlay. */
export function overlayLayerIds(layer: OverlayLayer): string[] {
  return Object.values(OVERLAY_LAYER_IDS[layer]);
}

/** Which overlay (and which kind of feature) a layer id draws; undefined for base layers. */
export function overlayOfLayerId(id: string): { layer: OverlayLayer; kind: 'cells' | 'points' } | undefined {
  for (const layer of OVERLAY_LAYERS) {
    const ids: Record<string, string> = OVERLAY_LAYER_IDS[layer];
    const kind = Object.keys(ids).find((key) => ids[key] === id);
    if (kind === 'cells' || kind === 'points') return { layer, kind };
  }
  return undefined;
}

/** Magma-like (perceptually uniform, colour-blind safe): few records purple, many orange. */
export const SIGNAL_RAMP = ['#51127c', '#b73779', '#fc8961', '#fcb36b'] as const;
/** Warm browns (ColorBrewer YlOrBr, colour-blind safe), so it never reads as the signal layer. */
export const SUBSTANDARD_RAMP = ['#fec44f', '#fe9929', '#d95f0e', '#8c2d04'] as const;
/** Counts the ramps' stops stand for (cells have at least five records for these layers). */
export const CELL_COUNT_STOPS = [5, 15, 40, 100] as const;

/**
 * Okabe–Ito (colour-blind safe) plus Paul Tol's wine, olive and indigo for the last three types.
 * Every colour is told apart by hue and lightness from its neighbours in the legend.
 */
export const SERVICE_COLORS: Readonly<Record<ServiceTypeCode, string>> = {
  local_service_centre: '#e69f00',
  social_house: '#0072b2',
  gp: '#009e73',
  pharmacy: '#56b4e9',
  home_nursing: '#cc79a7',
  residential_care: '#882255',
  caw: '#d55e00',
  neighbourhood_house: '#f0e442',
  social_grocery: '#999933',
  mobile_stop: '#332288',
};
export const SERVICE_OTHER_COLOR = '#7a7a7a';

export const STREET_LIGHT_COLORS = {
  /** Working lamps recede: small, grey-yellow; LED a shade lighter than other lamps. */
  workingLed: '#d8c97a',
  workingOther: '#a59d80',
  /** Defects stand out: larger, red-orange, dark ring. */
  defect: '#e0452b',
  defectStroke: '#3a1208',
  /** Cells by share of defects: none → some → many. */
  cellRamp: ['#d8c97a', '#f29e4c', '#e0452b'],
} as const;

export const SOCIAL_HOUSING_COLORS = { fill: '#4477aa', stroke: '#1f3f66' } as const;

const IS_CELL: FilterSpecification = ['has', 'count'];
const IS_POINT: FilterSpecification = ['!', ['has', 'count']];

/** Radius of a cell circle: grows with the count (square root, so area tracks the count). */
function cellRadius(attribute: string, stops: readonly [number, number][]): ExpressionSpecification {
  return ['interpolate', ['linear'], ['sqrt', ['get', attribute]], ...stops.flatMap(([value, radius]) => [Math.sqrt(value), radius])] as ExpressionSpecification;
}

function rampByCount(colors: readonly string[]): ExpressionSpecification {
  return ['interpolate', ['linear'], ['get', 'count'], ...CELL_COUNT_STOPS.flatMap((stop, i) => [stop, colors[i]])] as ExpressionSpecification;
}

type Circle = Omit<CircleLayerSpecification, 'source' | 'source-layer' | 'layout'>;

function withSource(layer: OverlayLayer, circle: Circle, layout: CircleLayerSpecification['layout'] = {}): CircleLayerSpecification {
  return { ...circle, source: overlaySourceId(layer), 'source-layer': layer, layout: { ...layout, visibility: 'none' } };
}

const serviceColor: DataDrivenPropertyValueSpecification<string> = [
  'match', ['get', 'service_type'],
  ...SERVICE_TYPES.flatMap((type) => [type.code, SERVICE_COLORS[type.code]]),
  SERVICE_OTHER_COLOR,
  // The spread hides the tuple shape that `match` wants from the type checker.
] as unknown as ExpressionSpecification;

// Defects sort above working lamps (circle-sort-key), so a cluster never hides one.
const isDefect: ExpressionSpecification = ['==', ['get', 'status'], 'defect'];
const defectShare: ExpressionSpecification = ['/', ['get', 'defects'], ['max', 1, ['get', 'count']]];

const cellDensity = (layer: 'signals' | 'substandard_dwellings', colors: readonly string[], id: string) =>
  withSource(layer, {
    id,
    type: 'circle',
    filter: IS_CELL,
    paint: {
      'circle-radius': cellRadius('count', [[5, 6], [20, 11], [100, 19], [400, 28]]),
      'circle-color': rampByCount(colors),
      'circle-opacity': 0.82,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
      'circle-stroke-opacity': 0.9,
    },
  });

/** The style layers of each overlay, bottom to top. */
export const OVERLAY_STYLE_LAYERS: Readonly<Record<OverlayLayer, readonly CircleLayerSpecification[]>> = {
  signals: [cellDensity('signals', SIGNAL_RAMP, OVERLAY_LAYER_IDS.signals.cells)],
  substandard_dwellings: [cellDensity('substandard_dwellings', SUBSTANDARD_RAMP, OVERLAY_LAYER_IDS.substandard_dwellings.cells)],
  social_housing: [
    withSource('social_housing', {
      id: OVERLAY_LAYER_IDS.social_housing.cells,
      type: 'circle',
      filter: IS_CELL,
      paint: {
        'circle-radius': cellRadius('units', [[1, 4], [50, 10], [500, 22]]),
        'circle-color': SOCIAL_HOUSING_COLORS.fill,
        'circle-opacity': 0.3,
        'circle-stroke-color': SOCIAL_HOUSING_COLORS.stroke,
        'circle-stroke-width': 1.5,
      },
    }),
    withSource('social_housing', {
      id: OVERLAY_LAYER_IDS.social_housing.points,
      type: 'circle',
      filter: IS_POINT,
      paint: {
        // Rings (light fill, strong edge) so they read as "housing" beside the solid service dots.
        'circle-radius': cellRadius('units', [[1, 4], [20, 8], [100, 14], [400, 22]]),
        'circle-color': SOCIAL_HOUSING_COLORS.fill,
        'circle-opacity': 0.28,
        'circle-stroke-color': SOCIAL_HOUSING_COLORS.stroke,
        'circle-stroke-width': 2,
      },
    }),
  ],
  street_lights: [
    withSource('street_lights', {
      id: OVERLAY_LAYER_IDS.street_lights.cells,
      type: 'circle',
      filter: IS_CELL,
      paint: {
        'circle-radius': cellRadius('count', [[1, 2.5], [20, 5], [200, 10]]),
        'circle-color': ['interpolate', ['linear'], defectShare, 0, STREET_LIGHT_COLORS.cellRamp[0], 0.1, STREET_LIGHT_COLORS.cellRamp[1], 0.3, STREET_LIGHT_COLORS.cellRamp[2]],
        'circle-opacity': 0.85,
        'circle-stroke-color': '#5b4a2a',
        'circle-stroke-width': 0.5,
        'circle-stroke-opacity': 0.5,
      },
    }),
    withSource('street_lights', {
      id: OVERLAY_LAYER_IDS.street_lights.points,
      type: 'circle',
      filter: IS_POINT,
      paint: {
        'circle-radius': ['case', isDefect, 6, 3.5],
        'circle-color': ['case', isDefect, STREET_LIGHT_COLORS.defect, ['==', ['get', 'lamp_type'], 'led'], STREET_LIGHT_COLORS.workingLed, STREET_LIGHT_COLORS.workingOther],
        'circle-stroke-color': ['case', isDefect, STREET_LIGHT_COLORS.defectStroke, '#6b6350'],
        'circle-stroke-width': ['case', isDefect, 2, 0.75],
      },
    }, { 'circle-sort-key': ['case', isDefect, 1, 0] }),
  ],
  services: [
    withSource('services', {
      id: OVERLAY_LAYER_IDS.services.cells,
      type: 'circle',
      filter: IS_CELL,
      paint: {
        'circle-radius': cellRadius('count', [[1, 4], [20, 9], [200, 18]]),
        'circle-color': '#2b3a4a',
        'circle-opacity': 0.7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    }),
    withSource('services', {
      id: OVERLAY_LAYER_IDS.services.points,
      type: 'circle',
      filter: IS_POINT,
      paint: {
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 9, 4, 13, 6.5, 16, 8],
        'circle-color': serviceColor,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.75,
      },
    }),
  ],
};
