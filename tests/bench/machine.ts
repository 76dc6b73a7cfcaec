import os from 'node:os';
import { type Kysely, sql } from 'kysely';
import type { Database } from '@/db/schema';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  loadAverage1m: number;
  node: string;
  os: string;
  postgres: string;
  postgis: string;
  /** Server settings that move the figures: memory for caching and sorting, JIT, parallelism. */
  settings: Record<string, string>;
}

const SETTINGS = ['shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather'];

export async function describeMachine(db: Kysely<Database>): Promise<Machine> {
  const {
    rows: [versions],
  } = await sql<{ postgres: string; postgis: string }>`
    SELECT current_setting('server_version') AS postgres, postgis_full_version() AS postgis`.execute(db);
  const settings: Record<string, string> = {};
  for (const name of SETTINGS) {
    const {
      rows: [row],
    } = await sql<{ value: string }>`SELECT current_setting(${name}) AS value`.execute(db);
    settings[name] = row?.value ?? '';
  }
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage1m: Number(os.loadavg()[0]?.toFixed(2)),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    postgres: versions?.postgres ?? '',
    postgis: (versions?.postgis ?? '').match(/POSTGIS="([^"]+)"/)?.[1] ?? versions?.postgis ?? '',
    settings,
  };
}
