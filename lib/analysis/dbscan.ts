import { convex, featureCollection, point } from '@turf/turf';
import type { Polygon } from 'geojson';
import { fromLambert72, toLambert72 } from '@/lib/geo/lambert72';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './suppression';

/**
 * DBSCAN point clusters of signals, with `eps` in metres.
 *
 * Points come in as WGS84 lon/lat and are clustered in Belgian Lambert 72 (EPSG:31370), where
 * the project does all metric work. Its scale error within Belgium stays below about 0.02 %
 * (under 5 cm on a 250 m eps), where haversine on a sphere (what turf's `clustersDbscan`
 * uses) is off by up to some 0.3 % at our latitude. Outside Belgium Lambert 72 distorts more:
 * the input is Flemish.
 *
 * The algorithm is the textbook one (Ester et al. 1996): a point with at least `minPoints`
 * points within `eps` (itself included, as in PostGIS `ST_ClusterDBSCAN` and scikit-learn) is a
 * core point; clusters are core points linked by eps and the points they reach; the rest is
 * noise. Neighbour search uses a grid of eps-sized cells, so it is near-linear. Border points
 * reachable from two clusters go to the first cluster that reaches them, in input order: the
 * output is deterministic.
 */

export interface ClusterPoint {
  id: string | number;
  lon: number;
  lat: number;
}

export interface DbscanOptions {
  epsMetres: number;
  minPoints: number;
}

export type PointRole = 'core' | 'border' | 'noise';

export interface PointLabel {
  id: string | number;
  /** 0, 1, 2, … in the order clusters are found; null for noise. */
  cluster: number | null;
  role: PointRole;
}

export function dbscan(points: readonly ClusterPoint[], { epsMetres, minPoints }: DbscanOptions): PointLabel[] {
  if (!(epsMetres > 0) || !Number.isInteger(minPoints) || minPoints < 1) {
    throw new RangeError('dbscan: epsMetres must be > 0 and minPoints an integer ≥ 1');
  }
  const xy = points.map((p) => toLambert72(p.lon, p.lat));
  const cellOf = ([x, y]: [number, number]) => [Math.floor(x / epsMetres), Math.floor(y / epsMetres)] as const;
  const grid = new Map<string, number[]>();
  xy.forEach((p, index) => {
    const [cx, cy] = cellOf(p);
    const key = `${cx},${cy}`;
    const cell = grid.get(key);
    if (cell) cell.push(index);
    else grid.set(key, [index]);
  });
  const epsSquared = epsMetres * epsMetres;
  const regionOf = (index: number): number[] => {
    const p = xy[index]!;
    const [cx, cy] = cellOf(p);
    const found: number[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const other of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          const q = xy[other]!;
          if ((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2 <= epsSquared) found.push(other);
        }
      }
    }
    return found;
  };

  const cluster: (number | null)[] = points.map(() => null);
  const role: PointRole[] = points.map(() => 'noise');
  const visited = new Set<number>();
  let next = 0;
  for (let start = 0; start < points.length; start++) {
    if (visited.has(start)) continue;
    visited.add(start);
    const region = regionOf(start);
    if (region.length < minPoints) continue;
    const id = next++;
    cluster[start] = id;
    role[start] = 'core';
    const queue = region.filter((other) => other !== start);
    while (queue.length > 0) {
      const current = queue.pop()!;
      if (cluster[current] === null) {
        cluster[current] = id;
        role[current] = 'border';
      }
      if (visited.has(current)) continue;
      visited.add(current);
      const reach = regionOf(current);
      if (reach.length >= minPoints) {
        role[current] = 'core';
        for (const other of reach) if (!visited.has(other) || cluster[other] === null) queue.push(other);
      }
    }
  }
  return points.map((p, index) => ({ id: p.id, cluster: cluster[index]!, role: role[index]! }));
}

export interface ClusterSummary {
  cluster: number;
  count: number;
  /** Mean of the member points in Lambert 72, returned as [lon, lat]. */
  centroid: [number, number];
  /**
   * Convex hull of the members (WGS84). Its corners are signal locations, so summaries are
   * for roles allowed to see points. Null when the members are fewer than three distinct
   * points or lie on a line (hull under 1 m²).
   */
  hull: Polygon | null;
}

export interface ClusterSummaries {
  clusters: ClusterSummary[];
  /** Clusters left out because they hold fewer signals than the threshold. */
  hiddenClusters: number;
  threshold: number;
}

/**
 * Count, centroid and hull per cluster. A cluster with fewer members than `threshold` (the
 * small-numbers threshold, 5 by default) is never summarised, whatever `minPoints` was: only
 * how many were left out is told.
 */
export function summariseClusters(
  points: readonly ClusterPoint[],
  labels: readonly PointLabel[],
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): ClusterSummaries {
  if (labels.length !== points.length) throw new RangeError('summariseClusters: one label per point');
  const members = new Map<number, ClusterPoint[]>();
  labels.forEach((label, index) => {
    if (label.cluster === null) return;
    const list = members.get(label.cluster);
    if (list) list.push(points[index]!);
    else members.set(label.cluster, [points[index]!]);
  });
  const clusters: ClusterSummary[] = [];
  let hiddenClusters = 0;
  for (const [id, list] of [...members].sort((a, b) => a[0] - b[0])) {
    if (list.length < threshold) {
      hiddenClusters++;
      continue;
    }
    const projected = list.map((p) => toLambert72(p.lon, p.lat));
    const x = projected.reduce((sum, p) => sum + p[0], 0) / list.length;
    const y = projected.reduce((sum, p) => sum + p[1], 0) / list.length;
    clusters.push({ cluster: id, count: list.length, centroid: fromLambert72(x, y), hull: hullOf(list) });
  }
  return { clusters, hiddenClusters, threshold };
}

function hullOf(list: readonly ClusterPoint[]): Polygon | null {
  const distinct = new Set(list.map((p) => `${p.lon},${p.lat}`));
  if (distinct.size < 3) return null;
  const hull = convex(featureCollection(list.map((p) => point([p.lon, p.lat]))));
  const ring = hull?.geometry.coordinates[0];
  if (!ring || ring.length < 4) return null;
  // Points on a line give a sliver (projection curvature keeps it from being flat): no hull.
  const projected = ring.map(([lon, lat]) => toLambert72(lon!, lat!));
  let twiceArea = 0;
  for (let i = 0; i + 1 < projected.length; i++) {
    twiceArea += projected[i]![0] * projected[i + 1]![1] - projected[i + 1]![0] * projected[i]![1];
  }
  return Math.abs(twiceArea) / 2 >= MIN_HULL_AREA_M2 ? hull!.geometry : null;
}

/** Below this a hull is a line, not an area. */
const MIN_HULL_AREA_M2 = 1;
