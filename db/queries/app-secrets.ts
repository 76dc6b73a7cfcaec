import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * A secret every app instance shares, made on first use. Two instances starting at once both
 * try to insert; the first wins and both read the same value back.
 */
export async function getOrCreateSecret(db: Kysely<Database>, name: string, generate: () => string): Promise<string> {
  await db
    .insertInto('app_secrets')
    .values({ name, value: generate() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  return row.value;
}
