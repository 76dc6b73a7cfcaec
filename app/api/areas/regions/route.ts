import { regionOutlinesGeoJson } from '@/db/queries/areas';
import { regionOutlinesQuery } from '@/lib/map/area-query';
import { respondWithAreaData } from '../respond';

/** GET /api/areas/regions[?v=version]: outlines of all regions as GeoJSON (context layer). */
export async function GET(request: Request): Promise<Response> {
  return respondWithAreaData(request, regionOutlinesQuery, (db) => regionOutlinesGeoJson(db));
}
