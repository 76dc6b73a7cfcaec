import { type Kysely, sql } from 'kysely';
import type { DateWindow, SignalFilters } from '@/lib/tiles/tile-request';
import type { Database } from '../schema';

/**
 * The signal roll-ups (db/migrations/2026_11_23_0002_signal_rollups.ts): counts per tile cell
 * and month and per neighbourhood and month, kept exact by triggers on `signals`. They answer
 * month windows by category; any other filter goes to the signals themselves, with the same
 * result, only slower.
 */

/** First days of the first and last month ('YYYY-MM-01'), or 'all' when there is no window. */
export type MonthRange = { from: string; to: string } | 'all';

/**
 * The months the filters cover when the roll-ups can answer them exactly: no status or partner
 * filter (not kept in the roll-ups), and a window of whole months (the map's time filter
 * always is). Null: use the signals.
 */
export function rollupMonths(filters: SignalFilters): MonthRange | null {
  if (filters.statuses !== undefined || filters.partners !== undefined) return null;
  if (filters.window === undefined) return 'all';
  return wholeMonths(filters.window);
}

function wholeMonths({ from, to }: DateWindow): MonthRange | null {
  if (!from.endsWith('-01')) return null;
  const [year, month, day] = to.split('-').map(Number) as [number, number, number];
  // Day 0 of the next month is the last day of this one.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day === lastDay ? { from, to: `${to.slice(0, 7)}-01` } : null;
}

/**
 * Runs a bulk load of signals with the triggers switched off for this transaction, then
 * recomputes the roll-ups once: far cheaper than a grouped upsert per INSERT statement when
 * most signals change. `trx` must be a transaction (SET LOCAL ends with it); outside one the
 * triggers simply stay on, which is slower but still right.
 */
export async function withSignalRollupsDeferred<T>(trx: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql`SELECT set_config('buurtradar.signal_rollups', 'deferred', true)`.execute(trx);
  const result = await work();
  await sql`SELECT set_config('buurtradar.signal_rollups', 'on', true)`.execute(trx);
  await rebuildSignalRollups(trx);
  return result;
}

/** Recomputes both roll-ups from the signals (locks them until the transaction ends). */
export async function rebuildSignalRollups(db: Kysely<Database>): Promise<void> {
  await sql`SELECT rebuild_signal_rollups()`.execute(db);
}
