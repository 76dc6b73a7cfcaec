import { type Kysely, sql } from 'kysely';
import { withSignalRollupsDeferred } from '@/db/queries/signal-rollups';
import type { Database } from '@/db/schema';
import { stream } from '@/lib/demo/random';
import { SERVICE_TYPES } from '@/lib/services/service-types';
import { PARTNER_TYPES, SIGNAL_CATEGORIES } from '@/lib/signals/categories';

/**
 * The regional benchmark dataset: every Flemish neighbourhood gets a population, and signals,
 * street lights and services in proportion to it. Deterministic: seedrandom decides how many
 * records each neighbourhood gets and every attribute, PostGIS's seeded ST_GeneratePoints
 * where they lie (inside the neighbourhood, so the stored areas are right). Not demo data
 * (is_demo false): one import run with source 'bench' owns every record.
 */

export const BENCH_SEED = 'buurtradar-bench-v1';
export const DATASET_SIZE = { signals: 1_000_000, streetLights: 300_000, services: 5_000 } as const;
/** Five whole years of signals, as days of Europe/Brussels: November 2021 to October 2026. */
export const SIGNAL_YEARS = { from: '2021-11-01', to: '2026-10-31' } as const;
export const POPULATION_PERIOD = '2025';
const BATCH = 100_000;

interface Area {
  code: string;
  municipalityNis: string;
  areaM2: number;
  population: number;
  need: number;
}

export interface DatasetReport {
  signals: number;
  streetLights: number;
  services: number;
  population: number;
  seconds: Record<string, number>;
}

/** Loads the dataset into a database that has the boundaries and no points yet. */
export async function loadBenchDataset(db: Kysely<Database>, log: (line: string) => void): Promise<DatasetReport> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[name] = (performance.now() - started) / 1000;
    log(`${name}: ${seconds[name].toFixed(1)} s`);
    return result;
  };
  const areas = await timed('population', () => writePopulation(db));
  const runId = await importRun(db);
  // Triggers off for the load and one rebuild after it: what any bulk load of signals should do.
  const signals = await timed('signals', () =>
    db.transaction().execute((trx) => withSignalRollupsDeferred(trx, () => writeSignals(trx, areas, runId))),
  );
  const streetLights = await timed('street lights', () => writeStreetLights(db, areas));
  const services = await timed('services', () => writeServices(db, areas));
  const population = areas.reduce((sum, area) => sum + area.population, 0);
  return { signals, streetLights, services, population, seconds };
}

/**
 * Each municipality's real population (2020) split over its neighbourhoods in proportion to
 * √area × log-normal noise, by largest remainders so it adds up; stored as the `population`
 * indicator of every neighbourhood, which the rate query divides by.
 */
async function writePopulation(db: Kysely<Database>): Promise<Area[]> {
  const rows = await db
    .selectFrom('neighbourhoods as n')
    .innerJoin('municipalities as m', 'm.nis', 'n.municipality_nis')
    .select(['n.code', 'n.municipality_nis', 'n.area_m2', 'm.population_2020'])
    .orderBy('n.code')
    .execute();
  const byMunicipality = new Map<string, typeof rows>();
  for (const row of rows)
    byMunicipality.set(row.municipality_nis, [...(byMunicipality.get(row.municipality_nis) ?? []), row]);
  const areas: Area[] = [];
  for (const [nis, own] of byMunicipality) {
    const rng = stream(BENCH_SEED, 'population', nis);
    const total = own[0]?.population_2020 ?? Math.round(own.reduce((sum, n) => sum + n.area_m2, 0) * 400e-6);
    const weights = own.map((n) => Math.sqrt(n.area_m2) * rng.logNormal(0.5));
    apportion(total, weights).forEach((population, i) => {
      const n = own[i]!;
      areas.push({ code: n.code, municipalityNis: nis, areaM2: n.area_m2, population, need: rng.logNormal(0.4) });
    });
  }
  for (let start = 0; start < areas.length; start += 1000) {
    await db
      .insertInto('indicator_values')
      .values(
        areas.slice(start, start + 1000).map((area) => ({
          area_level: 'neighbourhood' as const,
          area_code: area.code,
          indicator_code: 'population',
          period: POPULATION_PERIOD,
          value: area.population,
          unit: 'inhabitants',
          source: 'Buurtradar benchmark (generated)',
          is_estimate: true,
        })),
      )
      .execute();
  }
  return areas;
}

