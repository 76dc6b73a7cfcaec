import { booleanPointInPolygon, bbox as turfBbox, pointOnFeature } from '@turf/turf';
import { fromLambert72, toLambert72 } from '@/lib/geo/lambert72';
import { type Rng, clamp, round } from './random';
import type { DemoLocation, DemoNeighbourhoodInput } from './types';

export type LonLat = [number, number];

const METRES_PER_DEGREE = 111_320;
/** Coordinates are stored with 7 decimals (about 1 cm): enough to stay on the grid. */
const DECIMALS = 7;
export const GRID_METRES = 100;

/**
 * A neighbourhood's boundary with the sampling the generator needs: random points inside it,
 * points around its settlement centres, and points generalised to the Lambert 72 grid. All
 * sampling is rejection sampling in the bounding box, so every point is inside by construction.
 */
export class NeighbourhoodShape {
  readonly code: string;
  readonly municipalityNis: string;
  readonly name: string;
  readonly areaM2: number;
  private readonly input: DemoNeighbourhoodInput;
  private readonly box: [number, number, number, number];
  private centres: LonLat[] = [];
  private spread = 300;

  constructor(input: DemoNeighbourhoodInput) {
    this.input = input;
    this.code = input.code;
    this.municipalityNis = input.municipality_nis;
    this.name = input.name;
    // Whole hectares: backends compute the area with different PROJ builds, and the last
    // digits must not change how many records a neighbourhood gets.
    this.areaM2 = Math.round(input.area_m2 / 10_000) * 10_000;
    const [minLon, minLat, maxLon, maxLat] = turfBbox(input.geometry);
    this.box = [minLon, minLat, maxLon, maxLat];
  }

  contains([lon, lat]: LonLat): boolean {
    const [minLon, minLat, maxLon, maxLat] = this.box;
    if (lon < minLon || lon > maxLon || lat < minLat || lat > maxLat) return false;
    // Boundary points count as outside: PostGIS would not agree on which side they lie.
    return booleanPointInPolygon([lon, lat], this.input.geometry, { ignoreBoundary: true });
  }

  /** A uniformly random point inside the neighbourhood. */
  randomPoint(rng: Rng): LonLat {
    const [minLon, minLat, maxLon, maxLat] = this.box;
    for (let attempt = 0; attempt < 5000; attempt++) {
      const point: LonLat = [rounded(rng.uniform(minLon, maxLon)), rounded(rng.uniform(minLat, maxLat))];
      if (this.contains(point)) return point;
    }
    return this.fallbackPoint();
  }

  /** A point around `centre` (normal spread of `sigma` metres), inside the neighbourhood. */
  pointNear(rng: Rng, centre: LonLat, sigma: number): LonLat {
    const lonScale = METRES_PER_DEGREE * Math.cos((centre[1] * Math.PI) / 180);
    for (let attempt = 0; attempt < 50; attempt++) {
      const point: LonLat = [
        rounded(centre[0] + rng.normal(0, sigma) / lonScale),
        rounded(centre[1] + rng.normal(0, sigma) / METRES_PER_DEGREE),
      ];
      if (this.contains(point)) return point;
    }
    return this.randomPoint(rng);
  }

  /**
   * Places 1–4 settlement centres (village cores, hamlets) that every layer clusters around,
   * so lights, services and signals share the same built-up areas on the map.
   */
  placeSettlements(rng: Rng): void {
    const km2 = this.areaM2 / 1e6;
    const count = clamp(1 + Math.floor(km2 / 6), 1, 4);
    this.centres = Array.from({ length: count }, () => this.randomPoint(rng));
    this.spread = clamp(Math.sqrt(this.areaM2) / 5, 120, 800);
  }

  settlements(): readonly LonLat[] {
    return this.centres;
  }

  /** Where people live: mostly around a settlement centre, sometimes anywhere. */
  settlementPoint(rng: Rng, spreadFactor = 1): LonLat {
    if (this.centres.length === 0 || rng.chance(0.2)) return this.randomPoint(rng);
    return this.pointNear(rng, rng.pick(this.centres), this.spread * spreadFactor);
  }

  /**
   * A point drawn by `draw`, generalised to the nearest node of the 100 m Lambert 72 grid that
   * lies inside the neighbourhood (the same generalisation as `ST_SnapToGrid` in EPSG:31370).
   * Tries the 3×3 nodes around the point, then redraws.
   */
  snapped(rng: Rng, draw: (rng: Rng) => LonLat): LonLat {
    for (let attempt = 0; attempt < 30; attempt++) {
      const [lon, lat] = draw(rng);
      const [x, y] = toLambert72(lon, lat);
      const gx = Math.round(x / GRID_METRES) * GRID_METRES;
      const gy = Math.round(y / GRID_METRES) * GRID_METRES;
      const nodes: [number, number][] = [];
      for (const dx of [-1, 0, 1])
        for (const dy of [-1, 0, 1]) nodes.push([gx + dx * GRID_METRES, gy + dy * GRID_METRES]);
      nodes.sort((a, b) => Math.hypot(a[0] - x, a[1] - y) - Math.hypot(b[0] - x, b[1] - y));
      for (const [nx, ny] of nodes) {
        const [nodeLon, nodeLat] = fromLambert72(nx, ny);
        const point: LonLat = [rounded(nodeLon), rounded(nodeLat)];
        if (this.contains(point)) return point;
      }
    }
    // Only a sliver narrower than the grid gets here; keep the record rather than drop it.
    return this.fallbackPoint();
  }

  /** Converts metres in Lambert 72 to a point, or null when it falls outside. */
  fromMetric(x: number, y: number): LonLat | null {
    const [lon, lat] = fromLambert72(x, y);
    const point: LonLat = [rounded(lon), rounded(lat)];
    return this.contains(point) ? point : null;
  }

  location([lon, lat]: LonLat): DemoLocation {
    return { lon, lat, neighbourhood_code: this.code, municipality_nis: this.municipalityNis };
  }

  private fallbackPoint(): LonLat {
    const [lon, lat] = pointOnFeature(this.input.geometry).geometry.coordinates as LonLat;
    return [rounded(lon), rounded(lat)];
  }
}

const rounded = (value: number) => round(value, DECIMALS);
