import 'server-only';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { MIN_PRIVATE_COUNT, tileFormatToken } from '@/lib/tiles/aggregation';
import { TILE_LAYERS, type TileLayer } from '@/lib/tiles/layers';
import type { Database } from '../schema';

/**
 * Layer versions as URL tokens: `{tile format}.{version}.{changed_at in ms, hex}`, e.g.
 * 2.3.19ab5c2e4f1, or 2k5.3.19ab5c2e4f1 for a layer about people shown with threshold 5. The counter alone is not enough: a database that is reset and seeded again
 * starts over at 1, and a browser must not answer from its cache for data that was replaced;
 * the change time tells those apart. The tile format changes when the code changes what a
 * tile holds, and the threshold changes what a tile of a layer about people holds. A layer that
 * never had data has version 0. `privateMinCount`: the small-numbers threshold the app uses.
 */
export type LayerVersions = Record<TileLayer, string>;

/**
 * The layer's token as a scalar SQL expression, so a tile query can read the version in the
 * same statement (and so the same snapshot) as the data.
 */
export function layerVersionToken(layer: TileLayer, privateMinCount = MIN_PRIVATE_COUNT): RawBuilder<string> {
  const format = tileFormatToken(layer, privateMinCount);
  return sql<string>`coalesce((
    SELECT concat(${format}::text, '.', version, '.', to_hex(floor(extract(epoch FROM changed_at) * 1000)::bigint))
    FROM layer_versions WHERE layer = ${layer}::text), ${`${format}.0.0`}::text)`;
}

/** The current version token of every tile layer. */
export async function listLayerVersions(
  db: Kysely<Database>,
  privateMinCount = MIN_PRIVATE_COUNT,
): Promise<LayerVersions> {
  const row = await db
    .selectNoFrom(TILE_LAYERS.map((layer) => layerVersionToken(layer, privateMinCount).as(layer)))
    .executeTakeFirstOrThrow();
  return row as LayerVersions;
}

/** The current version token of one layer. */
export async function getLayerVersion(
  db: Kysely<Database>,
  layer: TileLayer,
  privateMinCount = MIN_PRIVATE_COUNT,
): Promise<string> {
  const row = await db.selectNoFrom(layerVersionToken(layer, privateMinCount).as('version')).executeTakeFirstOrThrow();
  return row.version;
}
