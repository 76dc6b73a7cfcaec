import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { z } from 'zod';
import { fromLambert72, toLambert72 } from '@/lib/geo/lambert72';

/**
 * The exact click of a signal is never stored: it is moved to the centre of its cell in a
 * metric grid (Belgian Lambert 72, EPSG:31370, the system the rest of Buurtradar measures in;
 * Lambert 2008 would give the same cells up to a shift, which a privacy grid does not care
 * about). The stored point must still lie in the signal's neighbourhood, because rates per
 * neighbourhood count it there. So, in order:
 *   1. the centre of the click's cell;
 *   2. the centre of a neighbouring cell, nearest to the click first;
 *   3. a point of a finer lattice (a tenth of the cell) inside the click's cell and the
 *      neighbourhood, nearest to the cell centre (a neighbourhood edge crossing the cell);
 *   4. the point just inside the neighbourhood nearest to the cell centre (narrow slivers).
 * Every candidate is computed from the cell, never from the click, so the click cannot be read
 * back from the result; all are deterministic, so the same click always gives the same point.
 */
export const DEFAULT_GRID_METRES = 100;
export const MIN_GRID_METRES = 50;
export const MAX_GRID_METRES = 1000;

/** The grid size setting: whole metres from 50 to 1000 (a string from the environment is fine). */
export const gridMetresSchema = z.coerce
  .number({ error: 'must be a number of metres' })
  .int('must be a whole number of metres')
  .min(MIN_GRID_METRES, `must be at least ${MIN_GRID_METRES} m: a finer grid would show where people live`)
  .max(MAX_GRID_METRES, `must be at most ${MAX_GRID_METRES} m: a coarser grid would move signals into other streets`);

export type GeneraliseMethod = 'cell_centre' | 'neighbour_cell_centre' | 'inside_cell' | 'nearest_inside';

export interface GeneralisedPoint {
  lon: number;
  lat: number;
  method: GeneraliseMethod;
  /** South-west corner of the click's cell in Lambert 72 metres, and the cell size. */
  cell: { x: number; y: number; size: number };
}

export type Area = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>;

export class GeneraliseError extends Error {
  override name = 'GeneraliseError';
}

/** 7 decimals (about a centimetre), as stored; the inside test runs on the rounded value. */
const round = (value: number) => Math.round(value * 1e7) / 1e7;
/** Sub-lattice of step 3: this many points per cell side. */
const SUBDIVISIONS = 10;
/** Step 4 steps this far (metres) inside from the nearest edge, largest first. */
const NUDGES = [2, 1, 0.5, 0.25, 0.1, 0.05];

