import { clustersDbscan, featureCollection, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { dbscan, summariseClusters, type ClusterPoint } from '@/lib/analysis/dbscan';
import { fromLambert72, toLambert72 } from '@/lib/geo/lambert72';

/*
 * Fixture laid out in Lambert 72 metres around (200 000, 210 000) (Kempen), eps = 50 m,
 * minPoints = 3 (a point's own position counts):
 *   A  diamond: centre (40,0) and (0,0), (80,0), (40,40), (40,−40): each tip is 40 m from the
 *      centre and ≥ 56.6 m from the other tips. Centre: 5 points within 50 → core. A tip: itself
 *      + centre = 2 < 3 → border. One cluster of 5.
 *   B  triangle (1000,0), (1030,0), (1000,30): sides 30, 30, 42.4 m → each has 3 → all core.
 *   noise: (500,0) alone; (2000,0) and (2045,0) see each other only (2 < 3).
 */
const ORIGIN = [200_000, 210_000] as const;
const LAYOUT: [string, number, number][] = [
  ['a-centre', 40, 0],
  ['a-west', 0, 0],
  ['a-east', 80, 0],
  ['a-north', 40, 40],
  ['a-south', 40, -40],
  ['lone', 500, 0],
  ['b1', 1000, 0],
  ['b2', 1030, 0],
  ['b3', 1000, 30],
  ['pair1', 2000, 0],
  ['pair2', 2045, 0],
];
const POINTS: ClusterPoint[] = LAYOUT.map(([id, dx, dy]) => {
  const [lon, lat] = fromLambert72(ORIGIN[0] + dx, ORIGIN[1] + dy);
  return { id, lon, lat };
});

describe('DBSCAN in metres', () => {
  const labels = dbscan(POINTS, { epsMetres: 50, minPoints: 3 });
  const byId = Object.fromEntries(labels.map((l) => [l.id, l]));

  it('finds the hand-made clusters, core and border points, and noise', () => {
    expect(byId['a-centre']).toMatchObject({ cluster: 0, role: 'core' });
    for (const tip of ['a-west', 'a-east', 'a-north', 'a-south'])
      expect(byId[tip]).toMatchObject({ cluster: 0, role: 'border' });
    for (const id of ['b1', 'b2', 'b3']) expect(byId[id]).toMatchObject({ cluster: 1, role: 'core' });
    for (const id of ['lone', 'pair1', 'pair2']) expect(byId[id]).toMatchObject({ cluster: null, role: 'noise' });
  });

  it('measures eps in metres: 45 m apart joins at eps 50, not at eps 40', () => {
    expect(dbscan(POINTS, { epsMetres: 50, minPoints: 2 }).find((l) => l.id === 'pair1')!.cluster).not.toBeNull();
    expect(dbscan(POINTS, { epsMetres: 40, minPoints: 2 }).find((l) => l.id === 'pair1')!.cluster).toBeNull();
  });

  it('agrees with turf’s haversine clustersDbscan where no distance is close to eps', () => {
    const turf = clustersDbscan(featureCollection(POINTS.map((p) => point([p.lon, p.lat], { id: p.id }))), 50, {
      units: 'meters',
      minPoints: 3,
    });
    const turfClusters = turf.features.map((f) => f.properties.cluster ?? null);
    const ours = labels.map((l) => l.cluster);
    // Same partition: two points share a cluster in one result exactly when they do in the other.
    for (let i = 0; i < ours.length; i++) {
      expect(ours[i] === null, LAYOUT[i]![0]).toBe(turfClusters[i] === null);
      for (let j = 0; j < ours.length; j++) {
        if (ours[i] !== null && ours[j] !== null) expect(ours[i] === ours[j]).toBe(turfClusters[i] === turfClusters[j]);
      }
    }
  });

  it('summarises only clusters of at least the threshold, with centroid and hull', () => {
    const summary = summariseClusters(POINTS, labels);
    expect(summary.threshold).toBe(5);
    expect(summary.hiddenClusters).toBe(1); // B has 3 signals < 5
    expect(summary.clusters).toHaveLength(1);
    const a = summary.clusters[0]!;
    expect(a.count).toBe(5);
    // Centroid: mean of x = (40+0+80+40+40)/5 = 40, of y = 0 → the diamond's centre.
    const [x, y] = toLambert72(...a.centroid);
    expect(x - ORIGIN[0]).toBeCloseTo(40, 2);
    expect(y - ORIGIN[1]).toBeCloseTo(0, 2);
    // The hull is the diamond: four corners plus the closing position; the centre is inside.
    expect(a.hull!.coordinates[0]).toHaveLength(5);
  });

  it('shows a small cluster only when the threshold allows it, and gives no hull for a line', () => {
    expect(summariseClusters(POINTS, labels, 3).clusters.map((c) => c.count)).toEqual([5, 3]);
    const line = [0, 30, 60, 90, 120].map((dx, i) => {
      const [lon, lat] = fromLambert72(ORIGIN[0] + dx, ORIGIN[1]);
      return { id: i, lon, lat };
    });
    const lineLabels = dbscan(line, { epsMetres: 50, minPoints: 3 });
    expect(new Set(lineLabels.map((l) => l.cluster))).toEqual(new Set([0]));
    expect(summariseClusters(line, lineLabels).clusters[0]).toMatchObject({ count: 5, hull: null });
  });

  it('rejects a meaningless eps or minPoints', () => {
    expect(() => dbscan(POINTS, { epsMetres: 0, minPoints: 3 })).toThrow(RangeError);
    expect(() => dbscan(POINTS, { epsMetres: 50, minPoints: 0 })).toThrow(RangeError);
  });
});
