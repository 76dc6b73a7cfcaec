import type { Kysely } from 'kysely';
import type { Database } from './schema';
import { migrateToLatest } from './migrate';
import { seedBoundaries, type BoundaryCounts } from './seed/boundaries';
import { demoDataWasRemoved, hasDemoData, seedDemoData, type DemoCounts } from './seed/demo';
import { seedReferenceData } from './seed/reference';

export interface PrepareReport {
  migrations: string[];
  boundaries: BoundaryCounts | 'present';
  demo: DemoCounts | 'present' | 'skipped';
}

/**
 * Brings a database to a usable state: schema, reference data, the real boundaries, and (when
 * asked) the demo dataset. Cheap when already done, so it runs before every start.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  options: { demo: boolean; force?: boolean },
): Promise<PrepareReport> {
  const migrations = await migrateToLatest(db as Kysely<unknown>);
  await seedReferenceData(db);
  const boundaries = options.force || !(await hasBoundaries(db)) ? await seedBoundaries(db) : 'present';
  let demo: PrepareReport['demo'] = 'skipped';
  if (options.force && options.demo) demo = await seedDemoData(db);
  // Someone removed the demo data on purpose (`remove-demo`): a restart must not bring it back.
  else if (options.demo && !(await demoDataWasRemoved(db)))
    demo = (await hasDemoData(db)) ? 'present' : await seedDemoData(db);
  return { migrations, boundaries, demo };
}

async function hasBoundaries(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('neighbourhoods')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count) > 0;
}
