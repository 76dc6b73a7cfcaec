import { fromLambert72 } from '@/lib/geo/lambert72';

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
  | 'wgs84' | 'wgs84_swapped' | 'lambert72' | 'lambert72_swapped'
  | 'lambert2008' | 'web_mercator' | 'utm31' | 'degrees_outside' | 'metres_outside';

export const inFlandersWgs84 = (lon: number, lat: number) =>
  lon >= FLANDERS_WGS84.minLon && lon <= FLANDERS_WGS84.maxLon && lat >= FLANDERS_WGS84.minLat && lat <= FLANDERS_WGS84.maxLat;
const inFlandersLambert72 = (x: number, y: number) =>
  x >= FLANDERS_LAMBERT72.minX && x <= FLANDERS_LAMBERT72.maxX && y >= FLANDERS_LAMBERT72.minY && y <= FLANDERS_LAMBERT72.maxY;

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
  | { ok: false; code: 'swapped_coordinates' | 'outside_flanders' | 'crs'; problem: string };

/** Names of the two coordinate columns as the file calls them, for messages. */
export interface CoordinateLabels { first: string; second: string }

/** One pair in the file's system → WGS84 lon/lat inside Flanders, or the reason it is not. */
export function toWgs84(first: number, second: number, crs: Crs, labels: CoordinateLabels = { first: 'x', second: 'y' }): ConvertResult {
  const shown = `${labels.first} ${first}, ${labels.second} ${second}`;
  const kind = classifyPair(first, second);
  if (crs === 'wgs84') {
    if (kind === 'wgs84') return { ok: true, lon: round(first), lat: round(second) };
    if (kind === 'wgs84_swapped') {
      return { ok: false, code: 'swapped_coordinates', problem: `${shown} look swapped: in Flanders the longitude is ${FLANDERS_WGS84.minLon}–${FLANDERS_WGS84.maxLon} and the latitude ${FLANDERS_WGS84.minLat}–${FLANDERS_WGS84.maxLat}.` };
    }
    if (kind === 'degrees_outside') return outside(shown);
    return { ok: false, code: 'crs', problem: `${shown} are metres (${systemName(kind)}), but the file is read as WGS84 longitude/latitude.` };
  }
  if (kind === 'lambert72') {
    const [lon, lat] = fromLambert72(first, second);
    return inFlandersWgs84(lon, lat) ? { ok: true, lon: round(lon), lat: round(lat) } : outside(shown);
  }
  if (kind === 'lambert72_swapped') {
    return { ok: false, code: 'swapped_coordinates', problem: `${shown} look swapped: in Flanders Lambert 72 x is ${FLANDERS_LAMBERT72.minX}–${FLANDERS_LAMBERT72.maxX} and y ${FLANDERS_LAMBERT72.minY}–${FLANDERS_LAMBERT72.maxY}.` };
  }
  if (kind === 'metres_outside') return outside(shown);
  return { ok: false, code: 'crs', problem: `${shown} are ${systemName(kind)}, but the file is read as Belgian Lambert 72 (EPSG:31370).` };
}

function outside(shown: string): ConvertResult {
  return { ok: false, code: 'outside_flanders', problem: `${shown} lie outside Flanders.` };
}

function systemName(kind: PairKind): string {
  switch (kind) {
    case 'wgs84': case 'wgs84_swapped': case 'degrees_outside': return 'WGS84 degrees';
    case 'lambert72': case 'lambert72_swapped': return 'Belgian Lambert 72 (EPSG:31370) metres';
    case 'lambert2008': return 'apparently Belgian Lambert 2008 (EPSG:3812), which is not supported: export as Lambert 72 or WGS84';
    case 'web_mercator': return 'apparently Web Mercator (EPSG:3857), which is not supported: export as Lambert 72 or WGS84';
    case 'utm31': return 'apparently UTM zone 31N, which is not supported: export as Lambert 72 or WGS84';
    case 'metres_outside': return 'metres outside Flanders';
  }
}

const round = (value: number) => Math.round(value * DECIMALS) / DECIMALS;
