import { PERSONAL_HEADERS, getAccessScope } from '@/app/_server/session';
import { smallNumberThreshold } from '@/app/_server/small-numbers';
import { findRegion, listMunicipalities } from '@/db/queries/areas';
import { getNeighbourhoodOverlayCounts } from '@/db/queries/neighbourhood-overlays';
import { getDb } from '@/db/server';
import { regionCode } from '@/lib/areas/codes';
import { mapSignalMunicipalitiesIn } from '@/lib/auth/access';
import { summariseNeighbourhoodOverlays } from '@/lib/map/neighbourhood-overlays';
import { parseSignalFilters } from '@/lib/tiles/tile-request';
import { jsonError } from '../respond';

export const dynamic = 'force-dynamic';

/**
 * GET /api/areas/neighbourhood-overlays?region=sw11[&from=&to=&categories=&status=&partner=]:
 * per neighbourhood the signal count and rate for the filters, street lights and defects, and
 * substandard-dwelling records in the window; counts below the threshold come as null.
 * Signal figures only of the municipalities whose signals the person sees one by one
 * (lib/auth/access.ts signalTileAccess: none for visitors, reporters, analysts and admins):
 * the others have no `signals` key at all.
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const region = regionCode.safeParse(params.get('region') ?? '');
  if (!region.success || params.getAll('region').length !== 1)
    return jsonError(400, 'Invalid query: region must be one region code such as sw11');
  const filters = parseSignalFilters(params, ['region']);
  if (!filters.ok) return jsonError(400, filters.error);
  try {
    const db = await getDb();
    if (!(await findRegion(db, region.data))) return jsonError(404, `No region with code ${region.data}`);
    const [scope, municipalities] = await Promise.all([getAccessScope(), listMunicipalities(db, region.data)]);
    const visible = mapSignalMunicipalitiesIn(
      scope,
      municipalities.map((m) => m.nis),
    );
    const rows = await getNeighbourhoodOverlayCounts(db, region.data, filters.value, visible);
    const threshold = smallNumberThreshold();
    return Response.json(
      {
        threshold,
        window: filters.value.window ?? null,
        signalMunicipalities: visible,
        neighbourhoods: summariseNeighbourhoodOverlays(rows, threshold),
      },
      // Depends on who asks, and moves with every new signal: never stored.
      { headers: PERSONAL_HEADERS },
    );
  } catch (error) {
    console.error('[buurtradar] neighbourhood overlay counts failed', error);
    return jsonError(500, 'The layer data could not be read; try again later');
  }
}
