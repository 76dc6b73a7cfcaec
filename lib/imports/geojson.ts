import type { Crs } from './coordinates';
import { type ImportDetail, detail } from './problem-detail';
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
    // V8's message stays as it is: it names the token, which no translation of ours could.
    const message = String((error as Error)?.message);
    const place = jsonErrorPlace(text, message);
    return {
      ok: false,
      problem: fileProblem(
        'malformed_geojson',
        place ? detail('json_invalid_at', { ...place, message }) : detail('json_invalid', { message }),
      ),
    };
  }
  if (!isObject(json) || json.type !== 'FeatureCollection') {
    const found =
      isObject(json) && typeof json.type === 'string'
        ? detail('not_feature_collection_type', { type: quote(json.type) })
        : null;
    return { ok: false, problem: fileProblem('malformed_geojson', found ?? detail('not_feature_collection')) };
  }
  if (!Array.isArray(json.features)) {
    return { ok: false, problem: fileProblem('malformed_geojson', detail('no_features_list')) };
  }
  if (json.features.length === 0) return { ok: false, problem: fileProblem('no_rows', detail('no_features')) };
  if (json.features.length > maxFeatures) {
    return { ok: false, problem: fileProblem('too_many_rows', detail('too_many_features', { max: maxFeatures })) };
  }
  const declared = declaredCrs(json.crs);
  if (declared === 'unsupported') {
    return { ok: false, problem: fileProblem('crs', detail('unsupported_crs', { crs: quote(crsName(json.crs)) })) };
  }
  const problems: ImportProblem[] = [];
  const records = (json.features as unknown[]).map((feature, index) => readFeature(feature, index + 1, problems));
  return { ok: true, declaredCrs: declared, records, problems };
}

function readFeature(feature: unknown, row: number, problems: ImportProblem[]): GeoJsonRecord {
  const empty: GeoJsonRecord = { row, position: null, properties: {}, id: null };
  if (!isObject(feature) || feature.type !== 'Feature') {
    problems.push(rowProblem(row, null, 'malformed_geojson', detail('not_a_feature')));
    return empty;
  }
  const id =
    typeof feature.id === 'string' || (typeof feature.id === 'number' && Number.isFinite(feature.id))
      ? feature.id
      : null;
  let properties: Record<string, RawValue> = {};
  if (isObject(feature.properties)) properties = feature.properties as Record<string, RawValue>;
  else if (feature.properties !== null && feature.properties !== undefined) {
    problems.push(rowProblem(row, 'properties', 'malformed_geojson', detail('properties_not_object')));
  }
  const position = readPoint(feature.geometry);
  if (!Array.isArray(position)) {
    problems.push(rowProblem(row, 'geometry', 'geometry', position));
    return { row, position: null, properties, id };
  }
  return { row, position, properties, id };
}

/** The point's position, or why there is none. */
function readPoint(geometry: unknown): [number, number] | ImportDetail {
  if (geometry === null || geometry === undefined) return detail('geometry_missing');
  if (!isObject(geometry)) return detail('geometry_not_object');
  let coordinates = geometry.coordinates;
  if (geometry.type === 'MultiPoint') {
    if (!Array.isArray(coordinates) || coordinates.length !== 1) return detail('multipoint_several');
    coordinates = coordinates[0];
  } else if (geometry.type !== 'Point') {
    return detail('geometry_not_point', { type: quote(geometry.type) });
  }
  if (!Array.isArray(coordinates) || coordinates.length < 2 || coordinates.length > 3) {
    return detail('coordinates_shape');
  }
  const [first, second] = coordinates as unknown[];
  if (typeof first !== 'number' || typeof second !== 'number' || !Number.isFinite(first) || !Number.isFinite(second)) {
    return detail('coordinates_not_numbers', { coordinates: quote(coordinates) });
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
  if (isObject(crs) && isObject(crs.properties) && typeof crs.properties.name === 'string')
    return crs.properties.name.trim();
  return JSON.stringify(crs) ?? '';
}

/** Line and column of the position V8 reports, because editors show lines, not offsets. */
function jsonErrorPlace(text: string, message: string): { line: number; column: number } | null {
  const position = /position (\d+)/.exec(message)?.[1];
  if (position === undefined) return null;
  const before = text.slice(0, Number(position));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
