import 'server-only';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { TILE_FORMAT } from '@/lib/tiles/aggregation';
import { TILE_LAYERS, type TileLayer } from '@/lib/tiles/layers';
import type { Database } from '../schema';

/**
 * Layer versions as URL tokens: `{tile format}.{version}.{changed_at in ms, hex}`, e.g.
 * 1.3.19ab5c2e4f1. The counter alone is not enough: a database that is reset and seeded again
 * starts over at 1, and a browser must not answer from its cache for data that was replaced;
 * the change time tells those apart. The tile format changes when the code changes what a
 * tile holds. A layer that never had data has version 0.
 */
export type LayerVersions = Record<TileLayer, string>;

/**
 * The layer's token as a scalar SQL expression, so a tile query can read the version in the
 * same statement (and so the same snapshot) as the data.
 */
export function layerVersionToken(layer: TileLayer): RawBuilder<string> {
  return sql<string>`coalesce((
    SELECT concat(${TILE_FORMAT}::int, '.', version, '.', to_hex(floor(extract(epoch FROM changed_at) * 1000)::bigint))
    FROM layer_versions WHERE layer = ${layer}::text), ${`${TILE_FORMAT}.0.0`}::text)`;
}

/** The current version token of every tile layer. */
export async function listLayerVersions(db: Kysely<Database>): Promise<LayerVersions> {
  const row = await db
    .selectNoFrom(TILE_LAYERS.map((layer) => layerVersionToken(layer).as(layer)))
    .executeTakeFirstOrThrow();
  return row as LayerVersions;
}

/** The current version token of one layer. */
export async function getLayerVersion(db: Kysely<Database>, layer: TileLayer): Promise<string> {
  const row = await db.selectNoFrom(layerVersionToken(layer).as('version')).executeTakeFirstOrThrow();
  return row.version;
}
