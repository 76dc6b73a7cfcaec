import 'server-only';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from '../../schema';

/**
 * Runs `work` all or nothing: in a new transaction, or, when `db` already is one (a test's
 * rolled-back transaction, a bigger job), in a savepoint of it, so a failure inside still
 * leaves nothing behind in the caller's transaction either.
 */
export async function atomically<T>(
  db: Kysely<Database>,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  const trx = db as Transaction<Database>;
  await sql`SAVEPOINT buurtradar_import`.execute(trx);
  try {
    const result = await work(trx);
    await sql`RELEASE SAVEPOINT buurtradar_import`.execute(trx);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO SAVEPOINT buurtradar_import`.execute(trx);
    await sql`RELEASE SAVEPOINT buurtradar_import`.execute(trx);
    throw error;
  }
}

/** Whether a database error is a unique violation of this index (node-postgres and PGlite alike). */
export function isUniqueViolation(error: unknown, index: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (code !== '23505') return false;
  return constraint === index || (typeof message === 'string' && message.includes(index));
}
