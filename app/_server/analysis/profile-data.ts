import 'server-only';
import type { Kysely } from 'kysely';
import { notFound, redirect } from 'next/navigation';
import { listMunicipalityIndicatorValues } from '@/db/queries/analysis/area-bases';
import {
  countNeighbourhoodServices,
  findNeighbourhoodPlace,
  type NeighbourhoodPlace,
} from '@/db/queries/analysis/neighbourhood';
import { listMunicipalities } from '@/db/queries/areas';
import type { Database } from '@/db/schema';
import { getDb } from '@/db/server';
import { neighbourhoodCode } from '@/lib/areas/codes';
import { type AccessScope, aggregateMunicipalitiesIn, canSeeAggregatesOf } from '@/lib/auth/access';
import type { Significance } from '@/lib/analysis/getis-ord';
import type { AnalysisPeriod } from '@/lib/analysis/periods';
import { ALL, neighbourhoodCell } from '@/lib/analysis/publication';
import { type RateBase, rateBaseFor } from '@/lib/analysis/rates';
import {
  type AccessRow,
  type AreaBase,
  type HousingRow,
  type LightingRow,
  hotspotRows,
} from '@/lib/analysis/region-analysis';
import type { SuppressedValue, SuppressionNote } from '@/lib/analysis/suppression';
import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import { INDICATORS } from '@/lib/indicators/catalog';
import { getNeighbourhoodAdjacency } from '@/db/queries/analysis/adjacency';
import { listNeighbourhoodIndicatorValues } from '@/db/queries/analysis/area-bases';
import { getAccessScope } from '../session';
import { listNeighbourhoodActions } from '@/db/queries/analysis/actions';
import { listReleasedNeighbourhoodMonths } from '@/db/queries/analysis/signal-releases';
import { type ActionEffect, type ActionRecord, actionWindows, beforeAfter } from '@/lib/analysis/actions';
import { canRecordActionIn } from '@/lib/auth/access';
import { memo } from './memo';
import { loadPeriods, loadRegionAnalysis, loadRegionInputs, pickPeriod } from './region-data';

export interface TrendCell {
  count: SuppressedValue;
  per1000: number | null;
}
export interface ProfileTrend {
  period: AnalysisPeriod;
  cells: Record<string, TrendCell>;
}
export interface ProfileHotspot {
  category: string;
  base: RateBase;
  zScore: number | null;
  pValue: number | null;
  significance: Significance;
  smoothedPer1000: number | null;
}

export interface NeighbourhoodProfile {
  place: NeighbourhoodPlace;
  base: AreaBase;
  period: AnalysisPeriod;
  periods: AnalysisPeriod[];
  indicators: { code: string; value: number | null; municipalityValue: number | null }[];
  trends: ProfileTrend[];
  hotspots: ProfileHotspot[];
  /** Gi* class (all categories) of every neighbourhood of the municipality, for the map. */
  municipalityClasses: Record<string, Significance>;
  access: AccessRow | null;
  accessTypes: string[];
  servicesInside: Record<string, number>;
  lighting: LightingRow | null;
  housing: HousingRow | null;
  note: SuppressionNote;
  scope: AccessScope;
  actions: (ActionRecord & { effect: ActionEffect | null })[];
  canRecordActions: boolean;
}

type Lookup =
  | { ok: true; scope: AccessScope; place: NeighbourhoodPlace; visibleNis: string[]; regionNis: string[] }
  | { ok: false; status: 401 | 404 };

/** The neighbourhood and what of its region this person may see; 401 anonymous, 404 not theirs. */
export async function lookupNeighbourhood(code: string): Promise<Lookup> {
  const scope = await getAccessScope();
  if (!scope) return { ok: false, status: 401 };
  if (!neighbourhoodCode.safeParse(code).success) return { ok: false, status: 404 };
  const db = await getDb();
  const place = await findNeighbourhoodPlace(db, code);
  if (!place || !canSeeAggregatesOf(scope, { regionCode: place.regionCode, municipalityNis: place.municipalityNis }))
    return { ok: false, status: 404 };
  const regionNis = (await listMunicipalities(db, place.regionCode)).map((m) => m.nis);
  const visibleNis = [...aggregateMunicipalitiesIn(scope, place.regionCode, regionNis)].sort();
  return { ok: true, scope, place, visibleNis, regionNis };
}

export async function requireNeighbourhood(code: string, returnPath: string) {
  const lookup = await lookupNeighbourhood(code);
  if (lookup.ok) return lookup;
  if (lookup.status === 401) redirect(`/aanmelden?terug=${encodeURIComponent(returnPath)}`);
  notFound();
}

/**
 * Everything the profile shows, for the chosen period, with the trend over every period. The
 * hotspot status is that of the person's own analysis of the region (the neighbourhoods they
 * may see), as on /analyse.
 */
