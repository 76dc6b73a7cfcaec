import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { type CountScope, getNeighbourhoodSignalCounts } from '@/db/queries/signal-counts';
import { rebuildSignalRollups, rollupMonths, withSignalRollupsDeferred } from '@/db/queries/signal-rollups';
import { type TileOptions, getTile } from '@/db/queries/tiles';
import type { Database } from '@/db/schema';
import { removeDemoData, seedDemoData } from '@/db/seed/demo';
import { TILE_EXTENT } from '@/lib/tiles/aggregation';
import { type SignalFilters, type TileRequest, parseTileRequest } from '@/lib/tiles/tile-request';
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
const ROLLUPS = ['signal_cell_months', 'signal_neighbourhood_months', 'signal_neighbourhood_month_totals'] as const;

function tileRequest(z: number, x: number, y: number, query: string): TileRequest {
  const parsed = parseTileRequest(
    { layer: 'signals', z: String(z), x: String(x), y: String(y) },
    new URLSearchParams(query),
  );
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The tile from the roll-up and counted from the signals: byte for byte the same, or a failure. */
async function compareTile(
  db: Kysely<Database>,
  request: TileRequest,
  options: TileOptions = {},
): Promise<Uint8Array | null> {
  const fromRollup = await getTile(db, handle.backend, request, options);
  const fromSignals = await getTile(db, handle.backend, request, { ...options, rollups: false });
  expect(fromRollup, `${request.z}/${request.x}/${request.y}`).toEqual(fromSignals);
  return fromRollup;
}

/** The tiles at zoom z that hold the most signals, most first. */
async function busiestTiles(db: Kysely<Database>, z: number, limit: number) {
  const { rows } = await sql<{ x: number; y: number }>`
    SELECT floor((ST_X(geom) + 180) / 360 * 2 ^ ${z}::int)::int AS x,
      floor((1 - asinh(tan(radians(ST_Y(geom)))) / pi()) / 2 * 2 ^ ${z}::int)::int AS y
    FROM signals GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT ${limit}::int`.execute(db);
  return rows;
}

/** The latest month with signals, and windows of whole months ending there. */
async function monthWindows(db: Kysely<Database>) {
  const {
    rows: [row],
  } = await sql<{ last: string }>`
    SELECT to_char(max(observed_at AT TIME ZONE 'Europe/Brussels'), 'YYYY-MM') AS last FROM signals`.execute(db);
  const last = row!.last;
  const monthStart = (offset: number) => {
    const date = new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) - 1 + offset, 1));
    return date.toISOString().slice(0, 10);
  };
  const lastDay = (offset: number) =>
    new Date(Date.UTC(Number(last.slice(0, 4)), Number(last.slice(5, 7)) + offset, 0)).toISOString().slice(0, 10);
  return {
    year: `from=${monthStart(-11)}&to=${lastDay(0)}`,
    month: `from=${monthStart(-2)}&to=${lastDay(-2)}`,
  };
}

/** Every roll-up row, in a fixed order, for comparing two states. */
async function rollupRows(db: Kysely<Database>) {
  const rows: Record<string, unknown[]> = {};
  for (const table of ROLLUPS) {
    rows[table] = (await sql`SELECT * FROM ${sql.table(table)} AS r ORDER BY r`.execute(db)).rows;
  }
  return rows;
}

/** The roll-ups as the triggers left them equal the roll-ups recomputed from the signals. */
async function expectRollupsExact(db: Kysely<Database>) {
  const kept = await rollupRows(db);
  await rebuildSignalRollups(db);
  expect(kept).toEqual(await rollupRows(db));
}

