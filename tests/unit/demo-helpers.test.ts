import { describe, expect, it } from 'vitest';
import { brusselsInstant, DEMO_DAYS, isoDate, weekday } from '@/lib/demo/calendar';
import { apportion } from '@/lib/demo/generate-profiles';
import { fromLambert72, toLambert72 } from '@/lib/geo/lambert72';
import { placeLabel } from '@/lib/demo/place-names';
import { Rng, stream } from '@/lib/demo/random';

describe('Lambert 72 projection', () => {
  // Reference values from PostGIS: ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 31370).
  const postgis: [number, number, number, number][] = [
    [5.17, 51.17, 206039.01099353452, 206968.38427091762],
    [5.0, 51.3, 194026.4275708071, 221316.2495487705],
    [3.0, 50.8, 53514.23113916349, 166393.0905128261],
    [5.8, 50.7, 251105.25931276963, 155356.2581002582],
  ];

  it('agrees with PostGIS to within a centimetre', () => {
    for (const [lon, lat, x, y] of postgis) {
      const [px, py] = toLambert72(lon, lat);
      expect(Math.abs(px - x)).toBeLessThan(0.01);
      expect(Math.abs(py - y)).toBeLessThan(0.01);
    }
  });

  it('round-trips to within a centimetre', () => {
    const [lon, lat] = fromLambert72(206_000, 207_000);
    const [x, y] = toLambert72(lon, lat);
    expect(Math.abs(x - 206_000)).toBeLessThan(0.01);
    expect(Math.abs(y - 207_000)).toBeLessThan(0.01);
  });
});

describe('seeded randomness', () => {
  it('repeats a stream exactly and separates named streams', () => {
    const draw = (rng: Rng) => Array.from({ length: 5 }, () => rng.float());
    expect(draw(stream('s', 'a'))).toEqual(draw(stream('s', 'a')));
    expect(draw(stream('s', 'a'))).not.toEqual(draw(stream('s', 'b')));
  });

  it('draws Poisson counts around their mean', () => {
    const rng = new Rng('poisson');
    const mean = (lambda: number) =>
      Array.from({ length: 2000 }, () => rng.poisson(lambda)).reduce((a, b) => a + b, 0) / 2000;
    expect(mean(4)).toBeCloseTo(4, 0);
    expect(mean(120)).toBeGreaterThan(115);
    expect(mean(120)).toBeLessThan(125);
  });
});

describe('population split', () => {
  it('apportions a total exactly, in proportion to the weights', () => {
    const parts = apportion(22_813, [1, 2.5, 0.3, 4]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(22_813);
    expect(parts[3]! / parts[0]!).toBeCloseTo(4, 1);
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
  });
});

describe('demo calendar', () => {
  it('spans 1 November 2024 to 31 October 2026 in Brussels time', () => {
    expect(isoDate(0)).toBe('2024-11-01');
    expect(isoDate(DEMO_DAYS - 1)).toBe('2026-10-31');
    expect(weekday(0)).toBe(5); // a Friday
    expect(brusselsInstant(0, 9 * 60)).toBe('2024-11-01T08:00:00.000Z');
    expect(brusselsInstant(250, 9 * 60)).toBe('2025-07-09T07:00:00.000Z'); // summer time
  });
});

describe('place labels', () => {
  it('shortens neighbourhood names the way locals say them', () => {
    expect(placeLabel('Balen - Centrum', 'Balen')).toBe('Centrum');
    expect(placeLabel('Balen - Oost', 'Balen')).toBe('Balen-Oost');
    expect(placeLabel('Poppel Kern', 'Ravels')).toBe('Poppel');
    expect(placeLabel('36012A0', 'Moorslede')).toBe('Moorslede');
  });
});
