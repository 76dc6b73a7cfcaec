import fc from 'fast-check';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { changeSignalStatus } from '@/db/queries/signal-status';
import { createSignal } from '@/db/queries/signals';
import type { Database } from '@/db/schema';
import type { AccessScope } from '@/lib/auth/access';
import type { Role } from '@/lib/auth/roles';
import { parseSignalReport } from '@/lib/signals/report-form';
import { NEXT_STATUSES, outcomesWhenClosing, parseStatusChange } from '@/lib/signals/status-workflow';
import { anyStatusChange, invalidReport, invalidStatusChange, mutatedReport } from '../support/bad-inputs';
import { demoScope, writeCounts } from '../support/scopes';
import { openTestDatabase, withRollback } from '../support/test-database';

/**
 * Thousands of generated inputs through the same steps as POST /api/signals and POST
 * /api/signals/{id}/status (parse, then the database function), as every role, on this
 * project's database: nothing throws (a route would answer 5xx), every refusal leaves the rows
 * of signals, signal_status_changes and audit_log exactly as they were, and every acceptance
 * writes exactly its own rows. Everything runs in rolled-back transactions.
 */
let handle: DatabaseHandle;
const scopes = new Map<Role, AccessScope>();
const ROLES: Role[] = ['reporter', 'coordinator', 'advisor', 'regional_analyst', 'admin'];
beforeAll(async () => {
  handle = await openTestDatabase();
  for (const role of ROLES) scopes.set(role, await demoScope(handle.db, role));
});
afterAll(async () => {
  await handle?.close();
});

const TODAY = '2026-11-23';
const BALEN = '13003';
const RAVELS = '13035';
const CURRENT = '<current>';
const NEXT = '<next>';
const STALE = '<stale>';
const KEYS = ['0d6f3a52-5b1e-4c55-9a57-5d1d0c1f0a01', '0d6f3a52-5b1e-4c55-9a57-5d1d0c1f0a02'];

async function places(db: Kysely<Database>) {
  const { rows } = await sql<{ lon: number; lat: number }>`
    SELECT ST_X(ST_PointOnSurface(geom)) AS lon, ST_Y(ST_PointOnSurface(geom)) AS lat FROM neighbourhoods
    WHERE municipality_nis IN (${BALEN}, ${RAVELS}) ORDER BY code`.execute(db);
  // Brussels and the Dutch border: inside the box of Flanders, outside its neighbourhoods.
  return [
    ...rows.map((row) => ({ lon: Number(row.lon), lat: Number(row.lat) })),
    { lon: 4.3525, lat: 50.8467 },
    { lon: 5.05, lat: 51.5 },
  ];
}

/** A report that may well be valid: every field a plausible value, in combinations that can still clash. */
function plausibleReport(valid: () => Record<string, unknown>) {
  return fc
    .record({
      kind: fc.constantFrom(
        { category: 'loneliness', subcategory: 'loneliness_bereavement' },
        { category: 'mobility', subcategory: '' },
        { category: 'poor_housing', subcategory: 'housing_damp_mould' },
        { category: 'self_neglect', subcategory: undefined },
      ),
      urgency: fc.constantFrom('low', 'normal', 'high', undefined),
      followUpRequested: fc.constantFrom(true, false, 'on', 'false', undefined),
      partnerType: fc.constantFrom('gp_practice', 'gp_practice', 'gp_practice', 'pharmacy'),
      observedOn: fc.constantFrom(undefined, '', '2026-11-23', '2026-10-01', '2025-12-01'),
      description: fc.constantFrom(
        'Alleenwonende man vergeet zijn medicatie.',
        'Oudere vrouw zit vaak in de kou.',
        'Mantelzorger lijkt overbelast.',
      ),
    })
    .map(({ kind, ...rest }) => ({ ...valid(), ...kind, ...rest }) as unknown);
}

