import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { listAuditLog } from '@/db/queries/audit-log';
import { changeSignalStatus, listReferralServices, listStatusChanges } from '@/db/queries/signal-status';
import { getSignal } from '@/db/queries/signals';
import type { Database } from '@/db/schema';
import type { AccessScope } from '@/lib/auth/access';
import type { StatusChange } from '@/lib/signals/status-workflow';
import { demoScope, writeCounts } from '../support/scopes';
import { openTestDatabase, withRollback } from '../support/test-database';

/**
 * Following a signal up on the database (both backends): the workflow step by step with who
 * and when, a change that arrives after someone else's (409), signals of another municipality
 * (404, like a number that does not exist), and an audit log without the notes' text.
 */
let handle: DatabaseHandle;
let coordinator: AccessScope;
let reporter: AccessScope;
let advisor: AccessScope;
beforeAll(async () => {
  handle = await openTestDatabase();
  [coordinator, reporter, advisor] = await Promise.all([
    demoScope(handle.db, 'coordinator'),
    demoScope(handle.db, 'reporter'),
    demoScope(handle.db, 'advisor'),
  ]);
});
afterAll(async () => {
  await handle?.close();
});

const BALEN = '13003';
const RAVELS = '13035';
const NOTE = 'Besproken op het buurtoverleg; het sociaal huis neemt contact op.';

const step = (
  fromStatus: StatusChange['fromStatus'],
  toStatus: StatusChange['toStatus'],
  extra: Partial<StatusChange> = {},
): StatusChange => ({
  fromStatus,
  toStatus,
  outcome: null,
  referredServiceId: null,
  referredOrganisation: null,
  note: null,
  ...extra,
});

