import 'server-only';
import { cache } from 'react';
import { getAccessScope } from '@/app/_server/session';
import { type SignalDetails, getSignal } from '@/db/queries/signals';
import { getDb } from '@/db/server';
import { parseSignalId } from '@/lib/signals/list-query';

/**
 * The signal of /meldingen/{id} as the person may see it, once per request (the layout checks
 * it exists before anything streams, the page shows it). Null for a malformed number, a
 * signal that does not exist and one the person may not see: the same 404 for all three.
 */
export const loadSignal = cache(async (idText: string): Promise<SignalDetails | null> => {
  const id = parseSignalId(idText);
  const scope = await getAccessScope();
  if (id === null || !scope) return null;
  return getSignal(await getDb(), scope, id);
});
