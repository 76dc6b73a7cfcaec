'use client';

import type { FeatureCollection } from 'geojson';
import { Map as MapLibreMap, NavigationControl, getVersion, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BBox } from '@/lib/map/area-data';
import {
  NEIGHBOURHOOD_SOURCE,
  POINT_MAP_LAYERS,
  POINT_MAP_SOURCES,
  pickedPointCollection,
  withSignalPointLayers,
} from '@/lib/map/signal-points';
import { buildMapStyle, type BasemapOptions } from '@/lib/map/style';
import styles from './signal-page.module.css';

export interface PointMapProps {
  basemap: BasemapOptions;
  bounds: BBox;
  /** Neighbourhood outlines to draw (GeoJSON of /api/areas/neighbourhoods). */
  neighbourhoods: FeatureCollection | null;
  /** Signal points (lib/map/signal-points.ts signalPointCollection). */
  points?: FeatureCollection;
  /** The report form's chosen place, drawn as a ringed dot. */
  picked?: readonly [number, number] | null;
  /** Report form: a click on the map picks a place. */
  onPick?: (lon: number, lat: number) => void;
  /** List: a click on a point opens that signal. */
  onPointClick?: (id: number) => void;
  label: string;
  controlLabels: { zoomIn: string; zoomOut: string };
  testId?: string;
}

declare global {
  interface Window {
    __buurtradarMap?: MapLibreMap;
  }
}

/**
 * A small MapLibre map for the signal pages, on the offline style. Created once; data changes
 * are applied in place with setData. The map is a pointer convenience: every page that uses
 * it offers a keyboard way to do the same (a neighbourhood list, the list of signals).
 */
export function PointMap(props: PointMapProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const pick = useEffectEvent((lon: number, lat: number) => props.onPick?.(lon, lat));
  const openPoint = useEffectEvent((id: number) => props.onPointClick?.(id));
  const create = useEffectEvent((container: HTMLDivElement) => {
    setWorkerUrl(`/api/map/worker?v=${getVersion()}`);
    const instance = new MapLibreMap({
      container,
      style: withSignalPointLayers(buildMapStyle(props.basemap)),
      bounds: props.bounds,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
      minZoom: 8,
      maxZoom: 17,
      locale: {
        'NavigationControl.ZoomIn': props.controlLabels.zoomIn,
        'NavigationControl.ZoomOut': props.controlLabels.zoomOut,
      },
    });
    instance.touchZoomRotate.disableRotation();
    instance.keyboard.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    return instance;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const instance = create(container);
    instance.on('click', (event) => {
      const [point] = instance.queryRenderedFeatures(event.point, { layers: [POINT_MAP_LAYERS.signals] });
      const id = Number(point?.properties?.id);
      if (point && Number.isSafeInteger(id)) openPoint(id);
      else pick(event.lngLat.lng, event.lngLat.lat);
    });
    instance.on('mousemove', (event) => {
      const over = instance.queryRenderedFeatures(event.point, { layers: [POINT_MAP_LAYERS.signals] }).length > 0;
      instance.getCanvas().style.cursor = over || props.onPick ? 'pointer' : '';
    });
    instance.once('load', () => setMap(instance));
    window.__buurtradarMap = instance;
    return () => {
      if (window.__buurtradarMap === instance) delete window.__buurtradarMap;
      instance.remove();
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { neighbourhoods, points, picked } = props;
  useEffect(() => {
    if (map && neighbourhoods) map.getSource<GeoJSONSource>(NEIGHBOURHOOD_SOURCE)?.setData(neighbourhoods);
  }, [map, neighbourhoods]);
  useEffect(() => {
    if (map && points) map.getSource<GeoJSONSource>(POINT_MAP_SOURCES.signals)?.setData(points);
  }, [map, points]);
  useEffect(() => {
    if (!map) return;
    map.getSource<GeoJSONSource>(POINT_MAP_SOURCES.picked)?.setData(pickedPointCollection(picked ?? null));
    // A place chosen without the map (list, location) must be in view.
    if (picked && !map.getBounds().contains([picked[0], picked[1]]))
      map.easeTo({ center: [picked[0], picked[1]], duration: 0 });
  }, [map, picked]);

  return (
    <div
      ref={containerRef}
      className={styles.map}
      role="region"
      aria-label={props.label}
      data-testid={props.testId ?? 'point-map'}
      data-map-ready={map && neighbourhoods ? 'true' : 'false'}
    />
  );
}
