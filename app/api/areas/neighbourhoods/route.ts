import { findMunicipality, findRegion, neighbourhoodsGeoJson } from '@/db/queries/areas';
import { neighbourhoodsQuery } from '@/lib/map/area-query';
import { jsonError, respondWithAreaData } from '../respond';

/**
 * GET /api/areas/neighbourhoods?region=sw11 | ?municipality=13003 [&v=version]: neighbourhood
 * boundaries as GeoJSON with their municipality and latest indicator values.
 */
export async function GET(request: Request): Promise<Response> {
  return respondWithAreaData(request, neighbourhoodsQuery, async (db, query) => {
    if (query.region !== undefined) {
      if (!(await findRegion(db, query.region))) return jsonError(404, `No region with code ${query.region}`);
      return neighbourhoodsGeoJson(db, { regionCode: query.region });
    }
    const nis = query.municipality ?? '';
    if (!(await findMunicipality(db, nis))) return jsonError(404, `No municipality with NIS code ${nis}`);
    return neighbourhoodsGeoJson(db, { municipalityNis: nis });
  });
}
