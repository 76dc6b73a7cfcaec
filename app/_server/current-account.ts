import 'server-only';
import type { Kysely } from 'kysely';
import { findAccountProfile } from '@/db/queries/accounts';
import type { Database } from '@/db/schema';
import { type AccessScope, buildAccessScope } from '@/lib/auth/access';
import type { Auth } from './auth';

/** The signed-in person behind a request: what they may do, and how to greet them. */
export interface CurrentAccount {
  scope: AccessScope;
  name: string;
  organisationName: string | null;
  /** The municipalities (or for an analyst, the region) the person works for, by name. */
  areaNames: string[];
}

/**
 * Reads the session cookie from the request headers, checks the session in the database
 * (expired, revoked or unknown: anonymous) and loads the person's access profile. Free of
 * Next.js request APIs, so tests can call it with plain Headers.
 */
export async function readCurrentAccount(auth: Auth, db: Kysely<Database>, headers: Headers): Promise<CurrentAccount | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const userId = Number(session.user.id);
  if (!Number.isSafeInteger(userId)) return null;
  const profile = await findAccountProfile(db, userId);
  if (!profile) return null;
  const scope = buildAccessScope(profile);
  if (!scope) return null;
  const areaNames = scope.role === 'regional_analyst' ? [profile.regionName ?? scope.regionCode ?? ''] : profile.municipalityNames;
  return { scope, name: profile.name, organisationName: profile.organisationName, areaNames: areaNames.filter(Boolean) };
}
