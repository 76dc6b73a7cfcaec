import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { requirePageScope } from '@/app/_server/page-access';
import { parseSignalId } from '@/lib/signals/list-query';
import { loadSignal } from './load-signal';

/**
 * Before the loading boundary, so the answers are real HTTP statuses: visitors are sent to sign
 * in (and back to this signal), roles without signal points get 403, and a signal that is
 * missing or not the person's to see a 404.
 */
export default async function SignalLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const number = parseSignalId(id);
  await requirePageScope(number === null ? '/meldingen' : `/meldingen/${number}`, (scope) => scope.canSeeSignalPoints);
  if (!(await loadSignal(id))) notFound();
  return children;
}
