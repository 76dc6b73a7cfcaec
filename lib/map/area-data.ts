import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';

/**
 * The area data the map pages and the /api/areas endpoints exchange. Coordinates are
 * longitude/latitude in degrees (EPSG:4326), as GeoJSON and MapLibre expect.
 */

/** [west, south, east, north]. */
export type BBox = [number, number, number, number];
export type LngLat = [number, number];

export interface RegionSummary {
  code: string;
  name: string;
  bbox: BBox;
}

export interface MunicipalitySummary {
  nis: string;
  name: string;
  regionCode: string;
  province: string;
  population2020: number | null;
  neighbourhoodCount: number;
  bbox: BBox;
  /** A point inside the municipality (PostGIS ST_PointOnSurface), where its label goes. */
  labelPoint: LngLat;
}

/** One neighbourhood's latest value of one indicator. */
export interface IndicatorReading {
  value: number;
  unit: string;
  period: string;
  source: string;
  isEstimate: boolean;
  isDemo: boolean;
}

export interface NeighbourhoodProperties {
  code: string;
  name: string;
  municipalityNis: string;
  municipalityName: string;
  areaKm2: number;
  /** A point inside the neighbourhood: for labels, and for tests that click on it. */
  anchor: LngLat;
  /** By indicator code. A neighbourhood without a value for an indicator has no entry. */
  indicators: Record<string, IndicatorReading>;
}

export type NeighbourhoodFeature = Feature<MultiPolygon, NeighbourhoodProperties> & { bbox: BBox };
/** A GeoJSON FeatureCollection whose features all carry their `bbox`. */
export interface NeighbourhoodCollection {
  type: 'FeatureCollection';
  features: NeighbourhoodFeature[];
}

/** Outlines of regions or municipalities: `code` is the region code or the NIS code. */
export interface OutlineProperties {
  code: string;
  name: string;
}
export type OutlineCollection = FeatureCollection<MultiPolygon, OutlineProperties>;

export interface RegionDetail {
  region: RegionSummary;
  municipalities: MunicipalitySummary[];
}
