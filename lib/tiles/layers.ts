/**
 * The point layers served as vector tiles. The names are the URL segment and the MVT layer
 * name; db/queries/tiles.ts maps each to its table through an allow-list.
 */
export const TILE_LAYERS = ['signals', 'services', 'street_lights', 'social_housing', 'substandard_dwellings'] as const;

export type TileLayer = (typeof TILE_LAYERS)[number];

export function isTileLayer(value: string): value is TileLayer {
  return (TILE_LAYERS as readonly string[]).includes(value);
}
