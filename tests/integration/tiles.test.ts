import { VectorTile } from '@mapbox/vector-tile';
import { type Kysely, sql } from 'kysely';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { respondWithTile } from '@/app/api/tiles/tile-response';
import { type AccessProfile, type AccessScope, buildAccessScope } from '@/lib/auth/access';
import type { DatabaseHandle } from '@/db/client';
import { getLayerVersion, listLayerVersions } from '@/db/queries/layer-versions';
import { getTile } from '@/db/queries/tiles';
import type { Database } from '@/db/schema';
import { LAYER_RULES, MAX_TILE_BYTES, TILE_EXTENT, planTile, pointBudget } from '@/lib/tiles/aggregation';
import { TILE_LAYERS, type TileLayer } from '@/lib/tiles/layers';
import { type TileRequest, parseTileRequest } from '@/lib/tiles/tile-request';
import { openTestDatabase, withRollback } from '../support/test-database';

// The run's database holds the real boundaries and the demo dataset (tests/support/global-setup.ts).
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const BALEN = '13003';
const TABLE: Record<TileLayer, string> = {
  signals: 'signals',
  services: 'services',
  street_lights: 'street_lights',
  social_housing: 'social_housing_complexes',
  substandard_dwellings: 'substandard_dwellings',
};

interface Decoded {
  id: number | undefined;
  x: number;
  y: number;
  properties: Record<string, string | number | boolean>;
}

/** The features of a tile's one layer, named `layer`, as a user's map would read them. */
function decode(tile: Uint8Array | null, layer: string): Decoded[] {
  if (!tile) return [];
  const layers = new VectorTile(new PbfReader(tile)).layers;
  expect(Object.keys(layers)).toEqual([layer]);
  const found = layers[layer]!;
  expect(found.extent).toBe(TILE_EXTENT);
  return Array.from({ length: found.length }, (_, i) => {
    const feature = found.feature(i);
    expect(feature.type).toBe(1);
    const point = feature.loadGeometry()[0]?.[0];
    if (!point) throw new Error('a feature without a point');
    return { id: feature.id, x: point.x, y: point.y, properties: feature.properties };
  }).sort((a, b) => a.x - b.x || a.y - b.y || (a.id ?? 0) - (b.id ?? 0));
}

function request(path: string): TileRequest {
  const url = new URL(path, 'http://localhost');
  const [layer = '', z = '', x = '', y = ''] = url.pathname.split('/').slice(1);
  const parsed = parseTileRequest({ layer, z, x, y }, url.searchParams);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}
const tileAt = (db: Kysely<Database>, path: string) => getTile(db, handle.backend, request(path));

