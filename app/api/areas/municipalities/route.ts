import { findRegion, municipalityOutlinesGeoJson } from '@/db/queries/areas';
import { municipalityOutlinesQuery } from '@/lib/map/area-query';
import { jsonError, respondWithAreaData } from '../respond';

/** GET /api/areas/municipalities?region=sw11[&v=version]: municipality outlines of a region as GeoJSON. */
export async function GET(request: Request): Promise<Response> {
  return respondWithAreaData(request, municipalityOutlinesQuery, async (db, query) => {
    if (!(await findRegion(db, query.region))) return jsonError(404, `No region with code ${query.region}`);
    return municipalityOutlinesGeoJson(db, query.region);
  });
}
