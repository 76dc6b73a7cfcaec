'use client';

import type { FeatureCollection } from 'geojson';
import { useEffect, useMemo, useState } from 'react';
import { INDICATORS, type IndicatorCode } from '@/lib/indicators/catalog';
import type {
  MunicipalitySummary,
  NeighbourhoodCollection,
  OutlineCollection,
  RegionDetail,
  RegionSummary,
} from '@/lib/map/area-data';
import { fillColorExpression, fillOpacityExpression, indicatorValues, toMapFeatures } from '@/lib/map/choropleth';
import { computeClassBreaks } from '@/lib/map/class-breaks';
import { mapHref } from '@/lib/map/map-url';
import type { MapOptions, MapView as MapCamera, SignalView, WalkDistance } from '@/lib/map/map-options';
import {
  clampWindow,
  defaultWindow,
  monthWindowToDays,
  playStart,
  playStep,
  type MonthWindow,
} from '@/lib/map/month-window';
import type { NeighbourhoodOverlayStats } from '@/lib/map/neighbourhood-overlays';
import { OVERLAY_LAYERS, PEOPLE_LAYERS, signalRateFill, type OverlayLayer } from '@/lib/map/overlay-layers';
import { buildWalkRings } from '@/lib/map/walk-rings';
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
import { LayerExtras } from './layer-extras';
import { buildOverlayPopup } from './overlay-popup';
import { SignalFilters } from './signal-filters';
import { TimeFilter } from './time-filter';
import { useFetchJson } from './use-fetch-json';

/** How long each month shows while playing. */
const PLAY_STEP_MS = 1400;
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/** Layers drawn (partly) from the per-neighbourhood figures. */
const NEIGHBOURHOOD_FIGURE_LAYERS: readonly OverlayLayer[] = ['signals', 'street_lights', 'substandard_dwellings'];

export interface OverlayFiguresResponse {
  threshold: number;
  /** The municipalities whose signals the person may see counted. */
  signalMunicipalities: string[];
  neighbourhoods: NeighbourhoodOverlayStats[];
}
interface ServiceListResponse {
  services: { id: number; serviceType: string; lon: number; lat: number }[];
}

/** What the neighbourhood panel covers of the map: its width (CSS .panel) and its margin. */
const PANEL_SPACE = 340 + 16;

export interface MapExplorerProps {
  regions: RegionSummary[];
  initialRegion: RegionSummary;
  initialMunicipalities: MunicipalitySummary[];
  initialMunicipalityNis: string | undefined;
  initialNeighbourhoodCode: string | undefined;
  initialIndicator: IndicatorCode;
  initialLayers: OverlayLayer[];
  initialOptions: MapOptions;
  /** First and last month with signals; null when there are none. */
  signalMonths: MonthWindow | null;
  /** Whether the person may see signal aggregates at all (signed in with such a role). */
  canSeeSignals: boolean;
  /** Why signals are locked: nobody signed in, or a role that sees them on the analysis pages. */
  signalsLock?: 'signIn' | 'analysis';
  /** Changes whenever area data changes; part of every data URL so caches never serve stale data. */
  dataVersion: string;
  basemap: BasemapOptions;
  /** The small-numbers threshold (BUURTRADAR_MIN_COUNT) the legends name. */
  minCount: number;
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
  const [overlays, setOverlays] = useState(props.initialLayers);
  const [options, setOptions] = useState(props.initialOptions);
  const [view, setView] = useState<MapCamera | undefined>(props.initialOptions.view);
  const [playing, setPlaying] = useState(false);

  // The time window: whole months inside the data's months (the last twelve unless chosen).
  const domain = props.signalMonths;
  const monthWindow = domain ? (options.window ? clampWindow(options.window, domain) : defaultWindow(domain)) : null;
  const days = monthWindow ? monthWindowToDays(monthWindow) : null;
  // Plain strings: a new render with the same filters gives equal strings, so nothing reloads.
  const signalQuery = filterQuery(days, options);
  const dwellingQuery = days ? `from=${days.from}&to=${days.to}` : '';
  const overlayQueries = useMemo(
    () => ({ signals: signalQuery, substandard_dwellings: dwellingQuery }),
    [signalQuery, dwellingQuery],
  );
  const drawing = useMemo(
    () => ({ signalView: options.signalView, walkDistances: options.walkDistances }),
    [options.signalView, options.walkDistances],
  );

