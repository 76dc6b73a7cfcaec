import { getDatabase } from './app-database';

/**
 * Opens the database as the server starts, so that a wrong DATABASE_URL, a server without
 * PostGIS or a locked embedded folder stops the app with one clear line instead of failing on
 * the first request.
 */
export async function openDatabaseOrExit(): Promise<void> {
  try {
    await getDatabase();
  } catch (error) {
    console.error(`[buurtradar] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
