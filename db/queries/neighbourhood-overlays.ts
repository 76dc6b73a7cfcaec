import { type Kysely, sql } from 'kysely';
import type { MonthWindow } from '@/lib/map/month-window';
import type { NeighbourhoodOverlayCounts } from '@/lib/map/neighbourhood-overlays';
import type { DateWindow, SignalFilters } from '@/lib/tiles/tile-request';
import type { Database } from '../schema';
import { getNeighbourhoodSignalCounts } from './signal-counts';

/**
 * Per neighbourhood of a region: what the overlay layers show when zoomed out (signal counts
 * for the filters, street lights and defects, substandard-dwelling records in the window) and
 * the population the signal rate is computed on. Raw counts: lib/map/neighbourhood-overlays.ts
 * decides what may be shown.
 */
export async function getNeighbourhoodOverlayCounts(
  db: Kysely<Database>,
  regionCode: string,
  signalFilters: SignalFilters,
  /**
   * Whose signals and substandard dwellings the person may see counted (lib/auth/access.ts
   * signalTileAccess): other neighbourhoods get neither count.
   */
  signalMunicipalities: readonly string[],
): Promise<NeighbourhoodOverlayCounts[]> {
  const inRegion = (column: 'n.municipality_nis') =>
    sql<boolean>`${sql.ref(column)} IN (SELECT nis FROM municipalities WHERE region_code = ${regionCode})`;
  const [signals, areas, lights, dwellings] = await Promise.all([
    signalMunicipalities.length === 0
      ? []
      : getNeighbourhoodSignalCounts(db, { municipalityNis: signalMunicipalities }, signalFilters),
    db
      .selectFrom('neighbourhoods as n')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('indicator_values')
            .distinctOn('area_code')
            .select(['area_code', 'value'])
            .where('area_level', '=', 'neighbourhood')
            .where('indicator_code', '=', 'population')
            .orderBy('area_code')
            .orderBy('period', 'desc')
            .as('p'),
        (join) => join.onRef('p.area_code', '=', 'n.code'),
      )
      .select(['n.code', 'n.municipality_nis', 'n.area_m2', 'p.value as population'])
      .where(inRegion('n.municipality_nis'))
      .execute(),
    db
      .selectFrom('street_lights as t')
      .select([
        't.neighbourhood_code',
        sql<number>`count(*)::int`.as('count'),
        sql<number>`count(*) FILTER (WHERE t.status = 'defect')::int`.as('defects'),
      ])
      .where(sql<boolean>`t.municipality_nis IN (SELECT nis FROM municipalities WHERE region_code = ${regionCode})`)
      .groupBy('t.neighbourhood_code')
      .execute(),
    signalMunicipalities.length === 0
      ? []
      : db
          .selectFrom('substandard_dwellings as t')
          .select(['t.neighbourhood_code', sql<number>`count(*)::int`.as('count')])
          .where('t.municipality_nis', 'in', [...signalMunicipalities])
          .$call((q) => (signalFilters.window ? q.where(dwellingWindow(signalFilters.window)) : q))
          .groupBy('t.neighbourhood_code')
          .execute(),
  ]);
  const signalCounts = new Map(signals.map((row) => [row.code, row.count]));
  const lightCounts = new Map(lights.map((row) => [row.neighbourhood_code, row]));
  const dwellingCounts = new Map(dwellings.map((row) => [row.neighbourhood_code, Number(row.count)]));
  return areas
    .map((area) => ({
      code: area.code,
      areaKm2: area.area_m2 / 1e6,
      population: area.population === null ? null : Number(area.population),
      signals: signalMunicipalities.includes(area.municipality_nis) ? (signalCounts.get(area.code) ?? 0) : undefined,
      streetLights: Number(lightCounts.get(area.code)?.count ?? 0),
      defects: Number(lightCounts.get(area.code)?.defects ?? 0),
      substandardDwellings: signalMunicipalities.includes(area.municipality_nis)
        ? (dwellingCounts.get(area.code) ?? 0)
        : undefined,
    }))
    .sort((a, b) => (a.code < b.code ? -1 : 1));
}

const dwellingWindow = (window: DateWindow) =>
  sql<boolean>`t.recorded_on BETWEEN ${window.from}::date AND ${window.to}::date`;

/** First and last month with signals (Europe/Brussels), or null when there are none. */
export async function getSignalMonthRange(db: Kysely<Database>): Promise<MonthWindow | null> {
  const row = await db
    .selectFrom('signals')
    .select([
      sql<string | null>`to_char(min(observed_at) AT TIME ZONE 'Europe/Brussels', 'YYYY-MM')`.as('first'),
      sql<string | null>`to_char(max(observed_at) AT TIME ZONE 'Europe/Brussels', 'YYYY-MM')`.as('last'),
    ])
    .executeTakeFirst();
  return row?.first && row.last ? { from: row.first, to: row.last } : null;
}
