import 'server-only';
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
    holder.__buurtradarDatabase = parsed.ok
      ? openDatabase(parsed.env)
      : Promise.reject(new DatabaseStartupError(parsed.message));
    // A failed open must not be cached forever in dev: the next request tries again.
    holder.__buurtradarDatabase.catch(() => { holder.__buurtradarDatabase = undefined; });
  }
  return holder.__buurtradarDatabase;
}

export async function getDb(): Promise<Kysely<Database>> {
  return (await getDatabase()).db;
}
