import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listPopulationPoints, listServiceLocations } from '@/db/queries/analysis/access-inputs';
import { getNeighbourhoodAdjacency, listSharedBorderPairs } from '@/db/queries/analysis/adjacency';
import { listNeighbourhoodBases, listNeighbourhoodIndicatorValues } from '@/db/queries/analysis/area-bases';
import { listNeighbourhoodSupply } from '@/db/queries/analysis/lighting-housing';
import {
  listReleasedCategoryCounts,
  listReleasedMonthTotals,
  listReleasedNeighbourhoodMonths,
  releaseSignalYear,
} from '@/db/queries/analysis/signal-releases';
import type { Database } from '@/db/schema';
import { computeAccess } from '@/lib/analysis/access';
import { openTestDatabase, withRollback } from '../support/test-database';

// The same queries on the embedded and the server database (one vitest project each), against
// figures worked out by hand on data the test puts in place inside a rolled-back transaction.
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const BALEN = '13003';
const RAVELS = '13035';

/** Two Balen neighbourhoods, with everything the analyses read about them replaced. */
async function controlledBalen(trx: Kysely<Database>) {
  const [a, b] = (
    await trx
      .selectFrom('neighbourhoods')
      .select('code')
      .where('municipality_nis', '=', BALEN)
      .orderBy('code')
      .limit(2)
      .execute()
  ).map((r) => r.code) as [string, string];
  await trx.deleteFrom('signals').where('municipality_nis', '=', BALEN).execute();
  await trx.deleteFrom('street_lights').where('municipality_nis', '=', BALEN).execute();
  await trx.deleteFrom('indicator_values').where('area_code', 'in', [a, b]).execute();
  const indicator = (code: string, indicatorCode: string, value: number, period = '2025') => ({
    area_level: 'neighbourhood' as const,
    area_code: code,
    indicator_code: indicatorCode,
    period,
    value,
    unit: '',
    source: 'test',
  });
  await trx
    .insertInto('indicator_values')
    .values([
      indicator(a, 'population', 1000),
      indicator(a, 'share_65_plus', 20),
      indicator(a, 'median_income', 25000),
      indicator(b, 'population', 2500),
      indicator(b, 'share_65_plus', 12.5),
      // An older period must not be taken for the latest.
      indicator(b, 'population', 9999, '2019'),
    ])
    .execute();
  const signal = (code: string, category: string, observedAt: string) =>
    sql`
    INSERT INTO signals (geom, neighbourhood_code, municipality_nis, category_code, observed_at, reporter_partner_type)
    SELECT ST_PointOnSurface(geom), code, municipality_nis, ${category}, ${observedAt}::timestamptz, 'gp_practice'
    FROM neighbourhoods WHERE code = ${code}`.execute(trx);
  // a: 3 loneliness (two in March, one on 1 April 00:30 Brussels = 31 March 22:30 UTC), 1 mobility in May.
  await signal(a, 'loneliness', '2026-03-02T10:00:00Z');
  await signal(a, 'loneliness', '2026-03-20T10:00:00Z');
  await signal(a, 'loneliness', '2026-03-31T22:30:00Z');
  await signal(a, 'mobility', '2026-05-10T10:00:00Z');
  // b: 2 loneliness in June 2026, and one in December 2025 (outside the window).
  await signal(b, 'loneliness', '2026-06-01T10:00:00Z');
  await signal(b, 'loneliness', '2026-06-30T10:00:00Z');
  await signal(b, 'loneliness', '2025-12-15T10:00:00Z');
  const light = (code: string, status: 'working' | 'defect') =>
    sql`
    INSERT INTO street_lights (geom, neighbourhood_code, municipality_nis, status, lamp_type)
    SELECT ST_PointOnSurface(geom), code, municipality_nis, ${status}, 'led' FROM neighbourhoods WHERE code = ${code}`.execute(
      trx,
    );
  await light(a, 'working');
  await light(a, 'working');
  await light(a, 'defect');
  return { a, b };
}

/** Releases 2026 inside the transaction, whatever an earlier test run released. */
async function release2026(trx: Kysely<Database>) {
  await trx.deleteFrom('signal_release_months').where('year', '=', 2026).execute();
  await trx.deleteFrom('signal_releases').where('year', '=', 2026).execute();
  return releaseSignalYear(trx, { year: 2026, first: '2026-01', last: '2026-12' });
}

