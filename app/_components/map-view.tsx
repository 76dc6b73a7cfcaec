'use client';

import type { FeatureCollection } from 'geojson';
import {
  Map as MapLibreMap,
  Marker,
  NavigationControl,
  Popup,
  ScaleControl,
  getVersion,
  setWorkerUrl,
  type GeoJSONSource,
} from 'maplibre-gl';
import type { DataDrivenPropertyValueSpecification } from '@maplibre/maplibre-gl-style-spec';
import { useEffect, useEffectEvent, useRef, useState, type ReactNode } from 'react';
import type { BBox, LngLat } from '@/lib/map/area-data';
import { LAYER_IDS, SOURCE_IDS, buildMapStyle, codeFilter, type BasemapOptions } from '@/lib/map/style';
import type { FillLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import {
  NEIGHBOURHOOD_POINTS_SOURCE,
  OVERLAY_LAYERS,
  OVERLAY_LAYER_IDS,
  SERVICE_RINGS_SOURCE,
  type OverlayDrawing,
  type OverlayLayer,
} from '@/lib/map/overlay-layers';
import {
  addOverlays,
  overlayHitAt,
  setOverlayData,
  setOverlayQueries,
  setOverlayVisibility,
  type OverlayQueries,
  type OverlaySources,
} from './map-overlays';
import type { OverlayHit } from './overlay-popup';

declare global {
  interface Window {
    /** The map instance, for end-to-end tests (queryRenderedFeatures, project, idle). */
    __buurtradarMap?: MapLibreMap;
  }
}

/** A place name on the map; where labels collide, the lower `rank` stays visible. */
export interface MapLabel {
  id: string;
  text: string;
  lngLat: LngLat;
  emphasis: boolean;
  rank: number;
}
/** A camera move: every new object moves the camera, even to the box it showed before. */
export interface CameraRequest {
  bbox: BBox;
  maxZoom?: number;
}

export interface MapViewProps {
  basemap: BasemapOptions;
  initialBounds: BBox;
  regions: FeatureCollection | null;
  municipalities: FeatureCollection | null;
  neighbourhoods: FeatureCollection | null;
  /** Identifies the neighbourhood data (e.g. its URL): `data-map-ready` is per data set. */
  neighbourhoodsKey: string;
  fillColor: DataDrivenPropertyValueSpecification<string>;
  fillOpacity: DataDrivenPropertyValueSpecification<number>;
  focusRegionCode: string;
  focusMunicipalityNis: string | undefined;
  selectedCode: string | undefined;
  camera: CameraRequest | null;
  /** Width in pixels that a panel covers on the right: camera moves keep their target clear of it. */
  coveredRight: number;
  labels: MapLabel[];
  controlLabels: { zoomIn: string; zoomOut: string; closePopup: string };
  /** Tile sources of the overlays (null until their versions are known). */
  overlaySources: OverlaySources | null;
  /** Filter parameters per tile layer: a change reloads that layer's tiles. */
  overlayQueries: OverlayQueries;
  visibleOverlays: readonly OverlayLayer[];
  drawing: OverlayDrawing;
  /** Signal rate per neighbourhood code (null: withheld); null while unknown. */
  signalRates: ReadonlyMap<string, number | null> | null;
  signalRatePaint: FillLayerSpecification['paint'];
  /** One point per neighbourhood with its layer figures, and the services' walking-distance rings. */
  neighbourhoodPoints: FeatureCollection;
  serviceRings: FeatureCollection;
  /** Where the camera starts instead of `initialBounds` (a shared link's view). */
  initialView?: { lon: number; lat: number; zoom: number };
  /** After every camera move: the view after a move by the user, null after one by the page. */
  onViewChange: (view: { lon: number; lat: number; zoom: number } | null) => void;
  /** Popup body for a clicked overlay feature (DOM built with textContent, never HTML). */
  renderOverlayPopup: (hit: OverlayHit) => HTMLElement;
  /** Tooltip content for a hovered neighbourhood code. */
  renderTooltip: (code: string) => ReactNode;
  onSelect: (code: string | null) => void;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const MARGIN = 48;
const padding = (coveredRight: number) => ({ top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN + coveredRight });

/**
 * The MapLibre map. Created once; every prop change after that is applied in place (setData,
 * setPaintProperty, setFilter, fitBounds), so the map never flickers or loses its camera.
 */
export function MapView(props: MapViewProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const tooltipRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [renderedKey, setRenderedKey] = useState<string | null>(null);

  const select = useEffectEvent((code: string | null) => props.onSelect(code));
  const renderPopup = useEffectEvent((hit: OverlayHit) => props.renderOverlayPopup(hit));
  const viewChanged = useEffectEvent((view: { lon: number; lat: number; zoom: number } | null) =>
    props.onViewChange(view),
  );
  const createMap = useEffectEvent((container: HTMLDivElement) => {
    // MapLibre 6 looks for its worker beside its own module, which bundling moves; serve it ourselves.
    setWorkerUrl(`/api/map/worker?v=${getVersion()}`);
    const view = props.initialView;
    const instance = new MapLibreMap({
      container,
      style: buildMapStyle(props.basemap),
      ...(view
        ? { center: [view.lon, view.lat] as [number, number], zoom: view.zoom }
        : {
            bounds: props.initialBounds,
            fitBoundsOptions: { padding: padding(props.coveredRight) },
          }),
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      minZoom: 6,
      maxZoom: 17,
      locale: {
        'NavigationControl.ZoomIn': props.controlLabels.zoomIn,
        'NavigationControl.ZoomOut': props.controlLabels.zoomOut,
        'Popup.Close': props.controlLabels.closePopup,
      },
    });
    instance.touchZoomRotate.disableRotation();
    instance.keyboard.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    instance.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    return instance;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = createMap(container);
    let hoveredId: string | null = null;
    const setHover = (code: string | null) => {
      if (hoveredId === code) return;
      if (hoveredId) instance.setFeatureState({ source: SOURCE_IDS.neighbourhoods, id: hoveredId }, { hover: false });
      hoveredId = code;
      if (code) instance.setFeatureState({ source: SOURCE_IDS.neighbourhoods, id: code }, { hover: true });
      instance.getCanvas().style.cursor = code ? 'pointer' : '';
      setHovered(code);
    };
    instance.on('mousemove', LAYER_IDS.neighbourhoodsFill, (event) => {
      // Over an overlay feature, its popup is what a click gives: no neighbourhood tooltip on it.
      if (overlayHitAt(instance, event.point)) {
        setHover(null);
        instance.getCanvas().style.cursor = 'pointer';
        return;
      }
      const code = event.features?.[0]?.properties?.code;
      setHover(typeof code === 'string' ? code : null);
      placeTooltip(tooltipRef.current, container, event.point.x, event.point.y);
    });
    instance.on('mouseleave', LAYER_IDS.neighbourhoodsFill, () => setHover(null));
    let popup: Popup | null = null;
    instance.on('click', (event) => {
      // An overlay feature under the pointer gets a popup; only a click beside one selects.
      const hit = overlayHitAt(instance, event.point);
      popup?.remove();
      popup = null;
      if (hit) {
        popup = new Popup({
          maxWidth: '300px',
          offset: 10,
          focusAfterOpen: false,
          className: 'overlay-popup-container',
        })
          .setLngLat(hit.lngLat ?? event.lngLat)
          .setDOMContent(renderPopup(hit))
          .addTo(instance);
        return;
      }
      const [feature] = instance.queryRenderedFeatures(event.point, { layers: [LAYER_IDS.neighbourhoodsFill] });
      const code = feature?.properties?.code;
      select(typeof code === 'string' ? code : null);
    });
    // A move by the user (drag, wheel, buttons, keys) is a view worth keeping in the link; a move
    // the page made (fitting an area just chosen) is implied by the area, so it clears it.
    instance.on('moveend', (event) => {
      const center = instance.getCenter();
      viewChanged(event.originalEvent ? { lon: center.lng, lat: center.lat, zoom: instance.getZoom() } : null);
    });
    instance.once('load', () => setMap(instance));
    window.__buurtradarMap = instance;
    return () => {
      if (window.__buurtradarMap === instance) delete window.__buurtradarMap;
      instance.remove();
    };
  }, []);

  // Sources and layers are added once; a later change of versions is for the next page load,
  // a change of filters points the sources at new tile URLs.
  const { overlaySources, overlayQueries, visibleOverlays, drawing, neighbourhoods, neighbourhoodsKey } = props;
  const initialQueries = useEffectEvent(() => overlayQueries);
  useEffect(() => {
    if (map && overlaySources) addOverlays(map, overlaySources, window.location.origin, initialQueries());
  }, [map, overlaySources]);

  useEffect(() => {
    if (map && overlaySources) setOverlayQueries(map, overlaySources, window.location.origin, overlayQueries);
  }, [map, overlaySources, overlayQueries]);

  useEffect(() => {
    if (!map || !overlaySources) return;
    for (const layer of OVERLAY_LAYERS) setOverlayVisibility(map, layer, visibleOverlays.includes(layer), drawing);
  }, [map, overlaySources, visibleOverlays, drawing]);

  const { neighbourhoodPoints, serviceRings, signalRates, signalRatePaint } = props;
  useEffect(() => {
    if (map && overlaySources) setOverlayData(map, NEIGHBOURHOOD_POINTS_SOURCE, neighbourhoodPoints);
  }, [map, overlaySources, neighbourhoodPoints]);
  useEffect(() => {
    if (map && overlaySources) setOverlayData(map, SERVICE_RINGS_SOURCE, serviceRings);
  }, [map, overlaySources, serviceRings]);

  useEffect(() => {
    if (!map || !overlaySources) return;
    const id = OVERLAY_LAYER_IDS.signals.rate;
    map.setPaintProperty(id, 'fill-color', signalRatePaint?.['fill-color']);
    map.setPaintProperty(id, 'fill-opacity', signalRatePaint?.['fill-opacity']);
  }, [map, overlaySources, signalRatePaint]);

  // The rate of each neighbourhood as feature-state, applied again when the neighbourhoods change.
  useEffect(() => {
    if (!map || !neighbourhoods) return;
    for (const feature of neighbourhoods.features) {
      const code = String(feature.properties?.code);
      // A withheld rate (-1) is drawn grey; a neighbourhood the person may not see stays clear.
      const rate = signalRates?.has(code) ? (signalRates.get(code) ?? -1) : null;
      map.setFeatureState({ source: SOURCE_IDS.neighbourhoods, id: code }, { signalRate: rate });
    }
  }, [map, neighbourhoods, signalRates]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(SOURCE_IDS.regions)?.setData(props.regions ?? EMPTY);
  }, [map, props.regions]);

  useEffect(() => {
    map?.getSource<GeoJSONSource>(SOURCE_IDS.municipalities)?.setData(props.municipalities ?? EMPTY);
  }, [map, props.municipalities]);

  // New neighbourhoods: hand them over, then report "ready" once they are on screen (tests wait
  // for data-map-ready; an idle map with the data drawn is what a user would call loaded).
  useEffect(() => {
    if (!map || !neighbourhoods) return;
    map.getSource<GeoJSONSource>(SOURCE_IDS.neighbourhoods)?.setData(neighbourhoods);
    let active = true;
    const check = () => {
      if (!active) return;
      const drawn = map.queryRenderedFeatures({ layers: [LAYER_IDS.neighbourhoodsFill] }).length > 0;
      if (drawn || neighbourhoods.features.length === 0) setRenderedKey(neighbourhoodsKey);
      else map.once('idle', check);
    };
    map.once('idle', check);
    return () => {
      active = false;
      map.off('idle', check);
    };
  }, [map, neighbourhoods, neighbourhoodsKey]);

  useEffect(() => {
    map?.setPaintProperty(LAYER_IDS.neighbourhoodsFill, 'fill-color', props.fillColor);
  }, [map, props.fillColor]);

  useEffect(() => {
    map?.setPaintProperty(LAYER_IDS.neighbourhoodsFill, 'fill-opacity', props.fillOpacity);
  }, [map, props.fillOpacity]);

  useEffect(() => {
    map?.setFilter(LAYER_IDS.regionFocusLine, codeFilter(props.focusRegionCode));
    map?.setFilter(LAYER_IDS.municipalityFocusLine, codeFilter(props.focusMunicipalityNis));
  }, [map, props.focusRegionCode, props.focusMunicipalityNis]);

  useEffect(() => {
    map?.setFilter(LAYER_IDS.neighbourhoodsSelected, codeFilter(props.selectedCode));
    map?.setFilter(LAYER_IDS.neighbourhoodsSelectedCasing, codeFilter(props.selectedCode));
  }, [map, props.selectedCode]);

  const moveCamera = useEffectEvent((target: MapLibreMap, request: CameraRequest) => {
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const room = target.getContainer().clientWidth - 3 * MARGIN;
    // On a narrow map the panel sits over it anyway: keep the target centred rather than squeezed.
    const covered = props.coveredRight < room / 2 ? props.coveredRight : 0;
    target.fitBounds(request.bbox, {
      padding: padding(covered),
      maxZoom: request.maxZoom ?? 14,
      duration: reduceMotion ? 0 : 700,
    });
  });
  const { camera } = props;
  useEffect(() => {
    if (map && camera) moveCamera(map, camera);
  }, [map, camera]);

  // Municipality names as HTML markers: the offline style has no glyphs to draw text with.
  const { labels } = props;
  useEffect(() => {
    if (!map) return;
    const placed = [...labels]
      .sort((a, b) => a.rank - b.rank)
      .map((label) => {
        const element = document.createElement('div');
        element.className = label.emphasis ? 'map-label map-label-emphasis' : 'map-label';
        element.textContent = label.text;
        element.setAttribute('aria-hidden', 'true');
        return { label, element, marker: new Marker({ element, anchor: 'center' }).setLngLat(label.lngLat).addTo(map) };
      });
    const declutter = () => hideOverlappingLabels(map, placed);
    declutter();
    map.on('moveend', declutter);
    return () => {
      map.off('moveend', declutter);
      placed.forEach(({ marker }) => marker.remove());
    };
  }, [map, labels]);

  const ready = renderedKey === neighbourhoodsKey && props.neighbourhoods !== null;
  return (
    <div className="map-view">
      <div ref={containerRef} className="map-canvas" data-testid="map" data-map-ready={ready ? 'true' : 'false'} />
      <div ref={tooltipRef} className="map-tooltip" role="tooltip" hidden={hovered === null}>
        {hovered !== null && props.renderTooltip(hovered)}
      </div>
    </div>
  );
}

/**
 * Hides labels that would overlap a more important one (they come sorted by rank), the way
 * MapLibre's own symbol placement would if the style could draw text.
 */
function hideOverlappingLabels(map: MapLibreMap, placed: { label: MapLabel; element: HTMLElement }[]) {
  const taken: { left: number; right: number; top: number; bottom: number }[] = [];
  for (const { label, element } of placed) {
    const { x, y } = map.project(label.lngLat);
    const halfWidth = element.offsetWidth / 2 + 4;
    const halfHeight = element.offsetHeight / 2 + 2;
    const box = { left: x - halfWidth, right: x + halfWidth, top: y - halfHeight, bottom: y + halfHeight };
    const free = !taken.some(
      (other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top,
    );
    element.style.visibility = free ? '' : 'hidden';
    if (free) taken.push(box);
  }
}

/** Puts the tooltip beside the pointer, on the side with room. */
function placeTooltip(tooltip: HTMLDivElement | null, container: HTMLElement, x: number, y: number) {
  if (!tooltip) return;
  const flipX = x > container.clientWidth - 260;
  const flipY = y > container.clientHeight - 120;
  tooltip.style.transform = `translate(${flipX ? `calc(${x - 14}px - 100%)` : `${x + 14}px`}, ${flipY ? `calc(${y - 14}px - 100%)` : `${y + 14}px`})`;
}
