import { type Kysely, sql } from 'kysely';
import { getNeighbourhoodSignalCounts } from '@/db/queries/signal-counts';
import type { Database } from '@/db/schema';
import type { SignalCategoryCode } from '@/lib/signals/categories';
import { percentile, since } from './stats';

/**
 * The neighbourhood rate: signals of one category in a 12-month window per neighbourhood of all
 * Flanders, divided by its population. The app's way: getNeighbourhoodSignalCounts (the roll-up)
 * and the population indicator, as the map's overlay query reads them. The naive baseline: one
 * statement that finds each signal's neighbourhood by ST_Contains, as one would without the
 * areas stored on the points. Both should give the same rates; the report counts any that differ.
 */

export const RATE_CATEGORY: SignalCategoryCode = 'loneliness';
const RUNS = { fast: 30, naive: 5 } as const;

export interface RateResult {
  category: string;
  window: { from: string; to: string };
  neighbourhoods: number;
  signals: number;
  runs: { app: number; naive: number };
  appP50: number;
  appP95: number;
  naiveP50: number;
  naiveP95: number;
  /** Naive median over app median. */
  speedup: number;
  /** Neighbourhoods whose rate differs between the two (a point on a shared border, say); 0 expected. */
  disagreements: number;
}

interface Rate {
  code: string;
  count: number;
  population: number | null;
}

async function appRates(db: Kysely<Database>, nis: string[], window: { from: string; to: string }): Promise<Rate[]> {
  const [counts, populations] = await Promise.all([
    getNeighbourhoodSignalCounts(db, { municipalityNis: nis }, { window, categories: [RATE_CATEGORY] }),
    db
      .selectFrom('indicator_values')
      .distinctOn('area_code')
      .select(['area_code', 'value'])
      .where('area_level', '=', 'neighbourhood')
      .where('indicator_code', '=', 'population')
      .orderBy('area_code')
      .orderBy('period', 'desc')
      .execute(),
  ]);
  const population = new Map(populations.map((row) => [row.area_code, Number(row.value)]));
  return counts.map((row) => ({ code: row.code, count: row.count, population: population.get(row.code) ?? null }));
}

async function naiveRates(db: Kysely<Database>, window: { from: string; to: string }): Promise<Rate[]> {
  const { rows } = await sql<Rate>`
    SELECT n.code, count(s.id)::int AS count, p.value AS population
    FROM neighbourhoods n
    LEFT JOIN signals s ON ST_Contains(n.geom, s.geom) AND s.category_code = ${RATE_CATEGORY}
      AND s.observed_at >= (${window.from}::date::timestamp AT TIME ZONE 'Europe/Brussels')
      AND s.observed_at < ((${window.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Brussels')
    LEFT JOIN LATERAL (SELECT value FROM indicator_values v WHERE v.area_level = 'neighbourhood' AND v.area_code = n.code
      AND v.indicator_code = 'population' ORDER BY period DESC LIMIT 1) p ON true
    GROUP BY n.code, p.value ORDER BY n.code`.execute(db);
  return rows.map((row) => ({ ...row, population: row.population === null ? null : Number(row.population) }));
}

const perThousand = (rates: readonly Rate[]) =>
  rates.map((r) => `${r.code}:${r.population ? Math.round((r.count / r.population) * 1e6) / 1e3 : 'null'}`);

export async function measureRates(db: Kysely<Database>, window: { from: string; to: string }): Promise<RateResult> {
  const nis = (await db.selectFrom('municipalities').select('nis').orderBy('nis').execute()).map((row) => row.nis);
  // One run of each outside the measurement; their answers should agree, rate for rate.
  const app = await appRates(db, nis, window);
  const naive = await naiveRates(db, window);
  const naiveByCode = new Map(perThousand(naive).map((entry) => [entry.split(':')[0], entry]));
  const disagreements = perThousand(app).filter((entry) => naiveByCode.get(entry.split(':')[0]) !== entry).length;
  const time = async (runs: number, work: () => Promise<unknown>) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await work();
      samples.push(since(start));
    }
    return samples;
  };
  const appTimes = await time(RUNS.fast, () => appRates(db, nis, window));
  const naiveTimes = await time(RUNS.naive, () => naiveRates(db, window));
  return {
    category: RATE_CATEGORY,
    window,
    neighbourhoods: app.length,
    signals: app.reduce((total, r) => total + r.count, 0),
    runs: { app: RUNS.fast, naive: RUNS.naive },
    appP50: percentile(appTimes, 50),
    appP95: percentile(appTimes, 95),
    naiveP50: percentile(naiveTimes, 50),
    naiveP95: percentile(naiveTimes, 95),
    speedup: percentile(naiveTimes, 50) / percentile(appTimes, 50),
    disagreements,
  };
}
