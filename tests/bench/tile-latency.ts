import { type Kysely, sql } from 'kysely';
import { listLayerVersions } from '@/db/queries/layer-versions';
import { getVersionedTile } from '@/db/queries/tiles';
import type { Database } from '@/db/schema';
import type { SignalTileAccess } from '@/lib/auth/access';
import type { TileLayer } from '@/lib/tiles/layers';
import { parseTileRequest } from '@/lib/tiles/tile-request';
import { percentile, since, sum } from './stats';

/**
 * Tile latency through the app (HTTP to `next start`) and for the tile SQL alone (the same
 * getVersionedTile the route calls, on a pool of our own to the same database), over the same
 * tiles in the same order. Each tile URL is requested once per path: nothing is served from a
 * tile cache (the app has none, and fetch here keeps no HTTP cache), though PostgreSQL's and
 * the OS's caches of table pages stay as warm as the data's own use left them. To keep that
 * fair, the two paths take turns going first: the second never always finds the pages the
 * first just read.
 */

export const BENCH_ZOOMS = [8, 11, 14, 16] as const;
/** Tiles per zoom from z 11 on; z 8 has fewer tiles over Flanders than that. */
const SAMPLE = 100;

export interface TileCase { layer: TileLayer; z: number; x: number; y: number; query: string }

export interface TileRow {
  layer: TileLayer;
  zoom: number;
  requests: number;
  withData: number;
  appP50: number;
  appP95: number;
  rawP50: number;
  rawP95: number;
  appTotal: number;
  rawTotal: number;
  /** appTotal / rawTotal: the same requests. */
  ratio: number;
  maxBytes: number;
}

/** Month-aligned windows of 12 months, the map's default, ending with `lastMonth` and going back. */
export function yearWindows(lastMonth: string, count: number): string[] {
  const [year, month] = lastMonth.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, back) => {
    const end = new Date(Date.UTC(year, month - back, 0));
    const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
    return `from=${start.toISOString().slice(0, 10)}&to=${end.toISOString().slice(0, 10)}`;
  });
}

/**
 * The tiles to request, where users look: at z 8 every tile with signals (a handful over
 * Flanders), each with the 12 windows that "play" steps through (each a different tile URL);
 * from z 11 the tiles of 100 signals picked by a fixed hash, so dense places weigh as they do
 * for users, with the default window. Street lights: the same tiles, without a window.
 */
export async function chooseTiles(db: Kysely<Database>, lastMonth: string): Promise<TileCase[]> {
  const windows = yearWindows(lastMonth, 12);
  const cases: TileCase[] = [];
  for (const z of BENCH_ZOOMS) {
    const { rows } = await sql<{ x: number; y: number }>`
      WITH tiles AS (
        SELECT floor((ST_X(geom) + 180) / 360 * 2 ^ ${z}::int)::int AS x,
          floor((1 - asinh(tan(radians(ST_Y(geom)))) / pi()) / 2 * 2 ^ ${z}::int)::int AS y, md5(id::text) AS pick
        FROM signals
      )
      SELECT x, y FROM tiles GROUP BY x, y ORDER BY min(pick) LIMIT ${z === 8 ? 1000 : SAMPLE}::int`.execute(db);
    for (const { x, y } of rows) {
      for (const query of z === 8 ? windows : windows.slice(0, 1)) cases.push({ layer: 'signals', z, x, y, query });
      cases.push({ layer: 'street_lights', z, x, y, query: '' });
    }
  }
  return cases;
}

interface Sample { app: number; raw: number; bytes: number }

/** The app, and the session cookie of the person the bench signed in as. */
export interface AppClient { baseUrl: string; cookie: string }

/** Requests every case once through the app and once directly, alternating which goes first. */
export async function measureTiles(db: Kysely<Database>, client: AppClient, cases: readonly TileCase[], signals: SignalTileAccess): Promise<TileRow[]> {
  const versions = await listLayerVersions(db);
  const samples = new Map<string, Sample[]>();
  for (const [index, tile] of cases.entries()) {
    const version = versions[tile.layer];
    const query = [`v=${version}`, tile.query].filter(Boolean).join('&');
    const parsed = parseTileRequest({ layer: tile.layer, z: String(tile.z), x: String(tile.x), y: String(tile.y) }, new URLSearchParams(query));
    if (!parsed.ok) throw new Error(parsed.error);
    const viaApp = () => fetchTile(client, `/api/tiles/${tile.layer}/${tile.z}/${tile.x}/${tile.y}.pbf?${query}`);
    const direct = async () => {
      const start = performance.now();
      const { tile: bytes, version: seen } = await getVersionedTile(db, 'server', parsed.value, { signals });
      if (seen !== version) throw new Error(`The ${tile.layer} layer changed during the benchmark`);
      return { ms: since(start), bytes: bytes?.byteLength ?? 0 };
    };
    const [app, raw] = index % 2 === 0 ? [await viaApp(), await direct()] : await direct().then(async (r) => [await viaApp(), r] as const);
    if (app.bytes !== raw.bytes) throw new Error(`The app and the tile SQL gave different tiles for ${tile.layer}/${tile.z}/${tile.x}/${tile.y}?${tile.query}`);
    const key = `${tile.layer}/${tile.z}`;
    samples.set(key, [...(samples.get(key) ?? []), { app: app.ms, raw: raw.ms, bytes: raw.bytes }]);
  }
  return [...samples].map(([key, list]) => {
    const [layer, zoom] = key.split('/') as [TileLayer, string];
    const app = list.map((s) => s.app);
    const raw = list.map((s) => s.raw);
    return {
      layer, zoom: Number(zoom), requests: list.length, withData: list.filter((s) => s.bytes > 0).length,
      appP50: percentile(app, 50), appP95: percentile(app, 95), rawP50: percentile(raw, 50), rawP95: percentile(raw, 95),
      appTotal: sum(app), rawTotal: sum(raw), ratio: sum(app) / sum(raw), maxBytes: Math.max(...list.map((s) => s.bytes)),
    };
  });
}

/** One HTTP request, timed until its whole body has arrived. */
async function fetchTile(client: AppClient, path: string): Promise<{ ms: number; bytes: number }> {
  const url = `${client.baseUrl}${path}`;
  const start = performance.now();
  const response = await fetch(url, { cache: 'no-store', headers: { Cookie: client.cookie } });
  const body = new Uint8Array(await response.arrayBuffer());
  const ms = since(start);
  if (response.status !== 200 && response.status !== 204) {
    throw new Error(`GET ${url} answered ${response.status}: ${new TextDecoder().decode(body).slice(0, 300)}`);
  }
  return { ms, bytes: body.byteLength };
}

/** A first request on each path outside the measurement: loads the route's code, opens pools. */
export async function warmUp(db: Kysely<Database>, client: AppClient, signals: SignalTileAccess): Promise<void> {
  const versions = await listLayerVersions(db);
  for (const layer of ['signals', 'street_lights'] as const) {
    await fetchTile(client, `/api/tiles/${layer}/3/4/2.pbf?v=${versions[layer]}`);
    const parsed = parseTileRequest({ layer, z: '3', x: '4', y: '2' }, new URLSearchParams(`v=${versions[layer]}`));
    if (parsed.ok) await getVersionedTile(db, 'server', parsed.value, { signals });
  }
}
