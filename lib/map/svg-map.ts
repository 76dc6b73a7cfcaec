import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * SVG paths of polygons for small static maps (small multiples, print): an equirectangular
 * projection scaled by cos(latitude) at the shapes' centre, which at the size of a municipality
 * is indistinguishable from a conformal one, fitted into width × height with a margin.
 */
export interface SvgShape {
  code: string;
  geometry: Polygon | MultiPolygon;
}
export interface SvgPath {
  code: string;
  d: string;
}

export function svgPaths(shapes: readonly SvgShape[], width: number, height: number, margin = 4): SvgPath[] {
  const rings = (g: Polygon | MultiPolygon): Position[][] =>
    g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  const all = shapes.flatMap((s) => rings(s.geometry).flat());
  if (all.length === 0) return [];
  const lons = all.map((p) => p[0]!);
  const lats = all.map((p) => p[1]!);
  const [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const k = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * k, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const x = (lon: number) => (offsetX + (lon - west) * k * scale).toFixed(1);
  const y = (lat: number) => (offsetY + (north - lat) * scale).toFixed(1);
  return shapes.map((shape) => ({
    code: shape.code,
    d: rings(shape.geometry)
      .map((ring) => `M${ring.map((p) => `${x(p[0]!)},${y(p[1]!)}`).join('L')}Z`)
      .join(''),
  }));
}
