import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { AccessScope } from '@/lib/auth/access';
import type { CurrentAccount } from './current-account';
import { getCurrentAccount } from './session';

/**
 * The server-side gate of every admin page (and its layout, which runs before the loading
 * boundary so the status is real): nobody signed in → 307 to the sign-in page, which brings
 * them back here; signed in without the right → 403 (app/forbidden.tsx).
 */
export async function requireAdminPage(
  path: string,
  allowed: (scope: AccessScope) => boolean,
): Promise<CurrentAccount> {
  const account = await getCurrentAccount();
  if (!account) redirect(`/aanmelden?terug=${encodeURIComponent(path)}`);
  if (!allowed(account.scope)) forbidden();
  return account;
}

/** Whether the person has any admin right, for the "Beheer" link and the /beheer landing page. */
export function isAdministrator(scope: AccessScope | null | undefined): boolean {
  return !!scope && (scope.canImport || scope.canManageAccounts || scope.canReadAuditLog);
}
