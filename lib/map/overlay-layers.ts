import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  HeatmapLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { ServiceTypeCode } from '@/lib/services/service-types';
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

/** Layers about people: only for those who see signals one by one (lib/auth/access.ts signalTileAccess). */
export const PEOPLE_LAYERS: readonly OverlayLayer[] = ['signals', 'substandard_dwellings'];
export type OverlayLayer = TileLayer;

export const overlaySourceId = (layer: OverlayLayer) => `overlay-${layer}`;

/**
 * Per-neighbourhood figures drawn as symbols (street-light density, substandard dwellings) at
 * a point inside each neighbourhood; the signal rate is drawn on the neighbourhoods themselves
 * through feature-state. Both come from /api/areas/neighbourhood-overlays.
 */
export const NEIGHBOURHOOD_POINTS_SOURCE = 'overlay-neighbourhood-points';
/** Walking-distance rings around services, dissolved per distance (built with turf). */
export const SERVICE_RINGS_SOURCE = 'overlay-service-rings';
/** Below this zoom street lights and substandard dwellings are drawn per neighbourhood. */
export const NEIGHBOURHOOD_SYMBOLS_MAX_ZOOM = 13;

/**
 * Layer ids per overlay, bottom to top, by kind of feature:
 * - cells / points: from the vector tiles (lib/tiles/aggregation.ts);
 * - areas: one symbol per neighbourhood; rate: the neighbourhoods filled by signal rate;
 * - heatmap: signal cells as a heatmap; rings / ringLines: walking distance around services.
 * Tests query these with queryRenderedFeatures.
 */
export const OVERLAY_LAYER_IDS = {
  signals: {
    rate: 'overlay-signals-rate',
    heatmap: 'overlay-signals-heatmap',
    cells: 'overlay-signals-cells',
    points: 'overlay-signals-points',
  },
  substandard_dwellings: { areas: 'overlay-substandard-dwellings-areas', cells: 'overlay-substandard-dwellings-cells' },
  social_housing: { cells: 'overlay-social-housing-cells', points: 'overlay-social-housing-points' },
  street_lights: {
    areas: 'overlay-street-lights-areas',
    cells: 'overlay-street-lights-cells',
    points: 'overlay-street-lights-points',
  },
  services: {
    rings: 'overlay-services-rings',
    ringLines: 'overlay-services-ring-lines',
    cells: 'overlay-services-cells',
    points: 'overlay-services-points',
  },
} as const satisfies Record<OverlayLayer, Partial<Record<OverlayKind, string>>>;

export type OverlayKind = 'cells' | 'points' | 'areas' | 'rate' | 'heatmap' | 'rings' | 'ringLines';
/** Kinds whose features open a popup when clicked. */
// The rate fill is the neighbourhood itself: a click selects it and hovering shows the rate.
export const CLICKABLE_KINDS: readonly OverlayKind[] = ['cells', 'points', 'areas'];

/** All layer ids of one overlay. */
export function overlayLayerIds(layer: OverlayLayer): string[] {
  return Object.values(OVERLAY_LAYER_IDS[layer]);
}

/** Which overlay (and which kind of feature) a layer id draws; undefined for base layers. */
export function overlayOfLayerId(id: string): { layer: OverlayLayer; kind: OverlayKind } | undefined {
  for (const layer of OVERLAY_LAYERS) {
    const ids: Record<string, string> = OVERLAY_LAYER_IDS[layer];
    const kind = Object.keys(ids).find((key) => ids[key] === id);
    if (kind) return { layer, kind: kind as OverlayKind };
  }
  return undefined;
}

/** What the user chose besides the layers themselves: how signals are drawn, which rings. */
export interface OverlayDrawing {
  signalView: 'rate' | 'grid' | 'heatmap';
  walkDistances: readonly number[];
}

/** The layer ids of an overlay that are visible for these choices (the others are hidden). */
export function visibleLayerIds(layer: OverlayLayer, drawing: OverlayDrawing): string[] {
  const ids: Record<string, string> = OVERLAY_LAYER_IDS[layer];
  return Object.entries(ids)
    .filter(([kind]) => {
      // Signal points (zoomed in, for those who may see them) show in every signal view.
      if (layer === 'signals')
        return kind === 'points' || kind === { rate: 'rate', grid: 'cells', heatmap: 'heatmap' }[drawing.signalView];
      if (kind === 'rings' || kind === 'ringLines') return drawing.walkDistances.length > 0;
      return true;
    })
    .map(([, id]) => id);
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
  return [
    'interpolate',
    ['linear'],
    ['sqrt', ['get', attribute]],
    ...stops.flatMap(([value, radius]) => [Math.sqrt(value), radius]),
  ] as ExpressionSpecification;
}

