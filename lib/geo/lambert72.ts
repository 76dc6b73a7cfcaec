/**
 * WGS84 (EPSG:4326) ⇄ Belgian Lambert 72 (EPSG:31370) in plain JS, so the demo generator can
 * snap points to a metric grid without a database round trip. It follows the definition
 * PostGIS uses for 31370 (Lambert conformal conic 2SP on the International 1924 ellipsoid,
 * BD72 datum via the 7-parameter `towgs84` shift); results agree with `ST_Transform` to
 * well under a centimetre, which is all a 100 m grid needs.
 */

const DEG = Math.PI / 180;
const ARCSEC = DEG / 3600;

interface Ellipsoid {
  a: number;
  e2: number;
}
const WGS84: Ellipsoid = ellipsoid(6378137, 1 / 298.257223563);
const INTL_1924: Ellipsoid = ellipsoid(6378388, 1 / 297);

// BD72 → WGS84, position-vector convention as in PROJ's +towgs84.
const SHIFT = {
  tx: -106.8686,
  ty: 52.2978,
  tz: -103.7239,
  rx: 0.3366 * ARCSEC,
  ry: -0.457 * ARCSEC,
  rz: 1.8422 * ARCSEC,
  s: -1.2747e-6,
};

// Projection constants of EPSG:31370.
const LAT_1 = 51.16666723333333 * DEG;
const LAT_2 = 49.8333339 * DEG;
const LON_0 = 4.367486666666666 * DEG;
const X_0 = 150000.013;
const Y_0 = 5400088.438;

const e = Math.sqrt(INTL_1924.e2);
const mOf = (lat: number) => Math.cos(lat) / Math.sqrt(1 - INTL_1924.e2 * Math.sin(lat) ** 2);
const tOf = (lat: number) =>
  Math.tan(Math.PI / 4 - lat / 2) / ((1 - e * Math.sin(lat)) / (1 + e * Math.sin(lat))) ** (e / 2);
const N = (Math.log(mOf(LAT_1)) - Math.log(mOf(LAT_2))) / (Math.log(tOf(LAT_1)) - Math.log(tOf(LAT_2)));
const AF = INTL_1924.a * (mOf(LAT_1) / (N * tOf(LAT_1) ** N));
// lat_0 = 90°, so the radius at the origin latitude is 0.

/** [lon, lat] in WGS84 degrees → [x, y] in Lambert 72 metres. */
export function toLambert72(lon: number, lat: number): [number, number] {
  const wgs = toGeocentric(lon * DEG, lat * DEG, WGS84);
  const [bdLon, bdLat] = fromGeocentric(helmertInverse(wgs), INTL_1924);
  const r = AF * tOf(bdLat) ** N;
  const theta = N * (bdLon - LON_0);
  return [X_0 + r * Math.sin(theta), Y_0 - r * Math.cos(theta)];
}

/** [x, y] in Lambert 72 metres → [lon, lat] in WGS84 degrees. */
export function fromLambert72(x: number, y: number): [number, number] {
  const dx = x - X_0;
  const dy = Y_0 - y;
  const r = Math.sign(N) * Math.hypot(dx, dy);
  const t = (r / AF) ** (1 / N);
  const theta = Math.atan2(dx, dy);
  let lat = Math.PI / 2 - 2 * Math.atan(t);
  for (let i = 0; i < 10; i++) {
    const sin = e * Math.sin(lat);
    const next = Math.PI / 2 - 2 * Math.atan(t * ((1 - sin) / (1 + sin)) ** (e / 2));
    if (Math.abs(next - lat) < 1e-14) {
      lat = next;
      break;
    }
    lat = next;
  }
  const lon = theta / N + LON_0;
  const [wgsLon, wgsLat] = fromGeocentric(helmert(toGeocentric(lon, lat, INTL_1924)), WGS84);
  return [wgsLon / DEG, wgsLat / DEG];
}

type Xyz = [number, number, number];

function ellipsoid(a: number, f: number): Ellipsoid {
  return { a, e2: f * (2 - f) };
}

function toGeocentric(lon: number, lat: number, { a, e2 }: Ellipsoid): Xyz {
  const n = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return [n * Math.cos(lat) * Math.cos(lon), n * Math.cos(lat) * Math.sin(lon), n * (1 - e2) * Math.sin(lat)];
}

function fromGeocentric([x, y, z]: Xyz, { a, e2 }: Ellipsoid): [number, number] {
  const p = Math.hypot(x, y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const n = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    const next = Math.atan2(z + e2 * n * Math.sin(lat), p);
    if (Math.abs(next - lat) < 1e-14) {
      lat = next;
      break;
    }
    lat = next;
  }
  return [Math.atan2(y, x), lat];
}

function helmert([x, y, z]: Xyz): Xyz {
  const { tx, ty, tz, rx, ry, rz, s } = SHIFT;
  const k = 1 + s;
  return [tx + k * (x - rz * y + ry * z), ty + k * (rz * x + y - rx * z), tz + k * (-ry * x + rx * y + z)];
}

/** Exact inverse of `helmert` (solves the small linear system instead of negating parameters). */
function helmertInverse([x, y, z]: Xyz): Xyz {
  const { tx, ty, tz, rx, ry, rz, s } = SHIFT;
  const k = 1 + s;
  const b: Xyz = [(x - tx) / k, (y - ty) / k, (z - tz) / k];
  // R = [[1, -rz, ry], [rz, 1, -rx], [-ry, rx, 1]]; solve R·v = b by Cramer's rule.
  const m = [
    [1, -rz, ry],
    [rz, 1, -rx],
    [-ry, rx, 1],
  ] as const;
  const det = (c: readonly (readonly number[])[]) =>
    c[0]![0]! * (c[1]![1]! * c[2]![2]! - c[1]![2]! * c[2]![1]!) -
    c[0]![1]! * (c[1]![0]! * c[2]![2]! - c[1]![2]! * c[2]![0]!) +
    c[0]![2]! * (c[1]![0]! * c[2]![1]! - c[1]![1]! * c[2]![0]!);
  const d = det(m);
  const column = (i: number) => m.map((row, r) => row.map((value, c) => (c === i ? b[r]! : value)));
  return [det(column(0)) / d, det(column(1)) / d, det(column(2)) / d];
}
