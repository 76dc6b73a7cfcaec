import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, PointLike, VectorTileSource } from 'maplibre-gl';
import {
  CLICKABLE_KINDS,
  NEIGHBOURHOOD_POINTS_SOURCE,
  OVERLAY_LAYERS,
  OVERLAY_STYLE_LAYERS,
  SERVICE_RINGS_SOURCE,
  overlayLayerIds,
  overlayOfLayerId,
  overlaySourceId,
  visibleLayerIds,
  type OverlayDrawing,
  type OverlayLayer,
} from '@/lib/map/overlay-layers';
import { LAYER_IDS } from '@/lib/map/style';
import { addServiceIcons } from './service-icons';
import type { OverlayHit } from './overlay-popup';

/** One overlay's tiles, as GET /api/tiles/versions gives them (the URL relative to the app). */
export interface OverlaySource {
  tiles: string;
  minzoom: number;
  maxzoom: number;
}
export type OverlaySources = Record<OverlayLayer, OverlaySource>;
export interface TileVersionsResponse {
  layers: Partial<Record<string, OverlaySource & { version: string }>>;
}

/** The sources of the response, or null when a layer is missing (an older server). */
export function overlaySourcesFrom(response: TileVersionsResponse): OverlaySources | null {
  const entries = OVERLAY_LAYERS.map((layer) => [layer, response.layers[layer]] as const);
  if (entries.some(([, source]) => !source)) return null;
  return Object.fromEntries(
    entries.map(([layer, source]) => [
      layer,
      { tiles: source!.tiles, minzoom: source!.minzoom, maxzoom: source!.maxzoom },
    ]),
  ) as OverlaySources;
}

/**
 * Adds every overlay's vector source and (hidden) layers on top of the base style. Idempotent:
 * React may run the effect twice, and the style keeps what was added. MapLibre fetches tile
 * URLs from its worker, where a relative URL has no base, hence the origin.
 */
export function addOverlays(map: MapLibreMap, sources: OverlaySources, origin: string, queries: OverlayQueries) {
  addServiceIcons(map);
  for (const layer of OVERLAY_LAYERS) {
    const id = overlaySourceId(layer);
    if (map.getSource(id)) continue;
    const { tiles, minzoom, maxzoom } = sources[layer];
    map.addSource(id, { type: 'vector', tiles: [tileUrl(origin, tiles, queries[layer])], minzoom, maxzoom });
  }
  for (const id of [NEIGHBOURHOOD_POINTS_SOURCE, SERVICE_RINGS_SOURCE]) {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  }
  // Bottom to top: areas (cells) first, then housing, lights, and services on top, since
  // services are the points people click most. Fills go under the neighbourhood outlines.
  const order: OverlayLayer[] = ['signals', 'substandard_dwellings', 'social_housing', 'street_lights', 'services'];
  for (const layer of order) {
    for (const spec of OVERLAY_STYLE_LAYERS[layer]) {
      if (!map.getLayer(spec.id))
        map.addLayer(spec, spec.type === 'fill' ? LAYER_IDS.neighbourhoodsHoverFill : undefined);
    }
  }
}

/** Extra query parameters per tile layer (the filters), e.g. `from=…&to=…`; '' for none. */
export type OverlayQueries = Partial<Record<OverlayLayer, string>>;

function tileUrl(origin: string, template: string, query: string | undefined): string {
  if (!query) return `${origin}${template}`;
  return `${origin}${template}${template.includes('?') ? '&' : '?'}${query}`;
}

/** Points the tile sources at new filters; MapLibre reloads their tiles. */
export function setOverlayQueries(map: MapLibreMap, sources: OverlaySources, origin: string, queries: OverlayQueries) {
  for (const layer of OVERLAY_LAYERS) {
    const source = map.getSource<VectorTileSource>(overlaySourceId(layer));
    const url = tileUrl(origin, sources[layer].tiles, queries[layer]);
    if (source && source.tiles?.[0] !== url) source.setTiles([url]);
  }
}

export function setOverlayData(
  map: MapLibreMap,
  sourceId: typeof NEIGHBOURHOOD_POINTS_SOURCE | typeof SERVICE_RINGS_SOURCE,
  data: FeatureCollection,
) {
  map.getSource<GeoJSONSource>(sourceId)?.setData(data);
}

export function setOverlayVisibility(map: MapLibreMap, layer: OverlayLayer, visible: boolean, drawing: OverlayDrawing) {
  const shown = visible ? visibleLayerIds(layer, drawing) : [];
  for (const id of overlayLayerIds(layer)) {
    if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', shown.includes(id) ? 'visible' : 'none');
  }
}

const ALL_IDS = OVERLAY_LAYERS.flatMap(overlayLayerIds).filter((id) =>
  CLICKABLE_KINDS.includes(overlayOfLayerId(id)!.kind),
);
/** Pixels of slack around a click: small dots are hard to hit exactly, on touch above all. */
const SLACK = 4;

/** The top-most overlay feature at a screen point, with the point's own position for points. */
export function overlayHitAt(
  map: MapLibreMap,
  point: { x: number; y: number },
): (OverlayHit & { lngLat?: [number, number] }) | null {
  const layers = ALL_IDS.filter((id) => map.getLayer(id) && map.getLayoutProperty(id, 'visibility') === 'visible');
  if (layers.length === 0) return null;
  const box: [PointLike, PointLike] = [
    [point.x - SLACK, point.y - SLACK],
    [point.x + SLACK, point.y + SLACK],
  ];
  for (const feature of map.queryRenderedFeatures(box, { layers })) {
    const overlay = overlayOfLayerId(feature.layer.id);
    if (!overlay) continue;
    const lngLat = feature.geometry.type === 'Point' ? (feature.geometry.coordinates as [number, number]) : undefined;
    const id = typeof feature.id === 'number' ? feature.id : undefined;
    return { ...overlay, id, properties: { ...feature.properties }, lngLat };
  }
  return null;
}
