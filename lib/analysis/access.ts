import { toLambert72 } from '@/lib/geo/lambert72';

/**
 * Need versus supply: how far each neighbourhood's population lives from the nearest service
 * of each type (a mobile info point's stops are the type `mobile_stop`), and which
 * neighbourhoods combine high need with poor access.
 *
 * Population: each neighbourhood comes as one or more weighted points (its centroid with its
 * population, or address or sector points with theirs). Distances are straight lines in
 * metres, computed in Belgian Lambert 72 (EPSG:31370; scale error below 0.02 % in Belgium),
 * not along roads: a lower bound of the real walk.
 *
 * Per neighbourhood and type:
 * - `meanDistanceMetres`: population-weighted mean distance to the nearest service;
 * - `farthestMetres`: the farthest point's distance to its nearest service;
 * - `shareBeyond`: the share of the population farther than `distanceLimitMetres`
 *   (default 1,000 m: some 15 minutes' walk for an older person). No service of that type at
 *   all: distances null, share beyond 1.
 * - `poorAccess`: shareBeyond ≥ `poorAccessShare` (default 0.5: at least half the population).
 * A neighbourhood is flagged when it is in the top `highNeedShare` (default 0.2: the top
 * quintile) of the need index ranking and has poor access to at least one of `flagTypes`
 * (default: every type given).
 */

export const DEFAULT_ACCESS_DISTANCE_METRES = 1_000;
export const DEFAULT_POOR_ACCESS_SHARE = 0.5;
export const DEFAULT_HIGH_NEED_SHARE = 0.2;

export interface PopulationPoint {
  lon: number;
  lat: number;
  weight: number;
}
export interface AccessArea {
  code: string;
  points: readonly PopulationPoint[];
}
export interface ServiceLocation {
  type: string;
  lon: number;
  lat: number;
}

export interface AccessOptions {
  /** Service types to measure; default every type present in `services`. */
  types?: readonly string[];
  /** The distance beyond which access counts as far, for all types or per type. */
  distanceLimitMetres?: number | Readonly<Record<string, number>>;
  poorAccessShare?: number;
  highNeedShare?: number;
  /** Types whose poor access raises the flag; default all measured types. */
  flagTypes?: readonly string[];
}

export interface TypeAccess {
  meanDistanceMetres: number | null;
  farthestMetres: number | null;
  shareBeyond: number;
  poorAccess: boolean;
}

export interface AreaAccess {
  code: string;
  population: number;
  byType: Record<string, TypeAccess>;
  highNeed: boolean;
  poorAccessTypes: string[];
  /** High need and poor access to at least one flag type. */
  flagged: boolean;
}

/**
 * @param needRanks rank of each area in the need index (1 = most need; null or absent = unranked).
 */
export function computeAccess(
  areas: readonly AccessArea[],
  services: readonly ServiceLocation[],
  needRanks: Readonly<Record<string, number | null>>,
  options: AccessOptions = {},
): AreaAccess[] {
  const types = options.types ?? [...new Set(services.map((s) => s.type))].sort();
  const limitFor = (type: string) => {
    const limit = options.distanceLimitMetres ?? DEFAULT_ACCESS_DISTANCE_METRES;
    return typeof limit === 'number' ? limit : (limit[type] ?? DEFAULT_ACCESS_DISTANCE_METRES);
  };
  const poorShare = options.poorAccessShare ?? DEFAULT_POOR_ACCESS_SHARE;
  const flagTypes = new Set(options.flagTypes ?? types);
  const highNeedCutoff = highNeedRankCutoff(needRanks, options.highNeedShare ?? DEFAULT_HIGH_NEED_SHARE);

  const indexes = new Map(types.map((type) => [type, nearestIndex(services.filter((s) => s.type === type))]));

  return areas.map((area): AreaAccess => {
    for (const p of area.points) {
      if (!(p.weight >= 0) || !Number.isFinite(p.weight))
        throw new RangeError(`computeAccess: weight of a point of ${area.code} must be ≥ 0`);
    }
    const projected = area.points.map((p) => ({ xy: toLambert72(p.lon, p.lat), weight: p.weight }));
    const population = projected.reduce((sum, p) => sum + p.weight, 0);
    const byType: Record<string, TypeAccess> = {};
    for (const type of types) {
      const nearest = indexes.get(type)!;
      const limit = limitFor(type);
      if (population === 0) {
        byType[type] = { meanDistanceMetres: null, farthestMetres: null, shareBeyond: 0, poorAccess: false };
        continue;
      }
      if (!nearest.any) {
        byType[type] = { meanDistanceMetres: null, farthestMetres: null, shareBeyond: 1, poorAccess: true };
        continue;
      }
      const distances = projected.map((p) => ({ distance: nearest.distance(p.xy), weight: p.weight }));
      const mean = distances.reduce((sum, d) => sum + d.distance * d.weight, 0) / population;
      const max = Math.max(...distances.filter((d) => d.weight > 0).map((d) => d.distance));
      const beyond = distances.filter((d) => d.distance > limit).reduce((sum, d) => sum + d.weight, 0) / population;
      byType[type] = {
        meanDistanceMetres: mean,
        farthestMetres: max,
        shareBeyond: beyond,
        poorAccess: beyond >= poorShare,
      };
    }
    const rank = needRanks[area.code];
    const highNeed = rank !== null && rank !== undefined && rank <= highNeedCutoff;
    const poorAccessTypes = types.filter((type) => flagTypes.has(type) && byType[type]!.poorAccess);
    return {
      code: area.code,
      population,
      byType,
      highNeed,
      poorAccessTypes,
      flagged: highNeed && poorAccessTypes.length > 0,
    };
  });
}

/** The largest rank still in the top `share` of ranked areas (at least one area when any is ranked). */
export function highNeedRankCutoff(needRanks: Readonly<Record<string, number | null>>, share: number): number {
  const ranked = Object.values(needRanks).filter((rank): rank is number => rank !== null && rank !== undefined).length;
  return ranked === 0 ? 0 : Math.max(1, Math.ceil(share * ranked - 1e-9));
}

/**
 * Nearest-distance lookup over one type's services: sorted by x, searched outward from the
 * query's x until the x gap alone exceeds the best distance found.
 */
function nearestIndex(services: readonly ServiceLocation[]) {
  const points = services.map((s) => toLambert72(s.lon, s.lat)).sort((a, b) => a[0] - b[0]);
  const distance = ([x, y]: [number, number]): number => {
    let lo = 0;
    let hi = points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (points[mid]![0] < x) lo = mid + 1;
      else hi = mid;
    }
    let best = Infinity;
    for (let i = lo; i < points.length && points[i]![0] - x < best; i++)
      best = Math.min(best, Math.hypot(points[i]![0] - x, points[i]![1] - y));
    for (let i = lo - 1; i >= 0 && x - points[i]![0] < best; i--)
      best = Math.min(best, Math.hypot(points[i]![0] - x, points[i]![1] - y));
    return best;
  };
  return { any: points.length > 0, distance };
}
