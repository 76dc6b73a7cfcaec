import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { insertNeighbourhoodAction, listNeighbourhoodActions, updateNeighbourhoodActionStatus } from '@/db/queries/analysis/actions';
import { listNeighbourhoodCategoryMonths } from '@/db/queries/analysis/signal-counts';
import { listAuditLog } from '@/db/queries/audit-log';
import { openTestDatabase, withRollback } from '../support/test-database';

let handle: DatabaseHandle;
beforeAll(async () => { handle = await openTestDatabase(); });
afterAll(async () => { await handle?.close(); });

const PLACE = { neighbourhoodCode: '1300301', municipalityNis: '13003' };

describe('change-plan actions', () => {
  it('records an action with its audit entry, lists it and changes its status only within its neighbourhood', async () => {
    const result = await withRollback(handle.db, async (trx) => {
      const id = await insertNeighbourhoodAction(trx, PLACE, {
        kind: 'quick_win', title: 'Buurtbabbel op woensdag', owner: 'Lokaal dienstencentrum', startDate: '2026-03-01', status: 'running', category: 'loneliness',
      }, 42);
      const wrongPlace = await updateNeighbourhoodActionStatus(trx, '1300302', id, 'done', 42);
      const updated = await updateNeighbourhoodActionStatus(trx, PLACE.neighbourhoodCode, id, 'done', 42);
      return { id, wrongPlace, updated, list: await listNeighbourhoodActions(trx, PLACE.neighbourhoodCode), audit: await listAuditLog(trx, { actorUserId: 42 }) };
    });
    expect(result.wrongPlace).toBe(false);
    expect(result.updated).toBe(true);
    expect(result.list).toEqual([{
      id: result.id, neighbourhoodCode: '1300301', categoryCode: 'loneliness', kind: 'quick_win', title: 'Buurtbabbel op woensdag',
      owner: 'Lokaal dienstencentrum', startDate: '2026-03-01', status: 'done',
    }]);
    expect(result.audit.map((entry) => entry.event).sort()).toEqual(['action.recorded', 'action.status_changed']);
  });

  it('refuses a title the CHECK does not allow, writing nothing', async () => {
    await expect(withRollback(handle.db, (trx) => insertNeighbourhoodAction(trx, PLACE, {
      kind: 'long_term', title: ' ', owner: 'OCMW', startDate: '2026-03-01', status: 'planned', category: '',
    }, 42))).rejects.toThrow();
  });

  it('reads monthly counts of one category that add up to the all-category months', async () => {
    const months = { from: '2025-01-01', to: '2025-12-01' };
    const all = await listNeighbourhoodCategoryMonths(handle.db, PLACE.neighbourhoodCode, null, months);
    const parts = await Promise.all(['loneliness', 'financial_hardship', 'rights_not_taken_up', 'poor_housing', 'unsafe_street', 'care_need_alone', 'mental_wellbeing', 'self_neglect', 'mobility', 'caregiver_strain']
      .map((category) => listNeighbourhoodCategoryMonths(handle.db, PLACE.neighbourhoodCode, category, months)));
    for (const [month, count] of Object.entries(all)) expect(parts.reduce((sum, part) => sum + (part[month] ?? 0), 0)).toBe(count);
    expect(Object.keys(all).length).toBeGreaterThan(6);
  });
});
