import type {
  ExpressionSpecification,
  LayerSpecification,
  SourceSpecification,
  StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { SignalStatus } from '@/lib/signals/categories';
import { MAP_COLORS } from './palette';
import { LAYER_IDS, SOURCE_IDS } from './style';

/**
 * The small maps of the signal pages: the report form's picked place, and the (generalised)
 * points of a signal list. Added on top of the offline base style (lib/map/style.ts); the
 * sources start empty and are filled with setData.
 */
export const POINT_MAP_SOURCES = { signals: 'signal-points', picked: 'picked-point' } as const;
export const POINT_MAP_LAYERS = {
  signalsHalo: 'signal-points-halo',
  signals: 'signal-points',
  pickedHalo: 'picked-point-halo',
  picked: 'picked-point',
} as const;

/** One colour per follow-up status, from open (warm) to closed (grey). */
export const STATUS_COLORS: Readonly<Record<SignalStatus, string>> = {
  new: '#d9480f',
  discussed: '#e8a200',
  referred: '#1d5c96',
  followed_up: '#2b8a3e',
  closed: '#7b8794',
};

export interface SignalPointProperties {
  id: number;
  status: SignalStatus;
}

export function signalPointCollection(
  points: readonly { id: number; status: SignalStatus; lon: number; lat: number }[],
): FeatureCollection<Point, SignalPointProperties> {
  return {
    type: 'FeatureCollection',
    features: points.map((point): Feature<Point, SignalPointProperties> => ({
      type: 'Feature',
      id: point.id,
      geometry: { type: 'Point', coordinates: [point.lon, point.lat] },
      properties: { id: point.id, status: point.status },
    })),
  };
}

export function pickedPointCollection(point: readonly [number, number] | null): FeatureCollection<Point> {
  return {
    type: 'FeatureCollection',
    features: point
      ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: [point[0], point[1]] }, properties: {} }]
      : [],
  };
}

const statusColor: ExpressionSpecification = [
  'match',
  ['get', 'status'],
  ...Object.entries(STATUS_COLORS).flatMap(([status, color]) => [status, color]),
  STATUS_COLORS.closed,
] as unknown as ExpressionSpecification;

const empty = (): SourceSpecification => ({ type: 'geojson', data: { type: 'FeatureCollection', features: [] } });

/** The base style plus the two point sources and their layers, above everything else. */
export function withSignalPointLayers(style: StyleSpecification): StyleSpecification {
  const layers: LayerSpecification[] = [
    {
      id: POINT_MAP_LAYERS.signalsHalo,
      type: 'circle',
      source: POINT_MAP_SOURCES.signals,
      paint: { 'circle-radius': 9, 'circle-color': '#ffffff', 'circle-opacity': 0.9 },
    },
    {
      id: POINT_MAP_LAYERS.signals,
      type: 'circle',
      source: POINT_MAP_SOURCES.signals,
      paint: { 'circle-radius': 6, 'circle-color': statusColor },
    },
    {
      id: POINT_MAP_LAYERS.pickedHalo,
      type: 'circle',
      source: POINT_MAP_SOURCES.picked,
      paint: {
        'circle-radius': 13,
        'circle-color': '#ffffff',
        'circle-stroke-color': '#0b1a2b',
        'circle-stroke-width': 2,
      },
    },
    {
      id: POINT_MAP_LAYERS.picked,
      type: 'circle',
      source: POINT_MAP_SOURCES.picked,
      paint: { 'circle-radius': 6, 'circle-color': '#d9480f' },
    },
  ];
  return {
    ...style,
    sources: { ...style.sources, [POINT_MAP_SOURCES.signals]: empty(), [POINT_MAP_SOURCES.picked]: empty() },
    // Light neighbourhoods on the grey background: no indicator colours here, only where things are.
    layers: [
      ...style.layers.map((layer) => {
        if (layer.id === LAYER_IDS.neighbourhoodsFill && layer.type === 'fill')
          return { ...layer, paint: { ...layer.paint, 'fill-color': MAP_COLORS.land, 'fill-opacity': 1 } };
        if (layer.id === LAYER_IDS.neighbourhoodsLine && layer.type === 'line')
          return { ...layer, paint: { ...layer.paint, 'line-color': MAP_COLORS.regionOutline } };
        return layer;
      }),
      ...layers,
    ],
  };
}

/** The neighbourhood outlines of the small maps come in this source of the base style. */
export const NEIGHBOURHOOD_SOURCE = SOURCE_IDS.neighbourhoods;
