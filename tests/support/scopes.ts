import type { Kysely } from 'kysely';
import { findAccountProfile } from '@/db/queries/accounts';
import type { Database } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/db/seed/demo-accounts';
import { type AccessScope, buildAccessScope } from '@/lib/auth/access';
import type { Role } from '@/lib/auth/roles';

/**
 * The access scope of the demo account with this role, as a signed-in request would get it.
 * 'advisor' is the advisor of Ravels (the municipality foreign to Balen's reporter and
 * coordinator, which the tests need); 'advisor_balen' the one of Balen.
 */
export async function demoScope(db: Kysely<Database>, role: Role | 'advisor_balen'): Promise<AccessScope> {
  const wanted =
    role === 'advisor_balen'
      ? { role: 'advisor', nis: '13003' }
      : role === 'advisor'
        ? { role, nis: '13035' }
        : { role, nis: null };
  const account = DEMO_ACCOUNTS.find(
    (candidate) =>
      candidate.role === wanted.role && (wanted.nis === null || candidate.municipalities.includes(wanted.nis)),
  );
  if (!account) throw new Error(`no demo account with role ${role}`);
  const user = await db.selectFrom('users').select('id').where('email', '=', account.email).executeTakeFirstOrThrow();
  const profile = await findAccountProfile(db, Number(user.id));
  const scope = profile && buildAccessScope(profile);
  if (!scope) throw new Error(`demo account ${account.email} has no scope`);
  return scope;
}

/** Rows in the tables a signal write touches: a refused write must leave every one unchanged. */
export async function writeCounts(db: Kysely<Database>): Promise<{ signals: number; changes: number; audit: number }> {
  const count = async (table: 'signals' | 'signal_status_changes' | 'audit_log') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    signals: await count('signals'),
    changes: await count('signal_status_changes'),
    audit: await count('audit_log'),
  };
}