async function importRun(db: Kysely<Database>): Promise<number> {
  const row = await db
    .insertInto('import_runs')
    .values({
      layer: 'signals',
      source: 'bench',
      file_name: BENCH_SEED,
      row_count: DATASET_SIZE.signals,
      created_by: 'bench',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Splits `total` in proportion to `weights` into integers that add up to it (largest remainders). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => (w / sum) * total);
  const result = exact.map(Math.floor);
  let left = total - result.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, i) => ({ i, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    result[i]! += 1;
  }
  return result;
}

/** Neighbourhoods in batches of about BATCH records, each with its quota and a point seed. */
function batches(areas: readonly Area[], quotas: readonly number[]) {
  const out: { codes: string[]; quotas: number[]; seeds: number[]; total: number }[] = [];
  let current = { codes: [] as string[], quotas: [] as number[], seeds: [] as number[], total: 0 };
  areas.forEach((area, i) => {
    const quota = quotas[i] ?? 0;
    if (quota === 0) return;
    current.codes.push(area.code);
    current.quotas.push(quota);
    current.seeds.push(i + 1);
    current.total += quota;
    if (current.total >= BATCH) {
      out.push(current);
      current = { codes: [], quotas: [], seeds: [], total: 0 };
    }
  });
  if (current.total > 0) out.push(current);
  return out;
}

/**
 * The points of a batch, numbered 1… in (neighbourhood, ST_GeneratePoints order): the
 * attribute arrays of the batch are numbered the same way and joined on that number. A few
 * points more are asked for than kept, because ST_GeneratePoints may return fewer than asked
 * for a thin shape.
 */
const generatedPoints = (batch: { codes: string[]; quotas: number[]; seeds: number[] }, salt: number) => sql`
  SELECT row_number() OVER (ORDER BY q.position, d.path[1]) AS i, d.geom, n.code AS neighbourhood_code, n.municipality_nis
  FROM unnest(${batch.codes}::text[], ${batch.quotas}::int[], ${batch.seeds}::int[]) WITH ORDINALITY AS q(code, quota, seed, position)
  JOIN neighbourhoods n ON n.code = q.code
  CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(n.geom, q.quota + q.quota / 100 + 5, q.seed * 7 + ${salt}::int)) d
  WHERE d.path[1] <= q.quota`;

const CATEGORY_WEIGHTS = [18, 14, 9, 9, 7, 14, 11, 5, 7, 6];
const STATUS_BY_AGE = (ageDays: number) =>
  ageDays > 180
    ? { new: 1, discussed: 2, referred: 5, followed_up: 12, closed: 80 }
    : { new: 20, discussed: 20, referred: 20, followed_up: 20, closed: 20 };

async function writeSignals(db: Kysely<Database>, areas: readonly Area[], runId: number): Promise<number> {
  const quotas = apportion(
    DATASET_SIZE.signals,
    areas.map((area) => area.population * area.need),
  );
  const first = Date.parse(`${SIGNAL_YEARS.from}T00:00:00+01:00`) / 1000;
  const last = Date.parse(`${SIGNAL_YEARS.to}T23:59:59+01:00`) / 1000;
  const categories = SIGNAL_CATEGORIES.map((c) => c.code);
  let written = 0;
  for (const [index, batch] of batches(areas, quotas).entries()) {
    const rng = stream(BENCH_SEED, 'signals', String(index));
    const n = batch.total;
    const columns = {
      category: [] as string[],
      sub: [] as (string | null)[],
      status: [] as string[],
      urgency: [] as string[],
      observed: [] as number[],
      delay: [] as number[],
      partner: [] as string[],
    };
    for (let i = 0; i < n; i++) {
      const category = rng.weighted(
        categories.map((_, k) => k),
        (k) => CATEGORY_WEIGHTS[k] ?? 1,
      );
      const subs: readonly { code: string }[] = SIGNAL_CATEGORIES[category]!.subcategories;
      const observed = Math.floor(rng.uniform(first, last));
      columns.category.push(categories[category]!);
      columns.sub.push(subs.length > 0 && rng.chance(0.6) ? rng.pick(subs).code : null);
      columns.status.push(rng.table(STATUS_BY_AGE((last - observed) / 86_400)));
      columns.urgency.push(rng.table({ low: 25, normal: 60, high: 15 }));
      columns.observed.push(observed);
      columns.delay.push(Math.floor(rng.uniform(60, 5 * 86_400)));
      columns.partner.push(rng.pick(PARTNER_TYPES));
    }
    await sql`
      WITH points AS (${generatedPoints(batch, 1)}),
      attributes AS (
        SELECT * FROM unnest(${columns.category}::text[], ${columns.sub}::text[], ${columns.status}::text[], ${columns.urgency}::text[],
          ${columns.observed}::bigint[], ${columns.delay}::int[], ${columns.partner}::text[])
          WITH ORDINALITY AS a(category, sub, status, urgency, observed, delay, partner, i)
      )
      INSERT INTO signals (category_code, subcategory_code, status, urgency, observed_at, reported_at, geom,
        neighbourhood_code, municipality_nis, reporter_partner_type, import_run_id)
      SELECT a.category, a.sub, a.status, a.urgency, to_timestamp(a.observed), to_timestamp(a.observed + a.delay), p.geom,
        p.neighbourhood_code, p.municipality_nis, a.partner, ${runId}::bigint
      FROM points p JOIN attributes a USING (i)`.execute(db);
    written += n;
  }
  return written;
}

/** Lights follow people and, more weakly, area (roads run through fields too). */
async function writeStreetLights(db: Kysely<Database>, areas: readonly Area[]): Promise<number> {
  const quotas = apportion(
    DATASET_SIZE.streetLights,
    areas.map((area) => area.population + area.areaM2 * 150e-6),
  );
  let written = 0;
  for (const [index, batch] of batches(areas, quotas).entries()) {
    const rng = stream(BENCH_SEED, 'street-lights', String(index));
    const status: string[] = [];
    const lamp: string[] = [];
    for (let i = 0; i < batch.total; i++) {
      status.push(rng.chance(0.03) ? 'defect' : 'working');
      lamp.push(rng.chance(0.55) ? 'led' : 'other');
    }
    await sql`
      WITH points AS (${generatedPoints(batch, 2)}),
      attributes AS (SELECT * FROM unnest(${status}::text[], ${lamp}::text[]) WITH ORDINALITY AS a(status, lamp, i))
      INSERT INTO street_lights (external_id, status, lamp_type, geom, neighbourhood_code, municipality_nis)
      SELECT 'bench-' || ${index}::int || '-' || a.i, a.status, a.lamp, p.geom, p.neighbourhood_code, p.municipality_nis
      FROM points p JOIN attributes a USING (i)`.execute(db);
    written += batch.total;
  }
  return written;
}

async function writeServices(db: Kysely<Database>, areas: readonly Area[]): Promise<number> {
  const quotas = apportion(
    DATASET_SIZE.services,
    areas.map((area) => area.population),
  );
  let written = 0;
  for (const [index, batch] of batches(areas, quotas).entries()) {
    const rng = stream(BENCH_SEED, 'services', String(index));
    const types: string[] = [];
    for (let i = 0; i < batch.total; i++) types.push(rng.pick(SERVICE_TYPES).code);
    await sql`
      WITH points AS (${generatedPoints(batch, 3)}),
      attributes AS (SELECT * FROM unnest(${types}::text[]) WITH ORDINALITY AS a(service_type, i))
      INSERT INTO services (service_type, name, geom, neighbourhood_code, municipality_nis)
      SELECT a.service_type, 'Benchmarkdienst ' || ${index}::int || '-' || a.i, p.geom, p.neighbourhood_code, p.municipality_nis
      FROM points p JOIN attributes a USING (i)`.execute(db);
    written += batch.total;
  }
  return written;
}
