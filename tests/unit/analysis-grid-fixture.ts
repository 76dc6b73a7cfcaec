import type { Polygon } from 'geojson';
import type { AreaPolygon } from '@/lib/analysis/contiguity';

/**
 * A 3 × 3 grid of square areas, 0.01° a side, named row by row:
 *   a b c
 *   d e f
 *   g h i
 * Rook neighbours share a side (a: b, d); queen neighbours also a corner (a: b, d, e).
 */
export const GRID_CODES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'] as const;

export function square(west: number, south: number, size = 0.01): Polygon {
  const [e, n] = [west + size, south + size];
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [e, south],
        [e, n],
        [west, n],
        [west, south],
      ],
    ],
  };
}

export function grid3x3(): AreaPolygon[] {
  return GRID_CODES.map((code, index) => {
    const row = Math.floor(index / 3);
    const column = index % 3;
    // Row 0 is the northern row, so latitude falls with the row number.
    return { code, geometry: square(4 + column * 0.01, 51.02 - row * 0.01) };
  });
}
