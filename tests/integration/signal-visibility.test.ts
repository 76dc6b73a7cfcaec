import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createSignal, getSignal, listSignalPoints, listSignals } from '@/db/queries/signals';
import { type AccessScope, buildAccessScope } from '@/lib/auth/access';
import { demoScope } from '../support/scopes';
import { openTestDatabase, withRollback } from '../support/test-database';

/**
 * What each role gets back from the list and detail queries (both backends): descriptions
 * only for the reporter and the municipality's coordinators, never in lists, and nothing of
 * another municipality. A Ravels reporter is made up for the test (the demo has none).
 */
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const RAVELS = '13035';
const DESCRIPTION = 'Oudere man in Ravels lijkt zijn woning niet meer te verwarmen.';

function ravelsReporter(userId: number, organisationId: number): AccessScope {
  return buildAccessScope({
    userId,
    role: 'reporter',
    organisationId,
    organisationType: 'pharmacy',
    municipalities: [RAVELS],
    regionCode: null,
    disabled: false,
  })!;
}

describe('signal visibility', () => {
  it('shows a Ravels signal to the Ravels advisor without its description, and to nobody of Balen', async () => {
    await withRollback(handle.db, async (db) => {
      const point = await db
        .selectFrom('neighbourhoods')
        .select((eb) => [
          eb.fn<number>('ST_X', [eb.fn('ST_PointOnSurface', ['geom'])]).as('lon'),
          eb.fn<number>('ST_Y', [eb.fn('ST_PointOnSurface', ['geom'])]).as('lat'),
        ])
        .where('municipality_nis', '=', RAVELS)
        .orderBy('code')
        .executeTakeFirstOrThrow();
      const reporter = ravelsReporter(987_654_321, 987_654_321);
      const created = await createSignal(
        db,
        reporter,
        {
          category: 'poor_housing',
          subcategory: undefined,
          urgency: 'normal',
          description: DESCRIPTION,
          followUpRequested: false,
          partnerType: 'pharmacy',
          observedOn: undefined,
          lon: Number(point.lon),
          lat: Number(point.lat),
          idempotencyKey: crypto.randomUUID(),
        },
        { gridMetres: 100 },
      );
      expect(created.ok).toBe(true);
      const id = created.ok ? created.signal.id : -1;

      expect(await getSignal(db, reporter, id)).toMatchObject({
        description: DESCRIPTION,
        canReadDescription: true,
        own: true,
      });
      const advisor = await demoScope(db, 'advisor');
      expect(await getSignal(db, advisor, id)).toMatchObject({
        description: null,
        canReadDescription: false,
        organisationName: null,
      });
      const list = await listSignals(db, advisor, {}, { page: 1, pageSize: 100 });
      expect(list.items.find((item) => item.id === id)).toBeDefined();
      expect(JSON.stringify(list)).not.toContain(DESCRIPTION);

      for (const role of ['reporter', 'coordinator', 'regional_analyst', 'admin'] as const) {
        const scope = await demoScope(db, role);
        expect(await getSignal(db, scope, id), role).toBeNull();
        expect(
          (await listSignalPoints(db, scope, {})).some((p) => p.id === id),
          role,
        ).toBe(false);
      }
      // Analysts and admins see aggregates only: no signal rows at all.
      for (const role of ['regional_analyst', 'admin'] as const) {
        expect((await listSignals(db, await demoScope(db, role), {}, { page: 1, pageSize: 5 })).total, role).toBe(0);
      }
    });
  });
});
