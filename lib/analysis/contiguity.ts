import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Contiguity weights from area polygons (GeoJSON, EPSG:4326): which areas share a border.
 *
 * - `rook` (the default, and what the "shared borders" means): two areas are neighbours
 *   when they share a stretch of boundary of positive length. Areas that only touch at a
 *   corner are not neighbours.
 * - `queen`: sharing a single boundary point is enough.
 *
 * How: boundaries cut from one source (our neighbourhoods are unions of Statbel's statistical
 * sectors) share their vertices exactly, so a shared border is a shared *edge*. Every edge is
 * put in a hash map under its two endpoints (rounded to `decimals`, order-independent); an edge
 * found in two areas makes them rook neighbours, a vertex found in two areas queen neighbours.
 * That is linear in the number of vertices: the 2,526 neighbourhoods (157k vertices) take about
 * 0.3 s, and give 6,982 rook pairs and no islands. A tolerant geometric test (bounding-box
 * sweep, then collinear overlap within `toleranceMetres`, for pairs not already found) found no
 * pair more on those data; it is there for boundaries from different sources, where one side
 * may have a vertex the other lacks (a "T-junction"), at about 2 s more for all of Flanders.
 */

export type ContiguityRule = 'rook' | 'queen';

export interface AreaPolygon {
  code: string;
  geometry: Polygon | MultiPolygon;
}

export interface ContiguityOptions {
  rule?: ContiguityRule;
  /** Decimals of degrees kept when matching vertices; 7 ≈ 1 cm, finer than the 6 of the source. */
  decimals?: number;
  /** When > 0, also match borders that overlap within this distance but share no vertices. */
  toleranceMetres?: number;
}

/** Neighbours of each area, sorted; every input code is a key, an island maps to []. */
export type Adjacency = Record<string, string[]>;

export function contiguity(areas: readonly AreaPolygon[], options: ContiguityOptions = {}): Adjacency {
  const rule = options.rule ?? 'rook';
  const factor = 10 ** (options.decimals ?? 7);
  const key = ([lon, lat]: Position) => `${Math.round(lon! * factor)},${Math.round(lat! * factor)}`;

  const neighbours = new Map<string, Set<string>>(areas.map((area) => [area.code, new Set<string>()]));
  if (neighbours.size !== areas.length) throw new Error('contiguity: area codes must be unique');
  const link = (a: string, b: string) => {
    if (a === b) return;
    neighbours.get(a)!.add(b);
    neighbours.get(b)!.add(a);
  };

  // Hash of edge (or vertex) key → the first area seen with it, and the others, if any.
  const owners = new Map<string, string | string[]>();
  const record = (entry: string, code: string) => {
    const seen = owners.get(entry);
    if (seen === undefined) owners.set(entry, code);
    else if (typeof seen === 'string') {
      if (seen !== code) owners.set(entry, [seen, code]);
    } else if (!seen.includes(code)) seen.push(code);
  };
  for (const area of areas) {
    for (const ring of ringsOf(area.geometry)) {
      for (let i = 0; i + 1 < ring.length; i++) {
        const a = key(ring[i]!);
        if (rule === 'queen') {
          record(a, area.code);
          continue;
        }
        const b = key(ring[i + 1]!);
        if (a !== b) record(a < b ? `${a}|${b}` : `${b}|${a}`, area.code);
      }
    }
  }
  for (const seen of owners.values()) {
    if (typeof seen === 'string') continue;
    for (let i = 0; i < seen.length; i++) for (let j = i + 1; j < seen.length; j++) link(seen[i]!, seen[j]!);
  }

  if ((options.toleranceMetres ?? 0) > 0) {
    const known = (a: string, b: string) => neighbours.get(a)!.has(b);
    for (const [a, b] of tolerantPairs(areas, rule, options.toleranceMetres!, known)) link(a, b);
  }

  const result: Adjacency = {};
  for (const [code, set] of neighbours) result[code] = [...set].sort();
  return result;
}

