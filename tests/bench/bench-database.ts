import { type Kysely, sql } from 'kysely';
import { type DatabaseHandle, openServerDatabase } from '@/db/client';
import { redactUrl } from '@/db/errors';
import { migrateToLatest, migrateToNothing } from '@/db/migrate';
import type { Database } from '@/db/schema';

/**
 * The benchmark's PostGIS database (BENCH_DATABASE_URL). The bench wipes it, so it only
 * accepts a database that is empty (PostGIS alone) or that it marked as its own on an earlier
 * run (table bench.owner): never one that holds anything else.
 */

export class BenchSetupError extends Error {
  override name = 'BenchSetupError';
}

const HOW_TO = `Give the bench a database of its own, e.g. as a superuser:
  createdb -O <role> buurtradar_bench && psql -d buurtradar_bench -c 'CREATE EXTENSION postgis'
then BENCH_DATABASE_URL=postgres://<role>:<password>@<host>:<port>/buurtradar_bench npm run bench
(the bench wipes and refills that database; it refuses one that holds other data).`;

export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL?.trim();
  if (!url)
    throw new BenchSetupError(`BENCH_DATABASE_URL is not set: the benchmark needs a PostGIS server.\n${HOW_TO}`);
  if (!/^postgres(ql)?:\/\/\S+$/.test(url))
    throw new BenchSetupError(`BENCH_DATABASE_URL must be a postgres:// URL.\n${HOW_TO}`);
  return url;
}

export async function openBenchDatabase(url: string): Promise<DatabaseHandle> {
  try {
    return await openServerDatabase(url);
  } catch (error) {
    throw new BenchSetupError(`${(error as Error).message}\n${HOW_TO}`, { cause: error });
  }
}

/** Tables that an empty PostGIS database (or Kysely's bookkeeping of our own migrations) has. */
const HARMLESS = ['spatial_ref_sys', 'kysely_migration', 'kysely_migration_lock'];

/** Refuses a database the bench does not own; marks an empty one as the bench's. */
export async function claimBenchDatabase(db: Kysely<Database>, url: string): Promise<'empty' | 'bench'> {
  const {
    rows: [owned],
  } = await sql<{ owned: boolean }>`SELECT to_regclass('bench.owner') IS NOT NULL AS owned`.execute(db);
  if (owned?.owned) return 'bench';
  const { rows } = await sql<{ name: string }>`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema', 'tiger', 'tiger_data', 'topology')
      AND NOT (table_schema = 'public' AND table_name = ANY(${HARMLESS}::text[]))
    ORDER BY 1 LIMIT 5`.execute(db);
  const migrated = await sql<{ n: number }>`SELECT count(*)::int AS n FROM public.kysely_migration`.execute(db).then(
    (r) => r.rows[0]?.n ?? 0,
    () => 0,
  );
  if (rows.length > 0 || migrated > 0) {
    throw new BenchSetupError(
      `The database at ${redactUrl(url)} holds data the bench did not make (${rows.map((r) => r.name).join(', ') || 'applied migrations'}); it will not wipe it.\n${HOW_TO}`,
    );
  }
  await sql`CREATE SCHEMA IF NOT EXISTS bench`.execute(db);
  await sql`CREATE TABLE bench.owner (claimed_at timestamptz NOT NULL DEFAULT now(), dataset text)`.execute(db);
  await sql`INSERT INTO bench.owner DEFAULT VALUES`.execute(db);
  return 'empty';
}

/** The dataset the database holds, as recorded after a complete load (null: none or partial). */
export async function loadedDataset(db: Kysely<Database>): Promise<string | null> {
  const {
    rows: [row],
  } = await sql<{ dataset: string | null }>`SELECT dataset FROM bench.owner LIMIT 1`.execute(db);
  return row?.dataset ?? null;
}

export async function recordDataset(db: Kysely<Database>, dataset: string | null): Promise<void> {
  await sql`UPDATE bench.owner SET dataset = ${dataset}`.execute(db);
}

/** Every migration undone and applied again: an empty schema at the current version. */
export async function resetSchema(db: Kysely<Database>): Promise<string[]> {
  await recordDataset(db, null);
  await migrateToNothing(db as Kysely<unknown>);
  return migrateToLatest(db as Kysely<unknown>);
}
