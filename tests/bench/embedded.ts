import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './stats';

/**
 * Start-up of the embedded database (PGlite + PostGIS), each start in a new process as a user
 * would see it: cold = a fresh data folder (create the cluster, PostGIS, migrations); then the
 * boundaries and demo data are loaded once (reported, not a target); warm = a new process on
 * that existing folder, until it answers a query, three times.
 */

export interface EmbeddedResult {
  coldMs: number;
  demoSeedMs: number;
  warmMs: number[];
  warmP50: number;
  warmMax: number;
}

const WARM_RUNS = 3;

function startOnce(dataDir: string, seed: boolean): { readyMs: number; seedMs: number | null } {
  const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const args = [
    tsx,
    '--conditions=react-server',
    path.join('tests', 'bench', 'embedded-start.ts'),
    dataDir,
    ...(seed ? ['--seed'] : []),
  ];
  const result = spawnSync(process.execPath, args, {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '' },
    timeout: 300_000,
  });
  const line = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !line.startsWith('{')) {
    throw new Error(
      `The embedded database did not start (exit ${result.status}): ${(result.stderr || result.stdout).slice(-1500)}`,
    );
  }
  return JSON.parse(line) as { readyMs: number; seedMs: number | null };
}

export function measureEmbeddedStart(log: (line: string) => void): EmbeddedResult {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'buurtradar-bench-pglite-'));
  try {
    const cold = startOnce(path.join(dataDir, 'db'), true);
    log(
      `embedded cold start ${(cold.readyMs / 1000).toFixed(1)} s, demo seed ${((cold.seedMs ?? 0) / 1000).toFixed(1)} s`,
    );
    const warmMs = Array.from({ length: WARM_RUNS }, () => startOnce(path.join(dataDir, 'db'), false).readyMs);
    log(`embedded warm starts ${warmMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s`);
    return {
      coldMs: cold.readyMs,
      demoSeedMs: cold.seedMs ?? 0,
      warmMs,
      warmP50: percentile(warmMs, 50),
      warmMax: Math.max(...warmMs),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
