import { Kysely, PostgresDialect } from 'kysely';
import type { Env } from '@/lib/config/env';
import { openEmbeddedDatabase, openMemoryDatabase, type EmbeddedDatabase } from './embedded';
import { migrateToLatest } from './migrate';
import { PGliteDialect } from './pglite-dialect';
import type { Database } from './schema';
import { openServerPool } from './server-pool';

export type Backend = 'embedded' | 'server';

export interface DatabaseHandle {
  db: Kysely<Database>;
  backend: Backend;
  /** Where the data lives, for messages: a redacted URL or a folder. */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens the database the environment asks for: the PostGIS server in DATABASE_URL, or else the
 * embedded PostGIS in BUURTRADAR_DATA_DIR, which is migrated on open so a newcomer never has
 * to run migrations by hand.
 */
export async function openDatabase(env: Pick<Env, 'DATABASE_URL' | 'BUURTRADAR_DATA_DIR'>): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) return openServerDatabase(env.DATABASE_URL);
  const handle = fromEmbedded(await openEmbeddedDatabase(env.BUURTRADAR_DATA_DIR));
  try {
    await migrateToLatest(handle.db as Kysely<unknown>);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

export async function openServerDatabase(url: string): Promise<DatabaseHandle> {
  const pool = await openServerPool(url);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const location = new URL(url).host + new URL(url).pathname;
  return { db, backend: 'server', location, close: () => db.destroy() };
}

/** An in-memory embedded database (tests), optionally from a snapshot made by `dumpDataDir`. */
export async function openMemoryHandle(
  snapshot?: Blob | File,
): Promise<DatabaseHandle & { embedded: EmbeddedDatabase }> {
  const embedded = await openMemoryDatabase(snapshot);
  return { ...fromEmbedded(embedded), embedded };
}

function fromEmbedded(embedded: EmbeddedDatabase): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(embedded.pglite) });
  return {
    db,
    backend: 'embedded',
    location: embedded.location,
    async close() {
      await db.destroy();
      await embedded.close();
    },
  };
}