  const version = encodeURIComponent(props.dataVersion);
  const regionOutlines = useFetchJson<OutlineCollection>(`/api/areas/regions?v=${version}`);
  const municipalityOutlines = useFetchJson<OutlineCollection>(
    `/api/areas/municipalities?region=${region.code}&v=${version}`,
  );
  const neighbourhoodsUrl = `/api/areas/neighbourhoods?region=${region.code}&v=${version}`;
  const neighbourhoods = useFetchJson<NeighbourhoodCollection>(neighbourhoodsUrl);
  const tileVersions = useFetchJson<TileVersionsResponse>('/api/tiles/versions');
  const overlaySources = useMemo(
    () => (tileVersions.state.status === 'ready' ? overlaySourcesFrom(tileVersions.state.data) : null),
    [tileVersions.state],
  );
  const collection = neighbourhoods.state.status === 'ready' ? neighbourhoods.state.data : null;

  // Per-neighbourhood figures of the layers; the last ones stay on screen while the next load,
  // so that playing through the months does not flicker.
  const wantsFigures = overlays.some((layer) => NEIGHBOURHOOD_FIGURE_LAYERS.includes(layer));
  const figuresUrl = wantsFigures
    ? `/api/areas/neighbourhood-overlays?region=${region.code}${signalQuery ? `&${signalQuery}` : ''}`
    : null;
  const figures = useFetchJson<OverlayFiguresResponse>(figuresUrl);
  const [keptFigures, setKeptFigures] = useState<{ region: string; data: OverlayFiguresResponse } | null>(null);
  if (figures.state.status === 'ready' && keptFigures?.data !== figures.state.data) {
    // State from an earlier render, updated during render (React's pattern for derived state).
    setKeptFigures({ region: region.code, data: figures.state.data });
  }
  const shownFigures = wantsFigures && keptFigures?.region === region.code ? keptFigures.data : null;
  const figuresByCode = useMemo(
    () => new Map(shownFigures?.neighbourhoods.map((n) => [n.code, n]) ?? []),
    [shownFigures],
  );
  const signalRates = useMemo(
    () =>
      shownFigures
        ? new Map(
            shownFigures.neighbourhoods.flatMap((n) =>
              n.signalRate === undefined ? [] : [[n.code, n.signalRate] as const],
            ),
          )
        : null,
    [shownFigures],
  );
  const rateBreaks = useMemo(
    () => computeClassBreaks(shownFigures?.neighbourhoods.map((n) => n.signalRate) ?? [], 5),
    [shownFigures],
  );
  const signalRatePaint = useMemo(
    () => signalRateFill(rateBreaks.breaks, municipalityNis),
    [rateBreaks, municipalityNis],
  );
  const neighbourhoodPoints = useMemo(() => pointsWithFigures(collection, figuresByCode), [collection, figuresByCode]);

  // Walking-distance rings around the region's services, when the services layer shows them.
  const wantsRings = overlays.includes('services') && options.walkDistances.length > 0;
  const serviceList = useFetchJson<ServiceListResponse>(wantsRings ? `/api/services?region=${region.code}` : null);
  const serviceRings = useMemo(
    () =>
      wantsRings && serviceList.state.status === 'ready'
        ? buildWalkRings(serviceList.state.data.services, options.walkDistances)
        : EMPTY,
    [wantsRings, serviceList.state, options.walkDistances],
  );

