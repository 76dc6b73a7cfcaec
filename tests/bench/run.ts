/**
 * `npm run bench`: Buurtradar at regional scale on a PostGIS server (BENCH_DATABASE_URL),
 * measured in one run against baselines of the same run. See tests/bench/README.md.
 *
 *   --reuse-data   keep the dataset of an earlier run when it is the same (same generator, and
 *                  no migration pending): skips the load, still rebuilds the roll-ups and statistics
 *   --no-embedded  skip the embedded database's start-up (it takes a minute)
 */
import { type Kysely, sql } from 'kysely';
import { migrateToLatest } from '@/db/migrate';
import { rebuildSignalRollups } from '@/db/queries/signal-rollups';
import type { Database } from '@/db/schema';
import { seedBoundaries } from '@/db/seed/boundaries';
import { seedReferenceData } from '@/db/seed/reference';
import { ensureBuild, startApp, startBareTileServer } from './app-server';
import { allMunicipalities, benchSessionCookie, benchSignalAccess } from './bench-account';
import {
  BenchSetupError,
  benchDatabaseUrl,
  claimBenchDatabase,
  loadedDataset,
  openBenchDatabase,
  recordDataset,
  resetSchema,
} from './bench-database';
import { BENCH_SEED, DATASET_SIZE, SIGNAL_YEARS, loadBenchDataset } from './dataset';
import { type EmbeddedResult, measureEmbeddedStart } from './embedded';
import { describeMachine } from './machine';
import { measureRates } from './rate-query';
import { type BenchResults, formatReport, judge, writeResults } from './report';
import { since } from './stats';
import { chooseTiles, measureTiles, warmUp, yearWindows } from './tile-latency';

const log = (line: string) => console.log(`[bench] ${line}`);
const flags = new Set(process.argv.slice(2));
const known = new Set(['--reuse-data', '--no-embedded']);

async function main(): Promise<void> {
  const unknown = [...flags].filter((flag) => !known.has(flag));
  if (unknown.length > 0)
    throw new BenchSetupError(`Unknown option ${unknown.join(' ')} (options: ${[...known].join(', ')})`);
  const started = performance.now();
  const url = benchDatabaseUrl();
  const handle = await openBenchDatabase(url);
  try {
    const claimed = await claimBenchDatabase(handle.db, url);
    log(claimed === 'empty' ? 'Claimed an empty database for the bench' : "Using the bench's own database");
    const dataset = await prepareData(handle.db);
    const machine = await describeMachine(handle.db);
    const build = ensureBuild(log);

    const lastMonth = SIGNAL_YEARS.to.slice(0, 7);
    const cases = await chooseTiles(handle.db, lastMonth);
    const cookie = await benchSessionCookie(handle.db);
    const app = await startApp(url, log);
    let tiles;
    try {
      const bare = await startBareTileServer(url, log);
      try {
        const client = { baseUrl: app.baseUrl, cookie };
        const bareClient = { baseUrl: bare.baseUrl, cookie: '' };
        const access = benchSignalAccess(await allMunicipalities(handle.db));
        await warmUp(handle.db, client, bareClient, access, lastMonth);
        log(`Measuring ${cases.length} tiles through the app, as SQL and through the bare server`);
        tiles = await measureTiles(handle.db, client, bareClient, cases, access);
      } finally {
        await bare.stop();
      }
    } finally {
      await app.stop();
    }

    const [window] = yearWindows(lastMonth, 1).map(
      (query) => Object.fromEntries(new URLSearchParams(query)) as { from: string; to: string },
    );
    log(`Measuring the neighbourhood rate query, ${window!.from} to ${window!.to}`);
    const rates = await measureRates(handle.db, window!);
    const embedded: EmbeddedResult = flags.has('--no-embedded')
      ? { coldMs: Number.NaN, demoSeedMs: Number.NaN, warmMs: [], warmP50: Number.NaN, warmMax: Number.NaN }
      : measureEmbeddedStart(log);

    const results: BenchResults = {
      generatedAt: new Date().toISOString(),
      machine,
      dataset,
      build,
      tiles,
      rates,
      embedded,
      notes: [
        "Cold cache: every tile URL is requested once per path; the app has no tile cache and the bench's HTTP client keeps none." +
          " PostgreSQL's shared buffers and the OS page cache are not emptied: they hold what loading and earlier requests left.",
        'Tiles: z8 every tile over Flanders with signals × the 12 rolling 12-month windows; z11, z14, z16 the tiles of 100 signals' +
          ' picked by a fixed hash (dense places weigh as for users) with the latest 12-month window; street lights the same tiles, unfiltered.',
        'Bare = the same getVersionedTile behind a bare node:http server in a process of its own (tests/bench/bare-tile-server.ts):' +
          ' no Next.js, no session check; its overhead over raw is HTTP on loopback with the same client (fetch).',
        "Raw = the same getVersionedTile the route calls, on the bench's own pg pool (10 connections, as the app's), tile by tile" +
          ' in the same order; the three paths take turns going first, so none always finds the pages another just read.',
        'Rate query: signals of one category in 12 months per neighbourhood of all Flanders over its population; the app reads the' +
          ' roll-up, the baseline joins signals to neighbourhood polygons with ST_Contains (GiST-indexed).',
        `Whole run ${(since(started) / 1000 / 60).toFixed(1)} minutes.`,
      ],
    };
    const targets = judge(results);
    console.log(`\n${formatReport(results, targets)}\n`);
    log(`Wrote ${writeResults(results, targets)}`);
    const failed = targets.filter((t) => !t.pass);
    log(
      failed.length === 0
        ? 'Every target met'
        : `${failed.length} target(s) not met: ${failed.map((t) => t.name).join('; ')}`,
    );
  } finally {
    await handle.close();
  }
}

