import type { ReactNode } from 'react';
import { requirePageScope } from '@/app/_server/page-access';

/**
 * Signal lists and details are for the roles that see signal points (reporters their own,
 * coordinators and advisors their municipalities'); checked before any loading boundary, so
 * visitors get a real redirect and analysts and admins a real 403.
 */
export default async function SignalsLayout({ children }: { children: ReactNode }) {
  await requirePageScope('/meldingen', (scope) => scope.canSeeSignalPoints);
  return children;
}
