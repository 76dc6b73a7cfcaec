import { findRegion } from '@/db/queries/areas';
import { getLayerVersion } from '@/db/queries/layer-versions';
import { listRegionServicePoints } from '@/db/queries/services';
import { getDb } from '@/db/server';
import { regionCode } from '@/lib/areas/codes';
import { SERVICE_TYPES } from '@/lib/services/service-types';

export const dynamic = 'force-dynamic';

const jsonError = (status: 400 | 404 | 500, error: string) =>
  Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * GET /api/services?region=sw11[&types=gp,pharmacy]: the region's services as positions and
 * types (public information), for the walking-distance rings drawn around them.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const unknown = [...params.keys()].filter((key) => key !== 'region' && key !== 'types');
  if (unknown.length > 0)
    return jsonError(400, `Invalid query: ${unknown[0]} is not a parameter (it takes region, types)`);
  const region = regionCode.safeParse(params.get('region') ?? '');
  if (!region.success || params.getAll('region').length !== 1)
    return jsonError(400, 'Invalid query: region must be one region code such as sw11');
  const known: string[] = SERVICE_TYPES.map((type) => type.code);
  const types = params.get('types')?.split(',');
  const wrong = types?.find((type) => !known.includes(type));
  if (wrong !== undefined)
    return jsonError(400, `Invalid query: types has unknown "${wrong}"; known: ${known.join(', ')}`);
  try {
    const db = await getDb();
    if (!(await findRegion(db, region.data))) return jsonError(404, `No region with code ${region.data}`);
    const [services, version] = await Promise.all([
      listRegionServicePoints(db, region.data),
      getLayerVersion(db, 'services'),
    ]);
    const chosen = types ? services.filter((service) => types.includes(service.serviceType)) : services;
    return Response.json({ version, services: chosen }, { headers: { 'Cache-Control': 'public, no-cache' } });
  } catch (error) {
    console.error('[buurtradar] service list failed', error);
    return jsonError(500, 'The services could not be read; try again later');
  }
}
