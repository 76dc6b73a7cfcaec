'use client';

import { useCallback, useEffect, useState } from 'react';

export type FetchState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; message: string };

interface Settled<T> {
  key: string;
  data?: T;
  message?: string;
}

/**
 * GETs JSON from `url` (null: nothing) and re-fetches when the URL changes. A response for an
 * older URL is never shown for a newer one: results carry the request they answer, and a
 * request that is no longer wanted is aborted.
 */
export function useFetchJson<T>(url: string | null): { state: FetchState<T>; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const key = url === null ? null : `${attempt}|${url}`;

  useEffect(() => {
    if (url === null || key === null) return;
    const controller = new AbortController();
    fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } })
      .then(async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { error?: string } | null;
          throw new Error(body?.error ?? `HTTP ${response.status}`);
        }
        return (await response.json()) as T;
      })
      .then(
        (data) => setSettled({ key, data }),
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setSettled({ key, message: error instanceof Error ? error.message : String(error) });
        },
      );
    return () => controller.abort();
  }, [url, key]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  let state: FetchState<T>;
  if (key === null) state = { status: 'idle' };
  else if (settled?.key !== key) state = { status: 'loading' };
  else if (settled.message !== undefined) state = { status: 'error', message: settled.message };
  else state = { status: 'ready', data: settled.data as T };
  return { state, retry };
}
