import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { loadSignal } from './load-signal';

/** A real 404 (before the loading boundary) for a signal that is missing or not the person's to see. */
export default async function SignalLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  if (!(await loadSignal((await params).id))) notFound();
  return children;
}
