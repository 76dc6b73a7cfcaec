import { smallNumberThreshold } from '@/app/_server/small-numbers';
import { getDatabase } from '@/db/server';
import { listLayerVersions } from '@/db/queries/layer-versions';
import { LAYER_RULES } from '@/lib/tiles/aggregation';
import { TILE_LAYERS } from '@/lib/tiles/layers';
import { jsonError } from '../tile-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/tiles/versions: per layer its current version and a tile URL template (relative to
 * the app's origin; append filters such as `&from=2025-01-01&to=2025-12-31`). Never cached: it
 * is how clients learn that data changed, and then every tile URL of that layer changes.
 */
export async function GET(): Promise<Response> {
  try {
    const { db } = await getDatabase();
    const versions = await listLayerVersions(db, smallNumberThreshold());
    const layers = Object.fromEntries(
      TILE_LAYERS.map((layer) => [
        layer,
        {
          version: versions[layer],
          tiles: `/api/tiles/${layer}/{z}/{x}/{y}.pbf?v=${versions[layer]}`,
          minzoom: 0,
          maxzoom: LAYER_RULES[layer].maxZoom,
        },
      ]),
    );
    return Response.json({ layers }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('[buurtradar] tile versions could not be read', error);
    return jsonError(500, 'The layer versions could not be read; try again later');
  }
}
