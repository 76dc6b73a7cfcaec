import 'server-only';
import { type Kysely, type Transaction, sql } from 'kysely';
import type { AccountFormInput, FieldError } from '@/lib/auth/account-form';
import type { Role } from '@/lib/auth/roles';
import { normaliseEmail } from '@/lib/auth/throttle';
import type { Database } from '../schema';
import { createAccount, createOrganisation, disableAccount, newAccount, revokeSessions } from './accounts';
import { writeAuditLog } from './audit-log';

/** One account as the admin's list shows it. */
export interface AccountListItem {
  id: number;
  name: string;
  email: string;
  role: Role;
  organisationName: string | null;
  municipalities: { nis: string; name: string }[];
  regionCode: string | null;
  regionName: string | null;
  disabledAt: Date | null;
  activeSessions: number;
  isDemo: boolean;
}

/** Every account, active ones first, then by name. */
export async function listAccounts(db: Kysely<Database>): Promise<AccountListItem[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      'u.id',
      'u.name',
      'u.email',
      'u.role',
      'u.region_code',
      'u.disabled_at',
      'u.is_demo',
      'o.name as organisation_name',
      'r.name as region_name',
      sql<string>`coalesce((SELECT json_agg(json_build_object('nis', m.nis, 'name', m.name) ORDER BY m.name)::text
        FROM user_municipalities um JOIN municipalities m ON m.nis = um.municipality_nis WHERE um.user_id = u.id), '[]')`.as(
        'municipalities',
      ),
      sql<number>`(SELECT count(*)::int FROM sessions s WHERE s.user_id = u.id AND s.expires_at > now())`.as(
        'active_sessions',
      ),
    ])
    .orderBy(sql`u.disabled_at IS NOT NULL`)
    .orderBy('u.name')
    .orderBy('u.id')
    .limit(1000)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    email: row.email,
    role: row.role,
    organisationName: row.organisation_name,
    municipalities: JSON.parse(row.municipalities) as { nis: string; name: string }[],
    regionCode: row.region_code,
    regionName: row.region_name,
    disabledAt: row.disabled_at,
    activeSessions: Number(row.active_sessions),
    isDemo: row.is_demo,
  }));
}

export interface OrganisationChoice {
  id: number;
  name: string;
  partnerType: string;
}

export async function listOrganisations(db: Kysely<Database>): Promise<OrganisationChoice[]> {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'partner_type'])
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: Number(row.id), name: row.name, partnerType: row.partner_type }));
}

export async function listMunicipalityChoices(db: Kysely<Database>): Promise<{ nis: string; name: string }[]> {
  return db.selectFrom('municipalities').select(['nis', 'name']).orderBy('name').orderBy('nis').execute();
}

export type AdminActionResult =
  { ok: true; userId: number } | { ok: false; status: 400 | 404 | 409; errors: Record<string, FieldError> };

const fail = (status: 400 | 404 | 409, field: string, code: string, message: string): AdminActionResult => ({
  ok: false,
  status,
  errors: { [field]: { code, message } },
});

/**
 * Creates an account from the admin form, in one transaction with its organisation (when a
 * new one is made) and the audit record. Every field problem is reported by field: the rules
 * of `newAccount`, an e-mail address already in use, municipalities, a region or an
 * organisation that do not exist.
 */
export async function createAccountAsAdmin(
  db: Kysely<Database>,
  actorUserId: number,
  input: AccountFormInput,
): Promise<AdminActionResult> {
  return inTransaction(db, async (trx) => {
    const errors: Record<string, FieldError> = {};
    const organisationId = input.organisation.kind === 'existing' ? input.organisation.id : null;
    // A new organisation has no id yet; for the rules ("a reporter has one") any id will do.
    const parsed = newAccount.safeParse({
      ...input,
      organisation: undefined,
      organisationId: input.organisation.kind === 'new' ? 1 : organisationId,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '_form');
        errors[field === 'organisationId' ? 'organisation' : field] ??= { code: 'invalid', message: issue.message };
      }
    }
    if (input.organisation.kind === 'existing') {
      const exists = await trx
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', input.organisation.id)
        .executeTakeFirst();
      if (!exists) errors.organisation ??= { code: 'unknown_value', message: 'is not a known organisation' };
    }
    const nis = [...new Set(input.municipalities)].filter((code) => /^[0-9]{5}$/.test(code));
    if (nis.length > 0) {
      const known = await trx.selectFrom('municipalities').select('nis').where('nis', 'in', nis).execute();
      const unknown = nis.filter((code) => !known.some((row) => row.nis === code));
      if (unknown.length > 0)
        errors.municipalities ??= {
          code: 'unknown_value',
          message: `has unknown municipalities: ${unknown.slice(0, 5).join(', ')}`,
        };
    }
    if (input.regionCode && /^sw[0-9]{2}$/.test(input.regionCode)) {
      const region = await trx
        .selectFrom('regions')
        .select('code')
        .where('code', '=', input.regionCode)
        .executeTakeFirst();
      if (!region) errors.regionCode ??= { code: 'unknown_value', message: 'is not a known region' };
    }
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', normaliseEmail(input.email))
      .executeTakeFirst();
    if (taken) errors.email ??= { code: 'taken', message: 'already has an account' };
    if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, status: 400, errors };

    const finalOrganisationId =
      input.organisation.kind === 'new'
        ? await createOrganisation(trx, { name: input.organisation.name, partnerType: input.organisation.type })
        : organisationId;
    const userId = await createAccount(trx, { ...parsed.data, organisationId: finalOrganisationId });
    await writeAuditLog(trx, {
      event: 'account.created',
      actorUserId,
      target: { kind: 'user', id: userId },
      details: {
        role: parsed.data.role,
        municipalities: parsed.data.municipalities.length,
        region: parsed.data.regionCode,
        organisation_id: finalOrganisationId,
        new_organisation: input.organisation.kind === 'new',
      },
    });
    return { ok: true, userId };
  });
}

/** Disables an account and ends its sessions; an admin cannot lock themselves out this way. */
export async function disableAccountAsAdmin(
  db: Kysely<Database>,
  actorUserId: number,
  userId: number,
): Promise<AdminActionResult> {
  if (userId === actorUserId) return fail(409, '_form', 'self', 'You cannot disable your own account');
  return inTransaction(db, async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'disabled_at'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!user) return fail(404, '_form', 'not_found', 'There is no such account');
    if (user.disabled_at !== null) return fail(409, '_form', 'already_disabled', 'The account is already disabled');
    const sessions = await trx
      .selectFrom('sessions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    await disableAccount(trx, userId);
    await writeAuditLog(trx, {
      event: 'account.disabled',
      actorUserId,
      target: { kind: 'user', id: userId },
      details: { sessions: Number(sessions.n) },
    });
    return { ok: true, userId };
  });
}

/** Signs a person out everywhere: all their sessions end on every instance. */
export async function revokeSessionsAsAdmin(
  db: Kysely<Database>,
  actorUserId: number,
  userId: number,
): Promise<{ ok: true; userId: number; revoked: number } | Extract<AdminActionResult, { ok: false }>> {
  return inTransaction(db, async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user)
      return { ok: false, status: 404, errors: { _form: { code: 'not_found', message: 'There is no such account' } } };
    const revoked = await revokeSessions(trx, userId);
    await writeAuditLog(trx, {
      event: 'auth.sessions_revoked',
      actorUserId,
      target: { kind: 'user', id: userId },
      details: { sessions: revoked, by_admin: true },
    });
    return { ok: true, userId, revoked };
  });
}

function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
