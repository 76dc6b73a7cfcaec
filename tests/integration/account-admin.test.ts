import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import {
  createAccountAsAdmin,
  disableAccountAsAdmin,
  listAccounts,
  revokeSessionsAsAdmin,
} from '@/db/queries/account-admin';
import { findAccountProfile } from '@/db/queries/accounts';
import { type AccountFormInput, parseAccountForm } from '@/lib/auth/account-form';
import { openTestDatabase, withRollback } from '../support/test-database';

/** The admin's account actions on this backend: field errors as values, audit records, no partial writes. */
let handle: DatabaseHandle;
let adminId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  adminId = Number(
    (await handle.db.selectFrom('users').select('id').where('role', '=', 'admin').executeTakeFirstOrThrow()).id,
  );
});
afterAll(async () => {
  await handle?.close();
});

const form = (fields: Record<string, unknown>): AccountFormInput => {
  const parsed = parseAccountForm({
    name: 'Lies Vermeulen',
    email: 'lies.vermeulen@buurtradar.test',
    password: 'correct horse battery',
    role: 'coordinator',
    organisation: '',
    municipalities: ['13003'],
    regionCode: '',
    ...fields,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
};

describe('creating accounts', () => {
  it('creates a coordinator with a new organisation, and records it without personal content', async () => {
    await withRollback(handle.db, async (db) => {
      const result = await createAccountAsAdmin(
        db,
        adminId,
        form({ organisation: 'new', newOrganisationName: 'Gemeente Balen', newOrganisationType: 'municipality' }),
      );
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const profile = await findAccountProfile(db, result.userId);
      expect(profile).toMatchObject({
        role: 'coordinator',
        municipalities: ['13003'],
        organisationName: 'Gemeente Balen',
        email: 'lies.vermeulen@buurtradar.test',
      });
      const audit = await db
        .selectFrom('audit_log')
        .selectAll()
        .where('event', '=', 'account.created')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_user_id: adminId, target_kind: 'user', target_id: String(result.userId) });
      expect(JSON.stringify(audit.details)).not.toMatch(/Lies|vermeulen|@/i);
      expect(
        (await listAccounts(db)).some((a) => a.id === result.userId && a.municipalities[0]?.name === 'Balen'),
      ).toBe(true);
    });
  });

  it('names every wrong field and writes nothing', async () => {
    await withRollback(handle.db, async (db) => {
      const before = await db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const taken = await createAccountAsAdmin(
        db,
        adminId,
        form({ email: 'beheerder@buurtradar.test', municipalities: ['99999'], password: 'short' }),
      );
      expect(taken).toMatchObject({ ok: false, status: 400 });
      if (taken.ok) return;
      expect(Object.keys(taken.errors).sort()).toEqual(['email', 'municipalities', 'password']);
      const duplicate = await createAccountAsAdmin(db, adminId, form({ email: 'Beheerder@Buurtradar.test' }));
      expect(duplicate).toMatchObject({ ok: false, errors: { email: { code: 'taken' } } });
      const reporter = await createAccountAsAdmin(db, adminId, form({ role: 'reporter' }));
      expect(reporter).toMatchObject({ ok: false, errors: { organisation: {} } });
      const analyst = await createAccountAsAdmin(db, adminId, form({ role: 'regional_analyst', municipalities: [] }));
      expect(analyst).toMatchObject({ ok: false, errors: { regionCode: {} } });
      const unknownOrg = await createAccountAsAdmin(db, adminId, form({ organisation: '987654' }));
      expect(unknownOrg).toMatchObject({ ok: false, errors: { organisation: { code: 'unknown_value' } } });
      const after = await db.selectFrom('users').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });

  it('refuses a form with a new organisation but no name', () => {
    expect(
      parseAccountForm({
        name: 'x',
        email: 'x@y.test',
        password: 'p'.repeat(12),
        role: 'advisor',
        organisation: 'new',
        municipalities: [],
        regionCode: '',
      }),
    ).toMatchObject({ ok: false, errors: { newOrganisationName: { code: 'required' } } });
  });
});

describe('disabling and signing out everywhere', () => {
  it('ends sessions, disables, and refuses the admin disabling themselves', async () => {
    await withRollback(handle.db, async (db) => {
      const coordinator = await db
        .selectFrom('users')
        .select('id')
        .where('role', '=', 'coordinator')
        .executeTakeFirstOrThrow();
      const id = Number(coordinator.id);
      await db
        .insertInto('sessions')
        .values([
          { user_id: id, token: 'token-a', expires_at: new Date(Date.now() + 3_600_000) },
          { user_id: id, token: 'token-b', expires_at: new Date(Date.now() + 3_600_000) },
        ])
        .execute();
      expect(await revokeSessionsAsAdmin(db, adminId, id)).toMatchObject({ ok: true, revoked: 2 });
      expect(await db.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toHaveLength(0);
      expect(await disableAccountAsAdmin(db, adminId, adminId)).toMatchObject({ ok: false, status: 409 });
      expect(await disableAccountAsAdmin(db, adminId, id)).toMatchObject({ ok: true });
      expect((await findAccountProfile(db, id))?.disabled).toBe(true);
      expect(await disableAccountAsAdmin(db, adminId, id)).toMatchObject({ ok: false, status: 409 });
      expect(await disableAccountAsAdmin(db, adminId, 987_654_321)).toMatchObject({ ok: false, status: 404 });
      const events = await db
        .selectFrom('audit_log')
        .select('event')
        .where('actor_user_id', '=', adminId)
        .where('event', 'in', ['account.disabled', 'auth.sessions_revoked'])
        .execute();
      expect(events.map((e) => e.event).sort()).toEqual(['account.disabled', 'auth.sessions_revoked']);
    });
  });
});
