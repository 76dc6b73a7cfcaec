/**
 * One start of the embedded database, in a process of its own (spawned by
 * tests/bench/embedded.ts): `tsx tests/bench/embedded-start.ts <data dir> [--seed]`. Prints one
 * JSON line: milliseconds from the top of this script (before PGlite is even loaded) until the
 * database answers a query, through the app's own openDatabase (which creates the folder and
 * migrates when it is new); with --seed, also the time to load the boundaries and the demo data.
 */
const started = performance.now();
const [dataDir, flag] = process.argv.slice(2);
if (!dataDir) throw new Error('Usage: tsx tests/bench/embedded-start.ts <data dir> [--seed]');

const { sql } = await import('kysely');
const { openDatabase } = await import('@/db/client');
const handle = await openDatabase({ DATABASE_URL: undefined, BUURTRADAR_DATA_DIR: dataDir });
await sql`SELECT count(*) FROM neighbourhoods`.execute(handle.db);
const readyMs = performance.now() - started;

let seedMs: number | null = null;
if (flag === '--seed') {
  const { prepareDatabase } = await import('@/db/prepare');
  const seedStart = performance.now();
  await prepareDatabase(handle.db, { demo: true });
  seedMs = performance.now() - seedStart;
}
await handle.close();
console.log(JSON.stringify({ readyMs, seedMs }));

export {};
