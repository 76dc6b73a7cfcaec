import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every way into the app, found on disk: pages (app/**\/page.tsx, GET), route handlers
 * (app/**\/route.ts, with the HTTP methods they export) and server actions (exported async
 * functions of 'use server' files). Keys look like `GET /meldingen/[id]`, `POST /api/signals`,
 * `ACTION app/aanmelden/actions.ts#signIn`.
 */
const APP = path.join(process.cwd(), 'app');
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : [full];
  });
}

/** The URL pattern of a file's folder: route groups `(x)` vanish, `_private` folders are not routes. */
function routePattern(file: string): string | null {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter(Boolean);
  if (segments.some((segment) => segment.startsWith('_'))) return null;
  const visible = segments.filter((segment) => !/^\(.*\)$/.test(segment));
  return `/${visible.join('/')}`;
}

function exportedMethods(source: string): string[] {
  const found = new Set<string>();
  for (const method of METHODS) {
    if (new RegExp(`export\\s+(async\\s+)?function\\s+${method}\\b|export\\s+const\\s+${method}\\b`).test(source))
      found.add(method);
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of match[1]!.split(',').map((part) =>
      part
        .trim()
        .split(/\s+as\s+/)
        .pop()!
        .trim(),
    )) {
      if ((METHODS as readonly string[]).includes(name)) found.add(name);
    }
  }
  return [...found];
}

export function discoverEntryPoints(): string[] {
  const keys: string[] = [];
  for (const file of files(APP)) {
    const name = path.basename(file);
    const source = () => readFileSync(file, 'utf8');
    if (/^page\.(tsx|ts|jsx|js)$/.test(name)) {
      const pattern = routePattern(file);
      if (pattern) keys.push(`GET ${pattern}`);
    } else if (/^route\.(ts|js)$/.test(name)) {
      const pattern = routePattern(file);
      if (pattern) keys.push(...exportedMethods(source()).map((method) => `${method} ${pattern}`));
    } else if (/\.(ts|tsx)$/.test(name) && /^\s*(['"])use server\1/.test(source())) {
      for (const match of source().matchAll(/export\s+async\s+function\s+(\w+)/g)) {
        keys.push(`ACTION ${path.relative(process.cwd(), file).split(path.sep).join('/')}#${match[1]}`);
      }
    }
  }
  return keys.sort();
}

/** The build's id of each server action (`ACTION file#name` → id), for posting to it like a form would. */
export function serverActionIds(): Map<string, string> {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), '.next/server/server-reference-manifest.json'), 'utf8'),
  ) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  return new Map(
    Object.entries(manifest.node).map(([id, entry]) => [`ACTION ${entry.filename}#${entry.exportedName}`, id]),
  );
}
