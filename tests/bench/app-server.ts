import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * The app as users get it: the production build served by `next start`, on the bench
 * database. The bench builds first only when the build is missing or older than the code.
 */

const ROOT = process.cwd();
const SOURCES = [
  'app',
  'lib',
  'db',
  'public',
  'instrumentation.ts',
  'next.config.js',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];

/** The newest modification time of the files a build is made from. */
function newestSource(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce(
    (newest, name) => Math.max(newest, newestSource(path.join(entry, name))),
    stat.mtimeMs,
  );
}

/** 'fresh' when .next holds a build newer than every source file; else builds and says why. */
export function ensureBuild(log: (line: string) => void): 'fresh' | 'built (missing)' | 'built (stale)' {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : null;
  const newest = Math.max(...SOURCES.map((source) => newestSource(path.join(ROOT, source))));
  if (built !== null && built >= newest) return 'fresh';
  const reason = built === null ? 'missing' : 'stale';
  log(`The production build is ${reason}: running next build (a few minutes)`);
  const result = spawnSync(process.execPath, [nextBin(), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  return `built (${reason})`;
}

const nextBin = () => path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface AppServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/** Starts `next start` on a free loopback port against `databaseUrl`; resolves once /api/health answers 200. */
export async function startApp(databaseUrl: string, log: (line: string) => void): Promise<AppServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [nextBin(), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      BUURTRADAR_DEMO: 'off',
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output.slice(-2000)}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) {
      log(`App listening on ${baseUrl} (next start, production build)`);
      return { baseUrl, stop: () => stop(child) };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop(child);
  throw new Error(`next start did not answer /api/health within 60 s:\n${output.slice(-2000)}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/**
 * The floor to compare the app with: bare-tile-server.ts in a process of its own (as the app
 * is), on the same database. Resolves once it listens.
 */
export async function startBareTileServer(databaseUrl: string, log: (line: string) => void): Promise<AppServer> {
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(
    process.execPath,
    [tsx, '--conditions=react-server', path.join(ROOT, 'tests', 'bench', 'bare-tile-server.ts'), databaseUrl],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`bare-tile-server did not start within 30 s:\n${output.slice(-2000)}`)),
      30_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`bare-tile-server exited (${code}):\n${output.slice(-2000)}`));
    });
  }).catch(async (error: unknown) => {
    await stop(child);
    throw error;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`Bare tile server listening on ${baseUrl} (node:http around the same tile SQL)`);
  return { baseUrl, stop: () => stop(child) };
}
