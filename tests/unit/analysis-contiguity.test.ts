import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { contiguity, type AreaPolygon } from '@/lib/analysis/contiguity';
import { grid3x3, square } from './analysis-grid-fixture';

describe('contiguity weights from polygons', () => {
  it('gives the rook neighbours of a 3 × 3 grid: shared sides only', () => {
    expect(contiguity(grid3x3())).toEqual({
      a: ['b', 'd'],
      b: ['a', 'c', 'e'],
      c: ['b', 'f'],
      d: ['a', 'e', 'g'],
      e: ['b', 'd', 'f', 'h'],
      f: ['c', 'e', 'i'],
      g: ['d', 'h'],
      h: ['e', 'g', 'i'],
      i: ['f', 'h'],
    });
  });

  it('adds the corner neighbours for queen contiguity', () => {
    const queen = contiguity(grid3x3(), { rule: 'queen' });
    expect(queen.a).toEqual(['b', 'd', 'e']);
    expect(queen.e).toEqual(['a', 'b', 'c', 'd', 'f', 'g', 'h', 'i']);
    expect(queen.c).toEqual(['b', 'e', 'f']);
  });

  it('keeps an island with no neighbours and matches parts of a MultiPolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(5, 50).coordinates, square(5.02, 50).coordinates],
    };
    const areas: AreaPolygon[] = [
      { code: 'island', geometry: square(6, 50) },
      { code: 'multi', geometry: multi },
      { code: 'east', geometry: square(5.03, 50) }, // touches the second part of `multi` along a side
    ];
    expect(contiguity(areas)).toEqual({ island: [], multi: ['east'], east: ['multi'] });
  });

  it('needs the tolerant test for a border where one side has a vertex the other lacks', () => {
    // Left square's east side runs (4.01,51)→(4.01,51.01) in one edge; the right area has a
    // vertex half-way, so no edge is shared exactly although 0.01° of border is.
    const left: Polygon = square(4, 51);
    const right: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [4.01, 51],
          [4.02, 51],
          [4.02, 51.01],
          [4.01, 51.01],
          [4.01, 51.005],
          [4.01, 51],
        ],
      ],
    };
    const areas = [
      { code: 'L', geometry: left },
      { code: 'R', geometry: right },
    ];
    expect(contiguity(areas)).toEqual({ L: [], R: [] });
    expect(contiguity(areas, { toleranceMetres: 0.5 })).toEqual({ L: ['R'], R: ['L'] });
  });

  it('does not make corner-touching areas rook neighbours, even with a tolerance', () => {
    const areas = [
      { code: 'sw', geometry: square(4, 51) },
      { code: 'ne', geometry: square(4.01, 51.01) },
    ];
    expect(contiguity(areas, { toleranceMetres: 0.5 })).toEqual({ sw: [], ne: [] });
    expect(contiguity(areas, { rule: 'queen', toleranceMetres: 0.5 })).toEqual({ sw: ['ne'], ne: ['sw'] });
  });

  it('finds the neighbours of all 2,526 real neighbourhoods, symmetric and without islands', () => {
    const file = path.join(process.cwd(), 'db/seed/boundaries/neighbourhoods.geojson');
    const collection = JSON.parse(readFileSync(file, 'utf8')) as {
      features: { properties: { code: string }; geometry: Polygon | MultiPolygon }[];
    };
    const areas = collection.features.map((f) => ({ code: f.properties.code, geometry: f.geometry }));
    const adjacency = contiguity(areas);

    expect(Object.keys(adjacency)).toHaveLength(2526);
    const pairs = Object.values(adjacency).reduce((sum, list) => sum + list.length, 0) / 2;
    // Counted independently while writing this module; a tolerant overlap test found no more.
    expect(pairs).toBe(6982);
    for (const [code, list] of Object.entries(adjacency)) {
      expect(list.length, `${code} is an island`).toBeGreaterThan(0);
      for (const other of list) expect(adjacency[other]).toContain(code);
    }
  });
});
