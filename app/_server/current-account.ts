import 'server-only';
import type { Kysely } from 'kysely';
import { findAccountProfile, findSessionAccessProfile } from '@/db/queries/accounts';
import type { Database } from '@/db/schema';
import { type AccessScope, buildAccessScope } from '@/lib/auth/access';
import { verifiedSessionToken } from '@/lib/auth/session-cookie';
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
export async function readCurrentAccount(
  auth: Auth,
  db: Kysely<Database>,
  headers: Headers,
): Promise<CurrentAccount | null> {
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const userId = Number(session.user.id);
  if (!Number.isSafeInteger(userId)) return null;
  const profile = await findAccountProfile(db, userId);
  if (!profile) return null;
  const scope = buildAccessScope(profile);
  if (!scope) return null;
  const areaNames =
    scope.role === 'regional_analyst' ? [profile.regionName ?? scope.regionCode ?? ''] : profile.municipalityNames;
  return {
    scope,
    name: profile.name,
    organisationName: profile.organisationName,
    areaNames: areaNames.filter(Boolean),
  };
}

export interface SessionCheckSettings {
  /** The cookie-signing secret the auth instances use (auth-instance.ts getAuthSecret). */
  secret: string;
  /** Whether the request came over https: the cookie then has the __Secure- prefix. */
  secureCookies: boolean;
}

/**
 * The access scope alone, in one query: for the map's tiles, which a view asks for by the
 * dozen. It accepts exactly the sessions readCurrentAccount accepts (same signed cookie,
 * unexpired session row, active account; tests/integration/auth.test.ts compares the two) but
 * skips better-auth's request machinery, its session refresh and the names pages greet with.
 * That costs about 0.5 ms instead of 5 ms per tile (npm run bench). Pages and forms keep
 * readCurrentAccount, so an active person's session is still extended there.
 */
export async function readAccessScope(
  db: Kysely<Database>,
  headers: Headers,
  settings: SessionCheckSettings,
): Promise<AccessScope | null> {
  const token = verifiedSessionToken(headers.get('cookie'), settings.secret, settings.secureCookies);
  if (token === null) return null;
  const profile = await findSessionAccessProfile(db, token);
  return profile ? buildAccessScope(profile) : null;
}
