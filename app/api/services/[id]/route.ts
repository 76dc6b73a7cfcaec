import { z } from 'zod';
import { findServiceById } from '@/db/queries/services';
import { getDb } from '@/db/server';

export const dynamic = 'force-dynamic';

const serviceId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * GET /api/services/{id}: one care or welfare service, with the weekly schedule of a mobile
 * stop (vector tiles carry only what the map draws). Services are public information.
 */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await context.params;
  const parsed = serviceId.safeParse(id);
  if (!/^[0-9]+$/.test(id) || !parsed.success) {
    return Response.json({ error: 'id must be a positive whole number' }, { status: 400 });
  }
  const service = await findServiceById(await getDb(), parsed.data);
  if (!service) return Response.json({ error: `No service with id ${parsed.data}` }, { status: 404 });
  return Response.json(service, { headers: { 'Cache-Control': 'public, max-age=300' } });
}