  const byCode = useMemo(() => new Map(collection?.features.map((f) => [f.properties.code, f]) ?? []), [collection]);
  const mapData = useMemo(() => (collection ? toMapFeatures(collection) : null), [collection]);
  const pickerOptions = useMemo(() => neighbourhoodOptions(collection), [collection]);
  const breaks = useMemo(
    () => computeClassBreaks(collection ? indicatorValues(collection, indicator) : []),
    [collection, indicator],
  );
  const fillColor = useMemo(() => fillColorExpression(indicator, breaks), [indicator, breaks]);
  // With overlays on, the choropleth steps back so that dots and rings stay readable on it.
  const overlaysOn = overlays.length > 0;
  const fillOpacity = useMemo(() => {
    const factor = overlaysOn ? 0.5 : 1;
    return fillOpacityExpression(
      municipalityNis,
      (props.basemap.basemap === 'osm' ? 0.7 : 0.88) * factor,
      0.35 * factor,
    );
  }, [municipalityNis, props.basemap.basemap, overlaysOn]);
  const hasEstimates = useMemo(
    () => collection?.features.some((f) => f.properties.indicators[indicator]?.isEstimate) ?? false,
    [collection, indicator],
  );
  const labels = useMemo<MapLabel[]>(
    () =>
      municipalities.map((m) => ({
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
  const selectedCode =
    collection && neighbourhoodCode && !byCode.has(neighbourhoodCode) ? undefined : neighbourhoodCode;
  const selected = selectedCode ? byCode.get(selectedCode) : undefined;
  const catalogEntry = INDICATORS.find((entry) => entry.code === indicator) ?? INDICATORS[0];
  const areaName = municipality?.name ?? region.name;

  useEffect(() => {
    const href = mapHref({
      regionCode: region.code,
      municipalityNis,
      neighbourhoodCode: selectedCode,
      indicator,
      layers: overlays,
      options: { ...options, view },
    });
    if (href !== window.location.pathname + window.location.search) window.history.replaceState(null, '', href);
  }, [region.code, municipalityNis, selectedCode, indicator, overlays, options, view]);

  // Play: one month further every PLAY_STEP_MS, stopping at the last month.
  useEffect(() => {
    if (!playing || !domain) return;
    const timer = setInterval(() => {
      setOptions((current) => {
        const from = current.window ? clampWindow(current.window, domain) : defaultWindow(domain);
        const next = playStep(from, domain);
        if (!next) setPlaying(false);
        return next ? { ...current, window: next } : current;
      });
    }, PLAY_STEP_MS);
    return () => clearInterval(timer);
  }, [playing, domain]);

  function togglePlaying(on: boolean) {
    if (on && domain && monthWindow) setOptions((current) => ({ ...current, window: playStart(monthWindow, domain) }));
    setPlaying(on);
  }

  function toggleOverlay(layer: OverlayLayer, on: boolean) {
    setOverlays(OVERLAY_LAYERS.filter((other) => (other === layer ? on : overlays.includes(other))));
  }

  function changeOptions(change: Partial<MapOptions>) {
    setOptions((current) => ({ ...current, ...change }));
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

  const initialBounds =
    municipalities.find((m) => m.nis === props.initialMunicipalityNis)?.bbox ?? props.initialRegion.bbox;
  const loading = neighbourhoods.state.status === 'loading' || regionChange.pending !== undefined;
  const loadError = neighbourhoods.state.status === 'error' ? t('map.loadError') : regionChange.error;

  return (
    <div className="explorer">
      <aside className="sidebar" aria-label={t('map.controlsLabel')}>
        <div className="sidebar-intro">
          <p className="eyebrow">{municipality ? `${t('map.regionLabel')} ${region.name}` : t('map.regionLabel')}</p>
          <h1 className="area-title" data-testid="area-title">
            {areaName}
          </h1>
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
          <h2 id="area-heading" className="section-heading">
            {t('map.areaHeading')}
          </h2>
          <AreaPicker
            regions={props.regions}
            regionCode={regionChange.pending ?? region.code}
            municipalities={municipalities}
            municipalityNis={municipalityNis}
            neighbourhoods={pickerOptions}
            neighbourhoodCode={selectedCode}
            onRegionChange={changeRegion}
            onMunicipalityChange={changeMunicipality}
            onNeighbourhoodChange={changeNeighbourhood}
          />
          {!selected && <p className="field-hint">{t('panel.hint')}</p>}
        </section>

        <section className="sidebar-section" aria-labelledby="indicator-heading">
          <h2 id="indicator-heading" className="section-heading">
            {t('map.indicatorHeading')}
          </h2>
          <IndicatorSelect value={indicator} onChange={setIndicator} />
          {overlays.includes('signals') && options.signalView === 'rate' && (
            <p className="field-hint" data-testid="indicator-covered">
              {t('map.indicatorCovered')}
            </p>
          )}
          <Legend indicator={catalogEntry} result={breaks} hasEstimates={hasEstimates} loading={collection === null} />
        </section>

        <section className="sidebar-section" aria-labelledby="layers-heading">
          <h2 id="layers-heading" className="section-heading">
            {t('layers.heading')}
          </h2>
          <LayerPanel
            enabled={overlays}
            onChange={toggleOverlay}
            available={overlaySources !== null}
            error={tileVersions.state.status === 'error' ? t('layers.loadError') : undefined}
            signalView={options.signalView}
            minCount={props.minCount}
            locked={props.canSeeSignals ? [] : PEOPLE_LAYERS}
            lockedReason={
              props.signalsLock === 'analysis'
                ? { kind: 'analysis', href: `/analyse/${region.code}` }
                : { kind: 'signIn' }
            }
            extras={{
              signals: (
                <LayerExtras.Signals
                  view={options.signalView}
                  onViewChange={(signalView: SignalView) => changeOptions({ signalView })}
                  figures={shownFigures}
                  minCount={props.minCount}
                  loading={figures.state.status === 'loading'}
                  error={figures.state.status === 'error'}
                  scopeNis={municipalityNis}
                  scopeName={areaName}
                  byCode={byCode}
                  rateBreaks={rateBreaks}
                />
              ),
              services: (
                <LayerExtras.Rings
                  distances={options.walkDistances}
                  onChange={(walkDistances: WalkDistance[]) => changeOptions({ walkDistances })}
                  error={serviceList.state.status === 'error'}
                />
              ),
              substandard_dwellings: (
                <LayerExtras.Dwellings
                  figures={shownFigures}
                  scopeNis={municipalityNis}
                  scopeName={areaName}
                  byCode={byCode}
                />
              ),
            }}
          />
        </section>

        <section className="sidebar-section" aria-labelledby="filters-heading">
          <h2 id="filters-heading" className="section-heading">
            {t('filters.heading')}
          </h2>
          <TimeFilter
            domain={domain}
            window={monthWindow}
            onChange={(window) => {
              setPlaying(false);
              changeOptions({ window });
            }}
            playing={playing}
            onPlayingChange={togglePlaying}
          />
          <SignalFilters options={options} onChange={(key, codes) => changeOptions({ [key]: codes })} />
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
          overlayQueries={overlayQueries}
          visibleOverlays={overlays}
          drawing={drawing}
          signalRates={overlays.includes('signals') ? signalRates : null}
          signalRatePaint={signalRatePaint}
          neighbourhoodPoints={neighbourhoodPoints}
          serviceRings={serviceRings}
          initialView={props.initialOptions.view}
          onViewChange={(next) => setView(next ?? undefined)}
          renderOverlayPopup={(hit) => buildOverlayPopup(hit, { t, lang, locale })}
          onSelect={selectFromMap}
          renderTooltip={(code) => {
            const feature = byCode.get(code);
            return feature ? (
              <NeighbourhoodTooltip
                neighbourhood={feature.properties}
                indicator={catalogEntry}
                figures={figuresByCode.get(code)}
                layers={overlays}
              />
            ) : null;
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
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setRegionChange({});
                neighbourhoods.retry();
              }}
            >
              {t('map.retry')}
            </button>
          </div>
        )}

        {selected && (
          <NeighbourhoodPanel
            neighbourhood={selected.properties}
            activeIndicator={indicator}
            figures={figuresByCode.get(selected.properties.code)}
            layers={overlays}
            windowLabel={monthWindow}
            onClose={() => setNeighbourhoodCode(undefined)}
          />
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
    .map(({ properties: p }) => ({
      code: p.code,
      name: p.name,
      municipalityNis: p.municipalityNis,
      municipalityName: p.municipalityName,
    }))
    .sort((a, b) => collator.compare(a.municipalityName, b.municipalityName) || collator.compare(a.name, b.name));
}

/** The filters as tile and API query parameters (empty groups mean all, so they are left out). */
function filterQuery(days: { from: string; to: string } | null, options: MapOptions): string {
  const pairs: string[] = [];
  if (days) pairs.push(`from=${days.from}`, `to=${days.to}`);
  if (options.categories.length > 0) pairs.push(`categories=${options.categories.join(',')}`);
  if (options.statuses.length > 0) pairs.push(`status=${options.statuses.join(',')}`);
  if (options.partners.length > 0) pairs.push(`partner=${options.partners.join(',')}`);
  return pairs.join('&');
}

/** A point inside each neighbourhood with its layer figures (withheld counts left out). */
function pointsWithFigures(
  collection: NeighbourhoodCollection | null,
  figures: Map<string, NeighbourhoodOverlayStats>,
): FeatureCollection {
  if (!collection || figures.size === 0) return EMPTY;
  return {
    type: 'FeatureCollection',
    features: collection.features.flatMap((feature) => {
      const figure = figures.get(feature.properties.code);
      if (!figure) return [];
      const properties: Record<string, number | string> = {
        code: figure.code,
        streetLights: figure.streetLights,
        defects: figure.defects,
        lightDensity: figure.lightDensity,
      };
      if (typeof figure.substandardDwellings === 'number') properties.substandard = figure.substandardDwellings;
      return [
        {
          type: 'Feature' as const,
          geometry: { type: 'Point' as const, coordinates: feature.properties.anchor },
          properties,
        },
      ];
    }),
  };
}