/** The dataset in place (fresh unless --reuse-data finds the same one), roll-ups rebuilt, statistics fresh. */
async function prepareData(db: Kysely<Database>): Promise<Record<string, unknown>> {
  const key = `${BENCH_SEED}|${JSON.stringify(DATASET_SIZE)}`;
  const timings: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>) => {
    const start = performance.now();
    const result = await work();
    timings[name] = Math.round(since(start)) / 1000;
    return result;
  };
  let reused = false;
  // A schema that needed a migration gets a fresh load: the generator fills the current schema.
  const schemaCurrent =
    flags.has('--reuse-data') &&
    (await migrateToLatest(db as Kysely<unknown>).then(
      (applied) => applied.length === 0,
      () => false,
    ));
  if (schemaCurrent && (await loadedDataset(db)) === key) {
    reused = true;
    log('Reusing the dataset of an earlier run; rebuilding the roll-ups');
    await timed('rollup rebuild s', () => db.transaction().execute((trx) => rebuildSignalRollups(trx)));
  } else {
    log('Loading the regional dataset (about two minutes)');
    await timed('schema s', () => resetSchema(db));
    await seedReferenceData(db);
    await timed('boundaries s', () => seedBoundaries(db));
    const report = await timed('points s', () => loadBenchDataset(db, log));
    Object.assign(
      timings,
      Object.fromEntries(Object.entries(report.seconds).map(([k, v]) => [`${k} s`, Math.round(v * 10) / 10])),
    );
  }
  await timed('vacuum analyze s', async () => {
    for (const table of [
      'signals',
      'street_lights',
      'services',
      'signal_cell_months',
      'signal_neighbourhood_months',
      'signal_neighbourhood_month_totals',
      'indicator_values',
      'neighbourhoods',
    ]) {
      await sql`VACUUM ANALYZE ${sql.table(table)}`.execute(db);
    }
  });
  await recordDataset(db, key);
  const {
    rows: [counts],
  } = await sql<Record<string, number>>`
    SELECT (SELECT count(*) FROM signals)::int AS signals, (SELECT count(*) FROM street_lights)::int AS street_lights,
      (SELECT count(*) FROM services)::int AS services, (SELECT count(*) FROM neighbourhoods)::int AS neighbourhoods,
      (SELECT count(DISTINCT neighbourhood_code) FROM signals)::int AS neighbourhoods_with_signals,
      (SELECT count(*) FROM signal_cell_months)::int AS cell_rollup_rows,
      (SELECT count(*) FROM signal_neighbourhood_months)::int AS neighbourhood_rollup_rows,
      pg_total_relation_size('signals')::bigint / 1048576 AS signals_mb,
      pg_total_relation_size('signal_cell_months')::bigint / 1048576 AS cell_rollup_mb`.execute(db);
  return { ...counts, years: `${SIGNAL_YEARS.from} to ${SIGNAL_YEARS.to}`, reused, timings };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof BenchSetupError ? `[bench] ${error.message}` : error);
    process.exit(1);
  },
);