describe('released signal counts for the analyses', () => {
  it('counts per neighbourhood and category and per month of the year, in Brussels months', async () => {
    const { counts, months, profile, a, b } = await withRollback(handle.db, async (trx) => {
      const { a, b } = await controlledBalen(trx);
      await release2026(trx);
      return {
        a,
        b,
        counts: await listReleasedCategoryCounts(trx, [BALEN], 2026),
        months: await listReleasedMonthTotals(trx, [BALEN], 2026),
        profile: await listReleasedNeighbourhoodMonths(trx, a, 'loneliness'),
      };
    });
    expect(counts).toEqual([
      { neighbourhoodCode: a, categoryCode: 'loneliness', count: 3 },
      { neighbourhoodCode: a, categoryCode: 'mobility', count: 1 },
      { neighbourhoodCode: b, categoryCode: 'loneliness', count: 2 },
    ]);
    expect(months).toEqual([
      { neighbourhoodCode: a, month: '2026-03', count: 2 },
      { neighbourhoodCode: a, month: '2026-04', count: 1 },
      { neighbourhoodCode: a, month: '2026-05', count: 1 },
      { neighbourhoodCode: b, month: '2026-06', count: 2 },
    ]);
    // Earlier released years keep the signals the test removed from the live tables.
    expect(Object.fromEntries(Object.entries(profile).filter(([month]) => month.startsWith('2026')))).toEqual({
      '2026-03': 2,
      '2026-04': 1,
    });
  });

  it('keeps a released year as it was: a late report or a second release changes nothing', async () => {
    const result = await withRollback(handle.db, async (trx) => {
      const { a } = await controlledBalen(trx);
      const first = await release2026(trx);
      await sql`
        INSERT INTO signals (geom, neighbourhood_code, municipality_nis, category_code, observed_at, reporter_partner_type)
        SELECT ST_PointOnSurface(geom), code, municipality_nis, 'loneliness', '2026-03-10T10:00:00Z'::timestamptz, 'gp_practice'
        FROM neighbourhoods WHERE code = ${a}`.execute(trx);
      const again = await releaseSignalYear(trx, { year: 2026, first: '2026-01', last: '2026-12' });
      const live = await trx
        .selectFrom('signal_neighbourhood_months')
        .select('count')
        .where('neighbourhood_code', '=', a)
        .where('category_code', '=', 'loneliness')
        .where('month', '=', '2026-03-01')
        .executeTakeFirst();
      const release = await trx
        .selectFrom('signal_releases')
        .select(['signals', 'first_month', 'last_month'])
        .where('year', '=', 2026)
        .executeTakeFirstOrThrow();
      return {
        a,
        first,
        again,
        live: Number(live?.count),
        released: await listReleasedNeighbourhoodMonths(trx, a, 'loneliness'),
        release,
      };
    });
    expect(result.first).toBe(true);
    expect(result.again).toBe(false);
    expect(result.live).toBe(3);
    expect(result.released['2026-03']).toBe(2);
    // Every Balen signal of 2026 the test put in place, and those of the rest of Flanders.
    expect(result.release.signals).toBeGreaterThanOrEqual(6);
    expect(String(result.release.first_month).slice(0, 10)).toBe('2026-01-01');
    expect(String(result.release.last_month).slice(0, 10)).toBe('2026-12-01');
  });
});

describe('population bases', () => {
  it('takes the latest population and derives residents aged 65+ from the share', async () => {
    const { bases, indicators, a, b } = await withRollback(handle.db, async (trx) => {
      const { a, b } = await controlledBalen(trx);
      return {
        a,
        b,
        bases: await listNeighbourhoodBases(trx, [BALEN]),
        indicators: await listNeighbourhoodIndicatorValues(trx, [BALEN], ['median_income', 'share_65_plus']),
      };
    });
    expect(bases).toHaveLength(9);
    expect(bases.find((row) => row.code === a)).toMatchObject({
      population: 1000,
      population65Plus: 200,
      municipalityName: 'Balen',
    });
    // 2,500 × 12.5 % = 312.5, rounded half away from zero (numeric round).
    expect(bases.find((row) => row.code === b)).toMatchObject({ population: 2500, population65Plus: 313 });
    expect(indicators.get(a)).toEqual({ median_income: 25000, share_65_plus: 20 });
    expect(indicators.get(b)).toEqual({ share_65_plus: 12.5 });
  });
});

