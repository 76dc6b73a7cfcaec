import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { AccessScope } from '@/lib/auth/access';
import { getAccessScope } from './session';

/**
 * For pages (call it in a layout, outside the segment's loading boundary, so the answer is a
 * real HTTP status): the scope of a signed-in person who passes `allowed`. Nobody signed in:
 * a redirect to the sign-in page, which comes back to `returnPath` afterwards. Signed in but
 * the role gives no access: 403 (app/forbidden.tsx). Nothing of the page is rendered either way.
 */
export async function requirePageScope(
  returnPath: string,
  allowed: (scope: AccessScope) => boolean,
): Promise<AccessScope> {
  const scope = await getAccessScope();
  if (!scope) redirect(`/aanmelden?terug=${encodeURIComponent(returnPath)}`);
  if (!allowed(scope)) forbidden();
  return scope;
}