describe('signal tiles from the roll-up', () => {
  it('are the tiles counted from the signals, at every kind of zoom and for each filter it answers', async () => {
    const windows = await monthWindows(handle.db);
    const queries = [
      '',
      windows.year,
      `${windows.year}&categories=loneliness,mobility`,
      windows.month,
      `${windows.month}&categories=poor_housing`,
    ];
    let withCells = 0;
    // Zooms on a kept grid (5, 7, 9, 11+), between them (merged 2 × 2) and below the coarsest (0–4).
    for (const z of [2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16]) {
      for (const { x, y } of await busiestTiles(handle.db, z, 2)) {
        for (const query of queries) {
          expect(rollupMonths(tileRequest(z, x, y, query).filters as SignalFilters)).not.toBeNull();
          if (await compareTile(handle.db, tileRequest(z, x, y, query))) withCells += 1;
        }
      }
    }
    expect(withCells).toBeGreaterThan(60);
  });

  it('are the tiles counted from the signals for a coordinator: their municipalities only', async () => {
    const windows = await monthWindows(handle.db);
    const coordinator = { signals: { cells: { kind: 'municipalities' as const, nis: [BALEN, '13035'] }, points: [] } };
    let withCells = 0;
    for (const z of [6, 8, 9, 11, 12, 14]) {
      for (const { x, y } of await busiestTiles(handle.db, z, 3)) {
        for (const query of ['', windows.year]) {
          if (await compareTile(handle.db, tileRequest(z, x, y, query), coordinator)) withCells += 1;
        }
      }
    }
    expect(withCells).toBeGreaterThan(4);
  });

  it('is what the tile reads (a change to the roll-up shows), and filters it lacks go to the signals', async () => {
    await withRollback(handle.db, async (trx) => {
      const [{ x, y }] = (await busiestTiles(trx, 8, 1)) as [{ x: number; y: number }];
      const request = tileRequest(8, x, y, '');
      const before = await getTile(trx, handle.backend, request);
      await sql`UPDATE signal_cell_months SET count = count + 1000 WHERE grid_bits = 14`.execute(trx);
      expect(await getTile(trx, handle.backend, request)).not.toEqual(before);
      // Status and partner filters, and windows of part of a month, are counted from the signals.
      for (const query of [
        'status=closed',
        'partner=police',
        'from=2025-01-01&to=2025-06-15',
        'from=2025-01-02&to=2025-06-30',
      ]) {
        expect(rollupMonths(tileRequest(8, x, y, query).filters as SignalFilters), query).toBeNull();
        await compareTile(trx, tileRequest(8, x, y, query));
      }
    });
  });
});

describe('neighbourhood counts from the roll-up', () => {
  it('are the counts of the signals, for a region and for a list of municipalities', async () => {
    const windows = await monthWindows(handle.db);
    const scopes: CountScope[] = [
      { regionCode: 'sw11' },
      { municipalityNis: [BALEN, '13035', '72043'] },
      { municipalityNis: [] },
    ];
    const filters = [
      '',
      windows.year,
      `${windows.year}&categories=loneliness,mobility`,
      `${windows.month}&categories=poor_housing`,
    ];
    let counted = 0;
    for (const scope of scopes) {
      for (const query of filters) {
        const parsed = tileRequest(0, 0, 0, query).filters as SignalFilters;
        const fromRollup = await getNeighbourhoodSignalCounts(handle.db, scope, parsed);
        expect(fromRollup, `${JSON.stringify(scope)} ${query}`).toEqual(
          await getNeighbourhoodSignalCounts(handle.db, scope, parsed, { rollups: false }),
        );
        counted += fromRollup.reduce((sum, row) => sum + row.count, 0);
      }
    }
    expect(counted).toBeGreaterThan(10_000);
  });
});

