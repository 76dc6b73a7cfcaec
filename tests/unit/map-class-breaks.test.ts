import { describe, expect, it } from 'vitest';
import type { NeighbourhoodCollection } from '@/lib/map/area-data';
import { fillColorExpression, indicatorValues, toMapFeatures } from '@/lib/map/choropleth';
import { classIndex, colorFor, computeClassBreaks } from '@/lib/map/class-breaks';
import { NO_DATA_COLOR, YL_GN_BU, paletteFor } from '@/lib/map/palette';

describe('choropleth class breaks', () => {
  it('makes five natural-break classes that cover every value exactly once', () => {
    const values = [1, 2, 2, 3, 10, 11, 12, 20, 21, 22, 40, 41, 60, 61, 62];
    const result = computeClassBreaks(values);
    expect(result.classes).toHaveLength(5);
    expect(result.classes.map((c) => c.color)).toEqual(YL_GN_BU[5]);
    expect(result.classes.reduce((sum, c) => sum + c.count, 0)).toBe(values.length);
    for (const [index, entry] of result.classes.entries()) {
      const next = result.classes[index + 1];
      expect(entry.min).toBeLessThanOrEqual(entry.max);
      if (next) expect(entry.max).toBeLessThan(next.min);
    }
    expect(result.breaks).toEqual(result.classes.slice(1).map((c) => c.min));
    expect(result.classes[0]).toMatchObject({ min: 1, max: 3 });
    expect(result.classes[4]).toMatchObject({ min: 60, max: 62 });
  });

  it('gives each distinct value its own class when there are fewer than five', () => {
    const result = computeClassBreaks([7, 7, 3, 3, 3]);
    expect(result.classes).toEqual([
      { min: 3, max: 3, color: YL_GN_BU[2][0], count: 3 },
      { min: 7, max: 7, color: YL_GN_BU[2][1], count: 2 },
    ]);
    expect(computeClassBreaks([4, 4, 4]).classes).toEqual([{ min: 4, max: 4, color: YL_GN_BU[1][0], count: 3 }]);
  });

  it('has no classes for no values, and counts the missing ones', () => {
    expect(computeClassBreaks([])).toEqual({ classes: [], breaks: [], noDataColor: NO_DATA_COLOR, missing: 0 });
    const result = computeClassBreaks([null, undefined, Number.NaN, 5]);
    expect(result.missing).toBe(3);
    expect(result.classes).toHaveLength(1);
  });

  it('never colours equal values differently', () => {
    const values = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6];
    const result = computeClassBreaks(values);
    const colourOf = new Map<number, string>();
    for (const value of values) {
      const colour = colorFor(result, value);
      expect(colourOf.get(value) ?? colour).toBe(colour);
      colourOf.set(value, colour);
    }
  });

  it('finds the class of a value with step semantics (lower bound inclusive)', () => {
    expect(classIndex([10, 20], 9.99)).toBe(0);
    expect(classIndex([10, 20], 10)).toBe(1);
    expect(classIndex([10, 20], 25)).toBe(2);
    expect(colorFor(computeClassBreaks([1, 2]), null)).toBe(NO_DATA_COLOR);
  });

  it('picks the ColorBrewer palette for the class count', () => {
    expect(paletteFor(0)).toEqual([]);
    expect(paletteFor(3)).toEqual(YL_GN_BU[3]);
    expect(paletteFor(9)).toEqual(YL_GN_BU[5]);
  });
});

describe('choropleth on the map', () => {
  const collection: NeighbourhoodCollection = {
    type: 'FeatureCollection',
    features: [feature('1300301', { share_65_plus: 20.5 }), feature('1300302', {})],
  };

  it('flattens indicator values into numeric properties MapLibre can style by', () => {
    const flat = toMapFeatures(collection);
    expect(flat.features[0]?.properties).toEqual({
      code: '1300301',
      name: 'N 1300301',
      municipalityNis: '13003',
      ind_share_65_plus: 20.5,
    });
    expect(flat.features[1]?.properties).toEqual({ code: '1300302', name: 'N 1300302', municipalityNis: '13003' });
    expect(indicatorValues(collection, 'share_65_plus')).toEqual([20.5, null]);
  });

  it('colours by step over the breaks and grey where the value is missing', () => {
    const result = computeClassBreaks([1, 2, 3]);
    expect(fillColorExpression('x', result)).toEqual([
      'case',
      ['==', ['typeof', ['get', 'ind_x']], 'number'],
      ['step', ['get', 'ind_x'], YL_GN_BU[3][0], 2, YL_GN_BU[3][1], 3, YL_GN_BU[3][2]],
      NO_DATA_COLOR,
    ]);
    expect(fillColorExpression('x', computeClassBreaks([]))).toBe(NO_DATA_COLOR);
  });
});

function feature(code: string, values: Record<string, number>): NeighbourhoodCollection['features'][number] {
  const indicators = Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      key,
      { value, unit: '%', period: '2025', source: 'test', isEstimate: true, isDemo: true },
    ]),
  );
  return {
    type: 'Feature',
    bbox: [5, 51, 5.1, 51.1],
    geometry: {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [5, 51],
            [5.1, 51],
            [5.1, 51.1],
            [5, 51],
          ],
        ],
      ],
    },
    properties: {
      code,
      name: `N ${code}`,
      municipalityNis: '13003',
      municipalityName: 'Balen',
      areaKm2: 1,
      anchor: [5.05, 51.05],
      indicators,
    },
  };
}
