import { sql } from 'kysely';
import { getDatabase } from '@/db/server';

export const dynamic = 'force-dynamic';

/** Liveness and readiness for load balancers: answers 200 only when the database answers. */
export async function GET(): Promise<Response> {
  try {
    const { db, backend } = await getDatabase();
    await sql`SELECT 1`.execute(db);
    return Response.json({ status: 'ok', database: backend }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'unavailable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
