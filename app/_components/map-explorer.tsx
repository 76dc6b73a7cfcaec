'use client';

import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import type { MunicipalitySummary, NeighbourhoodCollection, OutlineCollection, RegionDetail, RegionSummary } from '@/lib/map/area-data';
import { fillColorExpression, fillOpacityExpression, indicatorValues, toMapFeatures } from '@/lib/map/choropleth';
import { computeClassBreaks } from '@/lib/map/class-breaks';
import { mapHref, parseLayersQuery } from '@/lib/map/map-url';
import { OVERLAY_LAYERS, type OverlayLayer } from '@/lib/map/overlay-layers';
import type { BasemapOptions } from '@/lib/map/style';
import { AreaPicker, type NeighbourhoodOption } from './area-picker';
import { useI18n } from './i18n-provider';
import { IndicatorSelect } from './indicator-select';
import { LayerPanel } from './layer-panel';
import { Legend } from './legend';
import { overlaySourcesFrom, type TileVersionsResponse } from './map-overlays';
import { MapView, type CameraRequest, type MapLabel } from './map-view';
import { NeighbourhoodPanel } from './neighbourhood-panel';
import { NeighbourhoodTooltip } from './neighbourhood-tooltip';
import { buildOverlayPopup } from './overlay-popup';
import { useFetchJson } from './use-fetch-json';

const noSubscription = () => () => {};

/** What the neighbourhood panel covers of the map: its width (CSS .panel) and its margin. */
const PANEL_SPACE = 340 + 16;

export interface MapExplorerProps {
  regions: RegionSummary[];
  initialRegion: RegionSummary;
  initialMunicipalities: MunicipalitySummary[];
  initialMunicipalityNis: string | undefined;
  initialNeighbourhoodCode: string | undefined;
  initialIndicator: IndicatorCode;
  /** Changes whenever area data changes; part of every data URL so caches never serve stale data. */
  dataVersion: string;
  basemap: BasemapOptions;
}

/**
 * The map page's state: area, indicator and selected neighbourhood. Every change is written to
 * the URL with history.replaceState (so a link reproduces the view) without a server round
 * trip, so the map stays mounted and only its data and styling change.
 */
