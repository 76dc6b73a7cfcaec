/**
 * Runs once when the Next.js server starts: open the database now, so that a wrong
 * DATABASE_URL, a server without PostGIS or a locked embedded folder stops the app with one
 * clear line instead of failing on the first request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDatabase } = await import('./db/app-database');
  try {
    await getDatabase();
  } catch (error) {
    console.error(`[buurtradar] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
