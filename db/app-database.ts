import type { Kysely } from 'kysely';
import { parseEnv } from '@/lib/config/env';
import { openDatabase, type DatabaseHandle } from './client';
import { DatabaseStartupError } from './errors';
import type { Database } from './schema';

/**
 * The app's one database handle per process. Kept on globalThis because Next.js dev reloads
 * modules, and the embedded database may be opened by only one instance per process.
 */
const holder = globalThis as typeof globalThis & { __buurtradarDatabase?: Promise<DatabaseHandle> };

export function getDatabase(): Promise<DatabaseHandle> {
  if (!holder.__buurtradarDatabase) {
    const parsed = parseEnv(process.env);
    const opening = parsed.ok ? openDatabase(parsed.env) : Promise.reject(new DatabaseStartupError(parsed.message));
    holder.__buurtradarDatabase = opening;
    // A failed open is not kept: the next request tries again (e.g. after the server came up).
    opening.catch(() => {
      if (holder.__buurtradarDatabase === opening) holder.__buurtradarDatabase = undefined;
    });
  }
  return holder.__buurtradarDatabase;
}

export async function getDb(): Promise<Kysely<Database>> {
  return (await getDatabase()).db;
}
