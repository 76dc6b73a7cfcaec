import { hashPassword } from 'better-auth/crypto';
import { type Kysely, type Transaction, sql } from 'kysely';
import { z } from 'zod';
import type { AccessProfile } from '@/lib/auth/access';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';
import { normaliseEmail } from '@/lib/auth/throttle';
import { ORGANISATION_TYPES, ROLES, type OrganisationType } from '@/lib/auth/roles';
import { municipalityNis, regionCode } from '@/lib/areas/codes';
import type { Database } from '../schema';

/** A signed-in person as the app shows and checks them. */
export interface AccountProfile extends AccessProfile {
  name: string;
  email: string;
  organisationName: string | null;
  /** Names of the person's municipalities, in the order of `municipalities`. */
  municipalityNames: string[];
  regionName: string | null;
}

/** The columns every access decision reads, of users `u` left-joined to organisations `o`. */
const ACCESS_COLUMNS = [
  'u.id',
  'u.role',
  'u.organisation_id',
  'u.region_code',
  'u.disabled_at',
  'o.partner_type',
  sql<string[]>`COALESCE((SELECT array_agg(um.municipality_nis ORDER BY um.municipality_nis)
    FROM user_municipalities um WHERE um.user_id = u.id), '{}')`.as('municipalities'),
] as const;

interface AccessRow {
  id: number | string;
  role: AccessProfile['role'];
  organisation_id: number | string | null;
  region_code: string | null;
  disabled_at: unknown;
  partner_type: string | null;
  municipalities: string[] | string;
}

function accessProfileOf(row: AccessRow): AccessProfile {
  return {
    userId: Number(row.id),
    role: row.role,
    organisationId: row.organisation_id === null ? null : Number(row.organisation_id),
    organisationType: (row.partner_type ?? null) as OrganisationType | null,
    regionCode: row.region_code,
    municipalities: parseTextArray(row.municipalities),
    disabled: row.disabled_at !== null,
  };
}

/**
 * Everything access depends on, in one round trip: role, organisation, region and the
 * municipalities the person works in. Null when there is no such user.
 */
export async function findAccountProfile(db: Kysely<Database>, userId: number): Promise<AccountProfile | null> {
  const row = await db
    .selectFrom('users as u')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .leftJoin('regions as r', 'r.code', 'u.region_code')
    .select([
      ...ACCESS_COLUMNS,
      'u.name',
      'u.email',
      'o.name as organisation_name',
      'r.name as region_name',
      sql<string[]>`COALESCE((SELECT array_agg(m.name ORDER BY um.municipality_nis)
        FROM user_municipalities um JOIN municipalities m ON m.nis = um.municipality_nis
        WHERE um.user_id = u.id), '{}')`.as('municipality_names'),
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...accessProfileOf(row),
    name: row.name,
    email: row.email,
    organisationName: row.organisation_name,
    municipalityNames: parseTextArray(row.municipality_names),
    regionName: row.region_name,
  };
}

/**
 * The same access facts for the holder of a session token, in one statement: null when the
 * session does not exist (signed out, revoked) or has expired. A disabled account comes back
 * with `disabled: true`, which buildAccessScope refuses.
 */
export async function findSessionAccessProfile(db: Kysely<Database>, token: string): Promise<AccessProfile | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(ACCESS_COLUMNS)
    .where('s.token', '=', token)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? accessProfileOf(row) : null;
}

/** node-postgres parses text[]; a driver that leaves it as '{a,b}' is handled too. */
function parseTextArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, '');
  return inner === '' ? [] : inner.split(',');
}

/** The id of the user with this e-mail address, for the audit log of a failed sign-in. */
export async function findUserIdByEmail(db: Kysely<Database>, email: string): Promise<number | null> {
  const row = await db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst();
  return row ? Number(row.id) : null;
}

export const newOrganisation = z.object({
  name: z.string().trim().min(1, 'name is required').max(200),
  partnerType: z.enum(ORGANISATION_TYPES),
  isDemo: z.boolean().default(false),
});

export async function createOrganisation(
  db: Kysely<Database>,
  input: z.input<typeof newOrganisation>,
): Promise<number> {
  const valid = newOrganisation.parse(input);
  const row = await db
    .insertInto('organisations')
    .values({ name: valid.name, partner_type: valid.partnerType, is_demo: valid.isDemo })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export const newAccount = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(200),
    email: z.email('must be an e-mail address').transform(normaliseEmail),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, `password must have at least ${MIN_PASSWORD_LENGTH} characters`)
      .max(MAX_PASSWORD_LENGTH),
    role: z.enum(ROLES),
    organisationId: z.number().int().positive().nullable().default(null),
    municipalities: z.array(municipalityNis).default([]),
    regionCode: regionCode.nullable().default(null),
    isDemo: z.boolean().default(false),
  })
  .superRefine((account, ctx) => {
    if ((account.role === 'regional_analyst') !== (account.regionCode !== null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['regionCode'],
        message: 'a regional analyst needs a region; other roles have none',
      });
    }
    if (account.role === 'reporter' && account.organisationId === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['organisationId'],
        message: 'a reporter belongs to a partner organisation',
      });
    }
    if (['reporter', 'coordinator', 'advisor'].includes(account.role) && account.municipalities.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['municipalities'],
        message: `a ${account.role} works in at least one municipality`,
      });
    }
  });
export type NewAccount = z.input<typeof newAccount>;

/**
 * Creates an account that can sign in with e-mail and password. There is no public sign-up:
 * only this function (admin screens, the demo seed) creates accounts. The password is hashed
 * by better-auth's own scrypt hasher, so sign-in verifies it the same way. Transactional.
 */
export async function createAccount(db: Kysely<Database>, input: NewAccount): Promise<number> {
  const account = newAccount.parse(input);
  const passwordHash = await hashPassword(account.password);
  return inTransaction(db, async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({
        name: account.name,
        email: account.email,
        email_verified: true,
        role: account.role,
        organisation_id: account.organisationId,
        region_code: account.regionCode,
        is_demo: account.isDemo,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const userId = Number(user.id);
    // better-auth's credential account: its account id is the user id, as text.
    await trx
      .insertInto('auth_accounts')
      .values({
        user_id: userId,
        account_id: String(userId),
        provider_id: 'credential',
        password: passwordHash,
      })
      .execute();
    if (account.municipalities.length > 0) {
      await trx
        .insertInto('user_municipalities')
        .values([...new Set(account.municipalities)].map((nis) => ({ user_id: userId, municipality_nis: nis })))
        .execute();
    }
    return userId;
  });
}

/** Signs a person out everywhere: their sessions are deleted, so every instance rejects them. */
export async function revokeSessions(db: Kysely<Database>, userId: number): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Someone left: no new sessions, and their current ones end now. */
export async function disableAccount(db: Kysely<Database>, userId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ disabled_at: sql<Date>`now()` })
      .where('id', '=', userId)
      .execute();
    await revokeSessions(trx, userId);
  });
}

/** Whether this user may get a session (exists and is not disabled). */
export async function isActiveUser(db: Kysely<Database>, userId: number): Promise<boolean> {
  const row = await db.selectFrom('users').select('disabled_at').where('id', '=', userId).executeTakeFirst();
  return row !== undefined && row.disabled_at === null;
}

function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db as Transaction<Database>) : db.transaction().execute(work);
}