/** A demo signal of this municipality that is still new. */
async function newSignalIn(db: Kysely<Database>, nis: string): Promise<number> {
  const row = await db
    .selectFrom('signals')
    .select('id')
    .where('municipality_nis', '=', nis)
    .where('status', '=', 'new')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

describe('changeSignalStatus', () => {
  it('moves a signal forward step by step and records who changed it and when', async () => {
    await withRollback(handle.db, async (db) => {
      const id = await newSignalIn(db, BALEN);
      const [service] = await listReferralServices(db, BALEN);
      expect(service).toBeDefined();
      expect(await changeSignalStatus(db, coordinator, id, step('new', 'discussed', { note: NOTE }))).toEqual({
        ok: true,
        status: 'discussed',
      });
      expect(
        await changeSignalStatus(
          db,
          coordinator,
          id,
          step('discussed', 'referred', { referredServiceId: service!.id }),
        ),
      ).toEqual({ ok: true, status: 'referred' });
      expect(await changeSignalStatus(db, coordinator, id, step('referred', 'followed_up'))).toEqual({
        ok: true,
        status: 'followed_up',
      });
      expect(
        await changeSignalStatus(db, coordinator, id, step('followed_up', 'closed', { outcome: 'rights_obtained' })),
      ).toEqual({ ok: true, status: 'closed' });

      const full = await listStatusChanges(db, id, 'full');
      expect(full.map((entry) => [entry.fromStatus, entry.toStatus])).toEqual([
        ['new', 'discussed'],
        ['discussed', 'referred'],
        ['referred', 'followed_up'],
        ['followed_up', 'closed'],
      ]);
      expect(full.map((entry) => entry.changedByName)).toEqual(Array(4).fill('Tom Wouters (demo)'));
      expect(full[0]!.note).toBe(NOTE);
      expect(full[1]!.referredServiceName).toBe(service!.name);
      expect(full[3]!.outcome).toBe('rights_obtained');
      const times = full.map((entry) => entry.changedAt.getTime());
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Date.now() - times[0]!).toBeLessThan(10 * 60_000);
      const rows = await db
        .selectFrom('signal_status_changes')
        .select('changed_by')
        .where('signal_id', '=', id)
        .execute();
      expect(rows.map((row) => Number(row.changed_by))).toEqual(Array(4).fill(coordinator.userId));

      // The reporter and an advisor see which status and when, never the notes, referrals or names.
      const statusesOnly = await listStatusChanges(db, id, 'statuses');
      expect(statusesOnly.map((entry) => entry.toStatus)).toEqual(['discussed', 'referred', 'followed_up', 'closed']);
      expect(
        statusesOnly.every(
          (entry) => entry.note === null && entry.referredServiceName === null && entry.changedByName === null,
        ),
      ).toBe(true);
      expect((await getSignal(db, coordinator, id))?.status).toBe('closed');
    });
  });

  it('refuses a step after someone else moved the signal on (409), writing nothing', async () => {
    await withRollback(handle.db, async (db) => {
      const id = await newSignalIn(db, BALEN);
      expect((await changeSignalStatus(db, coordinator, id, step('new', 'discussed'))).ok).toBe(true);
      const counts = await writeCounts(db);
      // A second coordinator's screen still showed "new".
      expect(
        await changeSignalStatus(db, coordinator, id, step('new', 'closed', { outcome: 'no_action_needed' })),
      ).toMatchObject({
        ok: false,
        status: 409,
        errors: { fromStatus: { code: 'stale' } },
      });
      expect(await writeCounts(db)).toEqual(counts);
      expect((await getSignal(db, coordinator, id))?.status).toBe('discussed');
    });
  });

  it('refuses steps back, a closed signal, and a referral to a service of another municipality', async () => {
    await withRollback(handle.db, async (db) => {
      const id = await newSignalIn(db, BALEN);
      const [elsewhere] = await listReferralServices(db, RAVELS);
      const counts = await writeCounts(db);
      expect(await changeSignalStatus(db, coordinator, id, step('new', 'followed_up'))).toMatchObject({
        ok: false,
        status: 400,
        errors: { toStatus: { code: 'not_allowed' } },
      });
      expect(
        await changeSignalStatus(db, coordinator, id, step('new', 'referred', { referredServiceId: elsewhere!.id })),
      ).toMatchObject({
        ok: false,
        status: 400,
        errors: { referredServiceId: { code: 'unknown_service' } },
      });
      expect(await writeCounts(db)).toEqual(counts);
      expect((await changeSignalStatus(db, coordinator, id, step('new', 'closed', { outcome: 'declined' }))).ok).toBe(
        true,
      );
      expect(await changeSignalStatus(db, coordinator, id, step('closed', 'new'))).toMatchObject({
        ok: false,
        status: 400,
      });
    });
  });

  it("answers 404 for another municipality's signal, a missing number and every role but its coordinator", async () => {
    await withRollback(handle.db, async (db) => {
      const ravels = await newSignalIn(db, RAVELS);
      const balen = await newSignalIn(db, BALEN);
      const counts = await writeCounts(db);
      const notFound = { ok: false, status: 404, errors: { _form: { code: 'not_found' } } };
      expect(await changeSignalStatus(db, coordinator, ravels, step('new', 'discussed'))).toMatchObject(notFound);
      expect(await changeSignalStatus(db, coordinator, 9_000_000_000, step('new', 'discussed'))).toMatchObject(
        notFound,
      );
      // The reporter of a Balen signal, and an advisor of the signal's own municipality, read only.
      const own = Number(
        (
          await db
            .selectFrom('signals')
            .select('id')
            .where('reporter_user_id', '=', reporter.userId)
            .where('status', '=', 'new')
            .executeTakeFirstOrThrow()
        ).id,
      );
      expect(await changeSignalStatus(db, reporter, own, step('new', 'discussed'))).toMatchObject(notFound);
      expect(await changeSignalStatus(db, advisor, ravels, step('new', 'discussed'))).toMatchObject(notFound);
      expect(await changeSignalStatus(db, advisor, balen, step('new', 'discussed'))).toMatchObject(notFound);
      for (const role of ['regional_analyst', 'admin'] as const) {
        expect(await changeSignalStatus(db, await demoScope(db, role), balen, step('new', 'discussed'))).toMatchObject(
          notFound,
        );
      }
      expect(await writeCounts(db)).toEqual(counts);
    });
  });

  it('writes the change to the audit log with codes only, never the note or organisation name', async () => {
    await withRollback(handle.db, async (db) => {
      const id = await newSignalIn(db, BALEN);
      const organisation = 'Dienstencentrum De Wissel';
      await changeSignalStatus(
        db,
        coordinator,
        id,
        step('new', 'referred', { referredOrganisation: organisation, note: NOTE }),
      );
      const [entry] = await listAuditLog(db, { event: 'signal.status_changed', limit: 1 });
      expect(entry).toMatchObject({
        actorUserId: coordinator.userId,
        targetKind: 'signal',
        targetId: String(id),
        details: { from: 'new', to: 'referred', outcome: null, municipality: BALEN },
      });
      const text = JSON.stringify(entry);
      expect(text).not.toContain('buurtoverleg');
      expect(text).not.toContain('Wissel');
    });
  });
});
