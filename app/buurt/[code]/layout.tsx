import type { ReactNode } from 'react';
import { requireNeighbourhood } from '@/app/_server/analysis/profile-data';

/** Access before the loading boundary: sign in first, or a real 404 for a neighbourhood not the person's. */
export default async function ProfileLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ code: string }>;
}) {
  const { code } = await params;
  await requireNeighbourhood(code, `/buurt/${code}`);
  return children;
}
