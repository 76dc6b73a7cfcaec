/**
 * Database commands: `tsx db/cli.ts <command>`.
 *   migrate            apply pending migrations
 *   seed [--demo|--no-demo]   load boundaries (idempotent) and, if wanted, the demo dataset
 *   prepare            migrate + seed what is missing (runs before `npm run dev` / `npm start`)
 *   reset --yes        undo every migration, then prepare again (tests; destroys data)
 *   remove-demo        delete every demo record
 * Demo data is loaded by default on the embedded database only (BUURTRADAR_DEMO=auto|on|off).
 */
import { parseEnv, wantsDemoData } from '@/lib/config/env';
import { openDatabase } from './client';
import { DatabaseStartupError } from './errors';
import { migrateToLatest, migrateToNothing } from './migrate';
import { prepareDatabase } from './prepare';
import { removeDemoData } from './seed/demo';
import type { Kysely } from 'kysely';

const USAGE = 'Usage: tsx db/cli.ts migrate | seed [--demo|--no-demo] | prepare | reset --yes | remove-demo';

async function main(argv: string[]): Promise<void> {
  const [command, ...flags] = argv;
  const known = new Set(['--demo', '--no-demo', '--yes']);
  const unknown = flags.filter((flag) => !known.has(flag));
  if (!command || !['migrate', 'seed', 'prepare', 'reset', 'remove-demo'].includes(command) || unknown.length > 0) {
    throw new UsageError(unknown.length > 0 ? `Unknown option ${unknown.join(' ')}. ${USAGE}` : USAGE);
  }
  if (command === 'reset' && !flags.includes('--yes')) throw new UsageError('reset destroys all data: add --yes');

  const parsed = parseEnv(process.env);
  if (!parsed.ok) throw new UsageError(parsed.message);
  const demo = flags.includes('--demo') ? true : flags.includes('--no-demo') ? false : wantsDemoData(parsed.env);

  const started = Date.now();
  const handle = await openDatabase(parsed.env);
  const where = `${handle.backend} database (${handle.location})`;
  try {
    if (command === 'migrate') {
      const applied = await migrateToLatest(handle.db as Kysely<unknown>);
      log(applied.length ? `Applied ${applied.join(', ')} to the ${where}` : `The ${where} is up to date`);
    } else if (command === 'remove-demo') {
      await removeDemoData(handle.db);
      log(`Removed the demo data from the ${where}`);
    } else {
      if (command === 'reset') await migrateToNothing(handle.db as Kysely<unknown>);
      const report = await prepareDatabase(handle.db, { demo, force: command !== 'prepare' });
      log(`Prepared the ${where} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${describe(report)}`);
    }
  } finally {
    await handle.close();
  }
}

function describe(report: Awaited<ReturnType<typeof prepareDatabase>>): string {
  const boundaries =
    report.boundaries === 'present'
      ? 'boundaries present'
      : `${report.boundaries.regions} regions, ${report.boundaries.municipalities} municipalities, ${report.boundaries.neighbourhoods} neighbourhoods`;
  const demo =
    typeof report.demo === 'string'
      ? `demo data ${report.demo}`
      : `demo data loaded (${Object.entries(report.demo)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')})`;
  return `${boundaries}; ${demo}`;
}

class UsageError extends Error {}

const log = (line: string) => console.log(`[buurtradar] ${line}`);

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    // Expected failures get one line; anything else keeps its stack for the developer.
    if (
      error instanceof DatabaseStartupError ||
      error instanceof UsageError ||
      ['BoundaryFileError', 'DemoDataError'].includes((error as Error)?.name)
    ) {
      console.error(`[buurtradar] ${(error as Error).message}`);
    } else {
      console.error(error);
    }
    process.exit(1);
  },
);
