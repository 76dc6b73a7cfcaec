import { DEFAULT_HIGH_NEED_SHARE, highNeedRankCutoff } from './access';
import type { AccessRow } from './region-analysis';

/**
 * The service types whose poor access raises the "high need, poor access" flag: the everyday
 * care and welfare a vulnerable resident needs nearby (a local service centre, a GP, a
 * pharmacy). The other types are measured and shown, but do not raise it on their own.
 */
export const ACCESS_FLAG_TYPES = ['local_service_centre', 'gp', 'pharmacy'] as const;

export interface AccessFlagState {
  kind: 'flagged' | 'highNeed' | 'poorAccess' | 'neither';
  highNeed: boolean;
  poorAccessTypes: string[];
}

/**
 * Flags per neighbourhood for the current need ranking (1 = most need): high need is the top
 * fifth of the ranked neighbourhoods (as lib/analysis/access.ts), poor access is at least half
 * the population beyond the distance for a flag type.
 */
export function accessFlags(
  rows: readonly AccessRow[],
  ranks: Readonly<Record<string, number | null>>,
): Record<string, AccessFlagState> {
  const cutoff = highNeedRankCutoff(ranks, DEFAULT_HIGH_NEED_SHARE);
  return Object.fromEntries(
    rows.map((row) => {
      const rank = ranks[row.code];
      const highNeed = rank !== null && rank !== undefined && rank <= cutoff;
      const poorAccessTypes = ACCESS_FLAG_TYPES.filter((type) => row.byType[type]?.poorAccess);
      const kind =
        highNeed && poorAccessTypes.length > 0
          ? 'flagged'
          : highNeed
            ? 'highNeed'
            : poorAccessTypes.length > 0
              ? 'poorAccess'
              : 'neither';
      return [row.code, { kind, highNeed, poorAccessTypes }];
    }),
  );
}