function ringsOf(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

type Xy = [number, number];
interface Projected {
  code: string;
  segments: [Xy, Xy][];
  box: [number, number, number, number];
}

/**
 * Pairs whose borders come within `tolerance` metres (queen) or overlap along a stretch longer
 * than `tolerance` (rook), found by sweeping bounding boxes in x. Coordinates go to local metres
 * with an equirectangular projection at the data's mean latitude; its scale error across
 * Flanders (< 1 %) only scales the tolerance, not which borders meet.
 */
function tolerantPairs(
  areas: readonly AreaPolygon[],
  rule: ContiguityRule,
  tolerance: number,
  known: (a: string, b: string) => boolean,
): [string, string][] {
  const lats = areas.flatMap((area) => ringsOf(area.geometry).flatMap((ring) => ring.map((p) => p[1]!)));
  const meanLat = lats.reduce((sum, lat) => sum + lat, 0) / Math.max(1, lats.length);
  const mx = 111_320 * Math.cos((meanLat * Math.PI) / 180);
  const my = 110_574;
  const projected: Projected[] = areas
    .map((area) => {
      const segments: [Xy, Xy][] = [];
      const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of ringsOf(area.geometry)) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const p: Xy = [ring[i]![0]! * mx, ring[i]![1]! * my];
          const q: Xy = [ring[i + 1]![0]! * mx, ring[i + 1]![1]! * my];
          segments.push([p, q]);
          box[0] = Math.min(box[0], p[0]);
          box[1] = Math.min(box[1], p[1]);
          box[2] = Math.max(box[2], p[0]);
          box[3] = Math.max(box[3], p[1]);
        }
      }
      return { code: area.code, segments, box };
    })
    .sort((a, b) => a.box[0] - b.box[0]);

  const pairs: [string, string][] = [];
  for (let i = 0; i < projected.length; i++) {
    const a = projected[i]!;
    for (let j = i + 1; j < projected.length && projected[j]!.box[0] <= a.box[2] + tolerance; j++) {
      const b = projected[j]!;
      if (b.box[1] > a.box[3] + tolerance || b.box[3] < a.box[1] - tolerance || known(a.code, b.code)) continue;
      if (rule === 'rook' ? overlapLength(a, b, tolerance) > tolerance : touches(a, b, tolerance))
        pairs.push([a.code, b.code]);
    }
  }
  return pairs;
}

function overlapLength(a: Projected, b: Projected, tolerance: number): number {
  let total = 0;
  for (const s of a.segments) for (const t of b.segments) total += collinearOverlap(s, t, tolerance);
  return total;
}

/** Length along s of the part of t that lies within `tolerance` of s's line, if t lies along s. */
function collinearOverlap([p, q]: [Xy, Xy], t: [Xy, Xy], tolerance: number): number {
  const length = Math.hypot(q[0] - p[0], q[1] - p[1]);
  if (length === 0) return 0;
  const ux = (q[0] - p[0]) / length;
  const uy = (q[1] - p[1]) / length;
  const offset = (r: Xy) => Math.abs((r[0] - p[0]) * uy - (r[1] - p[1]) * ux);
  if (offset(t[0]) > tolerance || offset(t[1]) > tolerance) return 0;
  const along = (r: Xy) => (r[0] - p[0]) * ux + (r[1] - p[1]) * uy;
  const [lo, hi] = [Math.min(along(t[0]), along(t[1])), Math.max(along(t[0]), along(t[1]))];
  return Math.max(0, Math.min(length, hi) - Math.max(0, lo));
}

function touches(a: Projected, b: Projected, tolerance: number): boolean {
  for (const s of a.segments) {
    for (const t of b.segments) {
      if (pointSegmentDistance(s[0], t) <= tolerance || pointSegmentDistance(t[0], s) <= tolerance) return true;
    }
  }
  return false;
}

function pointSegmentDistance(r: Xy, [p, q]: [Xy, Xy]): number {
  const dx = q[0] - p[0];
  const dy = q[1] - p[1];
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((r[0] - p[0]) * dx + (r[1] - p[1]) * dy) / lengthSquared));
  return Math.hypot(r[0] - (p[0] + t * dx), r[1] - (p[1] + t * dy));
}
