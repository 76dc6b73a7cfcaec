import type { Crs } from './coordinates';
import { type ImportProblem, fileProblem, quote, rowProblem } from './problems';
import type { RawValue } from './values';

/**
 * A GeoJSON FeatureCollection of points. RFC 7946 says WGS84, but GIS exports of Belgian
 * data often carry the old `crs` member naming Lambert 72; that is honoured. Single-point
 * MultiPoints are accepted because QGIS writes point layers from shapefiles that way. Problems
 * of one feature are reported against that feature (numbered from 1); a file that is not a
 * FeatureCollection at all is one file problem.
 */
export interface GeoJsonRecord {
  /** Feature number, the first is 1. */
  row: number;
  /** [x or longitude, y or latitude], or null when the geometry is unusable (reported). */
  position: [number, number] | null;
  properties: Record<string, RawValue>;
  /** The feature's own `id` member, if any. */
  id: string | number | null;
}

export type GeoJsonResult =
  | { ok: true; declaredCrs: Crs | null; records: GeoJsonRecord[]; problems: ImportProblem[] }
  | { ok: false; problem: ImportProblem };

export function parseGeoJsonPoints(text: string, maxFeatures: number): GeoJsonResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: fileProblem('malformed_geojson', `The file is not valid JSON${jsonErrorPlace(text, error)}: ${(error as Error).message}.`) };
  }
  if (!isObject(json) || json.type !== 'FeatureCollection') {
    const type = isObject(json) && typeof json.type === 'string' ? ` (it is a ${quote(json.type)})` : '';
    return { ok: false, problem: fileProblem('malformed_geojson', `The file must be a GeoJSON FeatureCollection${type}.`) };
  }
  if (!Array.isArray(json.features)) {
    return { ok: false, problem: fileProblem('malformed_geojson', 'The FeatureCollection has no "features" list.') };
  }
  if (json.features.length === 0) return { ok: false, problem: fileProblem('no_rows', 'The FeatureCollection has no features.') };
  if (json.features.length > maxFeatures) {
    return { ok: false, problem: fileProblem('too_many_rows', `The file has more than ${maxFeatures.toLocaleString('en')} features; split it into smaller files.`) };
  }
  const declared = declaredCrs(json.crs);
  if (declared === 'unsupported') {
    return { ok: false, problem: fileProblem('crs', `The file declares the coordinate system ${quote(crsName(json.crs))}; export it as WGS84 (EPSG:4326) or Belgian Lambert 72 (EPSG:31370).`) };
  }
  const problems: ImportProblem[] = [];
  const records = (json.features as unknown[]).map((feature, index) => readFeature(feature, index + 1, problems));
  return { ok: true, declaredCrs: declared, records, problems };
}

function readFeature(feature: unknown, row: number, problems: ImportProblem[]): GeoJsonRecord {
  const empty: GeoJsonRecord = { row, position: null, properties: {}, id: null };
  if (!isObject(feature) || feature.type !== 'Feature') {
    problems.push(rowProblem(row, null, 'malformed_geojson', 'is not a GeoJSON Feature.'));
    return empty;
  }
  const id = typeof feature.id === 'string' || (typeof feature.id === 'number' && Number.isFinite(feature.id)) ? feature.id : null;
  let properties: Record<string, RawValue> = {};
  if (isObject(feature.properties)) properties = feature.properties as Record<string, RawValue>;
  else if (feature.properties !== null && feature.properties !== undefined) {
    problems.push(rowProblem(row, 'properties', 'malformed_geojson', 'properties must be an object.'));
  }
  const position = readPoint(feature.geometry);
  if (typeof position === 'string') {
    problems.push(rowProblem(row, 'geometry', 'geometry', position));
    return { row, position: null, properties, id };
  }
  return { row, position, properties, id };
}

/** The point's position, or why there is none. */
function readPoint(geometry: unknown): [number, number] | string {
  if (geometry === null || geometry === undefined) return 'is missing: the feature has no point.';
  if (!isObject(geometry)) return 'must be a GeoJSON geometry object.';
  let coordinates = geometry.coordinates;
  if (geometry.type === 'MultiPoint') {
    if (!Array.isArray(coordinates) || coordinates.length !== 1) return 'is a MultiPoint with several points; only single points can be imported.';
    coordinates = coordinates[0];
  } else if (geometry.type !== 'Point') {
    return `is a ${quote(geometry.type)}; only Point features can be imported.`;
  }
  if (!Array.isArray(coordinates) || coordinates.length < 2 || coordinates.length > 3) {
    return 'has coordinates that are not [longitude, latitude] (or [x, y]).';
  }
  const [first, second] = coordinates as unknown[];
  if (typeof first !== 'number' || typeof second !== 'number' || !Number.isFinite(first) || !Number.isFinite(second)) {
    return `has coordinates ${quote(coordinates)}; they must be two numbers.`;
  }
  return [first, second];
}

function declaredCrs(crs: unknown): Crs | null | 'unsupported' {
  if (crs === undefined || crs === null) return null;
  const name = crsName(crs);
  if (/(EPSG:+|EPSG\/0\/)31370$/i.test(name)) return 'lambert72';
  if (/(EPSG:+|EPSG\/0\/)4326$|CRS84$/i.test(name)) return 'wgs84';
  return 'unsupported';
}

function crsName(crs: unknown): string {
  if (isObject(crs) && isObject(crs.properties) && typeof crs.properties.name === 'string') return crs.properties.name.trim();
  return JSON.stringify(crs) ?? '';
}

/** " (line 3, column 14)" from the position V8 reports, because editors show lines, not offsets. */
function jsonErrorPlace(text: string, error: unknown): string {
  const position = /position (\d+)/.exec(String((error as Error)?.message))?.[1];
  if (position === undefined) return '';
  const before = text.slice(0, Number(position));
  const line = before.split('\n').length;
  return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
