import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  insertNeighbourhoodAction,
  listNeighbourhoodActions,
  updateNeighbourhoodActionStatus,
} from '@/db/queries/analysis/actions';
import { loadPeriods } from '@/app/_server/analysis/region-data';
import { listReleasedNeighbourhoodMonths } from '@/db/queries/analysis/signal-releases';
import { SIGNAL_CATEGORY_CODES } from '@/lib/signals/categories';
import { listAuditLog } from '@/db/queries/audit-log';
import { openTestDatabase, withRollback } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

const PLACE = { neighbourhoodCode: '1300301', municipalityNis: '13003' };

describe('change-plan actions', () => {
  it('records an action with its audit entry, lists it and changes its status only within its neighbourhood', async () => {
    const result = await withRollback(handle.db, async (trx) => {
      const id = await insertNeighbourhoodAction(
        trx,
        PLACE,
        {
          kind: 'quick_win',
          title: 'Buurtbabbel op woensdag',
          owner: 'Lokaal dienstencentrum',
          startDate: '2026-03-01',
          status: 'running',
          category: 'loneliness',
        },
        42,
      );
      const wrongPlace = await updateNeighbourhoodActionStatus(trx, '1300302', id, 'done', 42);
      const updated = await updateNeighbourhoodActionStatus(trx, PLACE.neighbourhoodCode, id, 'done', 42);
      return {
        id,
        wrongPlace,
        updated,
        list: await listNeighbourhoodActions(trx, PLACE.neighbourhoodCode),
        audit: await listAuditLog(trx, { actorUserId: 42 }),
      };
    });
    expect(result.wrongPlace).toBe(false);
    expect(result.updated).toBe(true);
    expect(result.list).toEqual([
      {
        id: result.id,
        neighbourhoodCode: '1300301',
        categoryCode: 'loneliness',
        kind: 'quick_win',
        title: 'Buurtbabbel op woensdag',
        owner: 'Lokaal dienstencentrum',
        startDate: '2026-03-01',
        status: 'done',
      },
    ]);
    expect(result.audit.map((entry) => entry.event).sort()).toEqual(['action.recorded', 'action.status_changed']);
  });

  it('refuses a title the CHECK does not allow, writing nothing', async () => {
    await expect(
      withRollback(handle.db, (trx) =>
        insertNeighbourhoodAction(
          trx,
          PLACE,
          {
            kind: 'long_term',
            title: ' ',
            owner: 'OCMW',
            startDate: '2026-03-01',
            status: 'planned',
            category: '',
          },
          42,
        ),
      ),
    ).rejects.toThrow();
  });

  it('reads released monthly counts of one category that add up to the all-category months', async () => {
    await loadPeriods(handle.db);
    const all = await listReleasedNeighbourhoodMonths(handle.db, PLACE.neighbourhoodCode, null);
    const parts = await Promise.all(
      SIGNAL_CATEGORY_CODES.map((category) =>
        listReleasedNeighbourhoodMonths(handle.db, PLACE.neighbourhoodCode, category),
      ),
    );
    for (const [month, count] of Object.entries(all))
      expect(parts.reduce((sum, part) => sum + (part[month] ?? 0), 0)).toBe(count);
    expect(Object.keys(all).filter((month) => month.startsWith('2025')).length).toBeGreaterThan(6);
  });
});
