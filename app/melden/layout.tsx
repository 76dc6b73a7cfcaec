import type { ReactNode } from 'react';
import { requirePageScope } from '@/app/_server/page-access';

/** Reporting is for reporters and coordinators: checked before the loading boundary (real 307/403). */
export default async function ReportLayout({ children }: { children: ReactNode }) {
  await requirePageScope('/melden', (scope) => scope.canReportSignals);
  return children;
}
