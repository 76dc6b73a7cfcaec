import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openMemoryHandle, openServerDatabase } from '@/db/client';
import { migrateToNothing } from '@/db/migrate';
import { prepareDatabase } from '@/db/prepare';
import type { Kysely } from 'kysely';
import { SNAPSHOT_PATH, testDatabaseUrl } from './paths';

/**
 * Builds the database every integration test starts from: schema, real boundaries and the
 * demo dataset. Embedded: once per run into a snapshot that each test file loads into its own
 * in-memory PGlite. Server: the TEST_DATABASE_URL database is reset and seeded once per run.
 */
export default async function setup(project: TestProject): Promise<void> {
  const backend = project.config.env?.BUURTRADAR_TEST_BACKEND;
  if (backend === 'server') {
    const handle = await openServerDatabase(testDatabaseUrl());
    try {
      await migrateToNothing(handle.db as Kysely<unknown>);
      await prepareDatabase(handle.db, { demo: true, force: true });
    } finally {
      await handle.close();
    }
    return;
  }
  const handle = await openMemoryHandle();
  try {
    await prepareDatabase(handle.db, { demo: true, force: true });
    const snapshot = await handle.embedded.pglite.dumpDataDir('gzip');
    mkdirSync(path.dirname(SNAPSHOT_PATH), { recursive: true });
    writeFileSync(SNAPSHOT_PATH, Buffer.from(await snapshot.arrayBuffer()));
  } finally {
    await handle.close();
  }
}
