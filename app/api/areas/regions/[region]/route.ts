import { findRegion, listMunicipalities } from '@/db/queries/areas';
import { regionCode } from '@/lib/areas/codes';
import type { RegionDetail } from '@/lib/map/area-data';
import { regionDetailQuery } from '@/lib/map/area-query';
import { jsonError, respondWithAreaData } from '../../respond';

/** GET /api/areas/regions/sw11[?v=version]: the region and its municipalities (for the picker). */
export async function GET(request: Request, context: { params: Promise<{ region: string }> }): Promise<Response> {
  const { region } = await context.params;
  const code = regionCode.safeParse(region);
  if (!code.success) return jsonError(400, `Invalid region: ${code.error.issues[0]?.message ?? 'malformed'}`);
  return respondWithAreaData(request, regionDetailQuery, async (db): Promise<RegionDetail | Response> => {
    const found = await findRegion(db, code.data);
    if (!found) return jsonError(404, `No region with code ${code.data}`);
    return { region: found, municipalities: await listMunicipalities(db, found.code) };
  });
}
