import pg from 'pg';
import { DatabaseStartupError, redactUrl } from './errors';
import { typeParsers } from './type-parsers';

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    const parser = typeParsers[oid];
    return parser ?? pg.types.getTypeParser(oid, format);
  },
};

/** A node-postgres pool to a PostGIS server, checked once: reachable, and PostGIS installed. */
export async function openServerPool(url: string): Promise<pg.Pool> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types,
    application_name: 'buurtradar',
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseStartupError(
      `Cannot reach the PostGIS server at ${redactUrl(url)} (DATABASE_URL): ${describe(error)}`,
      { cause: error },
    );
  }
  try {
    // Creating the extension needs rights the app's role may lack; where it exists this is a no-op.
    await pool.query('CREATE EXTENSION IF NOT EXISTS postgis').catch(() => {});
    await pool.query('SELECT postgis_lib_version()');
  } catch (error) {
    const hint = (
      await pool.query("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").catch(() => ({ rowCount: 0 }))
    ).rowCount
      ? 'run CREATE EXTENSION postgis in that database as a superuser'
      : 'install PostGIS on the server (Debian: postgresql-15-postgis-3)';
    await pool.end().catch(() => {});
    throw new DatabaseStartupError(`The database at ${redactUrl(url)} (DATABASE_URL) has no PostGIS: ${hint}`, {
      cause: error,
    });
  }
  return pool;
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
