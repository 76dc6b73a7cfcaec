import { readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { fromLambert72, toLambert72 } from '@/lib/geo/lambert72';
import { type Area, GeneraliseError, generalisePoint, gridMetresSchema } from '@/lib/signals/generalise';

type Neighbourhood = Feature<Polygon | MultiPolygon, { code: string; name: string; municipality_nis: string }>;
const neighbourhoods: Neighbourhood[] = JSON.parse(
  readFileSync(path.join(process.cwd(), 'db/seed/boundaries/neighbourhoods.geojson'), 'utf8'),
).features;
const neighbourhood = (code: string) => neighbourhoods.find((feature) => feature.properties.code === code)!;

/** A polygon drawn in Lambert 72 metres (rings of [x, y]), as WGS84 GeoJSON. */
const lambertPolygon = (...rings: [number, number][][]): Polygon => ({
  type: 'Polygon',
  coordinates: rings.map((ring) => ring.map(([x, y]) => fromLambert72(x, y))),
});
const rectangle = (x0: number, y0: number, x1: number, y1: number): [number, number][] => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const click = (x: number, y: number) => fromLambert72(x, y);
const inside = (point: { lon: number; lat: number }, area: Area) =>
  booleanPointInPolygon([point.lon, point.lat], 'geometry' in area ? area.geometry : area, { ignoreBoundary: true });
/** Where a result lies in Lambert 72, to compare with cell centres (stored with 7 decimals ≈ 1 cm). */
const metres = (point: { lon: number; lat: number }) => toLambert72(point.lon, point.lat);

describe('generalising a click to the grid', () => {
  const balenCentrum = neighbourhood('1300301');

  it('moves a click to the centre of its 100 m cell, the same for every click in the cell', () => {
    const [x, y] = [205_917, 206_212]; // inside Balen-Centrum, away from its edges
    const first = generalisePoint(click(x, y), balenCentrum);
    const second = generalisePoint(click(205_901, 206_299), balenCentrum);
    expect(first.method).toBe('cell_centre');
    expect(first.cell).toEqual({ x: 205_900, y: 206_200, size: 100 });
    const [cx, cy] = metres(first);
    expect(Math.abs(cx - 205_950)).toBeLessThan(0.02);
    expect(Math.abs(cy - 206_250)).toBeLessThan(0.02);
    expect(second).toEqual(first);
    expect([first.lon, first.lat]).not.toEqual(click(x, y));
  });

  it('uses the configured grid size', () => {
    const result = generalisePoint(click(205_917, 206_212), balenCentrum, 250);
    expect(result.cell).toEqual({ x: 205_750, y: 206_000, size: 250 });
    const [cx, cy] = metres(result);
    expect(Math.abs(cx - 205_875)).toBeLessThan(0.02);
    expect(Math.abs(cy - 206_125)).toBeLessThan(0.02);
  });

  it('keeps every generalised click of the Balen and Ravels neighbourhoods inside its neighbourhood, near the click', () => {
    const rng = seedrandom('generalise');
    const methods = new Set<string>();
    for (const area of neighbourhoods.filter((n) => ['13003', '13035'].includes(n.properties.municipality_nis))) {
      const ring = (
        area.geometry.type === 'Polygon' ? area.geometry.coordinates : area.geometry.coordinates.flat()
      ).flat();
      const [minLon, maxLon] = [Math.min(...ring.map((p) => p[0]!)), Math.max(...ring.map((p) => p[0]!))];
      const [minLat, maxLat] = [Math.min(...ring.map((p) => p[1]!)), Math.max(...ring.map((p) => p[1]!))];
      let clicks = 0;
      while (clicks < 60) {
        const point: [number, number] = [minLon + rng() * (maxLon - minLon), minLat + rng() * (maxLat - minLat)];
        if (!booleanPointInPolygon(point, area.geometry, { ignoreBoundary: true })) continue;
        clicks++;
        const result = generalisePoint(point, area);
        methods.add(result.method);
        expect(inside(result, area), `${area.properties.name}: ${point}`).toBe(true);
        const [x, y] = toLambert72(...point);
        const [rx, ry] = metres(result);
        // At most one cell away from the click's own cell: never more than 1.5 cell diagonals.
        expect(Math.hypot(rx - x, ry - y)).toBeLessThan(1.5 * Math.SQRT2 * 100);
      }
    }
    expect(methods).toContain('cell_centre');
    expect(methods).toContain('neighbour_cell_centre');
  });

  it('places a click in the small part of a multipolygon neighbourhood inside that neighbourhood', () => {
    const ravelsBuitengebied = neighbourhood('1303505');
    expect(ravelsBuitengebied.geometry.type).toBe('MultiPolygon');
    const parts = (ravelsBuitengebied.geometry as MultiPolygon).coordinates;
    for (const part of parts) {
      const [lon, lat] = part[0]![0]!;
      const result = generalisePoint([lon! + 1e-5, lat! + 1e-5], ravelsBuitengebied);
      expect(inside(result, ravelsBuitengebied)).toBe(true);
    }
  });
});

describe('generalising near the edge of a neighbourhood', () => {
  const [X, Y] = [205_000, 206_000];

  it('takes the nearest neighbouring cell centre when its own cell centre lies outside', () => {
    // Cells [X, X+100] and [X+100, X+200]; the area ends at X+140, so the second centre is outside.
    const area = lambertPolygon(rectangle(X, Y, X + 140, Y + 300));
    const result = generalisePoint(click(X + 120, Y + 40), area);
    expect(result.method).toBe('neighbour_cell_centre');
    const [rx, ry] = metres(result);
    expect(Math.abs(rx - (X + 50))).toBeLessThan(0.02);
    expect(Math.abs(ry - (Y + 50))).toBeLessThan(0.02);
    expect(inside(result, area)).toBe(true);
  });

  it('falls back to a point of a 10 m lattice in its own cell when no cell centre is inside', () => {
    // A 20 m wide strip between two rows of cell centres.
    const area = lambertPolygon(rectangle(X + 110, Y, X + 130, Y + 300));
    const result = generalisePoint(click(X + 112, Y + 41), area);
    expect(result.method).toBe('inside_cell');
    const [rx, ry] = metres(result);
    expect(Math.abs(rx - (X + 125))).toBeLessThan(0.02); // the lattice column nearest to the cell centre
    expect(Math.abs(ry - (Y + 45))).toBeLessThan(0.02);
    expect(inside(result, area)).toBe(true);
  });

  it('finds the point just inside a sliver nearest to the cell centre', () => {
    // 2.5 m wide: no lattice point falls in it.
    const area = lambertPolygon(rectangle(X + 121, Y, X + 123.5, Y + 300));
    const result = generalisePoint(click(X + 122, Y + 10), area);
    expect(result.method).toBe('nearest_inside');
    expect(inside(result, area)).toBe(true);
    const [rx, ry] = metres(result);
    expect(Math.abs(ry - (Y + 50))).toBeLessThan(0.05); // level with the cell centre
    expect(rx).toBeGreaterThan(X + 121);
    expect(rx).toBeLessThan(X + 123.5);
  });

  it('handles a tiny triangle and a polygon with a hole', () => {
    const triangle = lambertPolygon([
      [X + 10, Y + 10],
      [X + 40, Y + 10],
      [X + 10, Y + 30],
      [X + 10, Y + 10],
    ]);
    const inTriangle = generalisePoint(click(X + 15, Y + 15), triangle);
    expect(inside(inTriangle, triangle)).toBe(true);

    // A 300 m square whose middle cell is a hole: a click in the hole ends up around it.
    const withHole = lambertPolygon(
      rectangle(X, Y, X + 300, Y + 300),
      rectangle(X + 100, Y + 100, X + 200, Y + 200).reverse(),
    );
    const around = generalisePoint(click(X + 150, Y + 160), withHole);
    expect(around.method).toBe('neighbour_cell_centre');
    expect(inside(around, withHole)).toBe(true);
    const [rx, ry] = metres(around);
    expect(Math.abs(rx - (X + 150))).toBeLessThan(0.02);
    expect(Math.abs(ry - (Y + 250))).toBeLessThan(0.02); // the nearest centre to the click is north
  });

  it('gives the same point for the same click every time', () => {
    const area = lambertPolygon(rectangle(X + 121, Y, X + 123.5, Y + 300));
    expect(generalisePoint(click(X + 122, Y + 10), area)).toEqual(generalisePoint(click(X + 122, Y + 10), area));
  });
});

describe('grid size and input checks', () => {
  const area = neighbourhood('1300301');

  it('accepts whole metres from 50 to 1000 and rejects the rest with a reason', () => {
    expect(gridMetresSchema.parse('100')).toBe(100);
    expect(gridMetresSchema.parse(50)).toBe(50);
    expect(gridMetresSchema.parse(1000)).toBe(1000);
    expect(gridMetresSchema.safeParse(49).error?.issues[0]?.message).toMatch(/at least 50 m/);
    expect(gridMetresSchema.safeParse(1001).error?.issues[0]?.message).toMatch(/at most 1000 m/);
    expect(gridMetresSchema.safeParse('12.5').error?.issues[0]?.message).toMatch(/whole number/);
    expect(gridMetresSchema.safeParse('abc').success).toBe(false);
  });

  it('refuses an invalid grid size or click instead of storing something wrong', () => {
    for (const grid of [49, 1001, 100.5, Number.NaN]) {
      expect(() => generalisePoint([5.17, 51.16], area, grid)).toThrow(GeneraliseError);
    }
    for (const bad of [
      [Number.NaN, 51.16],
      [5.17, Number.POSITIVE_INFINITY],
      [200, 51],
    ] as [number, number][]) {
      expect(() => generalisePoint(bad, area)).toThrow(GeneraliseError);
    }
  });
});
