import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * GET /api/map/worker?v=<maplibre version>: MapLibre's web worker. MapLibre 6 finds its worker
 * next to its own module file, which does not exist once Next.js has bundled it; the map view
 * points MapLibre here instead (setWorkerUrl), so the map needs nothing from a CDN.
 */
const WORKER_FILE = path.join(process.cwd(), 'node_modules', 'maplibre-gl', 'dist', 'maplibre-gl-worker.mjs');

let cached: Promise<string> | undefined;

export async function GET(request: Request): Promise<Response> {
  cached ??= readFile(WORKER_FILE, 'utf8');
  let source: string;
  try {
    source = await cached;
  } catch (error) {
    cached = undefined;
    console.error(`[buurtradar] MapLibre worker not found at ${WORKER_FILE}`, error);
    return Response.json({ error: 'The map worker is missing: run npm install' }, { status: 500 });
  }
  // The page asks with its MapLibre version in the URL, so a versioned URL may be cached for good.
  const versioned = new URL(request.url).searchParams.has('v');
  return new Response(source, {
    headers: {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, no-cache',
    },
  });
}
