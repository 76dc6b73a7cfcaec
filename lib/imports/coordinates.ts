import { fromLambert72 } from '@/lib/geo/lambert72';
import { type ImportDetail, type ImportDetailKey, detail } from './problem-detail';

/**
 * Coordinates of imported points: WGS84 lon/lat (EPSG:4326) or Belgian Lambert 72 x/y
 * (EPSG:31370), detected per file from the values or chosen by the user. Both boxes are a
 * coarse first check around Flanders; whether a point lies in a Flemish neighbourhood is
 * decided later against the real boundaries. The WGS84 longitude and latitude ranges do not
 * overlap, so a swapped pair is recognisable; common wrong systems get a hint.
 */
export const CRS_CHOICES = ['auto', 'wgs84', 'lambert72'] as const;
export type CrsChoice = (typeof CRS_CHOICES)[number];
export type Crs = Exclude<CrsChoice, 'auto'>;

export const FLANDERS_WGS84 = { minLon: 2.5, maxLon: 5.95, minLat: 50.6, maxLat: 51.55 } as const;
export const FLANDERS_LAMBERT72 = { minX: 20_000, maxX: 260_000, minY: 150_000, maxY: 250_000 } as const;

/** Stored with 7 decimals, about a centimetre. */
const DECIMALS = 1e7;

export type PairKind =
  | 'wgs84'
  | 'wgs84_swapped'
  | 'lambert72'
  | 'lambert72_swapped'
  | 'lambert2008'
  | 'web_mercator'
  | 'utm31'
  | 'degrees_outside'
  | 'metres_outside';

export const inFlandersWgs84 = (lon: number, lat: number) =>
  lon >= FLANDERS_WGS84.minLon &&
  lon <= FLANDERS_WGS84.maxLon &&
  lat >= FLANDERS_WGS84.minLat &&
  lat <= FLANDERS_WGS84.maxLat;
const inFlandersLambert72 = (x: number, y: number) =>
  x >= FLANDERS_LAMBERT72.minX &&
  x <= FLANDERS_LAMBERT72.maxX &&
  y >= FLANDERS_LAMBERT72.minY &&
  y <= FLANDERS_LAMBERT72.maxY;

/** What a (first, second) pair looks like: the first is x/longitude, the second y/latitude. */
export function classifyPair(first: number, second: number): PairKind {
  if (isDegrees(first, second)) {
    if (inFlandersWgs84(first, second)) return 'wgs84';
    if (inFlandersWgs84(second, first)) return 'wgs84_swapped';
    return 'degrees_outside';
  }
  if (inFlandersLambert72(first, second)) return 'lambert72';
  if (inFlandersLambert72(second, first)) return 'lambert72_swapped';
  if (first >= 500_000 && first <= 800_000 && second >= 640_000 && second <= 770_000) return 'lambert2008';
  if (first >= 250_000 && first <= 700_000 && second >= 6_500_000 && second <= 6_750_000) return 'web_mercator';
  if (first >= 400_000 && first <= 800_000 && second >= 5_550_000 && second <= 5_750_000) return 'utm31';
  return 'metres_outside';
}

const isDegrees = (first: number, second: number) => Math.abs(first) <= 180 && Math.abs(second) <= 180;

/**
 * The system of a file from its values: degrees mean WGS84, metres Lambert 72, by majority so
 * a few broken rows do not decide. Null when there is no usable pair at all.
 */
export function detectCrs(pairs: readonly (readonly [number, number])[]): Crs | null {
  let degrees = 0;
  let metres = 0;
  for (const [first, second] of pairs) {
    if (!Number.isFinite(first) || !Number.isFinite(second)) continue;
    if (isDegrees(first, second)) degrees++;
    else metres++;
  }
  if (degrees + metres === 0) return null;
  return degrees >= metres ? 'wgs84' : 'lambert72';
}

export type ConvertResult =
  | { ok: true; lon: number; lat: number }
  | { ok: false; code: 'swapped_coordinates' | 'outside_flanders' | 'crs'; detail: ImportDetail };

/** Names of the two coordinate columns as the file calls them, for messages. */
export interface CoordinateLabels {
  first: string;
  second: string;
}

/** One pair in the file's system → WGS84 lon/lat inside Flanders, or the reason it is not. */
export function toWgs84(
  first: number,
  second: number,
  crs: Crs,
  labels: CoordinateLabels = { first: 'x', second: 'y' },
): ConvertResult {
  const shown = { xName: labels.first, x: first, yName: labels.second, y: second };
  const kind = classifyPair(first, second);
  if (crs === 'wgs84') {
    if (kind === 'wgs84') return { ok: true, lon: round(first), lat: round(second) };
    if (kind === 'wgs84_swapped')
      return {
        ok: false,
        code: 'swapped_coordinates',
        detail: detail('swapped_wgs84', { ...shown, ...FLANDERS_WGS84 }),
      };
    if (kind === 'degrees_outside') return outside(shown);
    return { ok: false, code: 'crs', detail: detail(READ_AS_WGS84[kind], shown) };
  }
  if (kind === 'lambert72') {
    const [lon, lat] = fromLambert72(first, second);
    return inFlandersWgs84(lon, lat) ? { ok: true, lon: round(lon), lat: round(lat) } : outside(shown);
  }
  if (kind === 'lambert72_swapped')
    return {
      ok: false,
      code: 'swapped_coordinates',
      detail: detail('swapped_lambert72', { ...shown, ...FLANDERS_LAMBERT72 }),
    };
  if (kind === 'metres_outside') return outside(shown);
  return { ok: false, code: 'crs', detail: detail(READ_AS_LAMBERT72[kind], shown) };
}

type Shown = { xName: string; x: number; yName: string; y: number };

function outside(shown: Shown): ConvertResult {
  return { ok: false, code: 'outside_flanders', detail: detail('outside_flanders', shown) };
}

/**
 * What the values are when they are not what the file is read as: one sentence per system, so
 * each language can word it whole. All of them take the same params ({xName} {x}, {yName} {y}).
 */
type WrongSystemKey = Extract<ImportDetailKey, `${string}_read_as_${string}`>;
const READ_AS_WGS84: Record<Exclude<PairKind, 'wgs84' | 'wgs84_swapped' | 'degrees_outside'>, WrongSystemKey> = {
  lambert72: 'lambert72_read_as_wgs84',
  lambert72_swapped: 'lambert72_read_as_wgs84',
  lambert2008: 'lambert2008_read_as_wgs84',
  web_mercator: 'web_mercator_read_as_wgs84',
  utm31: 'utm31_read_as_wgs84',
  metres_outside: 'far_metres_read_as_wgs84',
};
const READ_AS_LAMBERT72: Record<
  Exclude<PairKind, 'lambert72' | 'lambert72_swapped' | 'metres_outside'>,
  WrongSystemKey
> = {
  wgs84: 'degrees_read_as_lambert72',
  wgs84_swapped: 'degrees_read_as_lambert72',
  degrees_outside: 'degrees_read_as_lambert72',
  lambert2008: 'lambert2008_read_as_lambert72',
  web_mercator: 'web_mercator_read_as_lambert72',
  utm31: 'utm31_read_as_lambert72',
};

const round = (value: number) => Math.round(value * DECIMALS) / DECIMALS;
