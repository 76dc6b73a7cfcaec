import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { openMemoryHandle, openServerDatabase, type DatabaseHandle } from '@/db/client';
import type { Database } from '@/db/schema';
import { SNAPSHOT_PATH, testDatabaseUrl } from './paths';

export type TestBackend = 'embedded' | 'server';

export function testBackend(): TestBackend {
  return process.env.BUURTRADAR_TEST_BACKEND === 'server' ? 'server' : 'embedded';
}

/**
 * A database with schema, boundaries and demo data, on the backend of this test project.
 * Embedded: a private in-memory copy of the run's snapshot. Server: the shared test database,
 * so tests that write must do so inside `withRollback`.
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  if (testBackend() === 'server') return openServerDatabase(testDatabaseUrl());
  const snapshot = new Blob([readFileSync(SNAPSHOT_PATH)], { type: 'application/x-gzip' });
  return openMemoryHandle(snapshot);
}

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back, and returns what it returned. */
export async function withRollback<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  try {
    await db.transaction().execute(async (trx) => {
      result = await work(trx);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return result as T;
}