export function MapExplorer(props: MapExplorerProps) {
  const { t, lang, locale } = useI18n();
  const [region, setRegion] = useState(props.initialRegion);
  const [municipalities, setMunicipalities] = useState(props.initialMunicipalities);
  const [municipalityNis, setMunicipalityNis] = useState(props.initialMunicipalityNis);
  const [neighbourhoodCode, setNeighbourhoodCode] = useState(props.initialNeighbourhoodCode);
  const [indicator, setIndicator] = useState(props.initialIndicator);
  const [camera, setCamera] = useState<CameraRequest | null>(null);
  const [regionChange, setRegionChange] = useState<{ pending?: string; error?: string }>({});
  // The page (a server component) does not pass the layers: they come from the URL on the
  // client, after hydration (the server snapshot is "none"), until the user changes them.
  const search = useSyncExternalStore(noSubscription, () => window.location.search, () => '');
  const urlLayers = useMemo(() => parseLayersQuery(new URLSearchParams(search)), [search]);
  const [chosenLayers, setChosenLayers] = useState<OverlayLayer[] | null>(null);
  const overlays = chosenLayers ?? urlLayers;

  const version = encodeURIComponent(props.dataVersion);
  const regionOutlines = useFetchJson<OutlineCollection>(`/api/areas/regions?v=${version}`);
  const municipalityOutlines = useFetchJson<OutlineCollection>(`/api/areas/municipalities?region=${region.code}&v=${version}`);
  const neighbourhoodsUrl = `/api/areas/neighbourhoods?region=${region.code}&v=${version}`;
  const neighbourhoods = useFetchJson<NeighbourhoodCollection>(neighbourhoodsUrl);
  const tileVersions = useFetchJson<TileVersionsResponse>('/api/tiles/versions');
  const overlaySources = useMemo(
    () => (tileVersions.state.status === 'ready' ? overlaySourcesFrom(tileVersions.state.data) : null),
    [tileVersions.state],
  );
  const collection = neighbourhoods.state.status === 'ready' ? neighbourhoods.state.data : null;

  const byCode = useMemo(() => new Map(collection?.features.map((f) => [f.properties.code, f]) ?? []), [collection]);
  const mapData = useMemo(() => (collection ? toMapFeatures(collection) : null), [collection]);
  const options = useMemo(() => neighbourhoodOptions(collection), [collection]);
  const breaks = useMemo(() => computeClassBreaks(collection ? indicatorValues(collection, indicator) : []), [collection, indicator]);
  const fillColor = useMemo(() => fillColorExpression(indicator, breaks), [indicator, breaks]);
  // With overlays on, the choropleth steps back so that dots and rings stay readable on it.
  const overlaysOn = overlays.length > 0;
  const fillOpacity = useMemo(
    () => {
      const factor = overlaysOn ? 0.5 : 1;
      return fillOpacityExpression(municipalityNis, (props.basemap.basemap === 'osm' ? 0.7 : 0.88) * factor, 0.35 * factor);
    },
    [municipalityNis, props.basemap.basemap, overlaysOn],
  );
  const hasEstimates = useMemo(
    () => collection?.features.some((f) => f.properties.indicators[indicator]?.isEstimate) ?? false,
    [collection, indicator],
  );
  const labels = useMemo<MapLabel[]>(
    () => municipalities.map((m) => ({
      id: m.nis,
      text: m.name,
      lngLat: m.labelPoint,
      emphasis: m.nis === municipalityNis,
      // The chosen municipality first, then the larger ones: they are the ones people look for.
      rank: m.nis === municipalityNis ? Number.NEGATIVE_INFINITY : -(m.population2020 ?? 0),
    })),
    [municipalities, municipalityNis],
  );

  const municipality = municipalities.find((m) => m.nis === municipalityNis);
  // A code from the URL that is not in this region's data (any more) selects nothing.
  const selectedCode = collection && neighbourhoodCode && !byCode.has(neighbourhoodCode) ? undefined : neighbourhoodCode;
  const selected = selectedCode ? byCode.get(selectedCode) : undefined;
  const catalogEntry = INDICATORS.find((entry) => entry.code === indicator) ?? INDICATORS[0];
  const areaName = municipality?.name ?? region.name;

  useEffect(() => {
    // Until the user switches a layer, the URL's own list stands (read here, not from the
    // hydration render, which has not seen the URL yet).
    const layers = chosenLayers ?? parseLayersQuery(new URLSearchParams(window.location.search));
    const href = mapHref({ regionCode: region.code, municipalityNis, neighbourhoodCode: selectedCode, indicator, layers });
    if (href !== window.location.pathname + window.location.search) window.history.replaceState(null, '', href);
  }, [region.code, municipalityNis, selectedCode, indicator, chosenLayers]);

  function toggleOverlay(layer: OverlayLayer, on: boolean) {
    setChosenLayers(OVERLAY_LAYERS.filter((other) => (other === layer ? on : overlays.includes(other))));
  }

  useEffect(() => {
    document.title = `${t('map.pageTitle', { area: municipality ? `${municipality.name}, ${region.name}` : region.name })} · ${t('app.name')}`;
  }, [t, municipality, region.name]);

  async function changeRegion(code: string) {
    if (code === region.code) return;
    setRegionChange({ pending: code });
    try {
      const response = await fetch(`/api/areas/regions/${encodeURIComponent(code)}?v=${version}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const detail = (await response.json()) as RegionDetail;
      setRegion(detail.region);
      setMunicipalities(detail.municipalities);
      setMunicipalityNis(undefined);
      setNeighbourhoodCode(undefined);
      setCamera({ bbox: detail.region.bbox });
      setRegionChange({});
    } catch {
      setRegionChange({ error: t('map.loadError') });
    }
  }

  function changeMunicipality(nis: string | undefined) {
    setMunicipalityNis(nis);
    if (nis && selected && selected.properties.municipalityNis !== nis) setNeighbourhoodCode(undefined);
    const chosen = municipalities.find((m) => m.nis === nis);
    setCamera({ bbox: chosen?.bbox ?? region.bbox });
  }

  function changeNeighbourhood(code: string | undefined) {
    setNeighbourhoodCode(code);
    const feature = code ? byCode.get(code) : undefined;
    if (feature) setCamera({ bbox: feature.bbox, maxZoom: 14 });
  }

  /** A click on the map selects without moving the camera; it keeps the municipality picker in step. */
  function selectFromMap(code: string | null) {
    setNeighbourhoodCode(code ?? undefined);
    const feature = code ? byCode.get(code) : undefined;
    if (feature && municipalityNis && feature.properties.municipalityNis !== municipalityNis) {
      setMunicipalityNis(feature.properties.municipalityNis);
    }
  }

  const initialBounds = municipalities.find((m) => m.nis === props.initialMunicipalityNis)?.bbox ?? props.initialRegion.bbox;
  const loading = neighbourhoods.state.status === 'loading' || regionChange.pending !== undefined;
  const loadError = neighbourhoods.state.status === 'error' ? t('map.loadError') : regionChange.error;

  return (
    <div className="explorer">
      <aside className="sidebar" aria-label={t('map.controlsLabel')}>
        <div className="sidebar-intro">
          <p className="eyebrow">{municipality ? `${t('map.regionLabel')} ${region.name}` : t('map.regionLabel')}</p>
          <h1 className="area-title" data-testid="area-title">{areaName}</h1>
          <p className="muted">
            {municipality
              ? t('map.municipalitySummary', { neighbourhoods: municipality.neighbourhoodCount, region: region.name })
              : t('map.regionSummary', {
                municipalities: municipalities.length,
                neighbourhoods: municipalities.reduce((sum, m) => sum + m.neighbourhoodCount, 0),
              })}
          </p>
        </div>

        <section className="sidebar-section" aria-labelledby="area-heading">
          <h2 id="area-heading" className="section-heading">{t('map.areaHeading')}</h2>
          <AreaPicker
            regions={props.regions}
            regionCode={regionChange.pending ?? region.code}
            municipalities={municipalities}
            municipalityNis={municipalityNis}
            neighbourhoods={options}
            neighbourhoodCode={selectedCode}
            onRegionChange={changeRegion}
            onMunicipalityChange={changeMunicipality}
            onNeighbourhoodChange={changeNeighbourhood}
          />
          {!selected && <p className="field-hint">{t('panel.hint')}</p>}
        </section>

        <section className="sidebar-section" aria-labelledby="indicator-heading">
          <h2 id="indicator-heading" className="section-heading">{t('map.indicatorHeading')}</h2>
          <IndicatorSelect value={indicator} onChange={setIndicator} />
          <Legend indicator={catalogEntry} result={breaks} hasEstimates={hasEstimates} loading={collection === null} />
        </section>

        <section className="sidebar-section" aria-labelledby="layers-heading">
          <h2 id="layers-heading" className="section-heading">{t('layers.heading')}</h2>
          <LayerPanel
            enabled={overlays}
            onChange={toggleOverlay}
            available={overlaySources !== null}
            error={tileVersions.state.status === 'error' ? t('layers.loadError') : undefined}
          />
        </section>
      </aside>

      <div className="map-area" aria-label={t('map.ariaLabel', { area: areaName })} role="region">
        <MapView
          basemap={props.basemap}
          initialBounds={initialBounds}
          regions={regionOutlines.state.status === 'ready' ? regionOutlines.state.data : null}
          municipalities={municipalityOutlines.state.status === 'ready' ? municipalityOutlines.state.data : null}
          neighbourhoods={mapData}
          neighbourhoodsKey={neighbourhoodsUrl}
          fillColor={fillColor}
          fillOpacity={fillOpacity}
          focusRegionCode={region.code}
          focusMunicipalityNis={municipalityNis}
          selectedCode={selectedCode}
          camera={camera}
          coveredRight={selected || (!collection && props.initialNeighbourhoodCode) ? PANEL_SPACE : 0}
          labels={labels}
          controlLabels={{ zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut'), closePopup: t('popup.close') }}
          overlaySources={overlaySources}
          visibleOverlays={overlays}
          renderOverlayPopup={(hit) => buildOverlayPopup(hit, { t, lang, locale })}
          onSelect={selectFromMap}
          renderTooltip={(code) => {
            const feature = byCode.get(code);
            return feature ? <NeighbourhoodTooltip neighbourhood={feature.properties} indicator={catalogEntry} /> : null;
          }}
        />

        {loading && !loadError && (
          <div className="map-status" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('map.loading')}
          </div>
        )}
        {loadError && (
          <div className="map-status map-status-error" role="alert">
            {loadError}
            <button type="button" className="button button-small" onClick={() => { setRegionChange({}); neighbourhoods.retry(); }}>
              {t('map.retry')}
            </button>
          </div>
        )}

        {selected && (
          <NeighbourhoodPanel neighbourhood={selected.properties} activeIndicator={indicator} onClose={() => setNeighbourhoodCode(undefined)} />
        )}

        <div className="map-credit" data-testid="boundaries-credit">
          {t('credit.boundaries')}
          {props.basemap.basemap === 'osm' && <> · {t('credit.osm')}</>}
        </div>
      </div>
    </div>
  );
}

/** Picker entries for the loaded neighbourhoods, by municipality and then name. */
function neighbourhoodOptions(collection: NeighbourhoodCollection | null): NeighbourhoodOption[] {
  if (!collection) return [];
  const collator = new Intl.Collator('nl-BE', { sensitivity: 'base', numeric: true });
  return collection.features
    .map(({ properties: p }) => ({ code: p.code, name: p.name, municipalityNis: p.municipalityNis, municipalityName: p.municipalityName }))
    .sort((a, b) => collator.compare(a.municipalityName, b.municipalityName) || collator.compare(a.name, b.name));
}