describe('the roll-ups stay exact', () => {
  it('after the demo seed (a deferred bulk load) and after removing the demo data (triggers)', async () => {
    await withRollback(handle.db, async (trx) => {
      await expectRollupsExact(trx);
      await seedDemoData(trx);
      await expectRollupsExact(trx);
      await removeDemoData(trx);
      await expectRollupsExact(trx);
      const {
        rows: [left],
      } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM signal_neighbourhood_month_totals`.execute(trx);
      expect(left!.n).toBe(0);
    });
  });

  it('after inserts, updates and deletes of signals', async () => {
    await withRollback(handle.db, async (trx) => {
      const {
        rows: [place],
      } = await sql<{ code: string; lon: number; lat: number }>`
        SELECT code, ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat
        FROM neighbourhoods WHERE municipality_nis = ${BALEN} ORDER BY code LIMIT 1`.execute(trx);
      const { code, lon, lat } = place!;
      // Twelve signals in one spot just after midnight on 1 April in Brussels (still March in
      // UTC): enough for a cell of their own, counted in April as a user in Belgium means it.
      const { rows: inserted } = await sql<{ id: number }>`
        INSERT INTO signals (category_code, observed_at, geom, neighbourhood_code, municipality_nis, reporter_partner_type)
        SELECT 'mobility', '2025-04-01 00:30:00+02', ST_SetSRID(ST_MakePoint(${lon}::float8 + i * 1e-6, ${lat}::float8), 4326), ${code}, ${BALEN}, 'police'
        FROM generate_series(1, 12) i RETURNING id::int`.execute(trx);
      await expectRollupsExact(trx);
      const { x, y } = tileOf(lon, lat, 11);
      const april = tileRequest(11, x, y, 'from=2025-04-01&to=2025-04-30&categories=mobility');
      expect(await compareTile(trx, april)).not.toBeNull();
      const ids = inserted.map((row) => row.id);

      // A status change moves nothing; a new category, a new month and a new place move counts.
      await sql`UPDATE signals SET status = 'closed' WHERE id = ANY(${ids}::bigint[])`.execute(trx);
      await expectRollupsExact(trx);
      await sql`UPDATE signals SET category_code = 'loneliness' WHERE id = ANY(${ids.slice(0, 4)}::bigint[])`.execute(
        trx,
      );
      await sql`UPDATE signals SET observed_at = observed_at + interval '1 hour' WHERE id = ANY(${ids.slice(4, 6)}::bigint[])`.execute(
        trx,
      );
      await sql`UPDATE signals SET geom = ST_SetSRID(ST_MakePoint(${lon}::float8 + 0.05, ${lat}::float8), 4326) WHERE id = ${ids[6]!}::bigint`.execute(
        trx,
      );
      await expectRollupsExact(trx);
      expect(await compareTile(trx, april)).not.toBeNull();

      await sql`DELETE FROM signals WHERE id = ANY(${ids}::bigint[])`.execute(trx);
      await expectRollupsExact(trx);
      const {
        rows: [left],
      } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM signal_cell_months WHERE count = 0`.execute(trx);
      expect(left!.n).toBe(0);
    });
  });

  it('after a deferred bulk load, once rebuilt at its end', async () => {
    await withRollback(handle.db, async (trx) => {
      const before = await rollupRows(trx);
      await withSignalRollupsDeferred(trx, async () => {
        await sql`INSERT INTO signals (category_code, observed_at, geom, neighbourhood_code, municipality_nis, reporter_partner_type)
          SELECT category_code, observed_at + interval '20 days', geom, neighbourhood_code, municipality_nis, reporter_partner_type
          FROM signals WHERE municipality_nis = ${BALEN}`.execute(trx);
        // The triggers stand aside while deferred.
        expect(await rollupRows(trx)).toEqual(before);
      });
      expect(await rollupRows(trx)).not.toEqual(before);
      await expectRollupsExact(trx);
    });
  });
});

/** The tile at zoom z holding a point (Web Mercator in closed form). */
function tileOf(lon: number, lat: number, z: number) {
  const size = 2 ** z * TILE_EXTENT;
  const gx = ((lon + 180) / 360) * size;
  const gy = ((1 - Math.asinh(Math.tan((lat * Math.PI) / 180)) / Math.PI) / 2) * size;
  return { x: Math.floor(gx / TILE_EXTENT), y: Math.floor(gy / TILE_EXTENT) };
}
