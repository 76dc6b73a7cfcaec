/** Runs once when the Next.js server starts (not during `next build`). */
export async function register(): Promise<void> {
  // The NEXT_RUNTIME test must wrap the import so the Edge build drops the Node-only code.
  if (process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build') {
    const { openDatabaseOrExit } = await import('./db/startup-check');
    await openDatabaseOrExit();
  }
}