function rampByCount(colors: readonly string[]): ExpressionSpecification {
  return [
    'interpolate',
    ['linear'],
    ['get', 'count'],
    ...CELL_COUNT_STOPS.flatMap((stop, i) => [stop, colors[i]]),
  ] as ExpressionSpecification;
}

type Circle = Omit<CircleLayerSpecification, 'source' | 'source-layer' | 'layout'>;
export type OverlayStyleLayer =
  | CircleLayerSpecification
  | FillLayerSpecification
  | HeatmapLayerSpecification
  | LineLayerSpecification
  | SymbolLayerSpecification;

/** The map image of a service type's icon. */
export const serviceIconId = (type: ServiceTypeCode) => `service-${type}`;

/** Signal rate classes: step colours (magma-like, light to dark) over the class breaks. */
export const SIGNAL_RATE_RAMP = ['#fcfdbf', '#feb078', '#f1605d', '#b73779', '#721f81'] as const;
/** Neighbourhoods whose rate is withheld (fewer than five signals) or has no population. */
export const SIGNAL_RATE_WITHHELD = '#d9d4cc';

function withSource(
  layer: OverlayLayer,
  circle: Circle,
  layout: CircleLayerSpecification['layout'] = {},
): CircleLayerSpecification {
  return {
    ...circle,
    source: overlaySourceId(layer),
    'source-layer': layer,
    layout: { ...layout, visibility: 'none' },
  };
}

// Defects sort above working lamps (circle-sort-key), so a cluster never hides one.
const isDefect: ExpressionSpecification = ['==', ['get', 'status'], 'defect'];
const defectShare: ExpressionSpecification = ['/', ['get', 'defects'], ['max', 1, ['get', 'count']]];

const cellDensity = (layer: 'signals' | 'substandard_dwellings', colors: readonly string[], id: string) =>
  withSource(layer, {
    id,
    type: 'circle',
    filter: IS_CELL,
    paint: {
      'circle-radius': cellRadius('count', [
        [5, 6],
        [20, 11],
        [100, 19],
        [400, 28],
      ]),
      'circle-color': rampByCount(colors),
      'circle-opacity': 0.82,
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1,
      'circle-stroke-opacity': 0.9,
    },
  });

/**
 * The signal rate per neighbourhood, from feature-state `signalRate` (set by the map view from
 * /api/areas/neighbourhood-overlays): -1 stands for "withheld or no population".
 */
export function signalRateFill(
  breaks: readonly number[],
  focusMunicipalityNis?: string,
): FillLayerSpecification['paint'] {
  const rate: ExpressionSpecification = ['coalesce', ['feature-state', 'signalRate'], -2];
  const steps = breaks.slice(0, SIGNAL_RATE_RAMP.length - 1).flatMap((limit, i) => [limit, SIGNAL_RATE_RAMP[i + 1]]);
  return {
    'fill-color': [
      'case',
      ['==', rate, -2],
      'rgba(0,0,0,0)',
      ['<', rate, 0],
      SIGNAL_RATE_WITHHELD,
      // `step` needs at least one stop: with one class (or none yet) every rate has its colour.
      steps.length > 0 ? ['step', rate, SIGNAL_RATE_RAMP[0], ...steps] : SIGNAL_RATE_RAMP[0],
    ] as ExpressionSpecification,
    // Like the indicator fill: the chosen municipality strong, its neighbours faded.
    'fill-opacity': [
      'case',
      ['==', rate, -2],
      0,
      focusMunicipalityNis === undefined
        ? 0.85
        : ['case', ['==', ['get', 'municipalityNis'], focusMunicipalityNis], 0.85, 0.4],
    ] as ExpressionSpecification,
  };
}

const signalRate: FillLayerSpecification = {
  id: OVERLAY_LAYER_IDS.signals.rate,
  type: 'fill',
  source: 'neighbourhoods',
  layout: { visibility: 'none' },
  paint: signalRateFill([]),
};

