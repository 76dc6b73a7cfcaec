import { type Kysely, sql } from 'kysely';
import { listLayerVersions } from '@/db/queries/layer-versions';
import { getVersionedTile } from '@/db/queries/tiles';
import type { Database } from '@/db/schema';
import type { SignalTileAccess } from '@/lib/auth/access';
import type { TileLayer } from '@/lib/tiles/layers';
import { parseTileRequest } from '@/lib/tiles/tile-request';
import { percentile, since, sum } from './stats';

/**
 * Tile latency through the app (HTTP to `next start`), for the tile SQL alone (the same
 * getVersionedTile the route calls, on a pool of our own to the same database) and, as the
 * floor of any tile server, through a bare node:http server around that SQL
 * (bare-tile-server.ts), over the same tiles in the same order. Each tile URL is requested
 * once per path: nothing is served from a tile cache (the app has none, and fetch here keeps
 * no HTTP cache), though PostgreSQL's and the OS's caches of table pages stay as warm as the
 * data's own use left them. To keep that fair, the paths take turns going first: none always
 * finds the pages another just read.
 */

export const BENCH_ZOOMS = [8, 11, 14, 16] as const;
/** Tiles per zoom from z 11 on; z 8 has fewer tiles over Flanders than that. */
const SAMPLE = 100;

export interface TileCase {
  layer: TileLayer;
  z: number;
  x: number;
  y: number;
  query: string;
}

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
  bareP50: number;
  bareTotal: number;
  /** bareTotal / rawTotal: what HTTP alone costs, without Next.js and the session check. */
  bareRatio: number;
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

interface Sample {
  app: number;
  raw: number;
  bare: number;
  bytes: number;
}

/** One request on one path: how long it took, and the tile's size. */
interface Timing {
  ms: number;
  bytes: number;
}

/** The app, and the session cookie of the person the bench signed in as. */
export interface AppClient {
  baseUrl: string;
  cookie: string;
}

/** Requests every case once through the app, once directly and once from the bare server, taking turns going first. */
export async function measureTiles(
  db: Kysely<Database>,
  client: AppClient,
  bareServer: AppClient,
  cases: readonly TileCase[],
  signals: SignalTileAccess,
): Promise<TileRow[]> {
  const versions = await listLayerVersions(db);
  const samples = new Map<string, Sample[]>();
  for (const [index, tile] of cases.entries()) {
    const version = versions[tile.layer];
    const query = [`v=${version}`, tile.query].filter(Boolean).join('&');
    const parsed = parseTileRequest(
      { layer: tile.layer, z: String(tile.z), x: String(tile.x), y: String(tile.y) },
      new URLSearchParams(query),
    );
    if (!parsed.ok) throw new Error(parsed.error);
    const viaApp = () => fetchTile(client, `/api/tiles/${tile.layer}/${tile.z}/${tile.x}/${tile.y}.pbf?${query}`);
    const viaBare = () => fetchTile(bareServer, `/${tile.layer}/${tile.z}/${tile.x}/${tile.y}?${query}`);
    const direct = async (): Promise<Timing> => {
      const start = performance.now();
      const { tile: bytes, version: seen } = await getVersionedTile(db, 'server', parsed.value, { signals });
      if (seen !== version) throw new Error(`The ${tile.layer} layer changed during the benchmark`);
      return { ms: since(start), bytes: bytes?.byteLength ?? 0 };
    };
    // Each tile starts on another path: app, raw, bare, then raw, bare, app, and so on.
    const paths = [viaApp, direct, viaBare];
    const timed: Timing[] = [];
    for (let turn = 0; turn < paths.length; turn++) {
      const path = (turn + index) % paths.length;
      timed[path] = await paths[path]!();
    }
    const [app, raw, bare] = timed as [Timing, Timing, Timing];
    if (app.bytes !== raw.bytes || bare.bytes !== raw.bytes) {
      throw new Error(
        `The app, the bare server and the tile SQL gave different tiles for ${tile.layer}/${tile.z}/${tile.x}/${tile.y}?${tile.query}`,
      );
    }
    const key = `${tile.layer}/${tile.z}`;
    samples.set(key, [...(samples.get(key) ?? []), { app: app.ms, raw: raw.ms, bare: bare.ms, bytes: raw.bytes }]);
  }
  return [...samples].map(([key, list]) => {
    const [layer, zoom] = key.split('/') as [TileLayer, string];
    const app = list.map((s) => s.app);
    const raw = list.map((s) => s.raw);
    const bareMs = list.map((s) => s.bare);
    return {
      layer,
      zoom: Number(zoom),
      requests: list.length,
      withData: list.filter((s) => s.bytes > 0).length,
      appP50: percentile(app, 50),
      appP95: percentile(app, 95),
      rawP50: percentile(raw, 50),
      rawP95: percentile(raw, 95),
      appTotal: sum(app),
      rawTotal: sum(raw),
      ratio: sum(app) / sum(raw),
      bareP50: percentile(bareMs, 50),
      bareTotal: sum(bareMs),
      bareRatio: sum(bareMs) / sum(raw),
      maxBytes: Math.max(...list.map((s) => s.bytes)),
    };
  });
}

/** One HTTP request, timed until its whole body has arrived. */
async function fetchTile(client: AppClient, path: string): Promise<Timing> {
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

/** Flanders' extent (WGS 84), for the warm-up tiles. */
const FLANDERS = { west: 2.5, south: 50.65, east: 5.95, north: 51.5 };

/** The tiles over Flanders at zoom z (the Web Mercator tiling). */
function tilesOverFlanders(z: number): { x: number; y: number }[] {
  const n = 2 ** z;
  const x = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const y = (lat: number) => Math.floor(((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  const tiles = [];
  for (let tx = x(FLANDERS.west); tx <= x(FLANDERS.east); tx++)
    for (let ty = y(FLANDERS.north); ty <= y(FLANDERS.south); ty++) tiles.push({ x: tx, y: ty });
  return tiles;
}

/**
 * Before measuring, each path serves the tiles over Flanders at z 4 to 7 (130
 * requests, none of them measured): the app's and the bare server's code is then compiled
 * by V8 and their pools are open, as in a server that has been up for a while, and the
 * measured tiles' own pages are not read by it.
 */
export async function warmUp(
  db: Kysely<Database>,
  client: AppClient,
  bareServer: AppClient,
  signals: SignalTileAccess,
  lastMonth: string,
): Promise<void> {
  const versions = await listLayerVersions(db);
  for (const z of [4, 5, 6, 7]) {
    for (const { x, y } of tilesOverFlanders(z)) {
      for (const layer of ['signals', 'street_lights'] as const) {
        for (const window of layer === 'signals' ? yearWindows(lastMonth, 12) : ['']) {
          const query = [`v=${versions[layer]}`, window].filter(Boolean).join('&');
          await fetchTile(client, `/api/tiles/${layer}/${z}/${x}/${y}.pbf?${query}`);
          await fetchTile(bareServer, `/${layer}/${z}/${x}/${y}?${query}`);
          const parsed = parseTileRequest(
            { layer, z: String(z), x: String(x), y: String(y) },
            new URLSearchParams(query),
          );
          if (!parsed.ok) throw new Error(parsed.error);
          await getVersionedTile(db, 'server', parsed.value, { signals });
        }
      }
    }
  }
}
