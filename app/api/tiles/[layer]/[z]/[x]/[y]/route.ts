import { getTileAccessScope } from '@/app/_server/session';
import { smallNumberThreshold } from '@/app/_server/small-numbers';
import { getDatabase } from '@/db/server';
import { respondWithTile } from '../../../../tile-response';

export const dynamic = 'force-dynamic';

/**
 * GET /api/tiles/{layer}/{z}/{x}/{y}.pbf?v={layer version}[&filters]: a Mapbox vector tile of
 * one point layer (y may end in .pbf, .mvt or nothing). See app/api/tiles/tile-response.ts for
 * the answers and lib/tiles/tile-request.ts for the parameters.
 */
export async function GET(
  request: Request,
  context: { params: Promise<{ layer: string; z: string; x: string; y: string }> },
): Promise<Response> {
  return respondWithTile(
    getDatabase,
    new URL(request.url),
    await context.params,
    getTileAccessScope,
    smallNumberThreshold(),
  );
}
