import 'server-only';
import type { Kysely } from 'kysely';
import { listPopulationPoints, listServiceLocations } from '@/db/queries/analysis/access-inputs';
import { getNeighbourhoodAdjacency } from '@/db/queries/analysis/adjacency';
import { listNeighbourhoodBases, listNeighbourhoodIndicatorValues } from '@/db/queries/analysis/area-bases';
import { listNeighbourhoodSupply } from '@/db/queries/analysis/lighting-housing';
import { getSignalRollupMonths } from '@/db/queries/analysis/signal-counts';
import {
  listReleasedCategoryCounts,
  listReleasedMonthTotals,
  listSignalReleases,
  releaseSignalYear,
} from '@/db/queries/analysis/signal-releases';
import { listSignalPointsForClustering } from '@/db/queries/analysis/signal-points';
import { getAreaDataVersion } from '@/db/queries/areas';
import { listLayerVersions } from '@/db/queries/layer-versions';
import type { Database } from '@/db/schema';
import { type ClusterSummaries, dbscan, summariseClusters } from '@/lib/analysis/dbscan';
import { NEED_INDICATORS } from '@/lib/analysis/need-index';
import {
  type AnalysisPeriod,
  defaultPeriod,
  lastReleasableYear,
  periodSpan,
  periodsFromReleases,
  releasableYears,
} from '@/lib/analysis/periods';
import { type Publication, buildPublication } from '@/lib/analysis/publication';
import { type AreaBase, type RegionAnalysis, analyseRegion } from '@/lib/analysis/region-analysis';
import { type SuppressedValue, suppressTable } from '@/lib/analysis/suppression';
import type { AccessScope } from '@/lib/auth/access';
import { brusselsToday } from '@/lib/signals/today';
import { smallNumberThreshold } from '../small-numbers';
import { memo } from './memo';

/** DBSCAN of signal points: eps in metres (Lambert 72) and the minimum points of a core. */
export const CLUSTER_EPS_METRES = 250;
export const CLUSTER_MIN_POINTS = 5;

/** A token that changes whenever anything the analyses read may have changed. */
async function dataVersion(db: Kysely<Database>): Promise<string> {
  const [areas, layers] = await Promise.all([getAreaDataVersion(db), listLayerVersions(db)]);
  return `${areas}|${Object.values(layers).join(',')}|${smallNumberThreshold()}`;
}

/**
 * The released years, newest first, after releasing those that fell due (the first page view
 * after 1 February releases the year before; lib/analysis/periods.ts).
 */
export async function loadPeriods(
  db: Kysely<Database>,
  today = brusselsToday(),
): Promise<{ periods: AnalysisPeriod[]; fallback: AnalysisPeriod | null }> {
  let releases = await listSignalReleases(db);
  const released = new Set(releases.map((release) => release.year));
  // Once the last year that can be due is released, nothing is left to check: skip the data range.
  const upToDate = released.has(lastReleasableYear(today));
  const due = upToDate
    ? []
    : releasableYears(await getSignalRollupMonths(db), today).filter((release) => !released.has(release.year));
  if (due.length > 0) {
    for (const release of due) await releaseSignalYear(db, release);
    releases = await listSignalReleases(db);
  }
  const periods = periodsFromReleases(releases);
  return { periods, fallback: defaultPeriod(periods) };
}

/** The period named in the URL, else the default; null when there are no signals at all. */
export function pickPeriod(
  periods: readonly AnalysisPeriod[],
  fallback: AnalysisPeriod | null,
  wanted: string | undefined,
): AnalysisPeriod | null {
  return periods.find((period) => period.id === wanted) ?? fallback;
}

export interface RegionInputs {
  version: string;
  bases: AreaBase[];
  publication: Publication;
}

/** The region's bases and its publication for one period (cached per data version). */
export async function loadRegionInputs(
  db: Kysely<Database>,
  regionCode: string,
  regionNis: readonly string[],
  period: AnalysisPeriod,
): Promise<RegionInputs> {
  const version = await dataVersion(db);
  return memo(`publication|${version}|${regionCode}|${period.id}|${period.to}`, async () => {
    const [bases, categoryCounts, monthCounts] = await Promise.all([
      listNeighbourhoodBases(db, regionNis),
      listReleasedCategoryCounts(db, regionNis, Number(period.id)),
      listReleasedMonthTotals(db, regionNis, Number(period.id)),
    ]);
    const publication = buildPublication({
      regionCode,
      neighbourhoods: bases,
      categoryCounts,
      monthCounts,
      months: period.months,
      threshold: smallNumberThreshold(),
    });
    return { version, bases, publication };
  });
}

export interface RegionAnalysisData {
  period: AnalysisPeriod;
  inputs: RegionInputs;
  analysis: RegionAnalysis;
  clusters: ClusterSummaries | null;
}

/**
 * The analysis of the neighbourhoods in `visibleNis` for a category, period and access
 * distance. Point clusters only for people who may see signal points (lib/auth/access.ts).
 */
export async function loadRegionAnalysis(
  db: Kysely<Database>,
  options: {
    regionCode: string;
    regionNis: readonly string[];
    visibleNis: readonly string[];
    period: AnalysisPeriod;
    category: string;
    distance: number;
    scope: AccessScope;
  },
): Promise<RegionAnalysisData> {
  const { regionCode, regionNis, visibleNis, period, category, distance, scope } = options;
  const inputs = await loadRegionInputs(db, regionCode, regionNis, period);
  const visible = visibleNis.join(',');
  const span = periodSpan(period);
  const [adjacency, indicators, points, services, supply] = await Promise.all([
    memo(`adjacency|${inputs.version}|${visible}`, () => getNeighbourhoodAdjacency(db, visibleNis)),
    memo(`indicators|${inputs.version}|${visible}`, () =>
      listNeighbourhoodIndicatorValues(db, visibleNis, Object.keys(NEED_INDICATORS)),
    ),
    memo(`points|${inputs.version}|${visible}`, () => listPopulationPoints(db, visibleNis)),
    memo(`services|${inputs.version}|${visible}`, () => listServiceLocations(db, visibleNis)),
    memo(`supply|${inputs.version}|${visible}|${period.id}|${period.to}`, () =>
      listNeighbourhoodSupply(db, visibleNis, span),
    ),
  ]);
  const neighbourhoods = inputs.bases.filter((base) => visibleNis.includes(base.municipalityNis));
  const dwellings = suppressTable(
    { cells: supply.map((row) => ({ id: row.code, value: row.substandardDwellings })), constraints: [] },
    { threshold: smallNumberThreshold() },
  ).values as Record<string, SuppressedValue>;
  const analysis = analyseRegion({
    publication: inputs.publication,
    neighbourhoods,
    adjacency,
    indicators,
    category,
    populationPoints: points,
    services,
    distanceLimitMetres: distance,
    supply,
    dwellings,
  });
  let clusters: ClusterSummaries | null = null;
  if (scope.canSeeSignalPoints) {
    const signalPoints = await listSignalPointsForClustering(
      db,
      scope.signalPoints,
      visibleNis,
      span,
      category === '*' ? null : [category],
    );
    clusters = summariseClusters(
      signalPoints,
      dbscan(signalPoints, { epsMetres: CLUSTER_EPS_METRES, minPoints: CLUSTER_MIN_POINTS }),
      smallNumberThreshold(),
    );
  }
  return { period, inputs, analysis, clusters };
}
