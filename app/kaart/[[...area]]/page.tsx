import type { Metadata } from 'next';
import { getAreaDataVersion, listMunicipalities, listRegions } from '@/db/queries/areas';
import { getDb } from '@/db/server';
import { parseEnv } from '@/lib/config/env';
import { getTranslator } from '@/lib/i18n/server';
import type { BasemapOptions } from '@/lib/map/style';
import { parseLayersQuery, parseMapQuery, type SearchParamsInput } from '@/lib/map/map-url';
import { PEOPLE_LAYERS } from '@/lib/map/overlay-layers';
import { parseMapOptions } from '@/lib/map/map-options';
import { getSignalMonthRange } from '@/db/queries/neighbourhood-overlays';
import { MapExplorer } from '@/app/_components/map-explorer';
import { getAccessScope } from '@/app/_server/session';
import { signalTileAccess } from '@/lib/auth/access';
import { smallNumberThreshold } from '@/app/_server/small-numbers';
import { resolveMapArea } from './load-area';

interface MapPageProps {
  params: Promise<{ area?: string[] }>;
  searchParams: Promise<SearchParamsInput>;
}

export async function generateMetadata({ params }: MapPageProps): Promise<Metadata> {
  const [{ region, municipality }, { t }] = await Promise.all([resolveMapArea((await params).area), getTranslator()]);
  const area = municipality ? `${municipality.name}, ${region.name}` : region.name;
  return { title: t('map.pageTitle', { area }) };
}

/**
 * The map of a region, optionally zoomed to one municipality. The server sends the lists the
 * pickers need; the client fetches the boundaries from /api/areas with the data version in the
 * URL, so the browser may cache them until the data changes.
 */
export default async function MapPage({ params, searchParams }: MapPageProps) {
  const [{ region, municipality }, search] = await Promise.all([resolveMapArea((await params).area), searchParams]);
  const query = parseMapQuery(search);
  const db = await getDb();
  const [regions, municipalities, dataVersion, signalMonths, scope] = await Promise.all([
    listRegions(db),
    listMunicipalities(db, region.code),
    getAreaDataVersion(db),
    getSignalMonthRange(db),
    getAccessScope(),
  ]);
  // Signals are about vulnerable people: on this map only for those who see them one by one
  // (coordinators, advisors); roles with aggregates only get them on the analysis pages. The
  // figures API and the tiles check this again for every request.
  const canSeeSignals = signalTileAccess(scope) !== null;
  const signalsLock = canSeeSignals ? undefined : scope?.canSeeAggregates ? ('analysis' as const) : ('signIn' as const);
  return (
    <MapExplorer
      regions={regions}
      initialRegion={region}
      initialMunicipalities={municipalities}
      initialMunicipalityNis={municipality?.nis}
      initialNeighbourhoodCode={query.neighbourhoodCode}
      initialIndicator={query.indicator}
      initialLayers={parseLayersQuery(search).filter((layer) => canSeeSignals || !PEOPLE_LAYERS.includes(layer))}
      canSeeSignals={canSeeSignals}
      signalsLock={signalsLock}
      initialOptions={parseMapOptions(search)}
      signalMonths={signalMonths}
      dataVersion={dataVersion}
      basemap={basemapOptions()}
      minCount={smallNumberThreshold()}
    />
  );
}

/** The basemap setting; the environment was validated at start-up, so defaults only cover tests. */
function basemapOptions(): BasemapOptions {
  const parsed = parseEnv(process.env);
  return parsed.ok
    ? { basemap: parsed.env.BUURTRADAR_BASEMAP, osmTileUrl: parsed.env.BUURTRADAR_OSM_TILE_URL }
    : { basemap: 'offline', osmTileUrl: '' };
}
