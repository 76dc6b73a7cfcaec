import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import lockfile from 'proper-lockfile';
import { DatabaseStartupError } from './errors';
import { typeParsers } from './type-parsers';

export interface EmbeddedDatabase {
  pglite: PGlite;
  /** Absolute data folder, or 'memory' for a throw-away database. */
  location: string;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) the embedded PostGIS in `dataDir`. Only one process may open a
 * data folder, so it is locked for as long as it is open; a second process gets a clear
 * message instead of corrupting it.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const folder = path.resolve(dataDir);
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new DatabaseStartupError(`Embedded database folder ${folder} cannot be created: ${describe(error)}`, {
      cause: error,
    });
  }

  let unlock: () => Promise<void>;
  try {
    unlock = await lockfile.lock(folder, { lockfilePath: `${folder}.lock`, stale: 15_000, update: 5_000 });
  } catch (error) {
    throw new DatabaseStartupError(
      `Embedded database folder ${folder} is locked by another Buurtradar process (stop it, or set BUURTRADAR_DATA_DIR to another folder)`,
      { cause: error },
    );
  }

  try {
    const pglite = await PGlite.create({ dataDir: folder, extensions: { postgis }, parsers: typeParsers });
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis');
    return {
      pglite,
      location: folder,
      async close() {
        await pglite.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock().catch(() => {});
    throw new DatabaseStartupError(
      `Embedded database folder ${folder} cannot be opened (corrupt, or written by another PGlite version): ${describe(error)}. Move the folder away to start afresh.`,
      { cause: error },
    );
  }
}

/** A throw-away in-memory database, optionally started from a `dumpDataDir` snapshot (tests). */
export async function openMemoryDatabase(snapshot?: Blob | File): Promise<EmbeddedDatabase> {
  const pglite = await PGlite.create({
    extensions: { postgis },
    parsers: typeParsers,
    ...(snapshot ? { loadDataDir: snapshot } : {}),
  });
  await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis');
  return { pglite, location: 'memory', close: () => pglite.close() };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? error.name) : String(error);
}
