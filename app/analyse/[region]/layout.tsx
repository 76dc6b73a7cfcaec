import type { ReactNode } from 'react';
import { requireAnalysisArea } from '@/app/_server/analysis/access';

/**
 * Access is decided before the loading boundary streams: anonymous visitors are sent to sign
 * in, a region that is unknown or not the person's answers a real 404 (lib/auth/access.ts).
 */
export default async function AnalysisLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ region: string }>;
}) {
  const { region } = await params;
  await requireAnalysisArea(region, `/analyse/${region}`);
  return children;
}
