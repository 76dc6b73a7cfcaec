import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

/** Every table that can hold generated demo records (`is_demo = true`). */
const DEMO_TABLES = [
  'signals',
  'services',
  'street_lights',
  'social_housing_complexes',
  'substandard_dwellings',
  'indicator_values',
] as const satisfies readonly (keyof Database)[];

/**
 * True while demo data is in place: a demo import that has not been undone, or any demo record.
 * One round trip of EXISTS probes, each stopping at its first hit. Lives here, not in the
 * seeder, because pages must not import the seeder (it would pull the generator and the
 * boundary files into the server bundle); the seeder imports it from here.
 */
export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const probes = DEMO_TABLES.map((table) => sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(table)} WHERE is_demo)`);
  const activeRun = sql<boolean>`EXISTS (SELECT 1 FROM import_runs WHERE is_demo AND source = 'demo' AND undone_at IS NULL)`;
  const row = await db
    .selectNoFrom(sql<boolean>`${sql.join([activeRun, ...probes], sql` OR `)}`.as('present'))
    .executeTakeFirstOrThrow();
  return row.present === true;
}
