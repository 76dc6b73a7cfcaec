import { type Kysely, type Migration, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely';
import * as foundation from './migrations/2026_11_23_0001_foundation';
import * as signalRollups from './migrations/2026_11_23_0002_signal_rollups';
import * as accounts from './migrations/2026_11_23_0003_accounts';
import * as signalFollowUp from './migrations/2026_11_23_0004_signal_follow_up';
import * as importRuns from './migrations/2026_11_23_0005_import_runs';
import * as actions from './migrations/2026_12_01_0006_actions';
import * as signalReleases from './migrations/2026_12_01_0007_signal_releases';

/**
 * Migrations are listed here, not discovered from the folder, so that they work the same
 * from the CLI, the tests and the Next.js server bundle. Names sort by date.
 */
const migrations: Record<string, Migration> = {
  '2026_11_23_0001_foundation': foundation,
  '2026_11_23_0002_signal_rollups': signalRollups,
  '2026_11_23_0003_accounts': accounts,
  '2026_11_23_0004_signal_follow_up': signalFollowUp,
  '2026_11_23_0005_import_runs': importRuns,
  '2026_12_01_0006_actions': actions,
  '2026_12_01_0007_signal_releases': signalReleases,
};

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  return unwrap(await migrator.migrateToLatest());
}

function unwrap({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}

/** Undoes every migration (tests and `db:reset` only): leaves PostGIS itself in place. */
export async function migrateToNothing(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  unwrap(await migrator.migrateTo(NO_MIGRATIONS));
}
