import { describe, expect, it } from 'vitest';
import { type ConvertResult, classifyPair, detectCrs, toWgs84 } from '@/lib/imports/coordinates';
import { formatDetail } from '@/lib/imports/problem-detail';

/** The English sentence of a refused pair, as the import's `problem` says it. */
const english = (result: ConvertResult) => (result.ok ? '' : formatDetail('en', result.detail));

describe('recognising coordinate pairs around Flanders', () => {
  it.each([
    [5.17, 51.17, 'wgs84'],
    [51.17, 5.17, 'wgs84_swapped'],
    [2.35, 48.86, 'degrees_outside'], // Paris
    [206_039, 206_968, 'lambert72'],
    [150_000, 255_000, 'lambert72_swapped'], // y north of Flanders, x fits as y
    [649_328, 665_262, 'lambert2008'],
    [575_000, 6_640_000, 'web_mercator'],
    [640_000, 5_670_000, 'utm31'],
    [1_000_000, 1_000_000, 'metres_outside'],
  ] as const)('(%d, %d) is %s', (first, second, kind) => {
    expect(classifyPair(first, second)).toBe(kind);
  });

  it('decides the system of a file by the majority of its rows', () => {
    expect(
      detectCrs([
        [5.1, 51.2],
        [5.2, 51.1],
        [206_000, 206_000],
      ]),
    ).toBe('wgs84');
    expect(
      detectCrs([
        [206_000, 206_000],
        [51.1, 5.2],
        [205_000, 207_000],
      ]),
    ).toBe('lambert72');
    expect(
      detectCrs([
        [51.1, 5.2],
        [51.2, 5.1],
      ]),
    ).toBe('wgs84'); // swapped degrees are still degrees
    expect(detectCrs([[Number.NaN, 1]])).toBeNull();
    expect(detectCrs([])).toBeNull();
  });
});

describe('converting to WGS84', () => {
  // Reference values from PostGIS: ST_Transform(ST_SetSRID(ST_MakePoint(lon, lat), 4326), 31370).
  it.each([
    [206039.01099353452, 206968.38427091762, 5.17, 51.17],
    [194026.4275708071, 221316.2495487705, 5.0, 51.3],
    [53514.23113916349, 166393.0905128261, 3.0, 50.8],
  ])('converts Lambert 72 (%d, %d) as PostGIS does, to 7 decimals', (x, y, lon, lat) => {
    expect(toWgs84(x, y, 'lambert72')).toEqual({ ok: true, lon, lat });
  });

  it('keeps WGS84 as it is, rounded to 7 decimals (about a centimetre)', () => {
    expect(toWgs84(5.123456789, 51.1, 'wgs84')).toEqual({ ok: true, lon: 5.1234568, lat: 51.1 });
  });

  it("names swapped coordinates, with the file's own column names", () => {
    const swapped = toWgs84(51.17, 5.17, 'wgs84', { first: 'lon', second: 'lat' });
    expect(swapped).toEqual({
      ok: false,
      code: 'swapped_coordinates',
      detail: {
        key: 'swapped_wgs84',
        params: {
          xName: 'lon',
          x: 51.17,
          yName: 'lat',
          y: 5.17,
          minLon: 2.5,
          maxLon: 5.95,
          minLat: 50.6,
          maxLat: 51.55,
        },
      },
    });
    expect(english(swapped)).toBe(
      'lon 51.17, lat 5.17 look swapped: in Flanders the longitude is 2.5–5.95 and the latitude 50.6–51.55.',
    );
    expect(toWgs84(150_000, 255_000, 'lambert72')).toMatchObject({ ok: false, code: 'swapped_coordinates' });
  });

  it('refuses points outside Flanders and values in another system', () => {
    expect(toWgs84(2.35, 48.86, 'wgs84')).toMatchObject({ ok: false, code: 'outside_flanders' });
    expect(english(toWgs84(2.35, 48.86, 'wgs84'))).toBe('x 2.35, y 48.86 lie outside Flanders.');
    expect(toWgs84(206_000, 206_000, 'wgs84')).toMatchObject({ ok: false, code: 'crs' });
    expect(english(toWgs84(206_000, 206_000, 'wgs84'))).toMatch(/Lambert 72 .* read as WGS84/);
    expect(english(toWgs84(5.17, 51.17, 'lambert72'))).toMatch(
      /WGS84 degrees, but the file is read as Belgian Lambert 72/,
    );
    expect(toWgs84(649_328, 665_262, 'lambert72')).toMatchObject({ ok: false, code: 'crs' });
    expect(english(toWgs84(649_328, 665_262, 'lambert72'))).toMatch(/Lambert 2008 \(EPSG:3812\)/);
    expect(toWgs84(1_000_000, 1_000_000, 'lambert72')).toMatchObject({ ok: false, code: 'outside_flanders' });
  });
});