const signalHeatmap: HeatmapLayerSpecification = {
  id: OVERLAY_LAYER_IDS.signals.heatmap,
  type: 'heatmap',
  source: overlaySourceId('signals'),
  'source-layer': 'signals',
  filter: IS_CELL,
  layout: { visibility: 'none' },
  paint: {
    // A cell of 100 signals weighs the most; cells are never below five signals.
    'heatmap-weight': ['interpolate', ['linear'], ['get', 'count'], 5, 0.15, 100, 1],
    'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 8, 0.8, 14, 1.6],
    'heatmap-radius': ['interpolate', ['exponential', 2], ['zoom'], 8, 10, 12, 28, 16, 90],
    'heatmap-color': [
      'interpolate',
      ['linear'],
      ['heatmap-density'],
      0,
      'rgba(81,18,124,0)',
      0.2,
      SIGNAL_RAMP[0],
      0.5,
      SIGNAL_RAMP[1],
      0.8,
      SIGNAL_RAMP[2],
      1,
      SIGNAL_RAMP[3],
    ],
    'heatmap-opacity': 0.8,
  },
};

/** Open signals in the ramp's strong colour; closed ones recede. */
export const SIGNAL_POINT_COLORS = { open: SIGNAL_RAMP[1], closed: '#9c93a8', stroke: '#2b0b3f' } as const;

/**
 * Generalised signal points (from z 15, only in tiles of people who may see points): several
 * signals on one grid point overlap, and a click lists them all.
 */
const signalPoints = withSource('signals', {
  id: OVERLAY_LAYER_IDS.signals.points,
  type: 'circle',
  filter: IS_POINT,
  paint: {
    'circle-radius': 6,
    'circle-color': [
      'case',
      ['==', ['get', 'status'], 'closed'],
      SIGNAL_POINT_COLORS.closed,
      SIGNAL_POINT_COLORS.open,
    ] as ExpressionSpecification,
    'circle-stroke-color': SIGNAL_POINT_COLORS.stroke,
    'circle-stroke-width': 1.2,
    'circle-opacity': 0.9,
  },
});

/** Per-neighbourhood symbols below NEIGHBOURHOOD_SYMBOLS_MAX_ZOOM; tiles take over from there. */
const neighbourhoodSymbols = (
  id: string,
  filter: FilterSpecification,
  paint: CircleLayerSpecification['paint'],
): CircleLayerSpecification => ({
  id,
  type: 'circle',
  source: NEIGHBOURHOOD_POINTS_SOURCE,
  filter,
  maxzoom: NEIGHBOURHOOD_SYMBOLS_MAX_ZOOM,
  layout: { visibility: 'none' },
  paint,
});
const fromZoom = (spec: CircleLayerSpecification): CircleLayerSpecification => ({
  ...spec,
  minzoom: NEIGHBOURHOOD_SYMBOLS_MAX_ZOOM,
});