export function generalisePoint(
  click: readonly [number, number],
  area: Area,
  gridMetres: number = DEFAULT_GRID_METRES,
): GeneralisedPoint {
  if (!Number.isInteger(gridMetres) || gridMetres < MIN_GRID_METRES || gridMetres > MAX_GRID_METRES) {
    throw new GeneraliseError(`grid size ${gridMetres} m is outside ${MIN_GRID_METRES}–${MAX_GRID_METRES} m`);
  }
  const [lon, lat] = click;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
    throw new GeneraliseError(`click ${lon}, ${lat} is not a WGS84 position`);
  }
  const geometry = 'geometry' in area ? area.geometry : area;
  const inside = insideTest(geometry);
  const [x, y] = toLambert72(lon, lat);
  const g = gridMetres;
  const cellX = Math.floor(x / g) * g;
  const cellY = Math.floor(y / g) * g;
  const cell = { x: cellX, y: cellY, size: g };
  const centre: [number, number] = [cellX + g / 2, cellY + g / 2];
  const result = (point: [number, number], method: GeneraliseMethod): GeneralisedPoint => ({
    lon: point[0],
    lat: point[1],
    method,
    cell,
  });

  const own = accepted(centre, inside);
  if (own) return result(own, 'cell_centre');

  const neighbours = [-1, 0, 1]
    .flatMap((dx) => [-1, 0, 1].map((dy) => [dx, dy] as const))
    .filter(([dx, dy]) => dx !== 0 || dy !== 0)
    .map(([dx, dy]): [number, number] => [centre[0] + dx * g, centre[1] + dy * g])
    .map((point, order) => ({ point, order, distance: Math.hypot(point[0] - x, point[1] - y) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order);
  for (const { point } of neighbours) {
    const found = accepted(point, inside);
    if (found) return result(found, 'neighbour_cell_centre');
  }

  const step = g / SUBDIVISIONS;
  const lattice = Array.from({ length: SUBDIVISIONS * SUBDIVISIONS }, (_, index): [number, number] => [
    cellX + (Math.floor(index / SUBDIVISIONS) + 0.5) * step,
    cellY + ((index % SUBDIVISIONS) + 0.5) * step,
  ])
    .map((point, order) => ({ point, order, distance: Math.hypot(point[0] - centre[0], point[1] - centre[1]) }))
    .sort((a, b) => a.distance - b.distance || a.order - b.order);
  for (const { point } of lattice) {
    const found = accepted(point, inside);
    if (found) return result(found, 'inside_cell');
  }

  const nearest = nearestInside(centre, geometry, inside);
  if (nearest) return result(nearest, 'nearest_inside');
  throw new GeneraliseError('the neighbourhood has no interior to place the signal in');
}

type InsideTest = (lonLat: [number, number]) => boolean;

function insideTest(geometry: Polygon | MultiPolygon): InsideTest {
  const positions = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const lons = positions.map((p) => p[0]!);
  const lats = positions.map((p) => p[1]!);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  // Boundary points count as outside: PostGIS and turf might disagree on which side they lie.
  return ([lon, lat]) =>
    lon > minLon &&
    lon < maxLon &&
    lat > minLat &&
    lat < maxLat &&
    booleanPointInPolygon([lon, lat], geometry, { ignoreBoundary: true });
}

/** The candidate (Lambert 72) as a stored WGS84 point, if that point lies inside. */
function accepted([x, y]: [number, number], inside: InsideTest): [number, number] | null {
  const [lon, lat] = fromLambert72(x, y);
  const point: [number, number] = [round(lon), round(lat)];
  return inside(point) ? point : null;
}

/**
 * Step 4: from the points of the boundary nearest to `target`, step inside along the edge's
 * normal, a little less each time until the point falls inside. Edges are tried nearest first.
 */
function nearestInside(
  target: [number, number],
  geometry: Polygon | MultiPolygon,
  inside: InsideTest,
): [number, number] | null {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  const edges: { foot: [number, number]; normal: [number, number]; distance: number; order: number }[] = [];
  for (const ring of rings) {
    const projected = ring.map((position: Position) => toLambert72(position[0]!, position[1]!));
    for (let i = 0; i + 1 < projected.length; i++) {
      const [ax, ay] = projected[i]!;
      const [bx, by] = projected[i + 1]!;
      const length = Math.hypot(bx - ax, by - ay);
      if (length === 0) continue;
      const t = Math.max(0, Math.min(1, ((target[0] - ax) * (bx - ax) + (target[1] - ay) * (by - ay)) / length ** 2));
      const foot: [number, number] = [ax + t * (bx - ax), ay + t * (by - ay)];
      edges.push({
        foot,
        normal: [-(by - ay) / length, (bx - ax) / length],
        distance: Math.hypot(foot[0] - target[0], foot[1] - target[1]),
        order: edges.length,
      });
    }
  }
  edges.sort((a, b) => a.distance - b.distance || a.order - b.order);
  for (const { foot, normal } of edges.slice(0, 50)) {
    for (const nudge of NUDGES) {
      for (const side of [1, -1]) {
        const found = accepted([foot[0] + side * nudge * normal[0], foot[1] + side * nudge * normal[1]], inside);
        if (found) return found;
      }
    }
  }
  return null;
}