describe('contiguity', () => {
  it('gives exactly the pairs PostGIS finds sharing a border line, for Balen and Ravels', async () => {
    const adjacency = await getNeighbourhoodAdjacency(handle.db, [BALEN, RAVELS]);
    const pairs = await listSharedBorderPairs(handle.db, [BALEN, RAVELS]);
    const fromWeights = Object.entries(adjacency).flatMap(([code, others]) =>
      others.filter((other) => code < other).map((other) => [code, other]),
    );
    expect(fromWeights.sort()).toEqual(pairs.map((pair) => [...pair]).sort());
    expect(pairs.length).toBeGreaterThan(9);
    expect(Object.keys(adjacency)).toHaveLength(
      9 +
        (await handle.db.selectFrom('neighbourhoods').select('code').where('municipality_nis', '=', RAVELS).execute())
          .length,
    );
    expect(Object.values(adjacency).every((others) => others.length > 0)).toBe(true);
  });
});

describe('need versus supply inputs', () => {
  it('spreads each population over grid points inside the neighbourhood', async () => {
    const { points, inside, a } = await withRollback(handle.db, async (trx) => {
      const { a } = await controlledBalen(trx);
      const points = await listPopulationPoints(trx, [BALEN], 250);
      const own = points.find((area) => area.code === a)!;
      const { rows } = await sql<{ inside: boolean }>`
        SELECT bool_and(ST_DWithin(ST_Transform(n.geom, 31370), ST_Transform(ST_SetSRID(ST_Point(p.lon, p.lat), 4326), 31370), 0.01)) AS inside
        FROM neighbourhoods n, jsonb_to_recordset(${JSON.stringify(own.points)}::jsonb) AS p(lon float8, lat float8)
        WHERE n.code = ${a}`.execute(trx);
      return { points, inside: rows[0]!.inside, a };
    });
    const own = points.find((area) => area.code === a)!;
    expect(own.points.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1000, 6);
    expect(new Set(own.points.map((p) => p.weight)).size).toBe(1);
    expect(inside).toBe(true);
    expect(points.every((area) => area.points.length > 0)).toBe(true);
  });

  it('measures the distance to a service placed 600 m east of a population point', async () => {
    const result = await withRollback(handle.db, async (trx) => {
      const { a } = await controlledBalen(trx);
      await trx.deleteFrom('services').execute();
      const point = (await listPopulationPoints(trx, [BALEN], 100_000)).find((area) => area.code === a)!.points[0]!;
      await sql`
        INSERT INTO services (geom, neighbourhood_code, municipality_nis, service_type, name)
        VALUES (ST_Transform(ST_Translate(ST_Transform(ST_SetSRID(ST_Point(${point.lon}, ${point.lat}), 4326), 31370), 600, 0), 4326), ${a}, ${BALEN}, 'gp', 'Test')`.execute(
        trx,
      );
      const services = await listServiceLocations(trx, [BALEN]);
      return computeAccess([{ code: a, points: [point] }], services, {}, { distanceLimitMetres: 500 });
    });
    expect(result[0]!.byType.gp!.meanDistanceMetres).toBeCloseTo(600, 0);
    expect(result[0]!.byType.gp!.shareBeyond).toBe(1);
  });
});

describe('lighting and housing', () => {
  it('counts street lights and defects per neighbourhood', async () => {
    const { supply, a } = await withRollback(handle.db, async (trx) => {
      const { a } = await controlledBalen(trx);
      return { a, supply: await listNeighbourhoodSupply(trx, [BALEN], { from: '2026-01-01', to: '2026-10-01' }) };
    });
    expect(supply).toHaveLength(9);
    expect(supply.find((row) => row.code === a)).toMatchObject({ streetLights: 3, defectLights: 1 });
    expect(supply.filter((row) => row.code !== a).every((row) => row.streetLights === 0)).toBe(true);
  });
});
