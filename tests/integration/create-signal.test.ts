import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listAuditLog } from '@/db/queries/audit-log';
import { getLayerVersion } from '@/db/queries/layer-versions';
import { createSignal } from '@/db/queries/signals';
import type { Database } from '@/db/schema';
import type { AccessScope } from '@/lib/auth/access';
import type { SignalReport } from '@/lib/signals/report-form';
import { openTestDatabase, withRollback } from '../support/test-database';
import { demoScope, writeCounts } from '../support/scopes';

/**
 * Reporting a signal on the database (both backends): where the point is stored, which
 * neighbourhood, who may report where, and that one filled-in form is one signal however
 * often it is sent. Writes run in rolled-back transactions, except the concurrency test, which
 * needs two real transactions and removes what it made.
 */
let handle: DatabaseHandle;
let reporter: AccessScope;
let advisor: AccessScope;
beforeAll(async () => {
  handle = await openTestDatabase();
  reporter = await demoScope(handle.db, 'reporter');
  advisor = await demoScope(handle.db, 'advisor');
});
afterAll(async () => {
  await handle?.close();
});

const BALEN = '13003';
const RAVELS = '13035';
const OPTIONS = { gridMetres: 100 };

function report(lon: number, lat: number, overrides: Partial<SignalReport> = {}): SignalReport {
  return {
    category: 'care_need_alone',
    subcategory: 'care_need_medication',
    urgency: 'normal',
    description: 'Alleenwonende man vergeet zijn medicatie sinds enkele weken.',
    followUpRequested: true,
    partnerType: 'gp_practice',
    observedOn: undefined,
    lon,
    lat,
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  };
}

interface Click {
  lon: number;
  lat: number;
  code: string;
}

/** Seeded random clicks inside a municipality's neighbourhoods, and some within 15 m of their edges. */
async function clicksIn(db: Kysely<Database>, nis: string, perNeighbourhood: number): Promise<Click[]> {
  const { rows } = await sql<Click>`
    WITH n AS (SELECT code, geom FROM neighbourhoods WHERE municipality_nis = ${nis}),
    edge AS (
      SELECT code, ST_Transform(ST_Intersection(ST_Transform(geom, 31370), ST_Buffer(ST_Boundary(ST_Transform(geom, 31370)), 15)), 4326) AS geom FROM n
    ),
    points AS (
      SELECT code, (ST_Dump(ST_GeneratePoints(geom, ${perNeighbourhood}::int, 7))).geom AS p FROM n
      UNION ALL
      SELECT code, (ST_Dump(ST_GeneratePoints(geom, 2, 11))).geom AS p FROM edge
    )
    SELECT ST_X(p) AS lon, ST_Y(p) AS lat, code FROM points
    -- A point on the very edge can be read as the neighbour's: keep clicks that lie in theirs.
    WHERE ST_Contains((SELECT geom FROM n WHERE n.code = points.code), p)
    ORDER BY code, lon`.execute(db);
  return rows.map((row) => ({ lon: Number(row.lon), lat: Number(row.lat), code: row.code }));
}

