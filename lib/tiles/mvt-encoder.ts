import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { TILE_EXTENT } from './aggregation';

/** Attribute values as MVT stores them; null attributes are left out of the feature. */
export type AttributeValue = string | number | boolean | null;

/** A point in tile units (0..TILE_EXTENT, x east, y south; the buffer lies outside that range). */
export interface PointFeature {
  /** MVT feature id: the database id of a point; cells have none. */
  id?: number;
  x: number;
  y: number;
  properties: Record<string, AttributeValue>;
}

type VtLayers = Parameters<typeof fromGeojsonVt>[0];

/**
 * Encodes one MVT layer (spec version 2, extent 4096) of point features, as ST_AsMVT does on a
 * PostGIS server: integers as uint/sint values, booleans as bool, text as string, nulls left
 * out. Used on the embedded database, whose PostGIS lacks ST_AsMVT. Null when there is
 * nothing to encode, so an empty tile is an empty answer (204), not an empty layer.
 */
export function encodePointLayer(name: string, features: readonly PointFeature[]): Uint8Array | null {
  if (features.length === 0) return null;
  const tile = {
    features: features.map((feature) => ({
      type: 1 as const,
      geometry: [[feature.x, feature.y]],
      tags: feature.properties,
      ...(feature.id === undefined ? {} : { id: feature.id }),
    })),
  };
  // fromGeojsonVt reads only `features` of a geojson-vt tile; the rest of that type is its index.
  return fromGeojsonVt({ [name]: tile } as unknown as VtLayers, { version: 2, extent: TILE_EXTENT });
}