describe('write endpoints under generated input', () => {
  it('report: no throw, and writes exactly all or nothing', async () => {
    await withRollback(handle.db, async (db) => {
      const spots = await places(db);
      let place = 0;
      let key = 0;
      const valid = () => {
        const spot = spots[place++ % spots.length]!;
        return {
          category: 'care_need_alone',
          subcategory: 'care_need_medication',
          urgency: 'normal',
          description: 'Alleenwonende man vergeet zijn medicatie.',
          followUpRequested: true,
          partnerType: 'gp_practice',
          lon: spot.lon,
          lat: spot.lat,
          // A few keys over and over: repeats (200) and reuse for another report (409) happen often.
          idempotencyKey: key++ % 3 === 0 ? crypto.randomUUID() : KEYS[key % KEYS.length],
        };
      };
      const outcomes = new Map<string, number>();
      let lastAccepted: unknown = null;
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            { weight: 4, arbitrary: plausibleReport(valid) },
            { weight: 3, arbitrary: mutatedReport(valid) },
            { weight: 2, arbitrary: invalidReport(valid) },
            { weight: 1, arbitrary: fc.anything() },
          ),
          fc.constantFrom(...ROLES),
          fc.nat(9),
          async (generated, role, dice) => {
            // Now and then the exact body of an earlier accepted report again: a retry (200), or by someone else (409).
            const body = dice === 0 && lastAccepted ? lastAccepted : generated;
            const parsed = parseSignalReport(body, { today: TODAY });
            if (!parsed.ok) {
              outcomes.set('400 parse', (outcomes.get('400 parse') ?? 0) + 1);
              return;
            }
            const before = await writeCounts(db);
            const result = await createSignal(db, scopes.get(role)!, parsed.value, { gridMetres: 100 });
            const after = await writeCounts(db);
            const label = result.ok ? (result.created ? '201' : '200') : String(result.status);
            outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
            const wrote = result.ok && result.created ? 1 : 0;
            if (wrote) lastAccepted = body;
            expect(after).toEqual({
              signals: before.signals + wrote,
              changes: before.changes,
              audit: before.audit + wrote,
            });
          },
        ),
        { numRuns: 1500, seed: 20_261_123 },
      );
      // The generator reaches every answer, so the property says something about each.
      expect([...outcomes.keys()].sort()).toEqual(['200', '201', '400', '400 parse', '409']);
    });
  });

  it('status change: no throw, and writes exactly all or nothing', async () => {
    await withRollback(handle.db, async (db) => {
      // Signals of every status in Balen (the coordinator's) and new ones in Ravels (foreign to him).
      const { rows } = await sql<{ id: number }>`
        SELECT id FROM (
          SELECT id, municipality_nis, status, row_number() OVER (PARTITION BY municipality_nis, status ORDER BY id) AS n FROM signals
          WHERE municipality_nis IN (${BALEN}, ${RAVELS})
        ) s WHERE (municipality_nis = ${BALEN} AND n <= 3) OR (municipality_nis = ${RAVELS} AND status = 'new' AND n <= 3)
        ORDER BY id`.execute(db);
      const ids = [...rows.map((row) => Number(row.id)), 0, 999_999_999];
      // Two services of each municipality: one of Ravels for a Balen signal must be refused.
      const { rows: services } = await sql<{ id: number }>`
        SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY municipality_nis ORDER BY id) AS n FROM services
        WHERE municipality_nis IN (${BALEN}, ${RAVELS})) s WHERE n <= 2 ORDER BY id`.execute(db);
      let n = 0;
      // Placeholders, filled in with the signal's real status when the run starts (unless the
      // generator replaced them), so that valid steps, stale ones and junk all occur.
      const valid = () => {
        n++;
        // One in five as a screen that is out of date: a step from a status the signal has left.
        return {
          fromStatus: n % 5 === 0 ? STALE : CURRENT,
          toStatus: NEXT,
          outcome: '',
          referredServiceId: '',
          referredOrganisation: '',
          note: n % 3 === 0 ? 'Besproken op het overleg.' : '',
        };
      };
      const fillIn = async (body: unknown, id: number): Promise<unknown> => {
        if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
        const filled = { ...(body as Record<string, unknown>) };
        const row = await db.selectFrom('signals').select('status').where('id', '=', id).executeTakeFirst();
        const actual = row?.status ?? 'new';
        const stale = (['new', 'discussed', 'referred', 'followed_up'] as const).find((status) => status !== actual)!;
        const current = filled.fromStatus === STALE ? stale : actual;
        const next = NEXT_STATUSES[current][n % Math.max(1, NEXT_STATUSES[current].length)] ?? 'closed';
        if (filled.fromStatus === CURRENT || filled.fromStatus === STALE) filled.fromStatus = current;
        if (filled.toStatus === NEXT) {
          filled.toStatus = next;
          if (next === 'closed' && filled.outcome === '')
            filled.outcome = current === 'closed' ? 'other' : outcomesWhenClosing(current)[0];
          if (next === 'referred' && filled.referredServiceId === '' && filled.referredOrganisation === '') {
            if (n % 2 === 0) filled.referredServiceId = Number(services[n % services.length]!.id);
            else filled.referredOrganisation = 'CAW De Kempen';
          }
        }
        return filled;
      };
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            {
              weight: 3,
              arbitrary: fc
                .record({ note: fc.constantFrom('', 'Samen met het OCMW opgevolgd.', 'Telefonisch contact gehad.') })
                .map((extra) => ({ ...valid(), ...extra }) as unknown),
            },
            { weight: 3, arbitrary: anyStatusChange(valid) },
            { weight: 2, arbitrary: invalidStatusChange(valid) },
          ),
          fc.constantFrom(...ids),
          fc.constantFrom<Role>(
            'coordinator',
            'coordinator',
            'coordinator',
            'reporter',
            'advisor',
            'regional_analyst',
            'admin',
          ),
          async (generated, id, role) => {
            const parsed = parseStatusChange(await fillIn(generated, id));
            if (!parsed.ok) {
              outcomes.set('400 parse', (outcomes.get('400 parse') ?? 0) + 1);
              return;
            }
            const before = await writeCounts(db);
            const result = await changeSignalStatus(db, scopes.get(role)!, id, parsed.value);
            const after = await writeCounts(db);
            const label = result.ok ? '200' : String(result.status);
            outcomes.set(label, (outcomes.get(label) ?? 0) + 1);
            const wrote = result.ok ? 1 : 0;
            expect(after).toEqual({
              signals: before.signals,
              changes: before.changes + wrote,
              audit: before.audit + wrote,
            });
          },
        ),
        { numRuns: 1500, seed: 20_261_124 },
      );
      expect([...outcomes.keys()].sort()).toEqual(['200', '400', '400 parse', '404', '409']);
    });
  });

  it('refuses every definitely invalid report and status change before the database', () => {
    const valid = () => ({
      category: 'loneliness',
      urgency: 'normal',
      description: 'Alleenwonende vrouw komt niet meer buiten.',
      followUpRequested: false,
      partnerType: 'gp_practice',
      lon: 5.17,
      lat: 51.17,
      idempotencyKey: crypto.randomUUID(),
    });
    fc.assert(
      fc.property(invalidReport(valid), (body) => {
        expect(parseSignalReport(body, { today: TODAY }).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
    const validChange = () => ({ fromStatus: 'new', toStatus: 'discussed' });
    fc.assert(
      fc.property(invalidStatusChange(validChange), (body) => {
        expect(parseStatusChange(body).ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