/** The style layers of each overlay, bottom to top. */
export const OVERLAY_STYLE_LAYERS: Readonly<Record<OverlayLayer, readonly OverlayStyleLayer[]>> = {
  signals: [
    signalRate,
    signalHeatmap,
    cellDensity('signals', SIGNAL_RAMP, OVERLAY_LAYER_IDS.signals.cells),
    signalPoints,
  ],
  substandard_dwellings: [
    neighbourhoodSymbols(
      OVERLAY_LAYER_IDS.substandard_dwellings.areas,
      ['>', ['coalesce', ['get', 'substandard'], 0], 0],
      {
        'circle-radius': cellRadius('substandard', [
          [5, 6],
          [20, 11],
          [100, 19],
        ]),
        'circle-color': [
          'interpolate',
          ['linear'],
          ['get', 'substandard'],
          ...CELL_COUNT_STOPS.flatMap((stop, i) => [stop, SUBSTANDARD_RAMP[i]]),
        ] as ExpressionSpecification,
        'circle-opacity': 0.85,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
      },
    ),
    fromZoom(cellDensity('substandard_dwellings', SUBSTANDARD_RAMP, OVERLAY_LAYER_IDS.substandard_dwellings.cells)),
  ],
  social_housing: [
    withSource('social_housing', {
      id: OVERLAY_LAYER_IDS.social_housing.cells,
      type: 'circle',
      filter: IS_CELL,
      paint: {
        'circle-radius': cellRadius('units', [
          [1, 4],
          [50, 10],
          [500, 22],
        ]),
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
        'circle-radius': cellRadius('units', [
          [1, 4],
          [20, 8],
          [100, 14],
          [400, 22],
        ]),
        'circle-color': SOCIAL_HOUSING_COLORS.fill,
        'circle-opacity': 0.28,
        'circle-stroke-color': SOCIAL_HOUSING_COLORS.stroke,
        'circle-stroke-width': 2,
      },
    }),
  ],
  street_lights: [
    neighbourhoodSymbols(OVERLAY_LAYER_IDS.street_lights.areas, ['>', ['get', 'streetLights'], 0], {
      // Sized by lights per km², coloured by the share of defects, like the cells.
      'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'lightDensity']], 0, 3, 10, 8, 30, 16],
      'circle-color': [
        'interpolate',
        ['linear'],
        ['/', ['get', 'defects'], ['max', 1, ['get', 'streetLights']]],
        0,
        STREET_LIGHT_COLORS.cellRamp[0],
        0.1,
        STREET_LIGHT_COLORS.cellRamp[1],
        0.3,
        STREET_LIGHT_COLORS.cellRamp[2],
      ],
      'circle-opacity': 0.9,
      'circle-stroke-color': '#5b4a2a',
      'circle-stroke-width': 0.75,
    }),
    fromZoom(
      withSource('street_lights', {
        id: OVERLAY_LAYER_IDS.street_lights.cells,
        type: 'circle',
        filter: IS_CELL,
        paint: {
          'circle-radius': cellRadius('count', [
            [1, 2.5],
            [20, 5],
            [200, 10],
          ]),
          'circle-color': [
            'interpolate',
            ['linear'],
            defectShare,
            0,
            STREET_LIGHT_COLORS.cellRamp[0],
            0.1,
            STREET_LIGHT_COLORS.cellRamp[1],
            0.3,
            STREET_LIGHT_COLORS.cellRamp[2],
          ],
          'circle-opacity': 0.85,
          'circle-stroke-color': '#5b4a2a',
          'circle-stroke-width': 0.5,
          'circle-stroke-opacity': 0.5,
        },
      }),
    ),
    withSource(
      'street_lights',
      {
        id: OVERLAY_LAYER_IDS.street_lights.points,
        type: 'circle',
        filter: IS_POINT,
        paint: {
          'circle-radius': ['case', isDefect, 6, 3.5],
          'circle-color': [
            'case',
            isDefect,
            STREET_LIGHT_COLORS.defect,
            ['==', ['get', 'lamp_type'], 'led'],
            STREET_LIGHT_COLORS.workingLed,
            STREET_LIGHT_COLORS.workingOther,
          ],
          'circle-stroke-color': ['case', isDefect, STREET_LIGHT_COLORS.defectStroke, '#6b6350'],
          'circle-stroke-width': ['case', isDefect, 2, 0.75],
        },
      },
      { 'circle-sort-key': ['case', isDefect, 1, 0] },
    ),
  ],
  services: [
    {
      id: OVERLAY_LAYER_IDS.services.rings,
      type: 'fill',
      source: SERVICE_RINGS_SOURCE,
      layout: { visibility: 'none' },
      // The nearer ring darker: together they read as "within 500 m" inside "within 1 km".
      paint: { 'fill-color': '#2b6f8e', 'fill-opacity': ['case', ['<=', ['get', 'distance'], 500], 0.16, 0.08] },
    },
    {
      id: OVERLAY_LAYER_IDS.services.ringLines,
      type: 'line',
      source: SERVICE_RINGS_SOURCE,
      layout: { visibility: 'none' },
      paint: {
        'line-color': '#1d4e66',
        'line-width': ['case', ['<=', ['get', 'distance'], 500], 1.5, 1],
        'line-dasharray': [3, 2],
      },
    },
    withSource('services', {
      id: OVERLAY_LAYER_IDS.services.cells,
      type: 'circle',
      filter: IS_CELL,
      paint: {
        'circle-radius': cellRadius('count', [
          [1, 4],
          [20, 9],
          [200, 18],
        ]),
        'circle-color': '#2b3a4a',
        'circle-opacity': 0.7,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    }),
    {
      id: OVERLAY_LAYER_IDS.services.points,
      type: 'symbol',
      source: overlaySourceId('services'),
      'source-layer': 'services',
      filter: IS_POINT,
      layout: {
        visibility: 'none',
        // One icon per type (app/_components/service-icons.ts draws them); unknown types get none.
        'icon-image': ['concat', 'service-', ['get', 'service_type']],
        'icon-size': ['interpolate', ['linear'], ['zoom'], 9, 0.7, 13, 1, 16, 1.2],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ],
};
