import type { ReactNode } from 'react';
import { resolveMapArea } from './load-area';

/**
 * Checks the area in the URL before anything streams: this layout sits outside the segment's
 * loading boundary, so an unknown region or municipality answers with a real HTTP 404 (a
 * notFound() inside the boundary would arrive after a 200 had been sent).
 */
export default async function MapAreaLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ area?: string[] }>;
}) {
  await resolveMapArea((await params).area);
  return children;
}
