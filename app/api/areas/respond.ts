import 'server-only';
import type { Kysely } from 'kysely';
import { getDb } from '@/db/server';
import { getAreaDataVersion } from '@/db/queries/areas';
import type { Database } from '@/db/schema';
import { parseQuery } from '@/lib/map/area-query';
import type { z } from 'zod';

/** JSON error bodies are always `{ error: "<what is wrong>" }`. */
export function jsonError(status: 400 | 404 | 500, error: string): Response {
  return Response.json({ error }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * Answers a GET for area data with HTTP caching keyed on the data version:
 * - the URL carries the current version (`?v=`): cacheable for a day, since a change of data
 *   changes the version and so the URL the page asks for;
 * - otherwise: revalidate every time, answered with 304 when the ETag still matches.
 * `load` returns the body, or a Response (an error) to send as it is.
 */
export async function respondWithAreaData<Q extends { v?: string }>(
  request: Request,
  schema: z.ZodType<Q>,
  load: (db: Kysely<Database>, query: Q) => Promise<unknown>,
): Promise<Response> {
  const parsed = parseQuery(schema, new URL(request.url).searchParams);
  if (!parsed.ok) return jsonError(400, parsed.error);
  try {
    const db = await getDb();
    const version = await getAreaDataVersion(db);
    const etag = `W/"${version}"`;
    const cacheControl =
      parsed.value.v === version ? 'public, max-age=86400, stale-while-revalidate=604800' : 'public, no-cache';
    if (request.headers.get('if-none-match') === etag) {
      return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': cacheControl } });
    }
    const body = await load(db, parsed.value);
    if (body instanceof Response) return body;
    return Response.json(body, { headers: { ETag: etag, 'Cache-Control': cacheControl } });
  } catch (error) {
    console.error('[buurtradar] area data request failed', error);
    return jsonError(500, 'The area data could not be read; try again later');
  }
}
