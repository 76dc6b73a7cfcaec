'use client';

import type { FeatureCollection } from 'geojson';
import { Map as MapLibreMap, NavigationControl, getVersion, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import { useEffect, useEffectEvent, useRef, useState } from 'react';
import type { BBox } from '@/lib/map/area-data';
import { MAP_COLORS, NO_DATA_COLOR } from '@/lib/map/palette';
import { OUTSIDE_COLOR } from '@/lib/map/analysis-palette';

declare global {
  interface Window {
    __buurtradarAnalysisMap?: MapLibreMap;
  }
}

const SOURCE = 'analysis-areas';
const HULLS = 'analysis-hulls';
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

export interface AnalysisMapProps {
  /** `/api/areas/neighbourhoods?...` with the data version: cached by the browser. */
  geometryUrl: string;
  bbox: BBox;
  /** Fill colour per neighbourhood code; codes not in it are drawn as outside the analysis. */
  colors: Readonly<Record<string, string>>;
  selected: string | undefined;
  onSelect?: (code: string) => void;
  hulls?: FeatureCollection | null;
  ariaLabel: string;
  /** Keeps the drawing buffer so the canvas can be saved as PNG. */
  exportable?: boolean;
  testId?: string;
}

/**
 * A MapLibre choropleth of neighbourhoods, coloured by code. Created once; colours, selection
 * and hulls are updated in place (setData, setFilter). The offline style only: no tiles.
 */
export function AnalysisMap(props: AnalysisMapProps) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [areas, setAreas] = useState<FeatureCollection | null>(null);
  const [ready, setReady] = useState(false);
  const select = useEffectEvent((code: string) => props.onSelect?.(code));
  const create = useEffectEvent((element: HTMLDivElement) => {
    setWorkerUrl(`/api/map/worker?v=${getVersion()}`);
    return new MapLibreMap({
      container: element,
      bounds: props.bbox,
      fitBoundsOptions: { padding: 24 },
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      maxPitch: 0,
      canvasContextAttributes: { preserveDrawingBuffer: props.exportable ?? false },
      style: {
        version: 8,
        sources: {
          [SOURCE]: { type: 'geojson', data: EMPTY, promoteId: 'code' },
          [HULLS]: { type: 'geojson', data: EMPTY },
        },
        layers: [
          { id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } },
          {
            id: 'areas-fill',
            type: 'fill',
            source: SOURCE,
            paint: { 'fill-color': ['coalesce', ['get', 'color'], OUTSIDE_COLOR], 'fill-opacity': 0.92 },
          },
          { id: 'areas-line', type: 'line', source: SOURCE, paint: { 'line-color': '#8a94a3', 'line-width': 0.6 } },
          { id: 'hulls-fill', type: 'fill', source: HULLS, paint: { 'fill-color': '#3f007d', 'fill-opacity': 0.18 } },
          {
            id: 'hulls-line',
            type: 'line',
            source: HULLS,
            paint: { 'line-color': '#3f007d', 'line-width': 1.6, 'line-dasharray': [2, 1] },
          },
          {
            id: 'areas-selected',
            type: 'line',
            source: SOURCE,
            filter: ['==', ['get', 'code'], ''],
            paint: { 'line-color': MAP_COLORS.highlight, 'line-width': 3 },
          },
        ],
      },
    });
  });

  useEffect(() => {
    if (!container.current) return;
    const instance = create(container.current);
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    instance.on('click', 'areas-fill', (event) => {
      const code = event.features?.[0]?.properties?.code;
      if (typeof code === 'string') select(code);
    });
    instance.on('mouseenter', 'areas-fill', () => {
      instance.getCanvas().style.cursor = 'pointer';
    });
    instance.on('mouseleave', 'areas-fill', () => {
      instance.getCanvas().style.cursor = '';
    });
    instance.once('load', () => setMap(instance));
    window.__buurtradarAnalysisMap = instance;
    return () => {
      if (window.__buurtradarAnalysisMap === instance) delete window.__buurtradarAnalysisMap;
      instance.remove();
    };
  }, []);

  const { geometryUrl } = props;
  useEffect(() => {
    let active = true;
    fetch(geometryUrl)
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
      .then((collection: FeatureCollection) => {
        if (active) setAreas(collection);
      })
      .catch((error) => console.error('[buurtradar] analysis map geometry', error));
    return () => {
      active = false;
    };
  }, [geometryUrl]);

  const { colors } = props;
  useEffect(() => {
    if (!map || !areas) return;
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: areas.features.map((feature) => {
        const code = String(feature.properties?.code);
        return {
          type: 'Feature',
          geometry: feature.geometry,
          properties: {
            code,
            name: feature.properties?.name,
            color: colors[code] ?? (code in colors ? NO_DATA_COLOR : null),
          },
        };
      }),
    };
    map.getSource<GeoJSONSource>(SOURCE)?.setData(data);
    map.once('idle', () => setReady(true));
  }, [map, areas, colors]);

  const { hulls, selected } = props;
  useEffect(() => {
    map?.getSource<GeoJSONSource>(HULLS)?.setData(hulls ?? EMPTY);
  }, [map, hulls]);
  useEffect(() => {
    map?.setFilter('areas-selected', ['==', ['get', 'code'], selected ?? '']);
  }, [map, selected]);

  return (
    <div
      ref={container}
      className="analysis-map-canvas"
      style={{ width: '100%', height: '100%', minHeight: 320 }}
      role="img"
      aria-label={props.ariaLabel}
      data-testid={props.testId ?? 'analysis-map'}
      data-map-ready={ready ? 'true' : 'false'}
    />
  );
}