describe('createSignal', () => {
  it('stores a generalised point inside the neighbourhood of the click, never the click itself', async () => {
    await withRollback(handle.db, async (db) => {
      const clicks = await clicksIn(db, BALEN, 3);
      expect(clicks.length).toBeGreaterThan(30);
      for (const click of clicks) {
        const result = await createSignal(db, reporter, report(click.lon, click.lat), OPTIONS);
        expect(result.ok, JSON.stringify(result)).toBe(true);
        if (!result.ok) continue;
        const row = await db
          .selectFrom('signals as s')
          .innerJoin('neighbourhoods as n', 'n.code', 's.neighbourhood_code')
          .select([
            's.neighbourhood_code',
            's.municipality_nis',
            's.description',
            's.reporter_user_id',
            sql<boolean>`ST_Contains(n.geom, s.geom)`.as('inside'),
            sql<number>`ST_X(s.geom)`.as('lon'),
            sql<number>`ST_Y(s.geom)`.as('lat'),
            sql<number>`ST_Distance(ST_Transform(s.geom, 31370), ST_Transform(ST_SetSRID(ST_MakePoint(${click.lon}::float8, ${click.lat}::float8), 4326), 31370))`.as(
              'moved',
            ),
          ])
          .where('s.id', '=', result.signal.id)
          .executeTakeFirstOrThrow();
        expect(row.neighbourhood_code).toBe(click.code);
        expect(row.municipality_nis).toBe(BALEN);
        expect(row.inside).toBe(true);
        expect(Number(row.moved)).toBeGreaterThan(0);
        expect([Number(row.lon), Number(row.lat)]).not.toEqual([click.lon, click.lat]);
        expect(Number(row.reporter_user_id)).toBe(reporter.userId);
        expect(result.signal).toMatchObject({
          status: 'new',
          neighbourhoodCode: click.code,
          own: true,
          lon: Number(row.lon),
          lat: Number(row.lat),
        });
        expect(result.signal).not.toHaveProperty('description');
      }
    });
  });

  it('puts clicks of the same grid cell on the same point, so a point does not say where in the cell', async () => {
    await withRollback(handle.db, async (db) => {
      const [click] = await clicksIn(db, BALEN, 1);
      const a = await createSignal(db, reporter, report(click!.lon, click!.lat), OPTIONS);
      const b = await createSignal(db, reporter, report(click!.lon + 0.00002, click!.lat - 0.00002), OPTIONS);
      expect(a.ok && b.ok && [a.signal.lon, a.signal.lat]).toEqual(b.ok && [b.signal.lon, b.signal.lat]);
    });
  });

  it('records the report in the audit log without its description, and moves the tile version on', async () => {
    await withRollback(handle.db, async (db) => {
      const [click] = await clicksIn(db, BALEN, 1);
      const before = await getLayerVersion(db, 'signals');
      const input = report(click!.lon, click!.lat);
      const result = await createSignal(db, reporter, input, OPTIONS);
      expect(result.ok).toBe(true);
      const [entry] = await listAuditLog(db, { event: 'signal.reported', limit: 1 });
      expect(entry).toMatchObject({
        actorUserId: reporter.userId,
        targetKind: 'signal',
        targetId: String(result.ok && result.signal.id),
      });
      expect(entry!.details).toMatchObject({
        municipality: BALEN,
        neighbourhood: click!.code,
        category: 'care_need_alone',
        grid_m: 100,
      });
      expect(JSON.stringify(entry)).not.toContain('medicatie');
      expect(await getLayerVersion(db, 'signals')).not.toBe(before);
    });
  });

  it('answers a repeated key with the stored signal, and refuses the key for another report or person', async () => {
    await withRollback(handle.db, async (db) => {
      const clicks = await clicksIn(db, BALEN, 1);
      const click = clicks[0]!;
      const elsewhere = clicks.find((other) => other.code !== click.code)!;
      const input = report(click.lon, click.lat, { observedOn: '2026-11-01' });
      const first = await createSignal(db, reporter, input, OPTIONS);
      const counts = await writeCounts(db);
      const again = await createSignal(db, reporter, { ...input }, OPTIONS);
      expect(first.ok && again.ok).toBe(true);
      expect(again).toMatchObject({ ok: true, created: false, signal: { id: first.ok ? first.signal.id : -1 } });
      expect(await writeCounts(db)).toEqual(counts);

      for (const changed of [
        { urgency: 'high' as const },
        { description: `${input.description} Ook 's nachts.` },
        { lon: elsewhere.lon, lat: elsewhere.lat },
        { observedOn: '2026-11-02' },
      ]) {
        expect(await createSignal(db, reporter, { ...input, ...changed }, OPTIONS)).toMatchObject({
          ok: false,
          status: 409,
        });
      }
      const coordinator = await demoScope(db, 'coordinator');
      expect(await createSignal(db, coordinator, input, OPTIONS)).toMatchObject({ ok: false, status: 409 });
      expect(await writeCounts(db)).toEqual(counts);
    });
  });

  it('stores one signal when the same form arrives twice at once', async () => {
    const [click] = await clicksIn(handle.db, BALEN, 1);
    const input = report(click!.lon, click!.lat);
    try {
      const results = await Promise.all([
        createSignal(handle.db, reporter, input, OPTIONS),
        createSignal(handle.db, reporter, { ...input }, OPTIONS),
      ]);
      expect(results.every((result) => result.ok)).toBe(true);
      expect(results.map((result) => result.ok && result.created).sort()).toEqual([false, true]);
      expect(new Set(results.map((result) => result.ok && result.signal.id)).size).toBe(1);
      const rows = await handle.db
        .selectFrom('signals')
        .select('id')
        .where('idempotency_key', '=', input.idempotencyKey)
        .execute();
      expect(rows).toHaveLength(1);
    } finally {
      const ids = (
        await handle.db.selectFrom('signals').select('id').where('idempotency_key', '=', input.idempotencyKey).execute()
      ).map((row) => String(row.id));
      if (ids.length > 0)
        await handle.db
          .deleteFrom('audit_log')
          .where('target_kind', '=', 'signal')
          .where('target_id', 'in', ids)
          .execute();
      await handle.db.deleteFrom('signals').where('idempotency_key', '=', input.idempotencyKey).execute();
    }
  });

  it("refuses a place outside the reporter's municipalities or outside every neighbourhood, writing nothing", async () => {
    await withRollback(handle.db, async (db) => {
      const counts = await writeCounts(db);
      const [ravels] = await clicksIn(db, RAVELS, 1);
      expect(await createSignal(db, reporter, report(ravels!.lon, ravels!.lat), OPTIONS)).toMatchObject({
        ok: false,
        status: 400,
        errors: { location: { code: 'outside_your_municipalities' } },
      });
      // Brussels lies inside Flanders' bounding box, but has no Flemish neighbourhoods.
      expect(await createSignal(db, reporter, report(4.3525, 50.8467), OPTIONS)).toMatchObject({
        ok: false,
        status: 400,
        errors: { location: { code: 'outside_neighbourhoods' } },
      });
      // An advisor reads; she reports nowhere, not even in her own municipality.
      expect(await createSignal(db, advisor, report(ravels!.lon, ravels!.lat), OPTIONS)).toMatchObject({
        ok: false,
        status: 400,
      });
      expect(await writeCounts(db)).toEqual(counts);
    });
  });

  it("refuses a partner type other than the reporter's own organisation", async () => {
    await withRollback(handle.db, async (db) => {
      const [click] = await clicksIn(db, BALEN, 1);
      expect(
        await createSignal(db, reporter, report(click!.lon, click!.lat, { partnerType: 'police' }), OPTIONS),
      ).toMatchObject({
        ok: false,
        status: 400,
        errors: { partnerType: { code: 'not_your_organisation' } },
      });
    });
  });
});
