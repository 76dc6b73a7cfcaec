import 'server-only';
import type { DatabaseHandle } from '@/db/client';
import { getLayerVersion } from '@/db/queries/layer-versions';
import { getVersionedTile } from '@/db/queries/tiles';
import { type AccessScope, type SignalTileAccess, scopeDenial, signalTileAccess } from '@/lib/auth/access';
import { isAboutPeople } from '@/lib/tiles/aggregation';
import { type TileRequest, parseTileRequest } from '@/lib/tiles/tile-request';

export const MVT_CONTENT_TYPE = 'application/vnd.mapbox-vector-tile';
/** A versioned tile URL never changes content, so browsers and CDNs may keep it for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Signal tiles depend on who asks (and may hold points): never stored, not even by the browser. */
const PERSONAL = 'private, no-store';

export function jsonError(status: 400 | 401 | 403 | 500 | 503, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * The tile answer:
 * - 400 `{ error }` for a bad layer, tile, filter or version (checked before the database);
 * - signals and substandard dwellings (layers about people) only: 401 for visitors who are not
 *   signed in, 403 for roles that do not see signals one by one (lib/auth/access.ts
 *   signalTileAccess says why); the tile shows the cells and, for signals from z 15, the points
 *   of the person's own municipalities, and is never cached;
 * - 307 to the same URL with the current `v` when the URL has none or an old one: never
 *   stale, and the redirect itself is not cached (a later change must redirect elsewhere);
 * - 200 with the tile or 204 when empty, cacheable forever: a change of the layer's data
 *   bumps its version (in the same transaction), which changes every tile URL of the layer.
 *
 * The tile is made before the version is compared (getVersionedTile says why that is sound):
 * a current client, the common case, then costs one statement on a server. An old URL costs
 * a wasted tile before its redirect, which is rare.
 */
export async function respondWithTile(
  openDatabase: () => Promise<Pick<DatabaseHandle, 'db' | 'backend'>>,
  url: URL,
  path: { layer: string; z: string; x: string; y: string },
  readScope: () => Promise<AccessScope | null>,
  privateMinCount?: number,
): Promise<Response> {
  const parsed = parseTileRequest(path, url.searchParams);
  if (!parsed.ok) return jsonError(400, parsed.error);
  const request = parsed.value;
  try {
    let signals: SignalTileAccess | undefined;
    if (isAboutPeople(request.layer)) {
      const scope = await readScope();
      const what = request.layer === 'signals' ? 'signal' : 'substandard-dwelling';
      const denial = scopeDenial(
        scope,
        (s) => signalTileAccess(s) !== null,
        scope?.canSeeAggregates
          ? `Your role sees ${what} figures on the analysis pages (/analyse), published per neighbourhood and year; map tiles of ${what}s are for coordinators and advisors`
          : `Your role does not give access to ${what} figures`,
      );
      if (denial) return jsonError(denial.status, denial.error);
      signals = signalTileAccess(scope)!;
    }
    const { db, backend } = await openDatabase();
    if (request.version === undefined)
      return redirectTo(url, await getLayerVersion(db, request.layer, privateMinCount));
    const { tile, version } = await getVersionedTile(db, backend, request, { signals, privateMinCount });
    if (version !== request.version) return redirectTo(url, version);
    const headers = { 'Content-Type': MVT_CONTENT_TYPE, 'Cache-Control': signals ? PERSONAL : IMMUTABLE };
    // A copy (at most 256 KB) gives the ArrayBuffer-backed view that Response's types ask for.
    return tile ? new Response(new Uint8Array(tile), { headers }) : new Response(null, { status: 204, headers });
  } catch (error) {
    console.error(`[buurtradar] tile ${describe(request)} failed`, error);
    return jsonError(500, 'The tile could not be made; try again later');
  }
}

function redirectTo(url: URL, version: string): Response {
  const target = new URL(url);
  target.searchParams.set('v', version);
  // Relative, so it stays right behind a proxy that rewrites the host.
  return new Response(null, {
    status: 307,
    headers: { Location: target.pathname + target.search, 'Cache-Control': 'no-store' },
  });
}

const describe = (r: TileRequest) => `${r.layer}/${r.z}/${r.x}/${r.y}`;