export async function loadProfile(
  db: Kysely<Database>,
  access: Extract<Lookup, { ok: true }>,
  wantedPeriod: string | undefined,
  distance: number,
): Promise<NeighbourhoodProfile | null> {
  const { place, scope, visibleNis, regionNis } = access;
  const { periods, fallback } = await loadPeriods(db);
  const period = pickPeriod(periods, fallback, wantedPeriod);
  if (!period) return null;
  const data = await loadRegionAnalysis(db, {
    regionCode: place.regionCode,
    regionNis,
    visibleNis,
    period,
    category: ALL,
    distance,
    scope,
  });
  const base = data.inputs.bases.find((b) => b.code === place.code)!;
  const visible = data.inputs.bases.filter((b) => visibleNis.includes(b.municipalityNis));
  const adjacency = await memo(`adjacency|${data.inputs.version}|${visibleNis.join(',')}`, () =>
    getNeighbourhoodAdjacency(db, visibleNis),
  );

  const hotspots = [ALL, ...SIGNAL_CATEGORY_CODES].map((category): ProfileHotspot => {
    const row = hotspotRows(data.inputs.publication, visible, adjacency, category).rows.find(
      (r) => r.code === place.code,
    )!;
    return {
      category,
      base: category === ALL ? 'population' : rateBaseFor(category),
      zScore: row.zScore,
      pValue: row.pValue,
      significance: row.significance,
      smoothedPer1000: row.smoothedPer1000,
    };
  });
  const municipalityClasses = Object.fromEntries(
    data.analysis.hotspots
      .filter((r) => r.municipalityNis === place.municipalityNis)
      .map((r) => [r.code, r.significance]),
  );

  const trends: ProfileTrend[] = [];
  for (const p of [...periods].reverse()) {
    const inputs = await loadRegionInputs(db, place.regionCode, regionNis, p);
    const b = inputs.bases.find((x) => x.code === place.code)!;
    const cells: Record<string, TrendCell> = {};
    for (const category of [ALL, ...SIGNAL_CATEGORY_CODES]) {
      const count = inputs.publication.cell(neighbourhoodCell(place.code, category)) ?? {
        value: null,
        suppressed: 'secondary' as const,
      };
      const population =
        category !== ALL && rateBaseFor(category) === 'population_65_plus' ? b.population65Plus : b.population;
      cells[category] = {
        count,
        per1000:
          count.suppressed === null && count.value !== null && population ? (count.value / population) * 1000 : null,
      };
    }
    trends.push({ period: p, cells });
  }

  const [own, municipal, servicesInside] = await Promise.all([
    listNeighbourhoodIndicatorValues(
      db,
      [place.municipalityNis],
      INDICATORS.map((i) => i.code),
    ),
    listMunicipalityIndicatorValues(db, [place.municipalityNis]),
    countNeighbourhoodServices(db, place.code),
  ]);
  const indicators = INDICATORS.map((indicator) => ({
    code: indicator.code,
    value: own.get(place.code)?.[indicator.code] ?? null,
    municipalityValue: municipal.get(place.municipalityNis)?.[indicator.code] ?? null,
  }));
  const actions = await loadActions(db, place.code, base, regionNis, periods, (p) =>
    loadRegionInputs(db, place.regionCode, regionNis, p),
  );
  return {
    place,
    base,
    period,
    periods,
    indicators,
    trends,
    hotspots,
    municipalityClasses,
    actions,
    canRecordActions: canRecordActionIn(scope, {
      regionCode: place.regionCode,
      municipalityNis: place.municipalityNis,
    }),
    access: data.analysis.access.find((row) => row.code === place.code) ?? null,
    accessTypes: data.analysis.accessTypes,
    servicesInside,
    lighting: data.analysis.lighting.find((row) => row.code === place.code) ?? null,
    housing: data.analysis.housing.find((row) => row.code === place.code) ?? null,
    note: data.inputs.publication.note,
    scope,
  };
}

/**
 * The neighbourhood's actions with their before/after figures, grouped by the category they
 * concern (all signals for a neighbourhood-wide action), each group suppressed as one table.
 */
async function loadActions(
  db: Kysely<Database>,
  code: string,
  base: AreaBase,
  _regionNis: readonly string[],
  periods: readonly AnalysisPeriod[],
  inputsOf: (period: AnalysisPeriod) => ReturnType<typeof loadRegionInputs>,
): Promise<NeighbourhoodProfile['actions']> {
  const records = await listNeighbourhoodActions(db, code);
  // Only released months count (as in every analysis): a window over months that are still
  // open would change from one view to the next and give away the difference.
  const oldest = periods[periods.length - 1];
  const newest = periods[0];
  const range = oldest && newest ? { first: oldest.from, last: newest.to } : null;
  if (records.length === 0 || !range) return records.map((record) => ({ ...record, effect: null }));
  const allMonths = periods.flatMap((period) => period.months).sort();
  const publications = await Promise.all(periods.map(async (p) => [p.id, (await inputsOf(p)).publication] as const));
  const effects = new Map<number, ActionEffect | null>();
  for (const category of [...new Set(records.map((record) => record.categoryCode))]) {
    const group = records.filter((record) => record.categoryCode === category);
    const key = category ?? ALL;
    const monthCounts = await listReleasedNeighbourhoodMonths(db, code, category);
    const yearShown = Object.fromEntries(
      publications.map(([id, publication]) => [
        id,
        publication.cell(neighbourhoodCell(code, key))?.suppressed === null,
      ]),
    );
    const population =
      category !== null && rateBaseFor(category) === 'population_65_plus' ? base.population65Plus : base.population;
    let result: Record<number, ActionEffect | null> = {};
    try {
      result = beforeAfter({
        actions: group.map((record) => ({ id: record.id, windows: actionWindows(record.startDate, range) })),
        monthCounts,
        allMonths,
        yearShown,
        population,
        threshold: publications[0]?.[1].threshold ?? 5,
      });
    } catch (error) {
      // A table that cannot be protected shows no before/after figures at all, never unsafe ones.
      console.error('[buurtradar] before/after suppression failed', error);
    }
    for (const record of group) effects.set(record.id, result[record.id] ?? null);
  }
  return records.map((record) => ({ ...record, effect: effects.get(record.id) ?? null }));
}
