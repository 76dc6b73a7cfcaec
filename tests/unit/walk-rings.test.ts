import { area, booleanPointInPolygon, destination } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { buildWalkRings, type RingFeature } from '@/lib/map/walk-rings';

const balenMarket = { lon: 5.1684, lat: 51.1686 };

describe('walking-distance rings', () => {
  it('covers what lies within the distance and not beyond', () => {
    const rings = buildWalkRings([balenMarket], [500, 1000]);
    expect(rings.features.map((f) => f.properties.distance)).toEqual([1000, 500]);
    const [outer, inner] = rings.features as [RingFeature, RingFeature];
    const at = (metres: number) =>
      destination([balenMarket.lon, balenMarket.lat], metres / 1000, 45, { units: 'kilometers' });
    expect(booleanPointInPolygon(at(480), inner)).toBe(true);
    expect(booleanPointInPolygon(at(520), inner)).toBe(false);
    expect(booleanPointInPolygon(at(980), outer)).toBe(true);
    expect(booleanPointInPolygon(at(1020), outer)).toBe(false);
    // π r²: within 1 % of a true circle of 500 m.
    expect(area(inner)).toBeGreaterThan(Math.PI * 500 ** 2 * 0.99);
    expect(area(inner)).toBeLessThan(Math.PI * 500 ** 2 * 1.01);
  });

  it('dissolves overlapping circles into one covered area', () => {
    const near = { lon: balenMarket.lon + 0.005, lat: balenMarket.lat };
    const far = { lon: balenMarket.lon + 0.1, lat: balenMarket.lat };
    const [ring] = buildWalkRings([balenMarket, near, far], [500]).features as [RingFeature];
    // Two overlapping circles and one apart: less than three full circles, more than two.
    expect(area(ring)).toBeLessThan(3 * Math.PI * 500 ** 2);
    expect(area(ring)).toBeGreaterThan(2 * Math.PI * 500 ** 2);
    expect(ring.geometry.type).toBe('MultiPolygon');
  });

  it('has nothing to draw without services', () => {
    expect(buildWalkRings([], [500]).features).toEqual([]);
  });
});
