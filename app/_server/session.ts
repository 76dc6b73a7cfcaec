import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/db/server';
import { type AccessScope, scopeDenial } from '@/lib/auth/access';
import { getAuth, getAuthSecret, isHttpsRequest } from './auth-instance';
import { type CurrentAccount, readAccessScope, readCurrentAccount } from './current-account';

/**
 * Who is asking, for server components, route handlers and server actions. Computed once per
 * request (React cache). Null for anonymous visitors, and for expired, revoked or disabled
 * accounts. Every decision about what to show goes through lib/auth/access.ts with this scope.
 */
export const getCurrentAccount = cache(async (): Promise<CurrentAccount | null> => {
  const requestHeaders = await headers();
  const auth = await getAuth(isHttpsRequest(requestHeaders));
  return readCurrentAccount(auth, await getDb(), requestHeaders);
});

export async function getAccessScope(): Promise<AccessScope | null> {
  return (await getCurrentAccount())?.scope ?? null;
}

/**
 * The same scope in one query, without refreshing the session (current-account.ts
 * readAccessScope): for map tiles only, which come by the dozen per view.
 */
export async function getTileAccessScope(): Promise<AccessScope | null> {
  const requestHeaders = await headers();
  const settings = { secret: await getAuthSecret(), secureCookies: isHttpsRequest(requestHeaders) };
  return readAccessScope(await getDb(), requestHeaders, settings);
}

/** Responses with personal data must not be stored by browsers or proxies. */
export const PERSONAL_HEADERS = { 'Cache-Control': 'private, no-store' } as const;

export type ScopeResult = { ok: true; scope: AccessScope } | { ok: false; response: Response };

/**
 * For route handlers: the scope of a signed-in person who passes `allowed`, or the response to
 * send instead: 401 `{ error }` when nobody (valid) is signed in, 403 `{ error: reason }` when
 * the role or area does not allow it, 503 when the sessions cannot be checked.
 *
 *   const access = await requireScope(canExportAggregates, 'Only analysts, advisors and coordinators export');
 *   if (!access.ok) return access.response;
 *   ... use access.scope ...
 */
export async function requireScope(allowed?: (scope: AccessScope) => boolean, reason?: string): Promise<ScopeResult> {
  let scope: AccessScope | null;
  try {
    scope = await getAccessScope();
  } catch (error) {
    console.error('[buurtradar] could not check the session', error);
    return {
      ok: false,
      response: Response.json(
        { error: 'Sign-in cannot be checked right now; try again later' },
        { status: 503, headers: PERSONAL_HEADERS },
      ),
    };
  }
  const denial = scopeDenial(scope, allowed, reason);
  if (denial)
    return {
      ok: false,
      response: Response.json({ error: denial.error }, { status: denial.status, headers: PERSONAL_HEADERS }),
    };
  return { ok: true, scope: scope! };
}