/** Web Mercator in closed form: tile units from the world's north-west corner at zoom z. */
function worldUnits(lon: number, lat: number, z: number) {
  const size = 2 ** z * TILE_EXTENT;
  return {
    gx: ((lon + 180) / 360) * size,
    gy: ((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * size,
  };
}
function tileOf(lon: number, lat: number, z: number) {
  const { gx, gy } = worldUnits(lon, lat, z);
  return { x: Math.floor(gx / TILE_EXTENT), y: Math.floor(gy / TILE_EXTENT) };
}

interface Located {
  id: number;
  lon: number;
  lat: number;
}
async function located<T extends object = object>(
  db: Kysely<Database>,
  layer: TileLayer,
  columns = sql``,
  where = sql`true`,
) {
  const { rows } = await sql<Located & T>`SELECT id::int AS id, ST_X(geom) AS lon, ST_Y(geom) AS lat ${columns}
    FROM ${sql.table(TABLE[layer])} WHERE ${where}`.execute(db);
  return rows;
}

/** The tile at zoom z that holds the most of `points`. */
function densestTile(points: readonly Located[], z: number) {
  const counts = new Map<string, number>();
  for (const p of points) {
    const { x, y } = tileOf(p.lon, p.lat, z);
    counts.set(`${x}/${y}`, (counts.get(`${x}/${y}`) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best ? best[0] : '0/0';
}

/** Expected cells of a tile, counted here from the points: centre in tile units → count. */
function expectedCells(points: readonly Located[], layer: TileLayer, z: number, x: number, y: number) {
  const plan = planTile(layer, z);
  const cellSize = plan.mode === 'points' ? plan.fallback.cellSize : plan.cellSize;
  const counts = new Map<string, number>();
  for (const p of points) {
    const { gx, gy } = worldUnits(p.lon, p.lat, z);
    if (Math.floor(gx / TILE_EXTENT) !== x || Math.floor(gy / TILE_EXTENT) !== y) continue;
    const cx = Math.floor((gx - x * TILE_EXTENT) / cellSize) * cellSize + cellSize / 2;
    const cy = Math.floor((gy - y * TILE_EXTENT) / cellSize) * cellSize + cellSize / 2;
    counts.set(`${cx},${cy}`, (counts.get(`${cx},${cy}`) ?? 0) + 1);
  }
  return counts;
}

describe('point tiles', () => {
  it('shows the Balen services in a z 12 tile with their names and types, where they are', async () => {
    const balen = await located(handle.db, 'services', sql``, sql`municipality_nis = ${BALEN}`);
    expect(balen.length).toBeGreaterThan(10);
    const [x, y] = densestTile(balen, 12).split('/').map(Number) as [number, number];
    const all = await located<{ service_type: string; name: string; is_demo: boolean }>(
      handle.db,
      'services',
      sql`, service_type, name, is_demo`,
    );
    const expected = all
      .map((s) => {
        const { gx, gy } = worldUnits(s.lon, s.lat, 12);
        return { ...s, px: Math.round(gx - x * TILE_EXTENT), py: Math.round(gy - y * TILE_EXTENT) };
      })
      .filter((s) => [s.px, s.py].every((v) => v >= -64 && v <= TILE_EXTENT + 64));

    const features = decode(await tileAt(handle.db, `/services/12/${x}/${y}.pbf`), 'services');
    expect(features.map((f) => f.id).sort()).toEqual(expected.map((s) => s.id).sort());
    const byId = new Map(features.map((f) => [f.id, f]));
    for (const service of expected) {
      const feature = byId.get(service.id)!;
      expect(feature.properties).toEqual({
        service_type: service.service_type,
        name: service.name,
        demo: service.is_demo,
      });
      expect(Math.abs(feature.x - service.px)).toBeLessThanOrEqual(1);
      expect(Math.abs(feature.y - service.py)).toBeLessThanOrEqual(1);
    }
    const inTile = balen.filter((s) => tileOf(s.lon, s.lat, 12).x === x && tileOf(s.lon, s.lat, 12).y === y);
    expect(inTile.length).toBeGreaterThan(5);
    for (const service of inTile) expect(byId.has(service.id), `Balen service ${service.id}`).toBe(true);

    const filtered = decode(await tileAt(handle.db, `/services/12/${x}/${y}.pbf?types=gp,pharmacy`), 'services');
    expect(filtered.map((f) => f.id).sort()).toEqual(
      expected
        .filter((s) => ['gp', 'pharmacy'].includes(s.service_type))
        .map((s) => s.id)
        .sort(),
    );
  });

  it('shows street lights as points with status and lamp type from z 15', async () => {
    const lights = await located<{ status: string; lamp_type: string }>(
      handle.db,
      'street_lights',
      sql`, status, lamp_type`,
      sql`municipality_nis = ${BALEN}`,
    );
    const [x, y] = densestTile(lights, 15).split('/').map(Number) as [number, number];
    const features = decode(await tileAt(handle.db, `/street_lights/15/${x}/${y}.pbf`), 'street_lights');
    const byId = new Map(lights.map((light) => [light.id, light]));
    const owned = lights.filter((l) => tileOf(l.lon, l.lat, 15).x === x && tileOf(l.lon, l.lat, 15).y === y);
    expect(features.length).toBeGreaterThanOrEqual(owned.length);
    for (const light of owned) {
      const feature = features.find((f) => f.id === light.id);
      expect(feature?.properties).toMatchObject({
        status: byId.get(light.id)?.status,
        lamp_type: byId.get(light.id)?.lamp_type,
      });
    }
  });
});

describe('aggregated tiles', () => {
  const filters = [
    { query: '', where: sql`true` },
    { query: '&categories=loneliness,mobility', where: sql`category_code IN ('loneliness', 'mobility')` },
    {
      query: '&status=closed,followed_up&partner=police,home_nursing,gp_practice',
      where: sql`status IN ('closed', 'followed_up') AND reporter_partner_type IN ('police', 'home_nursing', 'gp_practice')`,
    },
  ];

  it.each(filters)(
    'shows signals over Kempen at z 8 only as cells of five or more ($query)',
    async ({ query, where }) => {
      const {
        rows: [kempen],
      } = await sql<{ lon: number; lat: number; last: string }>`
      SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat,
        (SELECT max((observed_at AT TIME ZONE 'Europe/Brussels')::date)::text FROM signals) AS last
      FROM regions WHERE code = 'sw11'`.execute(handle.db);
      const { x, y } = tileOf(kempen!.lon, kempen!.lat, 8);
      const to = kempen!.last;
      const from = new Date(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
      // Days of the window as a user in Belgium means them, in a formulation of its own.
      const inWindow = sql`(observed_at AT TIME ZONE 'Europe/Brussels')::date BETWEEN ${from}::date AND ${to}::date AND ${where}`;
      const signals = await located(handle.db, 'signals', sql``, inWindow);

      const features = decode(
        await tileAt(handle.db, `/signals/8/${x}/${y}.pbf?from=${from}&to=${to}${query}`),
        'signals',
      );
      const expected = expectedCells(signals, 'signals', 8, x, y);
      expect(features.length).toBeGreaterThan(10);
      for (const f of features) {
        expect(f.id).toBeUndefined();
        expect(Object.keys(f.properties)).toEqual(['count']);
        expect(f.properties.count).toBeGreaterThanOrEqual(5);
      }
      const shown = new Map(features.map((f) => [`${f.x},${f.y}`, f.properties.count]));
      expect(shown).toEqual(new Map([...expected].filter(([, count]) => count >= 5)));

      // Every signal of the tile area is in a shown cell, except those of the cells left out.
      const {
        rows: [area],
      } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM signals
      WHERE ST_Intersects(ST_Transform(geom, 3857), ST_TileEnvelope(8, ${x}::int, ${y}::int)) AND ${inWindow}`.execute(
        handle.db,
      );
      const withheld = [...expected.values()].filter((count) => count < 5).reduce((a, b) => a + b, 0);
      const shownTotal = features.reduce((sum, f) => sum + Number(f.properties.count), 0);
      expect(shownTotal).toBe(area!.n - withheld);
      // At this overview zoom the threshold hides a minority, or the layer would be useless.
      expect(withheld).toBeLessThan(area!.n / 4);
    },
  );

  it('sums defects of street lights in z 14 cells', async () => {
    const lights = await located<{ status: string }>(handle.db, 'street_lights', sql`, status`);
    const [x, y] = densestTile(lights, 14).split('/').map(Number) as [number, number];
    const features = decode(await tileAt(handle.db, `/street_lights/14/${x}/${y}.pbf`), 'street_lights');
    const counts = expectedCells(lights, 'street_lights', 14, x, y);
    const defects = expectedCells(
      lights.filter((l) => l.status === 'defect'),
      'street_lights',
      14,
      x,
      y,
    );
    expect(new Map(features.map((f) => [`${f.x},${f.y}`, f.properties]))).toEqual(
      new Map([...counts].map(([key, count]) => [key, { count, defects: defects.get(key) ?? 0 }])),
    );
  });
});

describe('tile sizes and empty tiles', () => {
  it('answers null for a tile over the sea, on every layer', async () => {
    for (const layer of TILE_LAYERS) expect(await tileAt(handle.db, `/${layer}/10/400/340.pbf`), layer).toBeNull();
  });

  it('keeps the densest tile of every layer at every zoom below 256 KB, and people out of sight', async () => {
    for (const layer of TILE_LAYERS) {
      const points = await located(handle.db, layer);
      for (let z = 0; z <= LAYER_RULES[layer].maxZoom; z++) {
        const tile = await tileAt(handle.db, `/${layer}/${z}/${densestTile(points, z)}.pbf`);
        expect(tile, `${layer} z ${z}`).not.toBeNull();
        expect(tile!.byteLength, `${layer} z ${z}`).toBeLessThan(MAX_TILE_BYTES);
        if (layer === 'signals' || layer === 'substandard_dwellings') {
          for (const f of decode(tile, layer)) expect(f.id === undefined && Number(f.properties.count) >= 5).toBe(true);
        }
      }
    }
  });

  it('stays below 256 KB when a small area holds far more data than the demo', async () => {
    await withRollback(handle.db, async (trx) => {
      const {
        rows: [place],
      } = await sql<{ code: string; lon: number; lat: number }>`
        SELECT code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
        FROM neighbourhoods WHERE municipality_nis = ${BALEN} ORDER BY code LIMIT 1`.execute(trx);
      const { code, lon, lat } = place!;
      // About 1 km around one point: 60,000 lights and signals, and services with 100
      // four-byte characters in every (distinct) name, the worst case for a label.
      const spot = (i: string) => sql`ST_SetSRID(ST_MakePoint(${lon}::float8 + ((${sql.raw(i)} * 0.618034) % 1) * 0.012,
        ${lat}::float8 + ((${sql.raw(i)} * 0.414214) % 1) * 0.008), 4326)`;
      await sql`INSERT INTO street_lights (status, lamp_type, geom, neighbourhood_code, municipality_nis)
        SELECT CASE WHEN i % 7 = 0 THEN 'defect' ELSE 'working' END, 'led', ${spot('i')}, ${code}, ${BALEN}
        FROM generate_series(1, 60000) i`.execute(trx);
      await sql`INSERT INTO signals (category_code, observed_at, geom, neighbourhood_code, municipality_nis, reporter_partner_type)
        SELECT 'loneliness', now(), ${spot('i')}, ${code}, ${BALEN}, 'police' FROM generate_series(1, 60000) i`.execute(
        trx,
      );
      await sql`INSERT INTO services (service_type, name, geom, neighbourhood_code, municipality_nis)
        SELECT 'gp', i || repeat('💥', 100), ${spot('i')}, ${code}, ${BALEN} FROM generate_series(1, 3000) i`.execute(
        trx,
      );

      for (const layer of ['street_lights', 'signals', 'services'] as const) {
        for (let z = 0; z <= LAYER_RULES[layer].maxZoom; z += 2) {
          const { x, y } = tileOf(lon + 0.006, lat + 0.004, z);
          const tile = await getTile(trx, handle.backend, request(`/${layer}/${z}/${x}/${y}.pbf`));
          expect(tile!.byteLength, `${layer} z ${z}`).toBeLessThan(MAX_TILE_BYTES);
          const features = decode(tile, layer);
          // More points than the budget: cells instead, so nothing is silently cut off.
          if (layer === 'services' && z <= 14)
            expect(
              features.every((f) => 'count' in f.properties),
              `services z ${z}`,
            ).toBe(true);
          if (layer === 'services' && z >= 20) expect(features.every((f) => f.id !== undefined)).toBe(true);
        }
      }
      expect(pointBudget('services')).toBeLessThan(3000);
    });
  });
});

describe.runIf(process.env.BUURTRADAR_TEST_BACKEND === 'server')('the two encoders', () => {
  it('give the same features on the same data (ST_AsMVT on the server, JavaScript on the embedded database)', async () => {
    const queries: Record<TileLayer, string[]> = {
      signals: ['', '?categories=loneliness,mobility&from=2025-01-01&to=2025-12-31', '?status=new&partner=police'],
      substandard_dwellings: ['', '?from=2025-01-01&to=2025-06-30'],
      services: ['', '?types=gp,pharmacy,mobile_stop'],
      street_lights: ['', '?status=defect'],
      social_housing: [''],
    };
    let compared = 0;
    for (const layer of TILE_LAYERS) {
      const points = await located(handle.db, layer);
      for (const z of [3, 6, 9, 11, 12, 13, 15, 17].filter((zoom) => zoom <= LAYER_RULES[layer].maxZoom)) {
        for (const query of queries[layer]) {
          const path = `/${layer}/${z}/${densestTile(points, z)}.pbf${query}`;
          const server = decode(await getTile(handle.db, 'server', request(path)), layer);
          expect(decode(await getTile(handle.db, 'embedded', request(path)), layer), path).toEqual(server);
          if (server.length > 0) compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });
});

describe('tile responses', () => {
  const call = (db: Kysely<Database>, path: string) => {
    const url = new URL(`/api/tiles${path}`, 'http://localhost');
    const [layer = '', z = '', x = '', y = ''] = url.pathname.split('/').slice(3);
    return respondWithTile(
      async () => ({ db, backend: handle.backend }),
      url,
      { layer, z, x, y },
      async () => null,
    );
  };

  it('answers bad input with 400 and the reason, without touching the database', async () => {
    const url = new URL('http://localhost/api/tiles/signals/8/131/85.pbf?from=2025-02-30&to=2025-03-01');
    const response = await respondWithTile(
      () => Promise.reject(new Error('no database')),
      url,
      { layer: 'signals', z: '8', x: '131', y: '85.pbf' },
      async () => null,
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: 'Invalid query: from is not a day of the calendar' });
  });

  it('redirects to the current version, and caches a current tile for good', async () => {
    const version = await getLayerVersion(handle.db, 'services');
    for (const stale of ['', '?v=0.0.0']) {
      const redirect = await call(handle.db, `/services/12/2106/1367.pbf${stale}`);
      expect(redirect.status).toBe(307);
      expect(redirect.headers.get('location')).toBe(`/api/tiles/services/12/2106/1367.pbf?v=${version}`);
      expect(redirect.headers.get('cache-control')).toBe('no-store');
    }
    const ok = await call(handle.db, `/services/12/2106/1367.pbf?v=${version}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(ok.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(decode(new Uint8Array(await ok.arrayBuffer()), 'services').length).toBeGreaterThan(0);
    const empty = await call(handle.db, `/services/10/400/340.pbf?v=${version}`);
    expect(empty.status).toBe(204);
    expect(empty.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never serves data older than the version a client asks for', async () => {
    await withRollback(handle.db, async (trx) => {
      const before = await listLayerVersions(trx);
      const path = '/services/12/2106/1367.pbf';
      const {
        rows: [inserted],
      } = await sql<{
        id: number;
      }>`INSERT INTO services (service_type, name, geom, neighbourhood_code, municipality_nis)
        SELECT 'gp', 'Nieuwe praktijk', ST_Transform(ST_Centroid(ST_TileEnvelope(12, 2106, 1367)), 4326), code, municipality_nis
        FROM neighbourhoods WHERE municipality_nis = ${BALEN} ORDER BY code LIMIT 1 RETURNING id::int`.execute(trx);
      // Whoever changes a layer bumps its version in the same transaction (as the demo seed does).
      await sql`UPDATE layer_versions SET version = version + 1, changed_at = clock_timestamp() WHERE layer = 'services'`.execute(
        trx,
      );
      const after = await listLayerVersions(trx);
      expect(after.services).not.toBe(before.services);
      expect(after.signals).toBe(before.signals);

      const old = await call(trx, `${path}?v=${before.services}`);
      expect(old.headers.get('location')).toBe(`/api/tiles${path}?v=${after.services}`);
      const fresh = await call(trx, `${path}?v=${after.services}`);
      expect(decode(new Uint8Array(await fresh.arrayBuffer()), 'services').some((f) => f.id === inserted!.id)).toBe(
        true,
      );
    });
  });
});

describe('who sees signal tiles', () => {
  const RAVELS = '13035';
  const profile = (
    role: AccessProfile['role'],
    municipalities: string[],
    regionCode: string | null = null,
  ): AccessScope =>
    buildAccessScope({
      userId: 900,
      role,
      organisationId: 1,
      organisationType: 'municipality',
      municipalities,
      regionCode,
      disabled: false,
    })!;
  const coordinatorBalen = profile('coordinator', [BALEN]);
  const advisorRavels = profile('advisor', [RAVELS]);
  const analystKempen = profile('regional_analyst', [], 'sw11');

  async function signalTile(scope: AccessScope | null, z: number, lon: number, lat: number) {
    const { x, y } = tileOf(lon, lat, z);
    const version = await getLayerVersion(handle.db, 'signals');
    const url = new URL(`http://localhost/api/tiles/signals/${z}/${x}/${y}.pbf?v=${version}`);
    const response = await respondWithTile(
      async () => ({ db: handle.db, backend: handle.backend }),
      url,
      { layer: 'signals', z: String(z), x: String(x), y: `${y}.pbf` },
      async () => scope,
    );
    const features = response.status === 200 ? decode(new Uint8Array(await response.arrayBuffer()), 'signals') : [];
    return { response, features };
  }
  /** Municipality of every signal with these ids. */
  async function municipalitiesOf(ids: number[]): Promise<string[]> {
    const rows = await handle.db
      .selectFrom('signals')
      .select('municipality_nis')
      .distinct()
      .where('id', 'in', ids)
      .execute();
    return rows.map((row) => row.municipality_nis).sort();
  }
  const BALEN_CENTRE = [5.1702, 51.1689] as const;
  const RAVELS_CENTRE = [4.993, 51.3716] as const;

  it('are refused to visitors who are not signed in, and never cached', async () => {
    const anonymous = await signalTile(null, 11, ...BALEN_CENTRE);
    expect(anonymous.response.status).toBe(401);
    const mine = await signalTile(coordinatorBalen, 11, ...BALEN_CENTRE);
    expect(mine.response.status).toBe(200);
    expect(mine.response.headers.get('cache-control')).toBe('private, no-store');
  });

  it('show a coordinator the cells of their own municipality only', async () => {
    // A z 9 tile: Balen and a good part of Kempen around it.
    const balen = await signalTile(coordinatorBalen, 9, ...BALEN_CENTRE);
    const total = (features: Decoded[]) => features.reduce((sum, f) => sum + Number(f.properties.count), 0);
    expect(total(balen.features)).toBeGreaterThan(0);
    expect(balen.features.every((f) => Number(f.properties.count) >= 5)).toBe(true);
    // The same tile of everyone's signals counts the neighbouring municipalities' too.
    const { x, y } = tileOf(BALEN_CENTRE[0], BALEN_CENTRE[1], 9);
    const everyone = decode(await getTile(handle.db, handle.backend, request(`/signals/9/${x}/${y}.pbf`)), 'signals');
    expect(total(everyone)).toBeGreaterThan(total(balen.features));
    // Ravels lies outside Balen: nothing there for Balen's coordinator, cells for its advisor.
    expect((await signalTile(coordinatorBalen, 11, ...RAVELS_CENTRE)).response.status).toBe(204);
    expect((await signalTile(advisorRavels, 11, ...RAVELS_CENTRE)).features.length).toBeGreaterThan(0);
  });

  it('leave out cells below a raised small-numbers threshold, under a tile URL of their own', async () => {
    const { x, y } = tileOf(BALEN_CENTRE[0], BALEN_CENTRE[1], 11);
    const cells = async (privateMinCount?: number) =>
      decode(
        await getTile(handle.db, handle.backend, request(`/signals/11/${x}/${y}.pbf`), { privateMinCount }),
        'signals',
      ).map((f) => Number(f.properties.count));
    const [five, twelve] = [await cells(), await cells(12)];
    // Not vacuous: the tile has cells from 5 to 11, which the raised threshold drops.
    expect(five.some((count) => count >= 5 && count < 12)).toBe(true);
    expect(twelve.every((count) => count >= 12)).toBe(true);
    expect([...twelve].sort()).toEqual(five.filter((count) => count >= 12).sort());
    // Tile URLs are cached for good: another threshold is another version, so another URL.
    const [v5, v12] = [await getLayerVersion(handle.db, 'signals'), await getLayerVersion(handle.db, 'signals', 12)];
    expect(v5).not.toBe(v12);
    expect((await listLayerVersions(handle.db, 12)).signals).toBe(v12);
    expect((await listLayerVersions(handle.db, 12)).street_lights).toBe(
      (await listLayerVersions(handle.db)).street_lights,
    );
    const url = new URL(`http://localhost/api/tiles/signals/11/${x}/${y}.pbf?v=${v5}`);
    const response = await respondWithTile(
      async () => ({ db: handle.db, backend: handle.backend }),
      url,
      { layer: 'signals', z: '11', x: String(x), y: `${y}.pbf` },
      async () => coordinatorBalen,
      12,
    );
    expect(response.status).toBe(307);
    expect(response.headers.get('Location')).toContain(`v=${v12}`);
  });

  it('show generalised points from z 15 only to those who may see points, in their municipalities', async () => {
    const points = await signalTile(coordinatorBalen, 15, ...BALEN_CENTRE);
    expect(points.features.length).toBeGreaterThan(0);
    for (const feature of points.features) {
      expect(feature.id).toBeDefined();
      expect(Object.keys(feature.properties).sort()).toEqual(['category', 'demo', 'status']);
    }
    expect(await municipalitiesOf(points.features.map((f) => f.id!))).toEqual([BALEN]);
    // Without point access the same place is cells, without ids or categories.
    const { x, y } = tileOf(BALEN_CENTRE[0], BALEN_CENTRE[1], 15);
    const cells = decode(await getTile(handle.db, handle.backend, request(`/signals/15/${x}/${y}.pbf`)), 'signals');
    for (const feature of cells) expect(Object.keys(feature.properties)).toEqual(['count']);
    // And Ravels' advisor sees no point of Balen.
    expect((await signalTile(advisorRavels, 15, ...BALEN_CENTRE)).response.status).toBe(204);
  });

  it('are refused to roles that see aggregates only (they get the analysis pages), and to a coordinator without municipalities', async () => {
    expect((await signalTile(analystKempen, 11, ...BALEN_CENTRE)).response.status).toBe(403);
    expect((await signalTile(profile('admin', []), 11, ...BALEN_CENTRE)).response.status).toBe(403);
    expect((await signalTile(profile('reporter', [BALEN]), 11, ...BALEN_CENTRE)).response.status).toBe(403);
    expect((await signalTile(profile('coordinator', []), 11, ...BALEN_CENTRE)).response.status).toBe(403);
  });

  it('apply to substandard dwellings too: a household each, so cells of their own municipality for coordinators and advisors only', async () => {
    const dwellingTile = async (scope: AccessScope | null) => {
      const { x, y } = tileOf(BALEN_CENTRE[0], BALEN_CENTRE[1], 8);
      const version = await getLayerVersion(handle.db, 'substandard_dwellings');
      const url = new URL(`http://localhost/api/tiles/substandard_dwellings/8/${x}/${y}.pbf?v=${version}`);
      const response = await respondWithTile(
        async () => ({ db: handle.db, backend: handle.backend }),
        url,
        { layer: 'substandard_dwellings', z: '8', x: String(x), y: `${y}.pbf` },
        async () => scope,
      );
      const total =
        response.status === 200
          ? decode(new Uint8Array(await response.arrayBuffer()), 'substandard_dwellings').reduce(
              (sum, f) => sum + Number(f.properties.count),
              0,
            )
          : 0;
      return { response, total };
    };
    expect((await dwellingTile(null)).response.status).toBe(401);
    expect((await dwellingTile(analystKempen)).response.status).toBe(403);
    const balen = await dwellingTile(coordinatorBalen);
    expect(balen.response.status).toBe(200);
    expect(balen.response.headers.get('Cache-Control')).toBe('private, no-store');
    // The same tile of every municipality holds more: the neighbours' records stay out.
    const { x, y } = tileOf(BALEN_CENTRE[0], BALEN_CENTRE[1], 8);
    const everyone = decode(
      await getTile(handle.db, handle.backend, request(`/substandard_dwellings/8/${x}/${y}.pbf`)),
      'substandard_dwellings',
    ).reduce((sum, f) => sum + Number(f.properties.count), 0);
    expect(balen.total).toBeGreaterThan(0);
    expect(everyone).toBeGreaterThan(balen.total);
  });
});
