import type { ReactNode } from 'react';
import { requirePageScope } from '@/app/_server/page-access';

/**
 * The signal list is for the roles that see signal points (reporters their own, coordinators
 * and advisors their municipalities'); checked before the loading boundary, so visitors get a
 * real redirect and analysts and admins a real 403.
 */
export default async function SignalListLayout({ children }: { children: ReactNode }) {
  await requirePageScope('/meldingen', (scope) => scope.canSeeSignalPoints);
  return children;
}
