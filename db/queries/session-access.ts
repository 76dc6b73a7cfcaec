import { type Kysely, sql } from 'kysely';
import type { AccessProfile } from '@/lib/auth/access';
import type { OrganisationType } from '@/lib/auth/roles';
import type { Database } from '../schema';
import { parseTextArray } from './accounts';

/**
 * Everything access depends on for the holder of a session token, in one statement: null when
 * the session does not exist (signed out, revoked) or has expired. A disabled account comes
 * back with `disabled: true` (buildAccessScope refuses it), as findAccountProfile does.
 */
export async function findSessionAccessProfile(db: Kysely<Database>, token: string): Promise<AccessProfile | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'u.id', 'u.role', 'u.organisation_id', 'u.region_code', 'u.disabled_at', 'o.partner_type',
      sql<string[]>`COALESCE((SELECT array_agg(um.municipality_nis ORDER BY um.municipality_nis)
        FROM user_municipalities um WHERE um.user_id = u.id), '{}')`.as('municipalities'),
    ])
    .where('s.token', '=', token)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!row) return null;
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
