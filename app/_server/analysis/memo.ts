import 'server-only';

/**
 * A small in-process cache of computed analyses (a cache only: every entry can be recomputed
 * from the database, and its key names the data version it was computed from, so a change of
 * data is never answered from it). Keeps the most recent entries; a failed computation is
 * forgotten at once so the next request tries again.
 */
const MAX_ENTRIES = 48;
const entries = new Map<string, Promise<unknown>>();

export function memo<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const hit = entries.get(key) as Promise<T> | undefined;
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const promise = compute();
  entries.set(key, promise);
  promise.catch(() => entries.delete(key));
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return promise;
}
