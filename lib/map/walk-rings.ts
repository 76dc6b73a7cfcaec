import { circle, featureCollection, union } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';

/**
 * Walking-distance rings around services: for each distance, the area within that many metres
 * (as the crow flies) of any of the services, dissolved into one shape, so overlapping circles
 * of a dense centre read as one covered area and gaps stand out. Crow-flies distance
 * underestimates the walk (streets are longer); the legend says so.
 */

export interface ServicePoint {
  lon: number;
  lat: number;
}
export type RingFeature = Feature<Polygon | MultiPolygon, { distance: number }>;

/** Vertices per circle: 48 keeps a 1 km ring within ~2 m of a true circle. */
const STEPS = 48;

export function buildWalkRings(
  points: readonly ServicePoint[],
  distances: readonly number[],
): FeatureCollection<Polygon | MultiPolygon, { distance: number }> {
  // Largest first, so the nearer (darker) ring is drawn on top.
  const features: RingFeature[] = [];
  for (const distance of [...distances].sort((a, b) => b - a)) {
    const circles = points.map((point) =>
      circle([point.lon, point.lat], distance / 1000, { steps: STEPS, units: 'kilometers' }),
    );
    if (circles.length === 0) continue;
    const dissolved = circles.length === 1 ? circles[0] : union(featureCollection(circles));
    if (dissolved) features.push({ type: 'Feature', geometry: dissolved.geometry, properties: { distance } });
  }
  return { type: 'FeatureCollection', features };
}
